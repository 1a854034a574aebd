import type { ApiPromise } from '@polkadot/api';

import { StardustError } from '../shared/errors.js';
import { resolveConfig, type ResolvedConfig, type StardustConfig } from './config.js';
import { consoleLogger, type Logger } from './logger.js';

/**
 * The one object a page builds from one config and shares with every element: it owns the
 * wallet session, the signaling connection, the chain connection and the message store.
 *
 * Constructing it does no I/O: every connection opens when first needed.
 */
export class StardustClient {
  /** The validated configuration. */
  readonly config: ResolvedConfig;
  /** The logger every subsystem of this client writes to. */
  readonly logger: Logger;
  #disposed = false;
  #chainApi: Promise<ApiPromise> | undefined;

  /**
   * @throws StardustError CONFIG_INVALID when an option is missing or malformed.
   */
  constructor(config: StardustConfig) {
    this.config = resolveConfig(config);
    this.logger = this.config.logger ?? consoleLogger;
  }

  /** True after {@link dispose}. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * Connects to the chain on the first call and returns that connection afterwards.
   * `@polkadot/api` is loaded then, as a separate chunk, so pages that never touch the chain
   * never download it.
   * @throws StardustError CHAIN_UNREACHABLE when the connection fails (a later call tries
   *   again), DISPOSED after {@link dispose}.
   */
  chainApi(): Promise<ApiPromise> {
    if (this.#disposed) {
      return Promise.reject(
        new StardustError('DISPOSED', 'This StardustClient was disposed: create a new one.'),
      );
    }

    this.#chainApi ??= import('../chain/load-api.js')
      .then(({ connectApi }) => connectApi(this.config.chain))
      .catch((cause: unknown) => {
        this.#chainApi = undefined;

        throw new StardustError(
          'CHAIN_UNREACHABLE',
          `Connecting to the chain at ${this.config.chain} failed: check the chain URL and that the node is running.`,
          { cause },
        );
      });

    return this.#chainApi;
  }

  /** Closes every connection this client opened. The client cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;

    const chainApi = this.#chainApi;

    this.#chainApi = undefined;

    // A connection that failed already reported through chainApi(); nothing to close then.
    const api = await chainApi?.catch(() => undefined);

    await api?.disconnect();
  }
}
