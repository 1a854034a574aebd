/**
 * Voice messages for one account on this device: device setup with one wallet signature,
 * publishing keys to the key directory, verified lookups of recipients' keys, and sending
 * through the outbox.
 *
 * The key directory is not trusted: every bundle it returns is checked (the wallet binding
 * and each prekey signature) before anything is sealed to it, so a directory that
 * substitutes a key fails with KEY_BINDING_INVALID and nothing is sent.
 */

import type { voice } from '../../proto/gen/voice.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { int64FromMillis, millisFromInt64 } from '../shared/codec.js';
import { equalBytes, utf8 } from '../shared/bytes.js';
import { StardustError } from '../shared/errors.js';
import { isValidAddress, sameAccount } from '../shared/ss58.js';
import type { KeyType, WalletSigner } from '../wallet/wallet-signer.js';
import { generateDeviceKeys, type PrekeyPublic, type PrekeyRecord } from './device-keys.js';
import { sealVoiceMessage, type RecipientDevice } from './envelope.js';
import { isOgg } from './ogg.js';
import type { Outbox } from './outbox.js';
import { refillPrekeys } from './prekeys.js';
import type { Recording } from './recorder.js';
import type { DeviceRecord, MessageStore, OutboxRecord } from './store/message-store.js';
import { isWebm } from './webm.js';

/** The key directory as the client reaches it (over signaling). */
export interface KeyDirectoryClient {
  publish(bundle: voice.IDeviceKeyBundle): Promise<void>;
  lookup(
    account: string,
    claimPrekeys: boolean,
  ): Promise<{ devices: voice.IDeviceKeyBundle[]; prekeysLeft: number[] }>;
}

/** The fields the wallet's device binding statement covers. */
export interface BindingFields {
  account: string;
  deviceId: Uint8Array;
  encryptionKey: Uint8Array;
  signingKey: Uint8Array;
  createdAt: bigint;
}

/** The canonical bytes and checks of device bundles, shared with the key directory. */
export interface DeviceBinding {
  /** Bytes the wallet signs to bind a device's keys to the account. */
  statement(fields: BindingFields): Uint8Array;
  /** Bytes the device signing key signs for one prekey. */
  prekeyBytes(fields: {
    account: string;
    deviceId: Uint8Array;
    id: number;
    publicKey: Uint8Array;
    expiresAt: bigint;
  }): Uint8Array;
  /**
   * Checks a bundle's wallet signature and prekey signatures.
   * @throws StardustError KEY_BINDING_INVALID.
   */
  verify(bundle: voice.IDeviceKeyBundle, now: number): Promise<void>;
}

/** Options of {@link VoiceMessages}. */
export interface VoiceMessagesOptions {
  /** The wallet of the account; it signs the device binding once. */
  wallet: Pick<WalletSigner, 'account' | 'signRaw'>;
  store: MessageStore;
  directory: KeyDirectoryClient;
  binding: DeviceBinding;
  outbox: Outbox;
  /** Prekeys kept published for burn messages; 20 by default. */
  prekeyBatchSize?: number;
  now?: () => number;
  logger?: Logger;
}

/** Input of {@link VoiceMessages.send}. */
export interface SendVoiceInput {
  /** SS58 address of the recipient. */
  to: string;
  recording: Pick<Recording, 'bytes' | 'mimeType' | 'durationMs' | 'waveform' | 'recordedAt'>;
  burn?: boolean;
  transcription?: string;
  /**
   * Sends the plain audio to IPFS, unencrypted, with its duration, waveform and
   * transcription on chain, so anyone can play it. False by default. Cannot be combined
   * with `burn` (PUBLIC_BURN_UNSUPPORTED).
   */
  public?: boolean;
}

/** Bounds of the chat pallet's `VoiceMetadata`, in bytes. */
const MAX_CHAIN_WAVEFORM_BYTES = 128;
const MAX_CHAIN_TRANSCRIPTION_BYTES = 1024;

/** A device record with its wallet binding, as kept after setup. */
interface BoundDevice extends DeviceRecord {
  walletSignature?: Uint8Array;
  keyType?: KeyType;
}

/** Voice messages of one account on this device. */
export class VoiceMessages {
  readonly #wallet: VoiceMessagesOptions['wallet'];
  readonly #store: MessageStore;
  readonly #directory: KeyDirectoryClient;
  readonly #binding: DeviceBinding;
  readonly #outbox: Outbox;
  readonly #batchSize: number;
  readonly #now: () => number;
  readonly #logger: Logger;

