/** The reader of the browser protocol runtime. */
import type LongType from 'long';

import { util } from './util.js';

/** Decodes UTF-8 and rejects malformed sequences, like protobufjs's `stringVerify`. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Decodes UTF-8 and replaces malformed sequences with U+FFFD, like protobufjs's `string`. */
const looseDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function indexOutOfRange(reader: Reader, length = 1): RangeError {
  return new RangeError(`index out of range: ${reader.pos} + ${length} > ${reader.len}`);
}

/** Reads protocol buffers wire format from a byte array. */
export class Reader {
  /** Maximum nesting of messages and groups, as protoc's default recursion limit. */
  static recursionLimit = 100;
  /** Whether decoders drop unknown fields instead of keeping them in `$unknowns`. */
  static discardUnknown = true;

  buf: Uint8Array;
  pos = 0;
  len: number;
  discardUnknown = Reader.discardUnknown;

  constructor(buffer: Uint8Array) {
    this.buf = buffer;
    this.len = buffer.length;
  }

  /** Creates a reader over `buffer`, a Uint8Array or an array of byte values. */
  static create(buffer: Uint8Array | number[]): Reader {
    if (Array.isArray(buffer)) return new Reader(new Uint8Array(buffer));

    if (buffer instanceof Uint8Array) return new Reader(buffer);

    throw new Error('illegal buffer');
  }

  /** Returns the bytes from `start` to `end` without copying them. */
  raw(start: number, end: number): Uint8Array {
    return this.buf.subarray(start, end);
  }

  /** Reads a varint as an unsigned 32-bit value, discarding bits above 32 as protobufjs does. */
  uint32(): number {
    let value = 0;

    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= this.len) throw indexOutOfRange(this);

      const byte = this.buf[this.pos++]!;

      if (shift < 28) value = (value | ((byte & 0x7f) << shift)) >>> 0;
      else value = (value | ((byte & 0x0f) << 28)) >>> 0;

      if (byte < 0x80) return value;
    }

    // Bytes 6 to 10 of a 64-bit varint carry only high bits.
    for (let i = 0; i < 5; ++i) {
      if (this.pos >= this.len) throw indexOutOfRange(this);

      if (this.buf[this.pos++]! < 0x80) return value;
    }

    throw new Error('invalid varint encoding');
  }

  /** Reads a field tag: at most five bytes, with no bits above 32. */
  tag(): number {
    return this.#varint32Strict(
      'invalid tag encoding',
      (last) => last < 0x80 && (last & 0x70) === 0,
    );
  }

  /** Reads a length prefix: at most five bytes, below 2^31. */
  size(): number {
    return this.#varint32Strict('invalid length encoding', (last) => last <= 7);
  }

  int32(): number {
    return this.uint32() | 0;
  }

  /**
   * Reads a 64-bit varint as a signed value: a Long when the generated code was given the
   * long package, otherwise a bigint, so that no value above 2^53 is rounded.
   */
  int64(): LongType | bigint {
    const [low, high] = this.#varint64();

    if (util.Long !== null) return new util.Long(low | 0, high | 0, false);

    return BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
  }

  bool(): boolean {
    let value = false;

    for (let i = 0; i < 10; ++i) {
      if (this.pos >= this.len) throw indexOutOfRange(this);

      const byte = this.buf[this.pos++]!;

      if (byte & 0x7f) value = true;

      if (byte < 0x80) return value;
    }

    throw new Error('invalid varint encoding');
  }

  bytes(): Uint8Array {
    const [start, end] = this.#delimited();

    return this.raw(start, end);
  }

  /** Reads a string, replacing malformed UTF-8. */
  string(): string {
    const [start, end] = this.#delimited();

    return start === end ? '' : looseDecoder.decode(this.buf.subarray(start, end));
  }

  /** Reads a string and throws on malformed UTF-8. */
  stringVerify(): string {
    const [start, end] = this.#delimited();

    return start === end ? '' : strictDecoder.decode(this.buf.subarray(start, end));
  }

  /** Reads a packed repeated uint32 field into `array`. */
  uint32s(array: number[] = []): number[] {
    const end = this.size() + this.pos;
    const len = this.len;

    if (end > len) throw indexOutOfRange(this, end - this.pos);

    this.len = end;

    while (this.pos < end) array.push(this.uint32());

    if (this.pos !== end) throw new RangeError('index out of range');

    this.len = len;

    return array;
  }

  /** Skips `length` bytes, or one varint without a length. */
  skip(length?: number): this {
    if (typeof length === 'number') {
      if (this.pos + length > this.len) throw indexOutOfRange(this, length);

      this.pos += length;

      return this;
    }

    do {
      if (this.pos >= this.len) throw indexOutOfRange(this);
    } while (this.buf[this.pos++]! & 0x80);

    return this;
  }

  /** Skips one field of `wireType`; groups are skipped up to their matching end tag. */
  skipType(wireType: number, depth = 0, fieldNumber?: number): this {
    if (depth > Reader.recursionLimit) throw new Error('max depth exceeded');

    if (fieldNumber === 0) throw new Error('illegal tag: field number 0');

    switch (wireType) {
      case 0:
        return this.skip();
      case 1:
        return this.skip(8);
      case 2:
        return this.skip(this.size());
      case 3:
        return this.#skipGroup(depth, fieldNumber);
      case 5:
        return this.skip(4);
      default:
        throw new Error(`invalid wire type ${wireType} at offset ${this.pos}`);
    }
  }

  #skipGroup(depth: number, fieldNumber: number | undefined): this {
    for (;;) {
      const tag = this.tag();
      const nested = tag >>> 3;
      const wireType = tag & 7;

      if (nested === 0) throw new Error('illegal tag: field number 0');

      if (wireType === 4) {
        if (fieldNumber !== undefined && nested !== fieldNumber) {
          throw new Error('invalid end group tag');
        }

        return this;
      }

      this.skipType(wireType, depth + 1, nested);
    }
  }

  /** Reads a varint of at most five bytes whose fifth byte passes `validFifth`. */
  #varint32Strict(message: string, validFifth: (byte: number) => boolean): number {
    let value = 0;

    for (let i = 0; i < 4; ++i) {
      if (this.pos >= this.len) throw indexOutOfRange(this);

      const byte = this.buf[this.pos++]!;

      value = (value | ((byte & 0x7f) << (i * 7))) >>> 0;

      if (byte < 0x80) return value;
    }

    if (this.pos >= this.len) throw indexOutOfRange(this);

    const fifth = this.buf[this.pos++]!;

    if (!validFifth(fifth)) throw new Error(message);

    return (value | (fifth << 28)) >>> 0;
  }

  #delimited(): [number, number] {
    const length = this.size();
    const start = this.pos;
    const end = start + length;

    if (end > this.len) throw indexOutOfRange(this, length);

    this.pos = end;

    return [start, end];
  }

  #varint64(): [number, number] {
    let low = 0;
    let high = 0;

    for (let i = 0; i < 10; ++i) {
      if (this.pos >= this.len) throw indexOutOfRange(this);

      const bits = this.buf[this.pos++]! & 0x7f;

      if (i < 4) low = (low | (bits << (i * 7))) >>> 0;
      else if (i === 4) {
        low = (low | (bits << 28)) >>> 0;
        high = (high | (bits >> 4)) >>> 0;
      } else high = (high | (bits << (i * 7 - 32))) >>> 0;

      if (this.buf[this.pos - 1]! < 0x80) return [low, high];
    }

    throw new Error('invalid varint encoding');
  }
}
