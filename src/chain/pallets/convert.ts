/**
 * Narrowing of {@link PlainValue}s to the field types of the pallet records. A value of the
 * wrong shape means the runtime's types differ from the interface the SDK was built for.
 */
import { fromHex, fromUtf8 } from '../../shared/bytes.js';
import { StardustError } from '../../shared/errors.js';
import type { Hex, PlainValue } from '../types.js';

/** Returns a struct value as an object. */
export function asRecord(value: PlainValue, what: string): Record<string, PlainValue> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw shape(what, value);

  return value;
}

/** Returns a hex value (byte arrays and ids). */
export function asHex(value: PlainValue, what: string): Hex {
  if (typeof value !== 'string' || !value.startsWith('0x')) throw shape(what, value);

  return value as Hex;
}

/** Returns the bytes of a hex value. */
export function asBytes(value: PlainValue, what: string): Uint8Array {
  return fromHex(asHex(value, what));
}

/** Returns UTF-8 text stored as bytes. Malformed UTF-8 is replaced, not rejected. */
export function asText(value: PlainValue, what: string): string {
  const bytes = asBytes(value, what);

  try {
    return fromUtf8(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** Returns an SS58 address (account ids decode to SS58). */
export function asAddress(value: PlainValue, what: string): string {
  if (typeof value !== 'string' || value.startsWith('0x')) throw shape(what, value);

  return value;
}

/** Returns an integer of up to 32 bits, or a u64 that fits in a double. */
export function asNumber(value: PlainValue, what: string): number {
  if (typeof value === 'number') return value;

  // Moments (u64 ms) fit in a double for the next 285,000 years.
  if (typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);

  throw shape(what, value);
}

/** Returns an integer of 64 or 128 bits. */
export function asBigInt(value: PlainValue, what: string): bigint {
  if (typeof value === 'bigint') return value;

  if (typeof value === 'number') return BigInt(value);

  throw shape(what, value);
}

/** Returns a boolean. */
export function asBoolean(value: PlainValue, what: string): boolean {
  if (typeof value !== 'boolean') throw shape(what, value);

  return value;
}

/** Returns the variant name of an enum, with or without data. */
export function asVariant<T extends string>(value: PlainValue, what: string): T {
  if (typeof value === 'string') return value as T;

  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const type = value['type'];

    if (typeof type === 'string') return type as T;
  }

  throw shape(what, value);
}

/** Returns the value of `convert`, or null for an absent option. */
export function optional<T>(value: PlainValue, convert: (inner: PlainValue) => T): T | null {
  return value === null ? null : convert(value);
}

function shape(what: string, value: PlainValue): StardustError {
  const shown = typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);

  return new StardustError(
    'CHAIN_PALLET_MISSING',
    `The chain returned ${what} in an unexpected shape (${String(shown).slice(0, 80)}). The runtime's types differ from the Stardust interface the SDK expects.`,
  );
}
