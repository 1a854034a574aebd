/**
 * Opens received voice messages for one account on this device, and burns
 * burn-after-reading messages after one complete playback.
 *
 * Opening: a tombstone means MESSAGE_BURNED; otherwise the bytes come from the cache or from
 * a gateway (verified against the CID, then cached), and are decrypted with this device's
 * keys, unless they are the plain audio of a public message. Burning destroys the one-time prekey's private key, the cached ciphertext
 * and every decrypted buffer and object URL, and leaves a tombstone.
 */
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { audioDurationMs } from './duration.js';
import { Emitter } from './emitter.js';
import { openVoiceMessage, type OpenedVoiceMessage } from './envelope.js';
import type { IpfsClient } from './ipfs-client.js';
import { isOgg } from './ogg.js';
import type { PlayableAudio, PlayerState, VoicePlayer } from './player.js';
import type { CiphertextCache } from './store/ciphertext-cache.js';
import type { MessageStore } from './store/message-store.js';
import { isWebm } from './webm.js';

/** An opened message and where it came from. */
export interface ReadVoiceMessage extends OpenedVoiceMessage {
  cid: string;
  /** True when the bytes came from the cache rather than a gateway. */
  fromCache: boolean;
  /** True for a public message: plain audio on IPFS, nothing decrypted. */
  public: boolean;
}

/**
 * Facts about a message from the chain or a live notice. A public message carries no
 * sender or waveform of its own, so they come from here.
 */
export interface KnownVoiceMessage {
  /** SS58 address of the sender. */
  sender?: string;
  /** Public messages only: the metadata the sender put on chain. */
  public?: { durationMs: number; waveform: Uint8Array; transcription: string | null } | null;
  /** Chain time of sending in ms, when known. */
  sentAt?: number | null;
}

/** Options of {@link VoiceMessageReader}. */
export interface VoiceMessageReaderOptions {
  /** SS58 address of the reading account. */
  account: string;
  store: MessageStore;
  cache: CiphertextCache;
  ipfs: Pick<IpfsClient, 'download'>;
  logger?: Logger;
}

/** Events of {@link VoiceMessageReader}. */
export interface VoiceMessageReaderEvents extends Record<string, unknown> {
  /** A burn-after-reading message was destroyed on this device. */
  burned: { cid: string };
}

/** Opens and burns voice messages of one account. */
export class VoiceMessageReader extends Emitter<VoiceMessageReaderEvents> {
  readonly #account: string;
  readonly #store: MessageStore;
  readonly #cache: CiphertextCache;
  readonly #ipfs: Pick<IpfsClient, 'download'>;
  readonly #logger: Logger;

  constructor(options: VoiceMessageReaderOptions) {
    super();
    this.#account = options.account;
    this.#store = options.store;
    this.#cache = options.cache;
    this.#ipfs = options.ipfs;
    this.#logger = options.logger ?? silentLogger;
  }

  /**
   * Fetches (or reads from the cache) the message `cid`, and decrypts it unless it is a
   * public message (plain Ogg or WebM audio, which no envelope starts like).
   * @throws StardustError MESSAGE_BURNED, MESSAGE_UNAVAILABLE, DECRYPT_FAILED, or
   *   INVALID_ARGUMENT for a public message whose sender `known` does not name.
   */
  async open(cid: string, known: KnownVoiceMessage = {}): Promise<ReadVoiceMessage> {
    if (await this.#store.hasTombstone(this.#account, cid)) {
      throw new StardustError(
        'MESSAGE_BURNED',
        `Voice message ${cid} was burned after reading on this device; it cannot be opened again.`,
      );
    }

    const cached = await this.#cache.get(this.#account, cid);
    const bytes = cached ?? (await this.#ipfs.download(cid));

    if (cached === null) await this.#cache.put(this.#account, cid, bytes);

    if (isOgg(bytes) || isWebm(bytes)) return publicMessage(cid, bytes, known, cached !== null);

    const device = await this.#store.getDevice(this.#account);

    if (device === undefined) {
      throw new StardustError(
        'DECRYPT_FAILED',
        `Cannot open voice message ${cid}: this browser has no device keys for ${this.#account}.`,
      );
    }

    const opened = await openVoiceMessage(bytes, {
      account: this.#account,
      deviceId: device.deviceId,
      encryptionKey: device.encryption.privateKey,
      prekey: async (id) => (await this.#store.getPrekey(this.#account, id))?.privateKey ?? null,
    });

    return { ...opened, cid, fromCache: cached !== null, public: false };
  }

  /**
   * Destroys a burn-after-reading message on this device: its one-time prekey, the cached
   * ciphertext and the decrypted buffers; then records a tombstone.
   */
  async burn(message: ReadVoiceMessage): Promise<void> {
    if (message.prekeyId !== 0) await this.#store.deletePrekey(this.#account, message.prekeyId);

    await this.#cache.delete(this.#account, message.cid);
    await this.#store.putTombstone(this.#account, message.cid);
    message.payload.audio.fill(0);
    message.payload.waveform.fill(0);
    this.#logger.info('voice message burned after reading', { cid: message.cid });
    this.emit('burned', { cid: message.cid });
  }

  /**
   * Plays message `cid` with `player`. Call it from the user's gesture. A burn message is
   * burned when the playback completes, and the player unloads it.
   */
  play(player: VoicePlayer, cid: string, known: KnownVoiceMessage = {}): Promise<PlayerState> {
    let message: ReadVoiceMessage | null = null;
    const loader = async (): Promise<PlayableAudio> => {
      message = await this.open(cid, known);

      return {
        bytes: message.payload.audio,
        mimeType: message.payload.mimeType,
        durationMs: message.payload.durationMs,
      };
    };

    const off = player.on('ended', () => {
      off();

      const read = message;

      if (read === null || !read.burn) return;

      player.unload();
      void this.burn(read).catch((error: unknown) =>
        this.#logger.error('burning a played message failed', { cid, error }),
      );
    });

    return player.play(loader);
  }
}

/**
 * Returns a public message as read: a copy of the audio (callers zero-fill what they get),
 * its duration from the stream, and the waveform from the chain or notice.
 */
function publicMessage(
  cid: string,
  bytes: Uint8Array,
  known: KnownVoiceMessage,
  fromCache: boolean,
): ReadVoiceMessage {
  if (known.sender === undefined) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Voice message ${cid} is public and does not name its sender: open it by chain message id, or pass from.`,
    );
  }

  const sentAt = known.sentAt ?? 0;

  return {
    cid,
    fromCache,
    public: true,
    sender: known.sender,
    // A public message is readable by anyone, so there is nothing to burn.
    burn: false,
    createdAt: sentAt,
    prekeyId: 0,
    payload: {
      audio: bytes.slice(),
      mimeType: isOgg(bytes) ? 'audio/ogg; codecs=opus' : 'audio/webm; codecs=opus',
      durationMs: audioDurationMs(bytes),
      waveform: known.public?.waveform.slice() ?? new Uint8Array(0),
      ...(known.public?.transcription == null ? {} : { transcription: known.public.transcription }),
      recordedAt: sentAt,
    },
  };
}