  constructor(options: VoiceMessagesOptions) {
    this.#wallet = options.wallet;
    this.#store = options.store;
    this.#directory = options.directory;
    this.#binding = options.binding;
    this.#outbox = options.outbox;
    this.#batchSize = options.prekeyBatchSize ?? 20;
    this.#now = options.now ?? Date.now;
    this.#logger = options.logger ?? silentLogger;
  }

  /** SS58 address of the account. */
  get account(): string {
    return this.#wallet.account.address;
  }

  /**
   * Sets up this device once: makes its keys, requests the one binding
   * signature, and publishes the bundle with a batch of prekeys. Later calls only top up
   * and publish prekeys, without a wallet prompt.
   * @throws StardustError WALLET_REJECTED when the user refuses the signature.
   */
  async setupDevice(): Promise<void> {
    let device = (await this.#store.getDevice(this.account)) as BoundDevice | undefined;

    if (device === undefined || device.walletSignature === undefined) {
      const keys = device ?? (await generateDeviceKeys(this.#now));
      const fields = this.#bindingFields(keys);
      const signed = await this.#wallet.signRaw(this.#binding.statement(fields));
      const bound = { ...keys, walletSignature: signed.signature, keyType: signed.keyType };

      device = (await this.#store.putDevice(this.account, bound)) as BoundDevice;
      this.#logger.info('voice message device bound to the account', { account: this.account });
    }

    const fresh = await refillPrekeys(this.#store, this.account, {
      batchSize: this.#batchSize,
      available: await this.#publishedPrekeys(device.deviceId),
      now: this.#now,
      signingBytes: (deviceId, prekey) => this.#prekeyBytes(deviceId, prekey),
    });

    await this.#directory.publish(this.#bundle(device, fresh));
  }

  /**
   * Returns how many one-time prekeys of this device the key directory still holds: 0 when
   * the directory does not list the device (a first setup, or a directory that lost it).
   */
  async #publishedPrekeys(deviceId: Uint8Array): Promise<number> {
    const { devices, prekeysLeft } = await this.#directory.lookup(this.account, false);
    const index = devices.findIndex(
      (bundle) => bundle.deviceId != null && equalBytes(bundle.deviceId, deviceId),
    );

    return index < 0 ? 0 : (prekeysLeft[index] ?? 0);
  }

  /**
   * Looks up and verifies the devices of `account`. With `claimPrekeys`, each device comes
   * with one claimed one-time prekey (burn messages).
   * @throws StardustError KEY_BINDING_INVALID when any bundle or prekey fails its check.
   */
  async devicesOf(account: string, claimPrekeys: boolean): Promise<RecipientDevice[]> {
    const now = this.#now();
    const { devices } = await this.#directory.lookup(account, claimPrekeys);
    const result: RecipientDevice[] = [];

    for (const bundle of devices) {
      if (!sameAccount(bundle.account ?? '', account)) {
        throw new StardustError(
          'KEY_BINDING_INVALID',
          `The key directory returned a device of another account for ${account}; nothing was sent.`,
        );
      }

      await this.#binding.verify(bundle, now);

      const prekey = bundle.prekeys?.[0];

      result.push({
        account,
        deviceId: bundle.deviceId!,
        encryptionKey: bundle.encryptionKey!,
        prekey:
          prekey === undefined
            ? undefined
            : {
                id: prekey.id ?? 0,
                publicKey: prekey.publicKey!,
                expiresAt: millisFromInt64(prekey.expiresAt),
              },
      });
    }

    return result;
  }

  /**
   * Seals a recording for the recipient's devices (and this account's own devices, unless
   * it is a burn message) and puts it in the outbox, which uploads and sends it.
   * @throws StardustError KEY_BINDING_INVALID, NO_RECIPIENT_DEVICES; nothing is queued then.
   */
  async send(input: SendVoiceInput): Promise<OutboxRecord> {
    if (input.public === true) return this.sendPublic(input);

    const burn = input.burn ?? false;
    const recipients = await this.devicesOf(input.to, burn);
    const senderDevices = burn ? [] : await this.devicesOf(this.account, false);
    const envelope = await sealVoiceMessage({
      sender: this.account,
      payload: {
        audio: input.recording.bytes,
        mimeType: input.recording.mimeType,
        durationMs: input.recording.durationMs,
        waveform: input.recording.waveform,
        transcription: input.transcription,
        recordedAt: input.recording.recordedAt,
      },
      recipients,
      senderDevices,
      burn,
      now: this.#now,
    });

    return this.#outbox.enqueue({
      envelope,
      to: input.to,
      burn,
      durationMs: input.recording.durationMs,
    });
  }

