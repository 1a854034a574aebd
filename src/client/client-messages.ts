/**
 * `client.messages`: the voice messages of a {@link StardustClient}'s wallet account.
 *
 * This front stays in the main bundle; the service behind it (message store, envelopes,
 * IPFS, outbox, inbox) loads with `import()` on the first call. Opening the service opens
 * the message store and resumes the outbox, so items left by an earlier page are sent again
 * without a wallet prompt. `ready()` sets up the device (one wallet signature per account
 * per browser), publishes and refills one-time prekeys, and starts receiving: live
 * `VOICE_MESSAGE` notices over signaling and `chat.MessageSent` events on chain, reported
 * once per CID as `message`.
 *
 * Everything is keyed by the account: two clients of two accounts in one page share no
 * keys, prekeys, cache, outbox item or Web Lock.
 */
import type { ChainClient } from '../chain/chain-client.js';
import type { TxSender, TxStage } from '../chain/types.js';
import type { ReadVoiceMessage } from '../message/message-reader.js';
import type { MessageService } from '../message/message-service.js';
import type { RetryPolicy } from '../message/outbox.js';
import type { PlayerState, VoicePlayer } from '../message/player.js';
import type { OutboxRecord, OutboxState } from '../message/store/message-store.js';
import type { InboxEntry } from '../message/voice-inbox.js';
import type { SendVoiceInput } from '../message/voice-messages.js';
import type { RawSigner } from '../shared/delegation.js';
import { StardustError } from '../shared/errors.js';
import { TypedEmitter } from '../signaling/emitter.js';
import type { SignalingClient } from '../signaling/signaling-client.js';
import type { SessionSource } from '../wallet/session.js';
import type { WalletSigner } from '../wallet/wallet-signer.js';
import type { ResolvedConfig } from './config.js';
import type { Logger } from './logger.js';

/**
 * How voice messages are sent on chain: through the session proxy (one wallet prompt per
 * session, the default) or signed by the wallet for each message (`confirm-each`).
 */
export type MessageChainWrites = 'session-proxy' | 'confirm-each';

/** Options of `StardustClient.configureMessages`. Each has a documented default. */
export interface ClientMessagesOptions {
  /** `session-proxy` by default; see {@link MessageChainWrites}. */
  chainWrites?: MessageChainWrites;
  /** Planck the session proxy receives for fees; 0.1 DUST by default. */
  allowance?: bigint;
  /** Sends `chat.send_message` instead of the wallet or session proxy, when given. */
  sender?: TxSender;
  /** IndexedDB factory; the global one by default. `null` keeps everything in memory. */
  indexedDB?: IDBFactory | null;
  /** How long to wait for IndexedDB before falling back to memory; 3 s by default. */
  storeOpenTimeoutMs?: number;
  /** Byte quota of the ciphertext cache; 50 MB by default. */
  cacheQuotaBytes?: number;
  /** One-time prekeys kept published for burn messages; 20 by default. */
  prekeyBatchSize?: number;
  /** Retry policy of the outbox; capped exponential backoff, 8 attempts, by default. */
  retryPolicy?: RetryPolicy;
  /** Time each gateway gets for a download; 10 s by default. */
  gatewayTimeoutMs?: number;
  /** Follow `chat.MessageSent` events on chain in `ready()`; true by default. */
  watchChain?: boolean;
  /** Web Locks for the outbox; `navigator.locks` by default, `null` for none. */
  locks?: LockManager | null;
  /** `fetch` for IPFS downloads; the global one by default. */
  fetch?: typeof fetch;
}

/** A voice message this account received, from a live notice or a chain event. */
export interface IncomingVoiceMessage {
  cid: string;
  /** SS58 address of the sender: verified against its session (notice) or the chain. */
  from: string;
  burn: boolean;
  /** Block with the transaction, when known. */
  blockHash: string | null;
  /** Chain message id, when it came from the chain. */
  messageId: bigint | null;
  source: 'notice' | 'chain';
  /**
   * Metadata of a message sent public (plain audio on IPFS), from the chain or the notice.
   * Null for an encrypted message, whose metadata is inside its envelope.
   */
  public: PublicVoiceMetadata | null;
}

