/**
 * A session proxy that authorizes itself on its first chain write: it takes the signaling
 * session key and asks the wallet for the authorization only when the chain does not list
 * that key as a proxy yet. A failed authorization (the user rejected it) is asked again on
 * the next write.
 */
import { silentLogger, type Logger } from '../client/logger.js';
import type { SessionSource } from '../wallet/session.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import type { ChainClient } from './chain-client.js';
import { SessionProxy } from './session-proxy.js';
import type { ChainCall, SendOptions, TxResult, TxSender } from './types.js';

/** Default allowance of a session proxy: 0.1 DUST (12 decimals) for fees. */
export const DEFAULT_SESSION_ALLOWANCE = 100_000_000_000n;

/** Options of {@link LazySessionProxy}. */
export interface LazySessionProxyOptions {
  chain: ChainClient;
  /** The signaling session whose key becomes the proxy account. */
  sessions: SessionSource;
  /** The wallet that authorizes the proxy (one prompt) and funds it. */
  wallet: WalletSigner;
  /** Planck moved to the session account for fees; 0.1 DUST by default. */
  allowance?: bigint;
  logger?: Logger;
}

/** A {@link TxSender} through the session proxy, authorized on first use. */
export class LazySessionProxy implements TxSender {
  /** SS58 address of the wallet account the calls act for. */
  readonly account: string;
  readonly #options: LazySessionProxyOptions;
  #proxy: Promise<SessionProxy> | undefined;

  constructor(options: LazySessionProxyOptions) {
    this.#options = options;
    this.account = options.wallet.account.address;
  }

  async send<T>(call: ChainCall<T>, options?: SendOptions): Promise<TxResult<T>> {
    this.#proxy ??= this.#authorize();

    let proxy: SessionProxy;

    try {
      proxy = await this.#proxy;
    } catch (error) {
      this.#proxy = undefined;
      throw error;
    }

    return proxy.send(call, options);
  }

  async #authorize(): Promise<SessionProxy> {
    const session = await this.#options.sessions.get();
    const logger = this.#options.logger ?? silentLogger;
    const proxy = new SessionProxy({
      client: this.#options.chain,
      wallet: this.#options.wallet,
      sessionKey: { publicKey: session.publicKey, sign: (bytes) => session.sign(bytes) },
      allowance: this.#options.allowance ?? DEFAULT_SESSION_ALLOWANCE,
      logger,
    });

    if (!(await proxy.isAuthorized())) {
      logger.info('authorizing the session proxy', { session: proxy.sessionAccount });
      await proxy.authorize({ waitFor: 'inBlock' });
    }

    return proxy;
  }
}
