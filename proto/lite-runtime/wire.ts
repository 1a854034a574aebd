/** Wire format helpers shared by the reader and the writer of the browser protocol runtime. */
import type LongType from 'long';

import { util } from './util.js';

/**
 * A 64-bit value as the generated code passes it: a Long or `{ low, high }`, a bigint, a
 * number or a decimal string.
 */
export type LongLike = LongType | bigint | number | string | { low: number; high: number };

export const TWO_32 = 4294967296;

/** Splits a 64-bit value into unsigned 32-bit halves. */
export function longBits(value: LongLike): [number, number] {
  if (typeof value === 'number') return numberBits(value);

  if (typeof value === 'string') {
    if (util.Long === null) return bigintBits(BigInt(value));

    const parsed = util.Long.fromString(value);

    return [parsed.low >>> 0, parsed.high >>> 0];
  }

  if (typeof value === 'bigint') return bigintBits(value);

  return [value.low >>> 0, value.high >>> 0];
}

/** Splits the low 64 bits of `value`, in two's complement, into unsigned 32-bit halves. */
function bigintBits(value: bigint): [number, number] {
  const bits = BigInt.asUintN(64, value);

  return [Number(bits & 0xffffffffn), Number(bits >> 32n)];
}

export function numberBits(value: number): [number, number] {
  const negative = value < 0;
  const magnitude = Math.abs(value);
  let low = magnitude >>> 0;
  let high = ((magnitude - low) / TWO_32) >>> 0;

  if (negative) {
    // Two's complement of the 64-bit magnitude.
    high = ~high >>> 0;
    low = ~low >>> 0;

    if (++low > 0xffffffff) {
      low = 0;
      high = (high + 1) >>> 0;
    }
  }

  return [low, high];
}

/** Number of bytes of `value` as an unsigned 32-bit varint. */
export function varint32Size(value: number): number {
  if (value < 0x80) return 1;

  if (value < 0x4000) return 2;

  if (value < 0x200000) return 3;

  return value < 0x10000000 ? 4 : 5;
}

/** Writes `value` as UTF-8, encoding lone surrogates as three bytes like protobufjs does. */
export function writeUtf8(value: string, buffer: Uint8Array, offset: number): number {
  const start = offset;

  for (let i = 0; i < value.length; ++i) {
    let code = value.charCodeAt(i);
    const next = value.charCodeAt(i + 1);

    if (code < 0x80) {
      buffer[offset++] = code;
    } else if (code < 0x800) {
      buffer[offset++] = (code >> 6) | 0xc0;
      buffer[offset++] = (code & 0x3f) | 0x80;
    } else if ((code & 0xfc00) === 0xd800 && (next & 0xfc00) === 0xdc00) {
      code = 0x10000 + ((code & 0x03ff) << 10) + (next & 0x03ff);
      ++i;
      buffer[offset++] = (code >> 18) | 0xf0;
      buffer[offset++] = ((code >> 12) & 0x3f) | 0x80;
      buffer[offset++] = ((code >> 6) & 0x3f) | 0x80;
      buffer[offset++] = (code & 0x3f) | 0x80;
    } else {
      buffer[offset++] = (code >> 12) | 0xe0;
      buffer[offset++] = ((code >> 6) & 0x3f) | 0x80;
      buffer[offset++] = (code & 0x3f) | 0x80;
    }
  }

  return offset - start;
}
