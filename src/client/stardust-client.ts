import type { CallChainRecorder } from '../call/call-chain.js';
import type { CallManager } from '../call/call-manager.js';
import { ChainClient } from '../chain/chain-client.js';
import { fromHex } from '../shared/bytes.js';
import type { RawSigner } from '../shared/delegation.js';
import { StardustError } from '../shared/errors.js';
import { fetchGenesisHash } from '../signaling/genesis.js';
import { SignalingClient, type SignalingClientOptions } from '../signaling/signaling-client.js';
import { rawSignerOf, SessionManager, type SessionManagerOptions } from '../wallet/session.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import { ClientMessages, type ClientMessagesOptions } from './client-messages.js';
import type { ClientCalls, ClientCallsOptions } from './client-calls.js';
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
  #wallet: RawSigner | undefined;
  #walletSigner: WalletSigner | undefined;
  #calls: ClientCalls | undefined;
  #callsLoading: Promise<ClientCalls> | undefined;
  #callsOptions: ClientCallsOptions = {};
  readonly #walletListeners = new Set<(account: string) => void>();
  #messages: ClientMessages | undefined;
  #messagesOptions: ClientMessagesOptions = {};
  #sessions: SessionManager | undefined;
  #signaling: SignalingClient | undefined;
  #signalingOptions: Partial<SignalingClientOptions> & Partial<SessionManagerOptions> = {};

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

  /**
   * Sets the wallet account that signs this client's session delegation. Setting another
   * account closes the signaling connection of the previous one.
   * @param options Overrides for tests and special pages: storage, origin, WebSocket,
   * clock, reconnect policy.
   */
  useWallet(
    wallet: WalletSigner | RawSigner,
    options: Partial<SignalingClientOptions> & Partial<SessionManagerOptions> = {},
  ): void {
    const raw = 'account' in wallet ? rawSignerOf(wallet) : wallet;

    if (this.#wallet?.address === raw.address && this.#signaling !== undefined) return;

    this.#dropCalls();
    void this.#signaling?.close();
    this.#signaling = undefined;

    if (this.#messages !== undefined && this.#messages.account !== raw.address) {
      this.#messages.dispose();
      this.#messages = undefined;
    }

    this.#wallet = raw;
    this.#walletSigner = 'account' in wallet ? wallet : undefined;
    this.#signalingOptions = options;
    this.#sessions = new SessionManager({
      genesisHash: () => this.#genesisHash(),
      ...options,
      wallet: raw,
    });

    for (const listener of [...this.#walletListeners]) listener(raw.address);
  }

  /** The wallet account set with {@link useWallet} (SS58), or undefined before. */
  get account(): string | undefined {
    return this.#wallet?.address;
  }

  /**
   * Calls `listener` with the account each time {@link useWallet} sets another one, so an
   * element that needs the account can start once the page chose it. Returns the unsubscribe.
   */
  onWalletChange(listener: (account: string) => void): () => void {
    this.#walletListeners.add(listener);

    return () => this.#walletListeners.delete(listener);
  }

  /**
   * Sets how voice messages are stored and sent (see {@link ClientMessagesOptions}). Takes
   * effect for the next {@link messages} service: call it before the first use.
   */
  configureMessages(options: ClientMessagesOptions): void {
    this.#messagesOptions = { ...this.#messagesOptions, ...options };
    this.#messages?.dispose();
    this.#messages = undefined;
  }

  /**
   * The voice messages of the wallet account, created on first use: `ready()` sets up the
   * device and starts receiving, `send()` seals and queues a recording, `play()` plays a
   * received one. The same service until the wallet account changes.
   * @throws StardustError INVALID_STATE before useWallet().
   */
  get messages(): ClientMessages {
    if (this.#disposed) throw new StardustError('DISPOSED', 'The Stardust client was disposed.');

    if (this.#wallet === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        'No wallet account: call useWallet() before using voice messages.',
      );
    }

    this.#messages ??= new ClientMessages({
      wallet: this.#wallet,
      walletSigner: this.#walletSigner,
      signaling: () => this.signaling,
      sessions: () => this.sessions,
      chain: this.chain,
      config: this.config,
      options: this.#messagesOptions,
      logger: namedLogger(this.logger, 'messages'),
    });

    return this.#messages;
  }

  /** The session of the wallet account: one wallet prompt per delegation lifetime. */
  get sessions(): SessionManager {
    if (this.#sessions === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        'No wallet account: call useWallet() before using signaling.',
      );
    }

    return this.#sessions;
  }

  /**
   * The signaling connection (`config.signaling`) of the wallet account. Created on first
   * use; it connects when first needed (the first send, request or connect()). With several
   * URLs it moves to the next one after a failure.
   * @throws StardustError INVALID_STATE before useWallet().
   */
  get signaling(): SignalingClient {
    if (this.#disposed) throw new StardustError('DISPOSED', 'The Stardust client was disposed.');

    this.#signaling ??= new SignalingClient({
      ...this.#signalingOptions,
      url: this.config.signalingUrls,
      session: this.sessions,
      logger: namedLogger(this.logger, 'signaling'),
    });

    return this.#signaling;
  }

  /**
   * Sets how calls are placed and recorded (see {@link ClientCallsOptions}). Takes effect
   * for the next {@link calls} manager: call it before the first use, or after `useWallet`.
   */
  configureCalls(options: ClientCallsOptions): void {
    this.#callsOptions = { ...this.#callsOptions, ...options };
    this.#dropCalls();
  }

  /**
   * Loads the call layer (a lazy chunk) and returns the one-to-one calls of the wallet
   * account: a `CallManager` over {@link signaling}. Calls are recorded on chain through the
   * session proxy unless {@link configureCalls} sets another mode. Call `listen()` on the
   * manager to receive invites. Later calls return the same manager until the wallet or the
   * call options change.
   * @throws StardustError INVALID_STATE before useWallet().
   */
  async loadCalls(): Promise<CallManager> {
    return (await this.#clientCalls()).manager;
  }

  /**
   * The manager {@link loadCalls} returned, while it is current.
   * @throws StardustError INVALID_STATE before `loadCalls()` resolved.
   */
  get calls(): CallManager {
    if (this.#calls === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        'The call layer is not loaded: await client.loadCalls() first.',
      );
    }

    return this.#calls.manager;
  }

  /**
   * The chain recorder of {@link calls}: null before {@link loadCalls} resolved or when
   * calls are not recorded on chain.
   */
  get callRecorder(): CallChainRecorder | null {
    return this.#calls?.recorder ?? null;
  }

  /**
   * Ends the session: the server revokes the delegation and the stored session key is
   * deleted, so the next use asks the wallet again. Peers that cached the delegation accept
   * it until it expires.
   */
  async logout(): Promise<void> {
    this.#dropCalls();

    if (this.#signaling !== undefined) await this.#signaling.logout();
    else await this.#sessions?.clear();

    this.#signaling = undefined;
  }

  /** Closes every connection this client opened. The client cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#dropCalls();
    this.#messages?.dispose();
    await this.#signaling?.close();
    await this.#chain?.dispose();
  }

  #clientCalls(): Promise<ClientCalls> {
    if (this.#calls !== undefined) return Promise.resolve(this.#calls);

    if (this.#callsLoading !== undefined) return this.#callsLoading;

    const signaling = this.signaling;
    const sessions = this.sessions;
    const loading = import('../call/load-calls.js').then(({ createClientCalls }) => {
      // The wallet or the options changed while the chunk loaded: this result is stale.
      if (this.#callsLoading !== loading) return this.#clientCalls();

      this.#calls = createClientCalls({
        account: this.#wallet!.address,
        signaling,
        chain: this.chain,
        sessions,
        wallet: this.#walletSigner,
        options: this.#callsOptions,
        logger: namedLogger(this.logger, 'calls'),
      });

      return this.#calls;
    });

    this.#callsLoading = loading;

    return loading;
  }

  #dropCalls(): void {
    this.#calls?.dispose();
    this.#calls = undefined;
    this.#callsLoading = undefined;
  }

  /** The chain's genesis hash: from the chain connection when open, else one light RPC call. */
  async #genesisHash(): Promise<Uint8Array> {
    const info = this.#chain?.info;

    if (info !== null && info !== undefined) return fromHex(info.genesisHash);

    return fetchGenesisHash(this.config.chain, this.#signalingOptions.WebSocket);
  }
}
