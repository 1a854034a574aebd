/**
 * Converts polkadot-js codecs to {@link PlainValue}s by their shape, without importing
 * @polkadot/types at run time (so this module can sit in the core bundle).
 */
import type { Codec } from '@polkadot/types/types';

import { toHex } from '../shared/bytes.js';
import { encodeAddress } from '../shared/ss58.js';
import type { ChainEvent, Hex, PlainValue } from './types.js';

interface CodecShape extends Codec {
  isNone?: boolean;
  isBasic?: boolean;
  type?: string;
  value?: Codec;
  bitLength?: () => number;
  toBigInt?: () => bigint;
  unwrap?: () => Codec;
  isTrue?: boolean;
}

/** Converts `codec` to a plain value; account ids become SS58 with `ss58Prefix`. */
export function toPlain(codec: Codec, ss58Prefix: number): PlainValue {
  const shape = codec as CodecShape;
  const rawType = codec.toRawType();

  if (rawType === 'Null') return null;

  if (rawType === 'bool') return shape.isTrue === true;

  if (rawType === 'Text') return codec.toString();

  if (codec instanceof Uint8Array) {
    return /AccountId/.test(rawType) && codec.length === 32
      ? encodeAddress(codec, ss58Prefix)
      : hex(codec);
  }

  if (typeof shape.isNone === 'boolean' && typeof shape.unwrap === 'function') {
    return shape.isNone ? null : toPlain(shape.unwrap(), ss58Prefix);
  }

  if (typeof shape.bitLength === 'function' && typeof shape.toBigInt === 'function') {
    const bits = shape.bitLength();
    const value = shape.toBigInt();

    return bits <= 32 ? Number(value) : value;
  }

  if (typeof shape.isBasic === 'boolean' && typeof shape.type === 'string') {
    return enumToPlain(shape, ss58Prefix);
  }

  if (Array.isArray(codec)) return (codec as Codec[]).map((item) => toPlain(item, ss58Prefix));

  if (codec instanceof Map && rawType.startsWith('{')) {
    const out: Record<string, PlainValue> = {};

    for (const [key, value] of codec as Map<string, Codec>) out[key] = toPlain(value, ss58Prefix);

    return out;
  }

  if (codec instanceof Map || codec instanceof Set) {
    return [...(codec as Iterable<unknown>)].map((entry) =>
      Array.isArray(entry)
        ? entry.map((part) => toPlain(part as Codec, ss58Prefix))
        : toPlain(entry as Codec, ss58Prefix),
    );
  }

  return codec.toJSON() as PlainValue;
}

function enumToPlain(shape: CodecShape, ss58Prefix: number): PlainValue {
  if (shape.isBasic) return shape.type!;

  const inner = shape.value;

  if (inner === undefined || inner.toRawType() === 'Null') return { type: shape.type! };

  return { type: shape.type!, value: toPlain(inner, ss58Prefix) };
}

/** Converts one polkadot-js `Event` to a {@link ChainEvent}. */
export function toChainEvent(
  event: { section: string; method: string; data: Codec[] & { names?: string[] | null } },
  ss58Prefix: number,
): ChainEvent {
  const names = event.data.names ?? [];
  const fields: Record<string, PlainValue> = {};

  event.data.forEach((value, index) => {
    fields[camelCase(names[index] ?? String(index))] = toPlain(value, ss58Prefix);
  });

  return { pallet: event.section, name: event.method, fields };
}

/** `0x`-prefixed hex of `bytes`. */
export function hex(bytes: Uint8Array): Hex {
  return `0x${toHex(bytes)}`;
}

/** camelCase of a metadata field name; polkadot-js appends `_` to names such as `hash`. */
function camelCase(name: string): string {
  return name
    .replace(/_+$/, '')
    .replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
