/** The writer of the browser protocol runtime. */
import { longBits, numberBits, varint32Size, writeUtf8, type LongLike } from './wire.js';

/** Writes protocol buffers wire format into a growing byte array. */
export class Writer {
  buf = new Uint8Array(64);
  pos = 0;
  #forks: number[] = [];

  static create(): Writer {
    return new Writer();
  }

  uint32(value: number): this {
    let remaining = value >>> 0;

    this.#reserve(5);

    while (remaining > 0x7f) {
      this.buf[this.pos++] = (remaining & 0x7f) | 0x80;
      remaining >>>= 7;
    }

    this.buf[this.pos++] = remaining;

    return this;
  }

  /** Writes a signed 32-bit value; negative values take ten bytes, as the specification says. */
  int32(value: number): this {
    const signed = value | 0;

    return signed < 0 ? this.#varint64(numberBits(signed)) : this.uint32(signed);
  }

  int64(value: LongLike): this {
    return this.#varint64(longBits(value));
  }

  bool(value: boolean): this {
    this.#reserve(1);
    this.buf[this.pos++] = value ? 1 : 0;

    return this;
  }

  /** Writes length-delimited bytes; a string is taken as base64, as protobufjs does. */
  bytes(value: Uint8Array | number[] | string): this {
    const bytes =
      typeof value === 'string'
        ? Uint8Array.from(atob(value), (char) => char.charCodeAt(0))
        : value;

    this.uint32(bytes.length);

    return this.raw(bytes);
  }

  string(value: string): this {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    this.#reserve(value.length * 3 + 5);

    const start = this.pos;
    const worstPrefix = varint32Size(value.length * 3);
    const length = writeUtf8(value, this.buf, start + worstPrefix);
    const prefix = varint32Size(length);

    if (prefix !== worstPrefix) {
      this.buf.copyWithin(start + prefix, start + worstPrefix, start + worstPrefix + length);
    }

    this.uint32(length);
    this.pos = start + prefix + length;

    return this;
  }

  /** Writes a packed repeated uint32 field. */
  uint32s(values: number[]): this {
    this.fork();

    for (const value of values) this.uint32(value);

    return this.ldelim();
  }

  /** Appends bytes as they are (unknown fields kept from decoding). */
  raw(value: Uint8Array | number[]): this {
    this.#reserve(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;

    return this;
  }

  /** Starts a length-delimited part; {@link ldelim} writes its length in front of it. */
  fork(): this {
    this.#forks.push(this.pos);

    return this;
  }

  ldelim(): this {
    const start = this.#forks.pop() ?? 0;
    const length = this.pos - start;
    const prefix = varint32Size(length);

    this.#reserve(prefix);
    this.buf.copyWithin(start + prefix, start, this.pos);
    this.pos = start;
    this.uint32(length);
    this.pos = start + prefix + length;

    return this;
  }

  /** Returns a copy of the bytes written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  #varint64([low, high]: [number, number]): this {
    this.#reserve(10);

    while (high) {
      this.buf[this.pos++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }

    while (low > 0x7f) {
      this.buf[this.pos++] = (low & 0x7f) | 0x80;
      low >>>= 7;
    }

    this.buf[this.pos++] = low;

    return this;
  }

  #reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;

    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + bytes));

    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }
}
