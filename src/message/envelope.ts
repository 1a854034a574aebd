/**
 * Sealing and opening voice message envelopes (`VoiceEnvelope` in `proto/voice.proto`).
 *
 * The audio and its metadata (a `VoiceContent`) are encrypted with a random AES-256-GCM
 * content key. The content key is wrapped once per device: for each device an ephemeral
 * X25519 key pair is made, ECDH with the device's key gives a shared secret, HKDF-SHA-256
 * turns it into an AES-KW key, and AES-KW wraps the content key. Normal messages are wrapped
 * to every device of the recipient and of the sender (the sending one included, so sent
 * messages replay); burn-after-reading messages only to one-time prekeys of the recipient's
 * devices.
 *
 * The AES-GCM additional data covers the version, sender, burn flag, MIME type, creation
 * time and the whole wrapped-key list, so none of them can be changed or swapped without
 * failing authentication.
 */

import { voice } from '../../proto/gen/voice.js';
import { int64FromMillis, millisFromInt64 } from '../shared/codec.js';
import { CanonicalWriter, equalBytes, utf8 } from '../shared/bytes.js';
import { StardustError } from '../shared/errors.js';
import { accountKey } from '../shared/ss58.js';
import { requireSubtle } from './device-keys.js';

/** Envelope format version this code writes and reads. */
export const ENVELOPE_VERSION = 1;

const AAD_DOMAIN = utf8('stardust-voice/envelope/v1');
const WRAP_INFO = 'stardust-voice/wrap/v1';

/** A device to wrap the content key for, as taken from a (verified) key directory lookup. */
export interface RecipientDevice {
  /** SS58 address of the device's account. */
  account: string;
  /** 16-byte device id. */
  deviceId: Uint8Array;
  /** Raw X25519 long-term public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** A claimed one-time prekey; required for burn messages. */
  prekey?: { id: number; publicKey: Uint8Array; expiresAt?: number };
}

/** The audio and metadata a voice message carries inside the envelope. */
export interface VoicePayload {
  audio: Uint8Array;
  /** MIME type of the audio, such as `audio/ogg; codecs=opus`. */
  mimeType: string;
  durationMs: number;
  /** Peaks, one byte (0–255) per bar. */
  waveform: Uint8Array;
  transcription?: string;
  /** Milliseconds since the Unix epoch. */
  recordedAt: number;
}

/** Input of {@link sealVoiceMessage}. */
export interface SealInput {
  /** SS58 address of the sender. */
  sender: string;
  payload: VoicePayload;
  /** Devices of the recipient account. For burn messages each needs a prekey. */
  recipients: RecipientDevice[];
  /** Devices of the sender, this one included. Ignored for burn messages. */
  senderDevices?: RecipientDevice[];
  burn: boolean;
  /** Clock; `Date.now` by default. */
  now?: () => number;
}

/** An opened envelope. */
export interface OpenedVoiceMessage {
  sender: string;
  burn: boolean;
  createdAt: number;
  payload: VoicePayload;
  /** The prekey id the content key was wrapped to, or 0 for the long-term key. */
  prekeyId: number;
}

/** The key material of this device that {@link openVoiceMessage} needs. */
export interface OpeningDevice {
  account: string;
  deviceId: Uint8Array;
  /** The device's X25519 private key. */
  encryptionKey: CryptoKey;
  /** Looks up the private key of a one-time prekey; null when it is gone or unknown. */
  prekey(id: number): Promise<CryptoKey | null>;
}

/**
 * Encrypts a voice payload for the given devices and returns the encoded envelope.
 * @throws StardustError NO_RECIPIENT_DEVICES when there is no device to wrap for (or, for a
 *   burn message, no recipient device with a prekey); KEY_BINDING_INVALID when a device key
 *   is not a valid X25519 public key.
 */
