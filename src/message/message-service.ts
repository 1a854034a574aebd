/**
 * The voice message service of one account, behind `client.messages` (ClientMessages in
 * `src/client/client-messages.ts`), which loads this module with `import()` on first use so
 * that pages without voice messages do not download the store, envelope, IPFS and outbox
 * code.
 *
 * Opening the service opens the message store and resumes the outbox. `ready()` sets up
 * the device, publishes and refills one-time prekeys, and starts receiving live notices and
 * chain events, reported once per CID.
 */
import type {
  ClientMessagesEvents,
  ClientMessagesParts,
  IncomingVoiceMessage,
  PublicVoiceMetadata,
  VoiceMessageSummary,
} from '../client/client-messages.js';
import type { Logger } from '../client/logger.js';
import { LazySessionProxy } from '../chain/lazy-session-proxy.js';
import type { TxProgress, TxSender } from '../chain/types.js';
import { WalletSender } from '../chain/wallet-sender.js';
import { chainDelivery } from './chain-delivery.js';
import { TypedEmitter } from '../signaling/emitter.js';
import { IpfsClient } from './ipfs-client.js';
import { VoiceMessageReader, type ReadVoiceMessage } from './message-reader.js';
import { Outbox } from './outbox.js';
import {
  canonicalDeviceBinding,
  onVoiceNotice,
  signalingKeyDirectory,
  signalingNotifier,
} from './signaling-keys.js';
import { CiphertextCache } from './store/ciphertext-cache.js';
import { MessageStore, type OutboxRecord } from './store/message-store.js';
import { publicMetadataOf, VoiceInbox, type InboxEntry } from './voice-inbox.js';
import { VoiceMessages, type SendVoiceInput } from './voice-messages.js';
import type { RawSigner } from '../shared/delegation.js';
import { StardustError } from '../shared/errors.js';
import { decodeAddress, sameAccount } from '../shared/ss58.js';

interface Opened {
  store: MessageStore;
  cache: CiphertextCache;
  ipfs: IpfsClient;
  outbox: Outbox;
  service: VoiceMessages;
  reader: VoiceMessageReader;
}

/** The voice messages of one account on this device. */
export class MessageService extends TypedEmitter<ClientMessagesEvents> {
  /** SS58 address of the account. */
  readonly account: string;
  readonly #parts: ClientMessagesParts;
  readonly #logger: Logger;
  readonly #seen = new Map<string, IncomingVoiceMessage>();
  readonly #stops: Array<() => void> = [];
  #opened: Promise<Opened> | undefined;
  #ready: Promise<void> | undefined;
  #persistent: boolean | undefined;
  #disposed = false;

  constructor(parts: ClientMessagesParts) {
    super();
    this.#parts = parts;
    this.account = parts.wallet.address;
    this.#logger = parts.logger;
  }

  /**
   * False when IndexedDB could not be opened and nothing survives a reload; undefined until
   * the store is open.
   */
  get persistent(): boolean | undefined {
    return this.#persistent;
  }

  /**
   * Sets up this device and starts receiving. The first call per account per browser asks
   * the wallet for one signature (the device binding); later calls only refill prekeys.
   * Concurrent calls share one setup; a failed setup (a refused signature) can be retried.
   * @throws StardustError WALLET_REJECTED, SIGNAL_UNREACHABLE and other setup failures.
   */
  ready(): Promise<void> {
    this.#assertLive();
    this.#ready ??= this.#setUp().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });

    return this.#ready;
  }

