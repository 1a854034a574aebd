/**
 * Checks of plain arguments before they reach polkadot-js, so that a bad value fails with a
 * typed error naming the argument instead of a codec error.
 */
import { toHex, utf8 } from '../shared/bytes.js';
import { StardustError } from '../shared/errors.js';
import { decodeAddress } from '../shared/ss58.js';
import type { Hex } from './types.js';

const U128_MAX = (1n << 128n) - 1n;

/**
 * Returns the account id of `address` (any SS58 prefix or 32-byte hex) as hex.
 * @throws StardustError ADDRESS_INVALID.
 */
export function accountArg(address: string): Hex {
  return `0x${toHex(decodeAddress(address).publicKey)}`;
}

/**
 * Returns the account id of `address` for an argument that is a `MultiAddress` on current
 * runtimes and a plain `AccountId` on older ones. polkadot-js reads 32 bytes of hex as the
 * `Id` variant of the first and as the value of the second.
 */
export function multiAddressArg(address: string): Hex {
  return accountArg(address);
}

/**
 * Returns a 16-byte call or room id as lower-case hex.
 * @throws StardustError INVALID_ARGUMENT.
 */
export function idArg(id: string, name: string): Hex {
  if (typeof id !== 'string' || !/^0x[0-9a-fA-F]{32}$/.test(id)) {
    throw invalid(name, `expected 16 bytes of 0x-prefixed hex, got ${JSON.stringify(id)}`);
  }

  return id.toLowerCase() as Hex;
}

/**
 * Returns the bytes of `value` (text as UTF-8) as hex, checking the length against `max`.
 * Hex, because polkadot-js reads a Uint8Array given for `Bytes` as already SCALE-encoded
 * (length-prefixed), but a hex string as the content itself.
 * @throws StardustError INVALID_ARGUMENT.
 */
export function bytesArg(value: Uint8Array | string, max: number, name: string): Hex {
  const bytes = typeof value === 'string' ? utf8(value) : value;

  if (!(bytes instanceof Uint8Array)) throw invalid(name, 'expected bytes or a string');

  if (bytes.length > max) throw invalid(name, `is ${bytes.length} bytes, at most ${max} allowed`);

  return `0x${toHex(bytes)}`;
}

/**
 * Checks a balance in planck.
 * @throws StardustError INVALID_ARGUMENT unless it is a bigint in the u128 range.
 */
export function balanceArg(value: bigint, name: string): bigint {
  if (typeof value !== 'bigint' || value < 0n || value > U128_MAX) {
    throw invalid(
      name,
      `expected a bigint amount of planck from 0 to 2^128-1, got ${String(value)}`,
    );
  }

  return value;
}

/**
 * Checks an integer against the range of an unsigned type of `bits` bits.
 * @throws StardustError INVALID_ARGUMENT.
 */
export function uintArg(value: number, bits: 8 | 16 | 32, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 2 ** bits - 1) {
    throw invalid(name, `expected an integer from 0 to ${2 ** bits - 1}, got ${String(value)}`);
  }

  return value;
}

/**
 * Checks that `value` is one of the variant names in `allowed`.
 * @throws StardustError INVALID_ARGUMENT.
 */
export function enumArg<T extends string>(value: T, allowed: readonly T[], name: string): T {
  if (!allowed.includes(value)) {
    throw invalid(name, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }

  return value;
}

function invalid(name: string, reason: string): StardustError {
  return new StardustError('INVALID_ARGUMENT', `Invalid ${name}: ${reason}.`);
}
