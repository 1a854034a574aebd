/**
 * The devnet's state: a key-value store of SCALE bytes under real Substrate storage keys,
 * with nested transactional layers so a failed dispatch leaves no trace.
 */
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';

import type { Hasher } from './pallet.js';

/** Raw state: lower-case hex keys without 0x, mapped to SCALE bytes. */
export type RawState = Map<string, Uint8Array>;

/**
 * Raw key-value storage with a stack of uncommitted layers. Reads see the top layer first;
 * `transaction()` pushes a layer and commits it into the one below only when the body
 * returns without throwing.
 */
export class Storage {
  #base: RawState;
  readonly #layers: Array<Map<string, Uint8Array | null>> = [];

  constructor(base: RawState = new Map()) {
    this.#base = base;
  }

  get(key: string): Uint8Array | undefined {
    for (let i = this.#layers.length - 1; i >= 0; i -= 1) {
      const layer = this.#layers[i]!;

      if (layer.has(key)) return layer.get(key) ?? undefined;
    }

    return this.#base.get(key);
  }

  set(key: string, value: Uint8Array): void {
    this.#write(key, value);
  }

  delete(key: string): void {
    this.#write(key, null);
  }

  /** Every present key that starts with `prefix`, sorted as a trie iterates them. */
  keys(prefix: string): string[] {
    const found = new Set<string>();

    for (const key of this.#base.keys()) if (key.startsWith(prefix)) found.add(key);

    for (const layer of this.#layers)
      for (const key of layer.keys()) if (key.startsWith(prefix)) found.add(key);

    return [...found].filter((key) => this.get(key) !== undefined).sort();
  }

  /** Runs `body` in a new layer: committed when it returns, discarded when it throws. */
  transaction<T>(body: () => T): T {
    this.#layers.push(new Map());

    let result: T;

    try {
      result = body();
    } catch (error) {
      this.#layers.pop();
      throw error;
    }

    const layer = this.#layers.pop()!;

    for (const [key, value] of layer) this.#write(key, value);

    return result;
  }

  /** A copy of the committed state; only valid outside transactions. */
  snapshot(): RawState {
    if (this.#layers.length > 0) throw new Error('snapshot taken inside a storage transaction');

    return new Map(this.#base);
  }

  #write(key: string, value: Uint8Array | null): void {
    const top = this.#layers.at(-1);

    if (top !== undefined) {
      top.set(key, value);

      return;
    }

    if (value === null) this.#base.delete(key);
    else this.#base.set(key, value);
  }
}

/** twox128(pallet) ++ twox128(item), the prefix of every key of a storage item. */
export function storagePrefix(pallet: string, item: string): Uint8Array {
  const out = new Uint8Array(32);

  out.set(xxhashAsU8a(pallet, 128), 0);
  out.set(xxhashAsU8a(item, 128), 16);

  return out;
}

/** Applies a storage hasher to an encoded key. */
export function hashKey(hasher: Hasher, encoded: Uint8Array): Uint8Array {
  switch (hasher) {
    case 'Blake2_128':
      return blake2AsU8a(encoded, 128);
    case 'Blake2_256':
      return blake2AsU8a(encoded, 256);
    case 'Blake2_128Concat':
      return concat(blake2AsU8a(encoded, 128), encoded);
    case 'Twox128':
      return xxhashAsU8a(encoded, 128);
    case 'Twox256':
      return xxhashAsU8a(encoded, 256);
    case 'Twox64Concat':
      return concat(xxhashAsU8a(encoded, 64), encoded);
    case 'Identity':
      return encoded;
  }
}

/** Length of the hash part a concat hasher puts before the encoded key (0 for Identity). */
export function hashPrefixLength(hasher: Hasher): number | undefined {
  switch (hasher) {
    case 'Blake2_128Concat':
      return 16;
    case 'Twox64Concat':
      return 8;
    case 'Identity':
      return 0;
    default:
      return undefined;
  }
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;

  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }

  return out;
}

/** Lower-case hex without 0x, the form raw state uses for keys. */
export function keyHex(bytes: Uint8Array): string {
  return u8aToHex(bytes).slice(2);
}
