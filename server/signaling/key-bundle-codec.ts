/**
 * Storage encoding shared by the key directory implementations: bundles and prekeys are
 * stored as their protobuf bytes in base64, so no field is lost or renamed on the way.
 */
import Long from 'long';

import { voice } from '../../proto/gen/voice.js';
import { toHex } from '../../src/shared/bytes.js';
import { accountKey } from '../../src/shared/ss58.js';

/** Most unclaimed prekeys kept per device; extra ones in a publish are ignored. */
export const MAX_PREKEYS_PER_DEVICE = 500;

/** A prekey ready to store: its id, expiry and encoded bytes. */
export interface StoredPrekeyEntry {
  id: number;
  expiresAt: number;
  /** base64 of the SignedPrekey protobuf. */
  encoded: string;
}

/** The parts of a bundle a directory stores. */
export interface BundleParts {
  /** Hex of the account's 32-byte public key. */
  account: string;
  /** Hex of the device id. */
  deviceId: string;
  /** Hex of the device's Ed25519 signing key; prekeys signed by an older key are dropped. */
  signingKey: string;
  /** base64 of the DeviceKeyBundle protobuf without prekeys. */
  encoded: string;
  prekeys: StoredPrekeyEntry[];
}

/**
 * Splits a bundle into what a directory stores.
 * @throws RangeError when the account, device id or signing key is missing or malformed.
 */
export function splitBundle(bundle: voice.IDeviceKeyBundle): BundleParts {
  if (typeof bundle.account !== 'string' || bundle.account === '') {
    throw new RangeError('key bundle has no account');
  }

  if (!(bundle.deviceId instanceof Uint8Array) || bundle.deviceId.length === 0) {
    throw new RangeError('key bundle has no device id');
  }

  if (!(bundle.signingKey instanceof Uint8Array) || bundle.signingKey.length !== 32) {
    throw new RangeError('key bundle signing key must be 32 bytes');
  }

  const withoutPrekeys = voice.DeviceKeyBundle.encode({ ...bundle, prekeys: [] }).finish();

  return {
    account: accountKey(bundle.account),
    deviceId: toHex(bundle.deviceId),
    signingKey: toHex(bundle.signingKey),
    encoded: toBase64(withoutPrekeys),
    prekeys: (bundle.prekeys ?? []).slice(0, MAX_PREKEYS_PER_DEVICE).map((prekey) => ({
      id: prekey.id ?? 0,
      expiresAt: Long.fromValue(prekey.expiresAt ?? 0).toNumber(),
      encoded: toBase64(voice.SignedPrekey.encode(prekey).finish()),
    })),
  };
}

/** Rebuilds a bundle from its stored bytes and the prekeys to hand out with it. */
export function joinBundle(encoded: string, prekeys: string[]): voice.IDeviceKeyBundle {
  const bundle = voice.DeviceKeyBundle.decode(fromBase64(encoded));

  bundle.prekeys = prekeys.map((prekey) => voice.SignedPrekey.decode(fromBase64(prekey)));

  return bundle;
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
