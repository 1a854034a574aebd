/**
 * Opens received voice messages for one account on this device, and burns
 * burn-after-reading messages after one complete playback.
 *
 * Opening: a tombstone means MESSAGE_BURNED; otherwise the ciphertext comes from the cache
 * or from a gateway (verified against the CID, then cached), and is decrypted with this
 * device's keys. Burning destroys the one-time prekey's private key, the cached ciphertext
 * and every decrypted buffer and object URL, and leaves a tombstone.
 */
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { Emitter } from './emitter.js';
import { openVoiceMessage, type OpenedVoiceMessage } from './envelope.js';
import type { IpfsClient } from './ipfs-client.js';
import type { PlayableAudio, PlayerState, VoicePlayer } from './player.js';
import type { CiphertextCache } from './store/ciphertext-cache.js';
import type { MessageStore } from './store/message-store.js';

/** An opened message and where it came from. */
export interface ReadVoiceMessage extends OpenedVoiceMessage {
  cid: string;
  /** True when the ciphertext came from the cache rather than a gateway. */
  fromCache: boolean;
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
   * Fetches (or reads from the cache) and decrypts the message `cid`.
   * @throws StardustError MESSAGE_BURNED, MESSAGE_UNAVAILABLE, DECRYPT_FAILED.
   */
  async open(cid: string): Promise<ReadVoiceMessage> {
    if (await this.#store.hasTombstone(this.#account, cid)) {
      throw new StardustError(
        'MESSAGE_BURNED',
        `Voice message ${cid} was burned after reading on this device; it cannot be opened again.`,
      );
    }

    const device = await this.#store.getDevice(this.#account);

    if (device === undefined) {
      throw new StardustError(
        'DECRYPT_FAILED',
        `Cannot open voice message ${cid}: this browser has no device keys for ${this.#account}.`,
      );
    }

    const cached = await this.#cache.get(this.#account, cid);
    const bytes = cached ?? (await this.#ipfs.download(cid));

    if (cached === null) await this.#cache.put(this.#account, cid, bytes);

    const opened = await openVoiceMessage(bytes, {
      account: this.#account,
      deviceId: device.deviceId,
      encryptionKey: device.encryption.privateKey,
      prekey: async (id) => (await this.#store.getPrekey(this.#account, id))?.privateKey ?? null,
    });

    return { ...opened, cid, fromCache: cached !== null };
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
  play(player: VoicePlayer, cid: string): Promise<PlayerState> {
    let message: ReadVoiceMessage | null = null;
    const loader = async (): Promise<PlayableAudio> => {
      message = await this.open(cid);

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
