/**
 * Device key bundles. One wallet signature over a statement binds a device's keys to its
 * account, and the device's Ed25519 key signs canonical bytes for each one-time prekey.
 * The key directory and senders run the same checks on a bundle.
 *
 * A device has an X25519 key for sealing messages to it and an Ed25519 key that signs its
 * one-time prekeys (X25519 cannot sign). The wallet signs the binding once per device, so
 * a key directory that substitutes keys is detected by whoever checks the bundle.
 */
import type { voice } from '../../proto/gen/voice.js';
import { CanonicalWriter, toHex, utf8 } from './bytes.js';
import type { Plain } from './codec.js';
import { toBigInt } from './codec.js';
import { acceptedSignedForms, keyTypeName } from './delegation.js';
import { StardustError } from './errors.js';
import { decodeAddress, encodeAddress } from './ss58.js';

/** Domain tag: the first line of every device binding statement. */
export const DEVICE_BINDING_DOMAIN = 'stardust-voice/device/v1';
/** Domain tag of the prekey signing bytes. */
export const PREKEY_DOMAIN = 'stardust-voice/prekey/v1';
/** Most prekeys one bundle may carry. */
export const MAX_PREKEYS_PER_BUNDLE = 200;

/** The fields of a device key bundle that the wallet signs. */
export interface DeviceBindingFields {
  /** SS58 address of the account. */
  account: string;
  /** 16 random bytes naming the device. */
  deviceId: Uint8Array;
  /** X25519 public key, 32 bytes. */
  encryptionKey: Uint8Array;
  /** Ed25519 public key that signs the prekeys, 32 bytes. */
  signingKey: Uint8Array;
  /** Milliseconds since the Unix epoch. */
  createdAt: bigint;
}

/** The fields of a one-time prekey that the device signing key signs. */
export interface PrekeyFields {
  account: string;
  deviceId: Uint8Array;
  id: number;
  /** X25519 public key, 32 bytes. */
  publicKey: Uint8Array;
  /** Milliseconds since the Unix epoch. */
  expiresAt: bigint;
}

/**
 * Returns the binding statement a wallet signs for a device, one field a line:
 *
 * ```text
 * stardust-voice/device/v1
 * Allow this device to receive Stardust Voice messages for your account.
 * Account: <SS58 address, prefix 42>
 * Device: 0x<16-byte device id>
 * Encryption key: 0x<X25519 public key>
 * Signing key: 0x<Ed25519 public key>
 * Created at: <ISO 8601 UTC with milliseconds>
 * ```
 */
export function deviceBindingStatement(fields: DeviceBindingFields): string {
  checkBindingShape(fields);

  return [
    DEVICE_BINDING_DOMAIN,
    'Allow this device to receive Stardust Voice messages for your account.',
    `Account: ${encodeAddress(decodeAddress(fields.account).publicKey)}`,
    `Device: 0x${toHex(fields.deviceId)}`,
    `Encryption key: 0x${toHex(fields.encryptionKey)}`,
    `Signing key: 0x${toHex(fields.signingKey)}`,
    `Created at: ${new Date(Number(fields.createdAt)).toISOString()}`,
  ].join('\n');
}

/** UTF-8 bytes of {@link deviceBindingStatement}: what the wallet signs. */
export function deviceBindingBytes(fields: DeviceBindingFields): Uint8Array {
  return utf8(deviceBindingStatement(fields));
}

/**
 * Returns the bytes a device's Ed25519 key signs for one prekey:
 * `len‖"stardust-voice/prekey/v1" ‖ 32-byte account id ‖ len‖device_id ‖ u32 id ‖
 * len‖public_key ‖ i64 expires_at` (little-endian, u32 length prefixes). The account and
 * device are included so a prekey cannot be moved to another device.
 */
export function prekeySigningBytes(fields: PrekeyFields): Uint8Array {
  return new CanonicalWriter()
    .string(PREKEY_DOMAIN)
    .raw(decodeAddress(fields.account).publicKey)
    .bytes(fields.deviceId)
    .u32(fields.id)
    .bytes(fields.publicKey)
    .i64(fields.expiresAt)
    .finish();
}

