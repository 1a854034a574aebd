/**
 * The chain connection: loads @polkadot/api lazily, keeps one connection per client, checks
 * the pallets in the metadata, and signs, submits and tracks transactions.
 */
import type { ApiPromise } from '@polkadot/api';

import { silentLogger, type Logger } from '../client/logger.js';
import { toHex } from '../shared/bytes.js';
import { StardustError } from '../shared/errors.js';
import { decodeAddress, encodeAddress, STARDUST_SS58_PREFIX } from '../shared/ss58.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import { lazyPallets } from './lazy-pallets.js';
import type * as ChainLayer from './load-chain-layer.js';
import type * as PolkadotApi from './load-polkadot-api.js';
import type { BalancesPallet } from './pallets/balances.js';
import type { ChatPallet } from './pallets/chat.js';
import type { ContactsPallet } from './pallets/contacts.js';
import type { ProxyPallet } from './pallets/proxy.js';
import type { SystemPallet } from './pallets/system.js';
import type { UtilityPallet } from './pallets/utility.js';
import type { VoiceCallPallet } from './pallets/voice-call.js';
import type { VoiceMiningPallet } from './pallets/voice-mining.js';
import type { VoiceRoomPallet } from './pallets/voice-room.js';
import type { TxTracker } from './tx-tracker.js';
import type { ChainCall, ChainEvent, Hex, SendOptions, TxResult } from './types.js';

/** Options of {@link ChainClient}. */
export interface ChainClientOptions {
  /** WebSocket URL of the node, such as `ws://127.0.0.1:9944`. */
  url: string;
  /** Time to connect and load the metadata before CHAIN_UNREACHABLE, in ms (15 000). */
  connectTimeoutMs?: number;
  logger?: Logger;
}

/** Facts about the connected chain. */
export interface ChainInfo {
  genesisHash: Hex;
  specName: string;
  specVersion: number;
  /** SS58 prefix the chain declares (42 when it declares none); addresses are encoded with it. */
  ss58Prefix: number;
  tokenSymbol: string;
  tokenDecimals: number;
}

/** The events of one block, as {@link ChainClient.subscribeEvents} delivers them. */
export interface BlockEvents {
  /** Hash of the block, when the node reports it. */
  blockHash: Hex | null;
  events: ChainEvent[];
}

/** The voice pallets, as polkadot-js names them. */
export const VOICE_PALLETS = ['chat', 'contacts', 'voiceCall', 'voiceRoom', 'voiceMining'] as const;

type PolkadotApiModule = typeof PolkadotApi;
type ChainLayerModule = typeof ChainLayer;

/**
 * One connection to one chain node, shared by everything a {@link StardustClient} does on
 * chain. Constructing it does no I/O; the first call that needs the chain connects, and a
 * lost connection reconnects on its own.
 *
 * The pallet wrappers, the transaction tracker and @polkadot/api load as lazy chunks on the
 * first call that needs the chain, so pages that never use it do not download them.
 */
export class ChainClient {
  readonly url: string;
  readonly chat: ChatPallet;
  readonly contacts: ContactsPallet;
  readonly voiceCall: VoiceCallPallet;
  readonly voiceRoom: VoiceRoomPallet;
  readonly voiceMining: VoiceMiningPallet;
  readonly balances: BalancesPallet;
  readonly proxy: ProxyPallet;
  readonly utility: UtilityPallet;
  readonly system: SystemPallet;
  #connectTimeoutMs: number;
  #logger: Logger;
  #api: Promise<ApiPromise> | undefined;
  #info: ChainInfo | null = null;
  #realPallets: Promise<ChainLayer.ChainPallets> | undefined;
  /** Per account (public key hex): settles when its last transaction left `signing`. */
  #signingQueues = new Map<string, Promise<void>>();
  #disposed = false;

  /** @throws TypeError when `url` is not a ws:// or wss:// URL. */
  constructor(options: ChainClientOptions) {
    if (typeof options?.url !== 'string' || !/^wss?:\/\/./.test(options.url)) {
      throw new TypeError(
        `ChainClient needs a ws:// or wss:// url, got ${JSON.stringify(options?.url)}.`,
      );
    }

    this.url = options.url;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    this.#logger = options.logger ?? silentLogger;

    const pallets = lazyPallets(() => this.#pallets());

    this.chat = pallets.chat;
    this.contacts = pallets.contacts;
    this.voiceCall = pallets.voiceCall;
    this.voiceRoom = pallets.voiceRoom;
    this.voiceMining = pallets.voiceMining;
    this.balances = pallets.balances;
    this.proxy = pallets.proxy;
    this.utility = pallets.utility;
    this.system = pallets.system;
  }

  /** Facts about the chain once connected, else null. */
  get info(): ChainInfo | null {
    return this.#info;
  }

  /**
   * Connects (once; later calls share the connection) and returns facts about the chain.
   * @throws StardustError CHAIN_UNREACHABLE when the node does not respond in time.
   */
  async connect(): Promise<ChainInfo> {
    await this.api();

    return this.#info!;
  }

  /**
   * Returns the polkadot-js API of the connection, for the chain layer's own modules. Code
   * above the chain layer uses the pallet wrappers instead.
   */
  api(): Promise<ApiPromise> {
    if (this.#disposed) {
      return Promise.reject(new StardustError('DISPOSED', 'This ChainClient was disposed.'));
    }

    this.#api ??= this.#open().catch((error: unknown) => {
      this.#api = undefined;

      throw error;
    });

