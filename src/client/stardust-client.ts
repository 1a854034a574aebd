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

  /** Closes every connection this client opened. The client cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;
  }
}