export async function sealVoiceMessage(input: SealInput): Promise<Uint8Array> {
  const devices = selectDevices(input);
  const subtle = requireSubtle();
  const contentKeyBytes = crypto.getRandomValues(new Uint8Array(32));
  const contentKey = await subtle.importKey('raw', contentKeyBytes, { name: 'AES-GCM' }, true, [
    'encrypt',
  ]);
  const keys: voice.WrappedKey.$Properties[] = [];

  for (const device of devices) keys.push(await wrapContentKey(contentKey, device, input.burn));

  contentKeyBytes.fill(0);

  const createdAt = (input.now ?? Date.now)();
  const header = {
    version: ENVELOPE_VERSION,
    sender: input.sender,
    burn: input.burn,
    mimeType: input.payload.mimeType,
    createdAt,
    keys,
  };
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = voice.VoiceContent.encode({
    audio: input.payload.audio,
    durationMs: Math.max(0, Math.round(input.payload.durationMs)),
    waveform: input.payload.waveform,
    transcription: input.payload.transcription ?? '',
    mimeType: input.payload.mimeType,
    recordedAt: int64FromMillis(input.payload.recordedAt),
  }).finish();
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(header) as Uint8Array<ArrayBuffer> },
    contentKey,
    plaintext as Uint8Array<ArrayBuffer>,
  );

  plaintext.fill(0);

  return voice.VoiceEnvelope.encode({
    ...header,
    createdAt: int64FromMillis(createdAt),
    iv,
    ciphertext: new Uint8Array(ciphertext),
  }).finish();
}

/**
 * Decrypts an envelope with this device's keys.
 * @throws StardustError DECRYPT_FAILED when the envelope is malformed, was not sealed for
 *   this device, its prekey is gone, or authentication fails (tampering).
 */
export async function openVoiceMessage(
  bytes: Uint8Array,
  device: OpeningDevice,
): Promise<OpenedVoiceMessage> {
  const envelope = decodeEnvelope(bytes);
  const me = accountKey(device.account);
  const wrapped = envelope.keys.find(
    (key) =>
      sameAccountKey(key.account ?? '', me) &&
      key.deviceId != null &&
      equalBytes(key.deviceId, device.deviceId),
  );

  if (wrapped === undefined) {
    throw decryptError(`it was not sealed for this device of ${device.account}`);
  }

  const prekeyId = wrapped.prekeyId ?? 0;

  if (envelope.burn && prekeyId === 0) {
    throw decryptError('a burn message must be wrapped to a one-time prekey');
  }

  const privateKey = prekeyId === 0 ? device.encryptionKey : await device.prekey(prekeyId);

  if (privateKey === null) throw decryptError(`one-time prekey ${prekeyId} is no longer held`);

  const contentKey = await unwrapContentKey(wrapped, privateKey, device.deviceId);
  const createdAt = millisFromInt64(envelope.createdAt);
  const header = {
    version: envelope.version ?? 0,
    sender: envelope.sender ?? '',
    burn: envelope.burn ?? false,
    mimeType: envelope.mimeType ?? '',
    createdAt,
    keys: envelope.keys,
  };
  let plaintext: ArrayBuffer;

  try {
    plaintext = await requireSubtle().decrypt(
      {
        name: 'AES-GCM',
        iv: (envelope.iv ?? new Uint8Array(0)) as Uint8Array<ArrayBuffer>,
        additionalData: additionalData(header) as Uint8Array<ArrayBuffer>,
      },
      contentKey,
      (envelope.ciphertext ?? new Uint8Array(0)) as Uint8Array<ArrayBuffer>,
    );
  } catch (error) {
    throw decryptError('authentication failed: the envelope was altered', error);
  }

  const content = voice.VoiceContent.decode(new Uint8Array(plaintext));

  return {
    sender: header.sender,
    burn: header.burn,
    createdAt,
    prekeyId,
    payload: {
      audio: content.audio,
      mimeType: content.mimeType || header.mimeType,
      durationMs: content.durationMs,
      waveform: content.waveform,
      transcription: content.transcription === '' ? undefined : content.transcription,
      recordedAt: millisFromInt64(content.recordedAt),
    },
  };
}

