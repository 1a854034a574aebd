/**
 * SCALE encoding between the runtime's plain JavaScript values and the types of the
 * devnet's own metadata, through `@polkadot/types`.
 *
 * Plain form: struct fields camelCased as `@polkadot/types` names them; integers up to 32
 * bits as numbers and wider ones as bigint; byte arrays, byte vectors, account ids and
 * hashes as 0x-hex; `Option` as the value or null; enum variants without data as their name
 * and variants with data as `{ Name: value }`; sequences and tuples as arrays; a nested
 * `RuntimeCall` as its encoded hex.
 */
import { GenericCall, type TypeRegistry } from '@polkadot/types';
import {
  AbstractInt,
  bool as Bool,
  Compact,
  Enum,
  Null,
  Option,
  Raw,
  Struct,
  Text,
  Tuple,
  Vec,
  VecFixed,
} from '@polkadot/types-codec';
import type { Codec } from '@polkadot/types-codec/types';

import type { TypeId } from '../metadata/type-builder.js';

/** Converts a decoded `@polkadot/types` value into the plain form. */
export function toPlain(value: Codec): unknown {
  if (value instanceof Option) return value.isSome ? toPlain(value.unwrap()) : null;

  if (value instanceof Compact) return toPlain(value.unwrap());

  if (value instanceof Raw) return value.toHex();

  if (value instanceof AbstractInt) {
    return value.bitLength() > 32 ? value.toBigInt() : value.toNumber();
  }

  if (value instanceof Bool) return value.isTrue;

  if (value instanceof Text) return value.toString();

  if (value instanceof Null) return null;

  // A nested RuntimeCall (Utility, Proxy) stays encoded; the dispatcher decodes it again.
  if (value instanceof GenericCall) return value.toHex();

  if (value instanceof Struct) {
    const out: Record<string, unknown> = {};

    for (const [key, field] of value.entries()) out[String(key)] = toPlain(field);

    return out;
  }

  if (value instanceof Enum) {
    return value.inner instanceof Null ? value.type : { [value.type]: toPlain(value.inner) };
  }

  if (value instanceof Vec || value instanceof VecFixed || value instanceof Tuple) {
    return [...value].map((item) => toPlain(item as Codec));
  }

  throw new TypeError(`no plain form for ${value.toRawType()}`);
}

/** Encodes and decodes values of the registry's lookup types by type id. */
export class Codecs {
  readonly #names = new Map<TypeId, string>();

  constructor(readonly registry: TypeRegistry) {}

  encode(type: TypeId, value: unknown): Uint8Array {
    return this.registry.createType(this.#name(type), value).toU8a();
  }

  decode<T>(type: TypeId, bytes: Uint8Array): T {
    return toPlain(this.registry.createType(this.#name(type), bytes)) as T;
  }

  /** Decodes one value at the start of `bytes` and returns it with its encoded length. */
  decodePrefix<T>(type: TypeId, bytes: Uint8Array): { value: T; length: number } {
    const codec = this.registry.createType(this.#name(type), bytes);

    return { value: toPlain(codec) as T, length: codec.encodedLength };
  }

  #name(type: TypeId): string {
    let name = this.#names.get(type);

    if (name === undefined) {
      name = this.registry.createLookupType(type);
      this.#names.set(type, name);
    }

    return name;
  }
}
