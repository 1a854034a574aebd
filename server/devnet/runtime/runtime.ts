/**
 * The runtime the pallets run in: typed storage access by pallet and item name, events,
 * and transactional dispatch of encoded calls.
 */
import type { TypeRegistry } from '@polkadot/types';
import { compactToU8a, u8aToHex, u8aToU8a } from '@polkadot/util';

import type { CommonTypes } from '../metadata/common-types.js';
import { Codecs } from './codec.js';
import {
  DispatchFailure,
  fail,
  type CallDefinition,
  type DispatchErrorValue,
  type Origin,
  type PalletDefinition,
  type StorageItemDefinition,
} from './pallet.js';
import type { Storage } from './storage.js';
import { concat, hashKey, hashPrefixLength, keyHex, storagePrefix } from './storage.js';

/** When an event was deposited, as `frame_system::Phase`. */
export type Phase = { ApplyExtrinsic: number } | 'Finalization' | 'Initialization';

/** A deposited event, already encoded as `RuntimeEvent`. */
export interface EventRecord {
  phase: Phase;
  pallet: string;
  name: string;
  fields: Record<string, unknown>;
  bytes: Uint8Array;
}

interface PalletIndex {
  definition: PalletDefinition;
  items: Map<string, StorageItemDefinition>;
  calls: Map<number, CallDefinition>;
  callIndexByName: Map<string, number>;
  events: Map<string, number>;
  errors: Map<string, number>;
}

/** Predicate that tells whether a filtered origin may dispatch a call of `pallet`. */
export type CallFilter = (pallet: string, call: string) => boolean;

/** A signed origin that may carry the proxy type filter of the proxy that dispatched it. */
export type FilteredOrigin = Origin | { signed: string; filter: CallFilter };

/**
 * Typed access to the state and the event log of the block being built, and dispatch of
 * encoded calls. The pallets get this object; block building lives in the executive.
 */
export class Runtime {
  readonly codecs: Codecs;
  /** Events of the block being built, in deposit order. */
  readonly events: EventRecord[] = [];
  /** The phase new events are deposited in. */
  phase: Phase = 'Initialization';

  readonly #pallets = new Map<string, PalletIndex>();
  readonly #byIndex = new Map<number, PalletIndex>();

  constructor(
    readonly storage: Storage,
    readonly registry: TypeRegistry,
    readonly types: CommonTypes,
    readonly pallets: PalletDefinition[],
  ) {
    this.codecs = new Codecs(registry);

    for (const definition of pallets) {
      const entry: PalletIndex = {
        definition,
        items: new Map(definition.storage.map((item) => [item.name, item])),
        calls: new Map(definition.calls.map((call, position) => [call.index ?? position, call])),
        callIndexByName: new Map(
          definition.calls.map((call, position) => [call.name, call.index ?? position]),
        ),
        events: new Map(definition.events.map((event, position) => [event.name, position])),
        errors: new Map(definition.errors.map((error, position) => [error.name, position])),
      };

      this.#pallets.set(definition.name, entry);
      this.#byIndex.set(definition.index, entry);
    }
  }

  /** The number of the block being built (or of the head between blocks). */
  get blockNumber(): number {
    return this.get<number>('System', 'Number')!;
  }

  /** Chain time in ms from `Timestamp.Now`. */
  get now(): bigint {
    return this.get<bigint>('Timestamp', 'Now')!;
  }

  /** Reads an item: the plain value, its default for `ValueQuery` items, else undefined. */
  get<T>(pallet: string, item: string, keys: unknown[] = []): T | undefined {
    const definition = this.#item(pallet, item);
    const bytes = this.storage.get(this.key(pallet, item, keys));

    // A copy, because callers modify what they read before writing it back.
    if (bytes === undefined) return structuredClone(definition.default) as T | undefined;

    return this.codecs.decode<T>(definition.value, bytes);
  }

  has(pallet: string, item: string, keys: unknown[] = []): boolean {
    return this.storage.get(this.key(pallet, item, keys)) !== undefined;
  }

  put(pallet: string, item: string, keys: unknown[], value: unknown): void {
    const definition = this.#item(pallet, item);

    this.storage.set(this.key(pallet, item, keys), this.codecs.encode(definition.value, value));
  }

  remove(pallet: string, item: string, keys: unknown[] = []): void {
    this.storage.delete(this.key(pallet, item, keys));
  }

  /**
   * Every entry of a map whose first keys equal `prefixKeys`, with all keys decoded. Needs
   * concat or identity hashers for the keys after the prefix, as iteration does in FRAME.
   */
  entries<T>(
    pallet: string,
    item: string,
    prefixKeys: unknown[] = [],
  ): Array<{ keys: unknown[]; value: T }> {
    const definition = this.#item(pallet, item);
    const hashers = definition.keys ?? [];
    const prefix = this.key(pallet, item, prefixKeys);

    return this.storage.keys(prefix).map((key) => {
      let rest = Buffer.from(key.slice(prefix.length), 'hex') as Uint8Array;
      const keys = [...prefixKeys];

      for (const { hasher, type } of hashers.slice(prefixKeys.length)) {
        const skip = hashPrefixLength(hasher);

        if (skip === undefined)
          throw new Error(`${pallet}.${item}: ${hasher} keys cannot be decoded`);

        const decoded = this.codecs.decodePrefix(type, rest.subarray(skip));

        keys.push(decoded.value);
        rest = rest.subarray(skip + decoded.length);
      }

      return { keys, value: this.codecs.decode<T>(definition.value, this.storage.get(key)!) };
    });
  }