  /**
   * Seals a recording for `to` and puts it in the outbox, which uploads it and sends it on
   * chain; watch `outbox`, `uploadProgress` and `delivery` events for its progress.
   * @throws StardustError KEY_BINDING_INVALID (a substituted key: nothing is queued),
   *   NO_RECIPIENT_DEVICES, ADDRESS_INVALID, and the failures of {@link ready}.
   */
  async send(input: SendVoiceInput): Promise<OutboxRecord> {
    // A public message is not sealed, so it needs no device keys and no wallet prompt.
    if (input.public !== true) await this.ready();

    return (await this.#open()).service.send(input);
  }

  /** Returns this account's outbox items, oldest first. */
  async outboxItems(): Promise<OutboxRecord[]> {
    return (await this.#open()).outbox.list();
  }

  /** Returns one outbox item, or undefined. */
  async outboxItem(id: string): Promise<OutboxRecord | undefined> {
    return (await this.#open()).outbox.get(id);
  }

  /** Tries a pending or failed outbox item again now. */
  async retry(id: string): Promise<void> {
    await (await this.#open()).outbox.retry(id);
  }

  /** Lists the voice messages in this account's chain inbox, oldest first. */
  async inbox(): Promise<InboxEntry[]> {
    return this.#inbox().list();
  }

  /**
   * Reads chat message `messageId` from chain storage; null when it is not a voice message.
   * Remembers its sender, which {@link open} then checks against the envelope.
   */
  async message(messageId: bigint): Promise<IncomingVoiceMessage | null> {
    const message = await this.#parts.chain.chat.message(messageId);

    if (message === null || message.messageType.type !== 'Voice') return null;

    const { metadata } = message.messageType;
    const entry: IncomingVoiceMessage = {
      cid: metadata.cid,
      from: message.sender,
      burn: metadata.burnAfterReading,
      blockHash: null,
      messageId,
      source: 'chain',
      public: publicOf(publicMetadataOf(metadata)),
    };
    const known = this.#seen.get(entry.cid);

    if (known === undefined) this.#seen.set(entry.cid, entry);
    else known.public ??= entry.public;

    return entry;
  }

  /**
   * Fetches (or reads from the cache), verifies and decrypts message `cid`. When the sender
   * is known (`from`, or a notice or chain entry seen earlier), the envelope must name it.
   * @throws StardustError MESSAGE_BURNED, MESSAGE_UNAVAILABLE, DECRYPT_FAILED.
   */
  async open(cid: string, options: { from?: string } = {}): Promise<ReadVoiceMessage> {
    const seen = this.#seen.get(cid);
    const expected = options.from ?? seen?.from;
    const opened = await (
      await this.#open()
    ).reader.open(cid, { sender: expected, public: seen?.public ?? null });

    if (expected !== undefined && !sameAccount(opened.sender, expected)) {
      opened.payload.audio.fill(0);
      throw new StardustError(
        'DECRYPT_FAILED',
        `Voice message ${cid} names ${opened.sender} as its sender, but ${expected} sent it; it was not opened.`,
      );
    }

    return opened;
  }

  /**
   * Returns the duration and waveform of message `cid` and drops its decrypted audio at
   * once, for elements that show a message before it plays.
   * @throws StardustError as {@link open}.
   */
  async summary(cid: string, options: { from?: string } = {}): Promise<VoiceMessageSummary> {
    const opened = await this.open(cid, options);
    const summary: VoiceMessageSummary = {
      cid,
      from: opened.sender,
      burn: opened.burn,
      durationMs: opened.payload.durationMs,
      waveform: opened.payload.waveform.slice(),
      mimeType: opened.payload.mimeType,
      public: opened.public,
    };

    opened.payload.audio.fill(0);
    opened.payload.waveform.fill(0);

    return summary;
  }

  /**
   * Destroys a played burn-after-reading message on this device (prekey, cached ciphertext,
   * decrypted buffers), then refills the prekeys without a prompt.
   */
  async burn(read: ReadVoiceMessage): Promise<void> {
    await (await this.#open()).reader.burn(read);
    await this.#refill();
  }

  /** Stops receiving and sending; a pass of the outbox under way finishes. */
  dispose(): void {
    this.#disposed = true;

    for (const stop of this.#stops.splice(0)) stop();

    void this.#opened?.then(({ outbox, store }) => {
      outbox.dispose();
      store.close();
    });
    this.removeAllListeners();
  }

  async #setUp(): Promise<void> {
    const { service } = await this.#open();

    await service.setupDevice();
    this.#stops.push(
      onVoiceNotice(this.#parts.signaling(), (notice) =>
        this.#received({
          cid: notice.cid,
          from: notice.from,
          burn: notice.burn,
          blockHash: notice.blockHash === '' ? null : notice.blockHash,
          messageId: null,
          source: 'notice',
          public: notice.public === null ? null : { ...notice.public, transcription: null },
        }),
      ),
    );

    if (this.#parts.options.watchChain !== false) await this.#watchChain();
  }

  async #watchChain(): Promise<void> {
    const inbox = this.#inbox();
    // The subscription starts with the current head, which may carry messages sent before
    // this page listened: report only ids from here on. Earlier ones are in inbox().
    const firstNewId = await this.#parts.chain.chat.nextMessageId();

    this.#stops.push(
      inbox.on('message', ({ entry }) => {
        if (entry.messageId < firstNewId) return;

        this.#received({
          cid: entry.cid,
          from: entry.sender,
          burn: entry.burn,
          blockHash: entry.blockHash,
          messageId: entry.messageId,
          source: 'chain',
          public: publicOf(entry.publicMetadata),
        });
      }),
    );

    const unwatch = await inbox.watch();

    if (this.#disposed) unwatch();
    else this.#stops.push(unwatch);
  }

  #received(message: IncomingVoiceMessage): void {
    const known = this.#seen.get(message.cid);

    if (known !== undefined) {
      known.messageId ??= message.messageId;
      known.blockHash ??= message.blockHash;
      known.public ??= message.public;

      return;
    }

    this.#seen.set(message.cid, message);
    this.emit('message', { message });

    // A burn message used one of this device's prekeys: top the batch up, without a prompt.
    if (message.burn) void this.#refill();
  }

  async #refill(): Promise<void> {
    if (this.#ready === undefined) return;

    try {
      await this.#ready;
      await (await this.#open()).service.setupDevice();
    } catch (error) {
      if (this.#disposed) return;

      this.#logger.warn('refilling one-time prekeys failed; retrying on the next message', {
        account: this.account,
        error,
      });
    }
  }

  #inbox(): VoiceInbox {
    return new VoiceInbox({
      account: this.account,
      chain: this.#parts.chain,
      logger: this.#logger,
    });
  }

  #open(): Promise<Opened> {
    this.#assertLive();
    this.#opened ??= this.#build();

    return this.#opened;
  }

  async #build(): Promise<Opened> {
    const { config, options, logger } = this.#parts;
    const store = await MessageStore.open({
      indexedDB: options.indexedDB,
      openTimeoutMs: options.storeOpenTimeoutMs,
      logger,
    });
    const ipfs = new IpfsClient({
      apiUrl: config.ipfsApi,
      gateways: config.gateways,
      gatewayTimeoutMs: options.gatewayTimeoutMs,
      fetch: options.fetch,
      logger,
    });
    const outbox = new Outbox({
      account: this.account,
      store,
      ipfs,
      delivery: chainDelivery({
        chat: this.#parts.chain.chat,
        sender: this.#sender(),
        notify: (notice) => signalingNotifier(this.#parts.signaling())(notice),
        onProgress: (item, progress) => this.#deliveryProgress(item.id, progress),
        logger,
      }),
      retryPolicy: options.retryPolicy,
      locks: options.locks,
      logger,
    });
    const cache = new CiphertextCache(store, { quotaBytes: options.cacheQuotaBytes });
    const opened: Opened = {
      store,
      cache,
      ipfs,
      outbox,
      service: new VoiceMessages({
        wallet: walletOf(this.#parts.wallet),
        store,
        // The getter follows the client's current signaling connection.
        directory: signalingKeyDirectory({
          request: (...args) => this.#parts.signaling().request(...args),
        }),
        binding: canonicalDeviceBinding,
        outbox,
        prekeyBatchSize: options.prekeyBatchSize,
        logger,
      }),
      reader: new VoiceMessageReader({ account: this.account, store, cache, ipfs, logger }),
    };

    this.#persistent = store.persistent;
    outbox.on('itemChange', (event) => this.emit('outbox', event));
    outbox.on('uploadProgress', (event) => this.emit('uploadProgress', event));
    opened.reader.on('burned', (event) => this.emit('burned', event));

    if (this.#disposed) {
      outbox.dispose();
      store.close();
    } else {
      // Items an earlier page left behind are sent again without waiting for a new send.
      outbox.start();
    }

    return opened;
  }

  #deliveryProgress(id: string, progress: TxProgress): void {
    this.emit('delivery', { id, stage: progress.stage, blockHash: progress.blockHash });
  }

  #sender(): TxSender {
    const { options, walletSigner, chain } = this.#parts;

    if (options.sender !== undefined) return options.sender;

    if (walletSigner === undefined) {
      const account = this.account;

      return {
        account,
        send: () =>
          Promise.reject(
            new StardustError(
              'INVALID_STATE',
              `The wallet of ${account} cannot sign transactions: pass a WalletSigner to useWallet(), or a sender to configureMessages().`,
            ),
          ),
      };
    }

    if (options.chainWrites === 'confirm-each') return new WalletSender(chain, walletSigner);

    return new LazySessionProxy({
      chain,
      sessions: this.#parts.sessions(),
      wallet: walletSigner,
      allowance: options.allowance,
      logger: this.#logger,
    });
  }

  #assertLive(): void {
    if (this.#disposed) {
      throw new StardustError('DISPOSED', `The voice messages of ${this.account} were disposed.`);
    }
  }
}

/** Converts the chain's public metadata (duration in whole seconds) to the client's form. */
function publicOf(metadata: InboxEntry['publicMetadata']): PublicVoiceMetadata | null {
  if (metadata === null) return null;

  return {
    durationMs: metadata.durationS * 1000,
    waveform: metadata.waveform,
    transcription: metadata.transcription,
  };
}

/** Adapts the client's raw signer to the wallet shape the device binding needs. */
function walletOf(raw: RawSigner): ConstructorParameters<typeof VoiceMessages>[0]['wallet'] {
  const keyType = raw.keyType;

  if (keyType === 'ecdsa') {
    throw new StardustError(
      'ACCOUNT_UNSUPPORTED',
      `Account ${raw.address} is an ecdsa account: voice messages need an sr25519 or ed25519 account.`,
    );
  }

  return {
    account: {
      address: raw.address,
      keyType,
      publicKey: decodeAddress(raw.address).publicKey,
    },
    async signRaw(bytes) {
      const signed = await raw.signRaw(bytes);

      return {
        signature: signed.signature,
        form: signed.wrapped ? 'wrapped' : 'raw',
        keyType,
      };
    },
  };
}