/**
 * Reads the unencrypted header of an envelope (sender, burn flag, MIME type, recipients)
 * without decrypting it.
 * @throws StardustError DECRYPT_FAILED when the bytes are not a supported envelope.
 */
export function readEnvelopeHeader(bytes: Uint8Array): {
  sender: string;
  burn: boolean;
  mimeType: string;
  createdAt: number;
  recipients: Array<{ account: string; deviceId: Uint8Array; prekeyId: number }>;
} {
  const envelope = decodeEnvelope(bytes);

  return {
    sender: envelope.sender ?? '',
    burn: envelope.burn ?? false,
    mimeType: envelope.mimeType ?? '',
    createdAt: millisFromInt64(envelope.createdAt),
    recipients: envelope.keys.map((key) => ({
      account: key.account ?? '',
      deviceId: key.deviceId ?? new Uint8Array(0),
      prekeyId: key.prekeyId ?? 0,
    })),
  };
}

function selectDevices(input: SealInput): RecipientDevice[] {
  if (input.burn) {
    const sender = accountKey(input.sender);
    const withPrekeys = input.recipients.filter(
      (device) => device.prekey !== undefined && !sameAccountKey(device.account, sender),
    );

    if (withPrekeys.length === 0) {
      throw new StardustError(
        'NO_RECIPIENT_DEVICES',
        'Cannot seal a burn-after-reading message: no recipient device has a one-time prekey left.',
      );
    }

    return withPrekeys;
  }

  const devices = [...input.recipients, ...(input.senderDevices ?? [])];

  if (input.recipients.length === 0) {
    throw new StardustError(
      'NO_RECIPIENT_DEVICES',
      'Cannot seal a voice message: the recipient has no published device keys.',
    );
  }

  return devices;
}

async function wrapContentKey(
  contentKey: CryptoKey,
  device: RecipientDevice,
  burn: boolean,
): Promise<voice.WrappedKey.$Properties> {
  const subtle = requireSubtle();
  const target = burn ? device.prekey! : { id: 0, publicKey: device.encryptionKey };
  let recipientKey: CryptoKey;

  try {
    recipientKey = await subtle.importKey(
      'raw',
      target.publicKey as Uint8Array<ArrayBuffer>,
      { name: 'X25519' },
      true,
      [],
    );
  } catch (error) {
    throw new StardustError(
      'KEY_BINDING_INVALID',
      `The ${target.id === 0 ? 'device key' : `prekey ${target.id}`} of ${device.account} is not a valid X25519 public key; nothing was sealed.`,
      { cause: error },
    );
  }

  const ephemeral = (await subtle.generateKey({ name: 'X25519' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const ephemeralPublic = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const wrappingKey = await deriveWrappingKey(
    ephemeral.privateKey,
    recipientKey,
    ephemeralPublic,
    target.publicKey,
    device.deviceId,
    target.id,
    'wrapKey',
  );
  const wrapped = await subtle.wrapKey('raw', contentKey, wrappingKey, { name: 'AES-KW' });

  return {
    account: device.account,
    deviceId: device.deviceId,
    prekeyId: target.id,
    ephemeralKey: ephemeralPublic,
    wrappedKey: new Uint8Array(wrapped),
  };
}

async function unwrapContentKey(
  wrapped: voice.WrappedKey.$Properties,
  privateKey: CryptoKey,
  deviceId: Uint8Array,
): Promise<CryptoKey> {
  const subtle = requireSubtle();

  try {
    const ephemeralPublic = wrapped.ephemeralKey ?? new Uint8Array(0);
    const ephemeral = await subtle.importKey(
      'raw',
      ephemeralPublic as Uint8Array<ArrayBuffer>,
      { name: 'X25519' },
      true,
      [],
    );
    const ownPublic = await publicKeyOf(privateKey);
    const wrappingKey = await deriveWrappingKey(
      privateKey,
      ephemeral,
      ephemeralPublic,
      ownPublic,
      deviceId,
      wrapped.prekeyId ?? 0,
      'unwrapKey',
    );

    return await subtle.unwrapKey(
      'raw',
      (wrapped.wrappedKey ?? new Uint8Array(0)) as Uint8Array<ArrayBuffer>,
      wrappingKey,
      { name: 'AES-KW' },
      { name: 'AES-GCM' },
      false,
      ['decrypt'],
    );
  } catch (error) {
    throw decryptError('the content key could not be unwrapped for this device', error);
  }
}

/**
 * ECDH then HKDF-SHA-256 into an AES-KW key. The salt binds both public keys, the info the
 * device and prekey, so a wrap cannot be moved to another device or key.
 */
async function deriveWrappingKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  ephemeralPublic: Uint8Array,
  recipientPublic: Uint8Array,
  deviceId: Uint8Array,
  prekeyId: number,
  usage: 'wrapKey' | 'unwrapKey',
): Promise<CryptoKey> {
  const subtle = requireSubtle();
  const shared = await subtle.deriveBits({ name: 'X25519', public: publicKey }, privateKey, 256);
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = new CanonicalWriter().bytes(ephemeralPublic).bytes(recipientPublic).finish();
  const info = new CanonicalWriter().string(WRAP_INFO).bytes(deviceId).u32(prekeyId).finish();

  return subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: salt as Uint8Array<ArrayBuffer>,
      info: info as Uint8Array<ArrayBuffer>,
    },
    ikm,
    { name: 'AES-KW', length: 256 },
    false,
    [usage],
  );
}

