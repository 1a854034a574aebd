/**
 * The `util` object of the browser protocol runtime: the helpers of `protobufjs/minimal`'s
 * `util` that the generated code reads.
 */
import type LongType from 'long';

type LongClass = typeof LongType;

/** An error for a message that lacks a required field (proto2 only; kept for the API). */
export class ProtocolError extends Error {
  instance: unknown;

  constructor(message: string, properties?: { instance?: unknown }) {
    super(message);
    this.name = 'ProtocolError';
    this.instance = properties?.instance;
  }
}

/** The helpers of `protobufjs/minimal`'s `util` that the generated code reads. */
export const util = {
  global: globalThis,
  /** The Long class for 64-bit values; null, so int64 fields decode into bigints. */
  Long: null as LongClass | null,
  emptyArray: Object.freeze([]) as readonly never[],
  emptyObject: Object.freeze({}),
  recursionLimit: 100,
  ProtocolError,

  newBuffer(sizeOrArray: number | ArrayLike<number>): Uint8Array {
    return typeof sizeOrArray === 'number'
      ? new Uint8Array(sizeOrArray)
      : new Uint8Array(Array.from(sizeOrArray));
  },

  /** Declares `key` on `target` without a value, as protobufjs does for `$unknowns`. */
  makeProp(target: object, key: string, enumerable?: boolean): void {
    if (Object.prototype.hasOwnProperty.call(target, key)) return;

    Object.defineProperty(target, key, {
      enumerable: enumerable ?? true,
      configurable: true,
      writable: true,
    });
  },

  /** Returns a getter of the name of the oneof member that is set. */
  oneOfGetter(fieldNames: string[]) {
    const members = new Set(fieldNames);

    return function (this: Record<string, unknown>): string | undefined {
      const keys = Object.keys(this);

      for (let i = keys.length - 1; i > -1; --i) {
        const key = keys[i]!;

        if (members.has(key) && this[key] !== undefined && this[key] !== null) return key;
      }

      return undefined;
    };
  },

  /** Returns a setter that clears every other member of the oneof. */
  oneOfSetter(fieldNames: string[]) {
    return function (this: Record<string, unknown>, name: string): void {
      for (const field of fieldNames) if (field !== name) delete this[field];
    };
  },
};
