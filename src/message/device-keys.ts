/**
 * This browser's device keys for voice messages, made with WebCrypto: an X25519 key pair
 * that recipients' senders seal to, and an Ed25519 key pair that signs the device's one-time
 * X25519 prekeys (X25519 cannot sign). Private keys are non-extractable `CryptoKey`s, which
 * IndexedDB stores as they are; their bytes never reach JavaScript.
 *
 * The wallet binds both public keys to the account once, at device setup, with the
 * canonical binding statement of `src/shared/device-keys.ts`; that step lives in the
 * service that publishes the bundle, not here.
 */
import { StardustError } from '../shared/errors.js';

/** Default lifetime of a one-time prekey: 7 days. */
export const DEFAULT_PREKEY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A device's long-term keys, as stored per account in this browser. */
export interface DeviceKeys {
  /** 16 random bytes naming this device for the account. */
  deviceId: Uint8Array;
  /** X25519 key pair; the private key is non-extractable. */
  encryption: CryptoKeyPair;
  /** Ed25519 key pair that signs prekeys; the private key is non-extractable. */
  signing: CryptoKeyPair;
  /** Raw X25519 public key, 32 bytes. */
  encryptionPublicKey: Uint8Array;
  /** Raw Ed25519 public key, 32 bytes. */
  signingPublicKey: Uint8Array;
  /** Milliseconds since the Unix epoch. */
  createdAt: number;
}

/** The public part of a one-time prekey, as published and signed. */
export interface PrekeyPublic {
  id: number;
  /** Raw X25519 public key, 32 bytes. */
  publicKey: Uint8Array;
  /** Milliseconds since the Unix epoch after which senders must not use it. */
  expiresAt: number;
}

/** A one-time prekey with its private key, as this device stores it until used or expired. */
export interface PrekeyRecord extends PrekeyPublic {
  /** Non-extractable X25519 private key. */
  privateKey: CryptoKey;
  /** Ed25519 signature by the device signing key over the canonical prekey bytes. */
  signature: Uint8Array;
}

/**
 * Canonical bytes that the device signing key signs for one prekey. The format is fixed by
 * the key directory protocol and injected so that signer and verifier share one definition.
 */
export type PrekeySigningBytes = (deviceId: Uint8Array, prekey: PrekeyPublic) => Uint8Array;

/** Options of {@link generatePrekeys}. */
export interface GeneratePrekeysOptions {
  /** How many prekeys to make. */
  count: number;
  /** Id of the first prekey; ids increase by one and never reuse 0, which means "no prekey". */
  firstId: number;
  /** Lifetime in milliseconds; 7 days by default. */
  ttlMs?: number;
  /** Clock; `Date.now` by default. */
  now?: () => number;
  signingBytes: PrekeySigningBytes;
}

/** Makes a new set of device keys with non-extractable private keys. */
export async function generateDeviceKeys(now: () => number = Date.now): Promise<DeviceKeys> {
  const subtle = requireSubtle();
  const encryption = (await subtle.generateKey({ name: 'X25519' }, false, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const signing = (await subtle.generateKey({ name: 'Ed25519' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;

  return {
    deviceId: crypto.getRandomValues(new Uint8Array(16)),
    encryption,
    signing,
    encryptionPublicKey: new Uint8Array(await subtle.exportKey('raw', encryption.publicKey)),
    signingPublicKey: new Uint8Array(await subtle.exportKey('raw', signing.publicKey)),
    createdAt: now(),
  };
}

/** Makes `count` one-time X25519 prekeys signed by the device signing key. */
export async function generatePrekeys(
  device: Pick<DeviceKeys, 'deviceId' | 'signing'>,
  options: GeneratePrekeysOptions,
): Promise<PrekeyRecord[]> {
  if (!Number.isInteger(options.count) || options.count < 0) {
    throw new RangeError(`prekey count must be a non-negative integer, got ${options.count}`);
  }

  if (!Number.isInteger(options.firstId) || options.firstId < 1) {
    throw new RangeError(`first prekey id must be a positive integer, got ${options.firstId}`);
  }

  const subtle = requireSubtle();
  const expiresAt = (options.now ?? Date.now)() + (options.ttlMs ?? DEFAULT_PREKEY_TTL_MS);
  const records: PrekeyRecord[] = [];

  for (let i = 0; i < options.count; i += 1) {
    const pair = (await subtle.generateKey({ name: 'X25519' }, false, [
      'deriveBits',
    ])) as CryptoKeyPair;
    const prekey: PrekeyPublic = {
      id: options.firstId + i,
      publicKey: new Uint8Array(await subtle.exportKey('raw', pair.publicKey)),
      expiresAt,
    };
    const signature = await subtle.sign(
      { name: 'Ed25519' },
      device.signing.privateKey,
      options.signingBytes(device.deviceId, prekey) as Uint8Array<ArrayBuffer>,
    );

    records.push({ ...prekey, privateKey: pair.privateKey, signature: new Uint8Array(signature) });
  }

  return records;
}

/** Verifies a prekey's Ed25519 signature against the device's signing public key. */
export async function verifyPrekey(
  signingPublicKey: Uint8Array,
  deviceId: Uint8Array,
  prekey: PrekeyPublic & { signature: Uint8Array },
  signingBytes: PrekeySigningBytes,
): Promise<boolean> {
  const subtle = requireSubtle();

  try {
    const key = await subtle.importKey(
      'raw',
      signingPublicKey as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );

    return await subtle.verify(
      { name: 'Ed25519' },
      key,
      prekey.signature as Uint8Array<ArrayBuffer>,
      signingBytes(deviceId, prekey) as Uint8Array<ArrayBuffer>,
    );
  } catch {
    // A malformed key or signature is a failed verification, not a crash.
    return false;
  }
}

/** Returns WebCrypto's SubtleCrypto, or throws when the page is not a secure context. */
export function requireSubtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;

  if (subtle === undefined) {
    throw new StardustError(
      'INVALID_STATE',
      'WebCrypto is unavailable: voice message encryption needs a secure context (https or localhost).',
    );
  }

  return subtle;
}
