import { ChainClient } from '../chain/chain-client.js';
import { resolveConfig, type ResolvedConfig, type StardustConfig } from './config.js';
import { consoleLogger, namedLogger, type Logger } from './logger.js';

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
  #chain: ChainClient | undefined;

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
   * The chain connection of this client (`config.chain`). Created on first use; it connects
   * (and loads the polkadot-js chunk) only when a call first needs the chain.
   */
  get chain(): ChainClient {
    this.#chain ??= new ChainClient({
      url: this.config.chain,
      logger: namedLogger(this.logger, 'chain'),
    });

    return this.#chain;
  }

  /** Closes every connection this client opened. The client cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.#chain?.dispose();
  }
}