  /**
   * Puts a recording in the outbox as it is, without encryption: the outbox uploads the
   * audio and sends its metadata on chain. Needs no device setup and no key lookup.
   * @throws StardustError PUBLIC_BURN_UNSUPPORTED, ADDRESS_INVALID, AUDIO_FORMAT_INVALID or
   *   INVALID_ARGUMENT (metadata beyond the chain's bounds); nothing is queued then.
   */
  async sendPublic(input: SendVoiceInput): Promise<OutboxRecord> {
    checkPublicInput(input);

    return this.#outbox.enqueue({
      envelope: input.recording.bytes,
      to: input.to,
      burn: false,
      durationMs: input.recording.durationMs,
      public: {
        waveform: input.recording.waveform,
        ...(input.transcription === undefined ? {} : { transcription: input.transcription }),
      },
    });
  }

  #bindingFields(
    keys: Pick<DeviceRecord, 'deviceId' | 'encryptionPublicKey' | 'signingPublicKey' | 'createdAt'>,
  ): BindingFields {
    return {
      account: this.account,
      deviceId: keys.deviceId,
      encryptionKey: keys.encryptionPublicKey,
      signingKey: keys.signingPublicKey,
      createdAt: BigInt(keys.createdAt),
    };
  }

  #prekeyBytes(deviceId: Uint8Array, prekey: PrekeyPublic): Uint8Array {
    return this.#binding.prekeyBytes({
      account: this.account,
      deviceId,
      id: prekey.id,
      publicKey: prekey.publicKey,
      expiresAt: BigInt(prekey.expiresAt),
    });
  }

  #bundle(device: BoundDevice, prekeys: PrekeyRecord[]): voice.IDeviceKeyBundle {
    return {
      account: this.account,
      deviceId: device.deviceId,
      encryptionKey: device.encryptionPublicKey,
      signingKey: device.signingPublicKey,
      createdAt: int64FromMillis(device.createdAt),
      walletSignature: device.walletSignature,
      // KeyType in voice.proto: SR25519 = 0, ED25519 = 1.
      keyType: device.keyType === 'ed25519' ? 1 : 0,
      prekeys: prekeys.map((prekey) => ({
        id: prekey.id,
        publicKey: prekey.publicKey,
        expiresAt: int64FromMillis(prekey.expiresAt),
        signature: prekey.signature,
      })),
    };
  }
}

/** Rejects a public send that the chain or the receivers could not take. */
function checkPublicInput(input: SendVoiceInput): void {
  const { recording } = input;

  if (input.burn === true) {
    throw new StardustError(
      'PUBLIC_BURN_UNSUPPORTED',
      `A public voice message to ${input.to} cannot burn after reading: its audio is stored unencrypted on IPFS. Send it encrypted, or drop burn.`,
    );
  }

  if (!isValidAddress(input.to)) {
    throw new StardustError(
      'ADDRESS_INVALID',
      `Invalid recipient address ${JSON.stringify(input.to)}: expected an SS58 address.`,
    );
  }

  // Receivers tell public audio from an envelope by these magic bytes.
  if (!isOgg(recording.bytes) && !isWebm(recording.bytes)) {
    throw new StardustError(
      'AUDIO_FORMAT_INVALID',
      `Invalid audio for a public voice message: ${recording.bytes.length} bytes that are neither Ogg nor WebM.`,
    );
  }

  if (!Number.isFinite(recording.durationMs) || recording.durationMs <= 0) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Invalid recording.durationMs ${recording.durationMs}: expected a positive number of milliseconds.`,
    );
  }

  if (recording.waveform.length > MAX_CHAIN_WAVEFORM_BYTES) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Invalid recording.waveform: ${recording.waveform.length} bars, but the chain stores at most ${MAX_CHAIN_WAVEFORM_BYTES}.`,
    );
  }

  const transcriptionBytes = utf8(input.transcription ?? '').length;

  if (transcriptionBytes > MAX_CHAIN_TRANSCRIPTION_BYTES) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Invalid transcription: ${transcriptionBytes} bytes of UTF-8, but the chain stores at most ${MAX_CHAIN_TRANSCRIPTION_BYTES}.`,
    );
  }
}