/**
 * Computes the raw public key of an X25519 private key as ECDH with the base point u = 9,
 * because non-extractable private keys cannot be exported.
 */
async function publicKeyOf(privateKey: CryptoKey): Promise<Uint8Array> {
  const subtle = requireSubtle();
  const basePoint = new Uint8Array(32);

  basePoint[0] = 9;

  const base = await subtle.importKey('raw', basePoint, { name: 'X25519' }, true, []);

  return new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: base }, privateKey, 256));
}

function additionalData(header: {
  version: number;
  sender: string;
  burn: boolean;
  mimeType: string;
  createdAt: number;
  keys: voice.WrappedKey.$Properties[];
}): Uint8Array {
  const writer = new CanonicalWriter()
    .bytes(AAD_DOMAIN)
    .u32(header.version)
    .string(header.sender)
    .u32(header.burn ? 1 : 0)
    .string(header.mimeType)
    .i64(BigInt(header.createdAt))
    .u32(header.keys.length);

  for (const key of header.keys) {
    writer
      .string(key.account ?? '')
      .bytes(key.deviceId ?? new Uint8Array(0))
      .u32(key.prekeyId ?? 0)
      .bytes(key.ephemeralKey ?? new Uint8Array(0))
      .bytes(key.wrappedKey ?? new Uint8Array(0));
  }

  return writer.finish();
}

function decodeEnvelope(bytes: Uint8Array): voice.VoiceEnvelope {
  let envelope: voice.VoiceEnvelope;

  try {
    envelope = voice.VoiceEnvelope.decode(bytes);
  } catch (error) {
    throw decryptError('the bytes are not a voice envelope', error);
  }

  if (envelope.version !== ENVELOPE_VERSION) {
    throw decryptError(`envelope version ${envelope.version} is not supported`);
  }

  return envelope;
}

function sameAccountKey(address: string, key: string): boolean {
  try {
    return accountKey(address) === key;
  } catch {
    return false;
  }
}

function decryptError(reason: string, cause?: unknown): StardustError {
  return new StardustError('DECRYPT_FAILED', `Cannot open the voice message: ${reason}.`, {
    cause,
  });
}