  /** Returns the raw storage key (hex without 0x) of an item, or of a prefix of a map's keys. */
  key(pallet: string, item: string, keys: unknown[] = []): string {
    const definition = this.#item(pallet, item);
    const parts = [storagePrefix(pallet, item)];

    keys.forEach((value, position) => {
      const keyType = definition.keys?.[position];

      if (keyType === undefined) throw new Error(`${pallet}.${item} has no key ${position}`);

      parts.push(hashKey(keyType.hasher, this.codecs.encode(keyType.type, value)));
    });

    return keyHex(concat(...parts));
  }

  /** Deposits an event of `pallet` in the current phase. */
  deposit(pallet: string, name: string, fields: Record<string, unknown> = {}): void {
    const entry = this.#pallet(pallet);
    const index = entry.events.get(name);

    if (index === undefined) throw new Error(`${pallet} has no event ${name}`);

    const definition = entry.definition.events[index]!;
    const parts: Uint8Array[] = [Uint8Array.of(entry.definition.index, index)];

    for (const field of definition.fields) {
      if (!(field.name in fields)) throw new Error(`${pallet}.${name} needs field ${field.name}`);

      parts.push(this.codecs.encode(field.type, fields[field.name]));
    }

    this.events.push({ phase: this.phase, pallet, name, fields, bytes: concat(...parts) });
  }

  /**
   * Runs `body` so that its storage writes and events are kept only when it returns, as
   * FRAME's `#[transactional]` dispatch does.
   */
  transactional<T>(body: () => T): T {
    const mark = this.events.length;

    try {
      return this.storage.transaction(body);
    } catch (error) {
      this.events.length = mark;
      throw error;
    }
  }

  /** Decodes an encoded `RuntimeCall` and names its pallet and call. */
  describeCall(call: Uint8Array | string): {
    pallet: string;
    call: string;
    definition: CallDefinition;
    args: Record<string, unknown>;
  } {
    const decoded = this.registry.createType('Call', u8aToU8a(call));
    const [palletIndex, callIndex] = decoded.callIndex;
    const entry = this.#byIndex.get(palletIndex!);
    const definition = entry?.calls.get(callIndex!);

    if (entry === undefined || definition === undefined) {
      throw new DispatchFailure('CannotLookup', `unknown call index ${palletIndex}/${callIndex}`);
    }

    const args: Record<string, unknown> = {};

    definition.args.forEach((arg, position) => {
      args[arg.name] = this.codecs.decode(arg.type, decoded.args[position]!.toU8a());
    });

    return { pallet: entry.definition.name, call: definition.name, definition, args };
  }

  /**
   * Dispatches an encoded call with `origin`, transactionally. A filtered origin that does
   * not allow the call fails with `System.CallFiltered`, as FRAME's origin filters do.
   */
  dispatch(call: Uint8Array | string, origin: FilteredOrigin): void {
    const described = this.describeCall(call);

    if (typeof origin === 'object' && 'filter' in origin) {
      if (!origin.filter(described.pallet, described.call)) fail('System', 'CallFiltered');
    }

    this.transactional(() =>
      described.definition.dispatch(this, origin as Origin, described.args as never),
    );
  }

  /** Encodes a call of the devnet's runtime from its pallet, call name and plain arguments. */
  encodeCall(pallet: string, call: string, args: Record<string, unknown>): Uint8Array {
    const entry = this.#pallet(pallet);
    const index = entry.callIndexByName.get(call);

    if (index === undefined) throw new Error(`${pallet} has no call ${call}`);

    const definition = entry.calls.get(index)!;

    return concat(
      Uint8Array.of(entry.definition.index, index),
      ...definition.args.map((arg) => this.codecs.encode(arg.type, args[arg.name])),
    );
  }

  /** Converts a failure into the plain `DispatchError` value, with module errors as indices. */
  dispatchError(error: DispatchErrorValue): unknown {
    if (typeof error === 'object' && 'Module' in error) {
      const entry = this.#pallet(error.Module.pallet);
      const index = entry.errors.get(error.Module.error);

      if (index === undefined)
        throw new Error(`${error.Module.pallet} has no error ${error.Module.error}`);

      return {
        Module: { index: entry.definition.index, error: u8aToHex(Uint8Array.of(index, 0, 0, 0)) },
      };
    }

    return error;
  }

  /** Encodes the event log as `Vec<EventRecord<RuntimeEvent, H256>>`. */
  encodeEvents(): Uint8Array {
    const parts: Uint8Array[] = [compactToU8a(this.events.length)];

    for (const record of this.events) {
      parts.push(encodePhase(record.phase), record.bytes, compactToU8a(0));
    }

    return concat(...parts);
  }

  /** Returns the index of `pallet` in `construct_runtime`. */
  palletIndex(pallet: string): number {
    return this.#pallet(pallet).definition.index;
  }

  #pallet(name: string): PalletIndex {
    const entry = this.#pallets.get(name);

    if (entry === undefined) throw new Error(`no pallet ${name}`);

    return entry;
  }

  #item(pallet: string, item: string): StorageItemDefinition {
    const definition = this.#pallet(pallet).items.get(item);

    if (definition === undefined) throw new Error(`${pallet} has no storage item ${item}`);

    return definition;
  }
}

function encodePhase(phase: Phase): Uint8Array {
  if (phase === 'Finalization') return Uint8Array.of(1);

  if (phase === 'Initialization') return Uint8Array.of(2);

  const out = new Uint8Array(5);

  new DataView(out.buffer).setUint32(1, phase.ApplyExtrinsic, true);

  return out;
}