/** The metadata a public voice message carries on chain. */
export interface PublicVoiceMetadata {
  /** From the notice in ms; from the chain in whole seconds, rounded up, times 1000. */
  durationMs: number;
  /** Peaks 0–255, one per bar. */
  waveform: Uint8Array;
  transcription: string | null;
}

/** Duration and waveform of a message, read from its envelope without keeping the audio. */
export interface VoiceMessageSummary {
  cid: string;
  from: string;
  burn: boolean;
  durationMs: number;
  /** Peaks 0–255, one per bar. */
  waveform: Uint8Array;
  mimeType: string;
  /** True for a public message, whose waveform comes from the chain. */
  public: boolean;
}

/** Events of {@link ClientMessages}. */
export interface ClientMessagesEvents {
  /** A voice message arrived; once per CID, from whichever source was first. */
  message: { message: IncomingVoiceMessage };
  /** An outbox item changed state (pending, failed, sent) or progress. */
  outbox: { item: OutboxRecord; previous: OutboxState | null };
  /** Upload progress of an outbox item, in bytes of the request body. */
  uploadProgress: { id: string; loaded: number; total: number };
  /** A stage of an outbox item's `chat.send_message` transaction. */
  delivery: { id: string; stage: TxStage; blockHash: string | null };
  /** A burn-after-reading message was destroyed on this device. */
  burned: { cid: string };
}

/** What the voice messages of a client take from it. */
export interface ClientMessagesParts {
  wallet: RawSigner;
  /** The full wallet signer, when the page gave one: needed for chain writes. */
  walletSigner: WalletSigner | undefined;
  signaling: () => SignalingClient;
  sessions: () => SessionSource;
  chain: ChainClient;
  config: ResolvedConfig;
  options: ClientMessagesOptions;
  logger: Logger;
}

const EVENT_NAMES = ['message', 'outbox', 'uploadProgress', 'delivery', 'burned'] as const;

/** The voice messages of one account on this device. */
export class ClientMessages extends TypedEmitter<ClientMessagesEvents> {
  /** SS58 address of the account. */
  readonly account: string;
  readonly #parts: ClientMessagesParts;
  readonly #playbacks = new WeakMap<VoicePlayer, () => void>();
  #service: Promise<MessageService> | undefined;
  #loaded: MessageService | undefined;
  #disposed = false;

  constructor(parts: ClientMessagesParts) {
    super();
    this.#parts = parts;
    this.account = parts.wallet.address;
  }

  /**
   * False when IndexedDB could not be opened and nothing survives a reload; undefined until
   * the store is open.
   */
  get persistent(): boolean | undefined {
    return this.#loaded?.persistent;
  }