/** Options of {@link verifyDeviceBundle}. */
export interface DeviceBundleCheckOptions {
  /** Milliseconds since the Unix epoch; prekeys that expired by then are rejected. */
  now: number;
  /** Verifies an Ed25519 signature; the pure-JavaScript verifier by default. */
  verifyEd25519?: (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean;
}

/**
 * Checks a device key bundle: its shape, the wallet's signature over the binding statement
 * (raw or in `<Bytes>`), and each prekey's signature by the device signing key.
 * @throws StardustError KEY_BINDING_INVALID naming what failed.
 */
export async function verifyDeviceBundle(
  bundle: Plain<voice.DeviceKeyBundle.$Properties>,
  options: DeviceBundleCheckOptions,
): Promise<void> {
  const fields: DeviceBindingFields = {
    account: bundle.account ?? '',
    deviceId: bundle.deviceId ?? new Uint8Array(0),
    encryptionKey: bundle.encryptionKey ?? new Uint8Array(0),
    signingKey: bundle.signingKey ?? new Uint8Array(0),
    createdAt: toBigInt(bundle.createdAt),
  };
  const statement = deviceBindingBytes(fields);
  const keyType = keyTypeName(bundle.keyType ?? 0);
  const accountId = decodeAddress(fields.account).publicKey;
  const walletSignature = bundle.walletSignature ?? new Uint8Array(0);
  const verifiers = await import('./load-noble-signatures.js');
  const verifyEd25519 = options.verifyEd25519 ?? verifiers.verifyEd25519;
  const walletOk =
    keyType !== undefined &&
    acceptedSignedForms(statement).some((message) =>
      keyType === 'ed25519'
        ? verifyEd25519(message, walletSignature, accountId)
        : verifiers.verifyWalletSignature(keyType, message, walletSignature, accountId),
    );

  if (!walletOk) throw bindingError(fields, 'the wallet signature does not verify');

  const prekeys = bundle.prekeys ?? [];

  if (prekeys.length > MAX_PREKEYS_PER_BUNDLE) {
    throw bindingError(fields, `more than ${MAX_PREKEYS_PER_BUNDLE} prekeys`);
  }

  for (const prekey of prekeys) {
    const prekeyFields: PrekeyFields = {
      account: fields.account,
      deviceId: fields.deviceId,
      id: prekey.id ?? 0,
      publicKey: prekey.publicKey ?? new Uint8Array(0),
      expiresAt: toBigInt(prekey.expiresAt),
    };

    if (prekeyFields.publicKey.length !== 32) {
      throw bindingError(fields, `prekey ${prekeyFields.id} is not 32 bytes`);
    }

    if (prekeyFields.expiresAt <= BigInt(Math.floor(options.now))) {
      throw bindingError(fields, `prekey ${prekeyFields.id} expired`);
    }

    const signed = prekeySigningBytes(prekeyFields);

    if (!verifyEd25519(signed, prekey.signature ?? new Uint8Array(0), fields.signingKey)) {
      throw bindingError(fields, `the signature of prekey ${prekeyFields.id} does not verify`);
    }
  }
}

function checkBindingShape(fields: DeviceBindingFields): void {
  if (fields.deviceId.length !== 16) throw bindingError(fields, 'device id is not 16 bytes');

  if (fields.encryptionKey.length !== 32)
    throw bindingError(fields, 'encryption key is not 32 bytes');

  if (fields.signingKey.length !== 32) throw bindingError(fields, 'signing key is not 32 bytes');

  if (fields.createdAt < 0n || fields.createdAt > 8_640_000_000_000_000n) {
    throw bindingError(fields, 'created-at out of range');
  }

  try {
    decodeAddress(fields.account);
  } catch (error) {
    throw bindingError(fields, `account is not an address (${(error as Error).message})`);
  }
}

function bindingError(fields: DeviceBindingFields, reason: string): StardustError {
  return new StardustError(
    'KEY_BINDING_INVALID',
    `Device key bundle of ${JSON.stringify(fields.account.slice(0, 64))}, device 0x${toHex(fields.deviceId.subarray(0, 16))}: ${reason}.`,
  );
}
