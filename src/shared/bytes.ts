/**
 * Byte helpers shared by browser and server: hex, UTF-8, constant-time compare, and a
 * small length-prefixed writer for canonical signing bytes.
 */

const HEX = '0123456789abcdef';
const textEncoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Lower-case hex of `bytes`, without a 0x prefix. */
export function toHex(bytes: Uint8Array): string {
  let out = '';

  for (const byte of bytes) out += HEX[byte >> 4]! + HEX[byte & 15]!;

  return out;
}

/**
 * Parses hex with or without a 0x prefix.
 * @throws RangeError when the text has an odd length or a non-hex character.
 */
export function fromHex(hex: string): Uint8Array {
  const text = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;

  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new RangeError(`invalid hex string of length ${hex.length}`);
  }

  const out = new Uint8Array(text.length / 2);

  for (let i = 0; i < out.length; i += 1)
    out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);

  return out;
}

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array {
  return textEncoder.encode(text);
}

/**
 * Decodes strict UTF-8.
 * @throws TypeError on malformed input.
 */
export function fromUtf8(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;

  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }

  return out;
}

/** Compares two byte arrays in time that depends only on their lengths. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;

  let diff = 0;

  for (let i = 0; i < a.length; i += 1) diff |= a[i]! ^ b[i]!;

  return diff === 0;
}

/**
 * Builds canonical byte strings for signing: every variable-length field is prefixed with
 * its length, so no two different field lists produce the same bytes.
 */
export class CanonicalWriter {
  #parts: Uint8Array[] = [];

  /** Appends raw bytes with no length prefix (fixed-size fields and domain tags). */
  raw(bytes: Uint8Array): this {
    this.#parts.push(bytes);

    return this;
  }

  /** Appends a u32 little-endian. */
  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
      throw new RangeError(`u32 out of range: ${value}`);
    }

    const out = new Uint8Array(4);

    new DataView(out.buffer).setUint32(0, value, true);

    return this.raw(out);
  }

  /** Appends an i64 little-endian (two's complement). */
  i64(value: bigint): this {
    const out = new Uint8Array(8);

    new DataView(out.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);

    return this.raw(out);
  }

  /** Appends a u32 length and the bytes. */
  bytes(value: Uint8Array): this {
    return this.u32(value.length).raw(value);
  }

  /** Appends a u32 length and the UTF-8 bytes of `value`. */
  string(value: string): this {
    return this.bytes(utf8(value));
  }

  /** Returns everything appended so far as one array. */
  finish(): Uint8Array {
    return concatBytes(...this.#parts);
  }
}