  /**
   * Sets up this device and starts receiving. The first call per account per browser asks
   * the wallet for one signature (the device binding); later calls only refill prekeys.
   * Concurrent calls share one setup; a failed setup (a refused signature) can be retried.
   * @throws StardustError WALLET_REJECTED, SIGNAL_UNREACHABLE and other setup failures.
   */
  async ready(): Promise<void> {
    return (await this.#load()).ready();
  }

  /**
   * Seals a recording for `to` and puts it in the outbox, which uploads it and sends it on
   * chain; watch `outbox`, `uploadProgress` and `delivery` events for its progress. With
   * `public: true` the audio is uploaded unencrypted and its duration and waveform go on
   * chain; that needs no device setup.
   * @throws StardustError KEY_BINDING_INVALID (a substituted key: nothing is queued),
   *   NO_RECIPIENT_DEVICES, ADDRESS_INVALID, PUBLIC_BURN_UNSUPPORTED, and the failures of
   *   {@link ready}.
   */
  async send(input: SendVoiceInput): Promise<OutboxRecord> {
    return (await this.#load()).send(input);
  }

  /** Returns this account's outbox items, oldest first; resumes the outbox on first use. */
  async outboxItems(): Promise<OutboxRecord[]> {
    return (await this.#load()).outboxItems();
  }

  /** Returns one outbox item, or undefined. */
  async outboxItem(id: string): Promise<OutboxRecord | undefined> {
    return (await this.#load()).outboxItem(id);
  }

  /** Tries a pending or failed outbox item again now. */
  async retry(id: string): Promise<void> {
    return (await this.#load()).retry(id);
  }

  /** Lists the voice messages in this account's chain inbox, oldest first. */
  async inbox(): Promise<InboxEntry[]> {
    return (await this.#load()).inbox();
  }

  /**
   * Reads chat message `messageId` from chain storage; null when it is not a voice message.
   * Remembers its sender, which {@link open} then checks against the envelope.
   */
  async message(messageId: bigint): Promise<IncomingVoiceMessage | null> {
    return (await this.#load()).message(messageId);
  }

  /**
   * Fetches (or reads from the cache), verifies and decrypts message `cid`. When the sender
   * is known (`from`, or a notice or chain entry seen earlier), the envelope must name it.
   * A public message is not decrypted, and needs a known sender.
   * @throws StardustError MESSAGE_BURNED, MESSAGE_UNAVAILABLE, DECRYPT_FAILED,
   *   INVALID_ARGUMENT (a public message from an unknown sender).
   */
  async open(cid: string, options: { from?: string } = {}): Promise<ReadVoiceMessage> {
    return (await this.#load()).open(cid, options);
  }

  /**
   * Returns the duration and waveform of message `cid` and drops its decrypted audio at
   * once, for elements that show a message before it plays.
   * @throws StardustError as {@link open}.
   */
  async summary(cid: string, options: { from?: string } = {}): Promise<VoiceMessageSummary> {
    return (await this.#load()).summary(cid, options);
  }

  /**
   * Loads message `cid` into `player` and plays it. Call it from the user's gesture: the
   * player unlocks audio before anything (the service chunk, IndexedDB, IPFS) is awaited. A
   * burn message is burned after its one complete playback: the player unloads it and
   * `burned` fires. Resume a paused message with `player.play()`, not with this method.
   */
  play(player: VoicePlayer, cid: string, options: { from?: string } = {}): Promise<PlayerState> {
    let read: ReadVoiceMessage | null = null;

    this.#playbacks.get(player)?.();

    const off = player.on('ended', () => {
      off();

      if (read === null || !read.burn) return;

      const burning = read;

      player.unload();
      void this.#load()
        .then((service) => service.burn(burning))
        .catch((error: unknown) =>
          this.#parts.logger.error('burning a played message failed', { cid, error }),
        );
    });

    this.#playbacks.set(player, off);

    return player.play(async () => {
      read = await this.open(cid, options);

      return {
        bytes: read.payload.audio,
        mimeType: read.payload.mimeType,
        durationMs: read.payload.durationMs,
      };
    });
  }

  /** Stops receiving and sending; a pass of the outbox under way finishes. */
  dispose(): void {
    this.#disposed = true;
    this.#loaded?.dispose();
    this.removeAllListeners();
  }

  #load(): Promise<MessageService> {
    if (this.#disposed) {
      return Promise.reject(
        new StardustError('DISPOSED', `The voice messages of ${this.account} were disposed.`),
      );
    }

    this.#service ??= import('../message/load-messages.js').then(({ createMessageService }) => {
      const service = createMessageService(this.#parts);

      for (const name of EVENT_NAMES) {
        service.on(name, (event) => this.emit(name, event as never));
      }

      this.#loaded = service;

      if (this.#disposed) service.dispose();

      return service;
    });

    return this.#service;
  }
}