    return this.#api;
  }

  /** Returns the SS58 prefix addresses are encoded with (the chain's, or 42 before connect). */
  get ss58Prefix(): number {
    return this.#info?.ss58Prefix ?? STARDUST_SS58_PREFIX;
  }

  /** Encodes a 32-byte public key as SS58 with the chain's prefix. */
  formatAddress(publicKey: Uint8Array): string {
    return encodeAddress(publicKey, this.ss58Prefix);
  }

  /** Returns the names of the voice pallets the chain lacks (empty when it has them all). */
  async missingPallets(pallets: readonly string[] = VOICE_PALLETS): Promise<string[]> {
    const api = await this.api();

    return pallets.filter(
      (pallet) => api.tx[pallet] === undefined && api.query[pallet] === undefined,
    );
  }

  /**
   * Returns the API after checking that the chain has `pallet` and, when given, its `call`.
   * @throws StardustError CHAIN_PALLET_MISSING naming the pallet or call.
   */
  async requireCall(pallet: string, call?: string): Promise<ApiPromise> {
    const api = await this.api();
    const calls = api.tx[pallet];

    if (calls === undefined || (call !== undefined && calls[call] === undefined)) {
      throw missing(this.url, call === undefined ? pallet : `${pallet}.${call}`, 'call');
    }

    return api;
  }

  /**
   * Returns the API after checking that the chain has the storage item `pallet.item`.
   * @throws StardustError CHAIN_PALLET_MISSING naming the item.
   */
  async requireStorage(pallet: string, item: string): Promise<ApiPromise> {
    const api = await this.api();

    if (api.query[pallet]?.[item] === undefined) {
      throw missing(this.url, `${pallet}.${item}`, 'storage item');
    }

    return api;
  }

  /**
   * Signs `call` with `signer`, submits it and returns its tracker at once. Transactions of
   * one account are signed one after another, each once the previous one reached the pool,
   * so that the pool nonce (`nonce: -1`) is right for every one of them.
   *
   * NOTE: chopsticks 1.5.1 empties its pool while it builds a block, so there a second
   * transaction sent before the first is in a block can get the same nonce (TX_INVALID).
   * @throws StardustError INVALID_STATE when no chain client of the page has loaded the
   * chain layer yet, which a call built by a pallet wrapper or from {@link api} rules out.
   */
  submit<T>(call: ChainCall<T>, signer: WalletSigner, options: SendOptions = {}): TxTracker<T> {
    const tracker = new (loadedChainLayer(call.name).TxTracker)(call, this.#logger);
    const account = toHex(signer.account.publicKey);
    const previous = this.#signingQueues.get(account) ?? Promise.resolve();
    const submitted = new Promise<void>((resolve) => {
      const unsubscribe = tracker.on('progress', ({ stage }) => {
        if (stage === 'signing') return;

        unsubscribe();
        resolve();
      });
    });

    if (options.onProgress !== undefined) tracker.on('progress', options.onProgress);

    this.#signingQueues.set(account, submitted);
    void submitted.then(() => {
      if (this.#signingQueues.get(account) === submitted) this.#signingQueues.delete(account);
    });
    void tracker.start(
      previous.then(() => this.api()),
      call,
      signer,
      options,
      () => this.ss58Prefix,
    );

    return tracker;
  }

  /**
   * Signs `call` with `signer` (the wallet prompts when it is an extension), submits it and
   * settles on `options.waitFor` (`inBlock` by default).
   */
  send<T>(
    call: ChainCall<T>,
    signer: WalletSigner,
    options: SendOptions = {},
  ): Promise<TxResult<T>> {
    return this.submit(call, signer, options).settled(options.waitFor ?? 'inBlock');
  }

  /**
   * Calls `listener` with the events of every new best block, decoded, and returns the
   * unsubscribe function. Events of blocks missed while disconnected are not replayed.
   */
  async subscribeEvents(listener: (context: BlockEvents) => void): Promise<() => void> {
    const api = await this.api();
    const { hex, toChainEvent } = loadedChainLayer('system.events');
    const unsubscribe = await api.query.system!.events!((records: unknown) => {
      const list = records as Array<{ event: Parameters<typeof toChainEvent>[0] }>;
      const hash = (records as { createdAtHash?: Uint8Array }).createdAtHash;

      try {
        listener({
          blockHash: hash === undefined ? null : hex(hash),
          events: list.map((record) => toChainEvent(record.event, this.ss58Prefix)),
        });
      } catch (error) {
        this.#logger.error('chain event listener threw', { error: String(error) });
      }
    });

    return unsubscribe as unknown as () => void;
  }

  /** Returns the fee `address` would pay for `call` now, in planck. */
  async estimateFee(call: ChainCall<unknown>, address: string): Promise<bigint> {
    decodeAddress(address);

    const info = await call.extrinsic.paymentInfo(address);

    return info.partialFee.toBigInt();
  }

  /** Returns the next nonce of `address`, counting transactions in the node's pool. */
  async nextNonce(address: string): Promise<number> {
    const api = await this.api();

    const { publicKey } = decodeAddress(address);

    return (await api.rpc.system.accountNextIndex(this.formatAddress(publicKey))).toNumber();
  }

  /** Closes the connection. The client cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.#disposed = true;

    const api = this.#api;

    this.#api = undefined;

    if (api !== undefined)
      await api.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  /** Creates the real pallet wrappers once the chain layer's chunk has loaded. */
  #pallets(): Promise<ChainLayer.ChainPallets> {
    this.#realPallets ??= loadChainLayer().then(
      (layer) => layer.createPallets(this),
      (error: unknown) => {
        this.#realPallets = undefined;

        throw error;
      },
    );

    return this.#realPallets;
  }

  async #open(): Promise<ApiPromise> {
    const [{ ApiPromise, WsProvider }, layer] = await Promise.all([
      loadPolkadotApi(),
      loadChainLayer(),
    ]);
    const provider = new WsProvider(this.url, 2_500);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new StardustError(
              'CHAIN_UNREACHABLE',
              `The chain node at ${this.url} did not answer within ${this.#connectTimeoutMs} ms. Check the chain URL and that the node runs.`,
            ),
          ),
        this.#connectTimeoutMs,
      );
    });

    try {
      await Promise.race([provider.isReady, timeout]);

      const api = await Promise.race([ApiPromise.create({ provider, noInitWarn: true }), timeout]);

      this.#info = readInfo(api, layer.hex);
      this.#logger.info('chain connected', { url: this.url, spec: this.#info.specName });
      api.on('disconnected', () => this.#logger.warn('chain connection lost', { url: this.url }));
      api.on('connected', () => this.#logger.info('chain reconnected', { url: this.url }));

      return api;
    } catch (error) {
      await provider.disconnect().catch(() => undefined);

      throw StardustError.from(
        error,
        'CHAIN_UNREACHABLE',
        `Could not connect to the chain at ${this.url}.`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

let polkadotApi: Promise<PolkadotApiModule> | undefined;
let chainLayer: Promise<ChainLayerModule> | undefined;
let chainLayerLoaded: ChainLayerModule | undefined;

/** Loads the polkadot-js API chunk once per page. */
function loadPolkadotApi(): Promise<PolkadotApiModule> {
  polkadotApi ??= import('./load-polkadot-api.js');

  return polkadotApi;
}

/** Loads the chain layer's chunk once per page; a failed load is retried on the next call. */
function loadChainLayer(): Promise<ChainLayerModule> {
  chainLayer ??= import('./load-chain-layer.js').then(
    (layer) => {
      chainLayerLoaded = layer;

      return layer;
    },
    (error: unknown) => {
      chainLayer = undefined;

      throw error;
    },
  );

  return chainLayer;
}

/**
 * Returns the chain layer, which must have loaded: every {@link ChainCall} comes from a
 * pallet wrapper or from {@link ChainClient.api}, and both load it first.
 * @throws StardustError INVALID_STATE when it has not loaded, naming the `operation` that
 * needed it.
 */
function loadedChainLayer(operation: string): ChainLayerModule {
  if (chainLayerLoaded !== undefined) return chainLayerLoaded;

  throw new StardustError(
    'INVALID_STATE',
    `Cannot run ${operation} before the chain layer has loaded. Build calls with the pallet wrappers of a ChainClient, or await its api() first.`,
  );
}

function readInfo(api: ApiPromise, hex: ChainLayerModule['hex']): ChainInfo {
  const properties = api.registry.getChainProperties();
  const symbol = properties?.tokenSymbol.unwrapOr(undefined)?.[0]?.toString();
  const decimals = properties?.tokenDecimals.unwrapOr(undefined)?.[0]?.toNumber();

  return {
    genesisHash: hex(api.genesisHash),
    specName: api.runtimeVersion.specName.toString(),
    specVersion: api.runtimeVersion.specVersion.toNumber(),
    ss58Prefix: api.registry.chainSS58 ?? STARDUST_SS58_PREFIX,
    tokenSymbol: symbol ?? 'DUST',
    tokenDecimals: decimals ?? 12,
  };
}

function missing(url: string, what: string, kind: string): StardustError {
  return new StardustError(
    'CHAIN_PALLET_MISSING',
    `The chain at ${url} has no ${kind} ${what}. Connect to a Stardust runtime with the voice pallets, or to the devnet.`,
  );
}
