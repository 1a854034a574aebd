/**
 * SS58 addresses: decoding any prefix to the 32-byte account id, and encoding with the
 * Stardust prefix 42. Accounts are compared and keyed by public key; SS58 appears only at
 * the edges (the wire, the UI).
 *
 * Format (Substrate): prefix (1 or 2 bytes) || 32-byte account || checksum, where the
 * checksum is the first 2 bytes of blake2b-512("SS58PRE" || prefix || account), base58.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { base58 } from '@scure/base';

import { concatBytes, equalBytes, toHex, utf8 } from './bytes.js';
import { StardustError } from './errors.js';

/** SS58 prefix of the Stardust chain (and of generic Substrate). */
export const STARDUST_SS58_PREFIX = 42;

const CHECKSUM_TAG = utf8('SS58PRE');

/** A decoded SS58 address. */
export interface DecodedAddress {
  /** The 32-byte account id (public key for sr25519 and ed25519 accounts). */
  publicKey: Uint8Array;
  /** The network prefix the address was written with. */
  prefix: number;
}

/**
 * Decodes an SS58 address of any prefix, or a 0x-prefixed 32-byte hex account id.
 * @throws StardustError ADDRESS_INVALID when the text is malformed or the checksum is wrong.
 */
export function decodeAddress(address: string): DecodedAddress {
  if (typeof address !== 'string' || address.length === 0 || address.length > 64) {
    throw invalid(address, 'expected an SS58 address');
  }

  if (address.startsWith('0x')) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(address)) throw invalid(address, 'expected 32 bytes of hex');

    const bytes = new Uint8Array(32);

    for (let i = 0; i < 32; i += 1)
      bytes[i] = Number.parseInt(address.slice(2 + i * 2, 4 + i * 2), 16);

    return { publicKey: bytes, prefix: STARDUST_SS58_PREFIX };
  }

  let data: Uint8Array;

  try {
    data = base58.decode(address);
  } catch (error) {
    throw invalid(address, 'not base58', error);
  }

  const prefixLength = data[0]! & 0b0100_0000 ? 2 : 1;

  // 32-byte account ids only: 1 or 2 prefix bytes + 32 + 2 checksum bytes.
  if (data.length !== prefixLength + 34)
    throw invalid(address, 'wrong length for a 32-byte account');

  const body = data.subarray(0, prefixLength + 32);
  const checksum = data.subarray(prefixLength + 32);
  const expected = blake2b(concatBytes(CHECKSUM_TAG, body), { dkLen: 64 }).subarray(0, 2);

  if (!equalBytes(checksum, expected)) throw invalid(address, 'bad checksum');

  const prefix =
    prefixLength === 1
      ? data[0]!
      : ((data[0]! & 0b0011_1111) << 2) | (data[1]! >> 6) | ((data[1]! & 0b0011_1111) << 8);

  if (prefixLength === 1 && prefix > 63) throw invalid(address, 'reserved prefix');

  return { publicKey: data.slice(prefixLength, prefixLength + 32), prefix };
}

/** Encodes a 32-byte account id as SS58 with `prefix` (42 by default). */
export function encodeAddress(publicKey: Uint8Array, prefix = STARDUST_SS58_PREFIX): string {
  if (publicKey.length !== 32)
    throw new RangeError(`account id must be 32 bytes, got ${publicKey.length}`);

  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 16383 || prefix === 46 || prefix === 47) {
    throw new RangeError(`invalid SS58 prefix ${prefix}`);
  }

  const prefixBytes =
    prefix < 64
      ? Uint8Array.of(prefix)
      : Uint8Array.of(
          ((prefix & 0b1111_1100) >> 2) | 0b0100_0000,
          (prefix >> 8) | ((prefix & 0b11) << 6),
        );
  const body = concatBytes(prefixBytes, publicKey);
  const checksum = blake2b(concatBytes(CHECKSUM_TAG, body), { dkLen: 64 }).subarray(0, 2);

  return base58.encode(concatBytes(body, checksum));
}

/** Re-encodes any valid address with the Stardust prefix 42. */
export function normalizeAddress(address: string): string {
  return encodeAddress(decodeAddress(address).publicKey);
}

/** Returns true when two addresses name the same account, whatever their prefixes. */
export function sameAccount(a: string, b: string): boolean {
  return equalBytes(decodeAddress(a).publicKey, decodeAddress(b).publicKey);
}

/** A stable map key for an account: the hex of its public key. */
export function accountKey(address: string): string {
  return toHex(decodeAddress(address).publicKey);
}

/** Returns true when `address` decodes; never throws. */
export function isValidAddress(address: string): boolean {
  try {
    decodeAddress(address);

    return true;
  } catch {
    return false;
  }
}

function invalid(address: unknown, reason: string, cause?: unknown): StardustError {
  const shown = typeof address === 'string' ? JSON.stringify(address.slice(0, 64)) : typeof address;

  return new StardustError('ADDRESS_INVALID', `Invalid address ${shown}: ${reason}.`, { cause });
}
