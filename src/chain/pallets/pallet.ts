/**
 * The base of the typed pallet wrappers: builds calls after checking the metadata has them,
 * reads storage, and converts codecs to plain values.
 */
import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';

import { StardustError } from '../../shared/errors.js';
import type { ChainClient } from '../chain-client.js';
import { toPlain } from '../plain.js';
import type { ChainCall, ChainEvent, PlainValue } from '../types.js';

/** A storage entry of polkadot-js, typed loosely: the wrappers convert what it returns. */
export interface StorageEntry {
  (...args: unknown[]): Promise<Codec>;
  keys(...args: unknown[]): Promise<Array<{ args: Codec[] }>>;
  entries(...args: unknown[]): Promise<Array<[{ args: Codec[] }, Codec]>>;
}

/** Shared plumbing of one pallet's wrapper. */
export abstract class Pallet {
  /** The pallet name as polkadot-js spells it, such as `voiceCall`. */
  abstract readonly name: string;
  protected readonly client: ChainClient;

  constructor(client: ChainClient) {
    this.client = client;
  }

  /**
   * Builds `name.method(...args)`; `decode` reads the typed outcome from the block's events.
   * @throws StardustError CHAIN_PALLET_MISSING when the chain lacks the call.
   */
  protected async build<T = undefined>(
    method: string,
    args: unknown[],
    decode?: (events: readonly ChainEvent[]) => T,
  ): Promise<ChainCall<T>> {
    const api = await this.client.requireCall(this.name, method);
    const extrinsic = api.tx[this.name]![method]!(...args);

    return {
      name: `${this.name}.${method}`,
      extrinsic,
      decode: decode ?? (() => undefined as T),
    };
  }

  /**
   * Returns the storage entry `name.item`.
   * @throws StardustError CHAIN_PALLET_MISSING when the chain lacks it.
   */
  protected async storage(item: string): Promise<StorageEntry> {
    const api = await this.client.requireStorage(this.name, item);

    return api.query[this.name]![item] as unknown as StorageEntry;
  }

  /** Returns the runtime constant `name.constant` as a plain value. */
  protected async constant(constant: string): Promise<PlainValue> {
    const api: ApiPromise = await this.client.api();
    const value = api.consts[this.name]?.[constant];

    if (value === undefined) {
      throw new StardustError(
        'CHAIN_PALLET_MISSING',
        `The chain at ${this.client.url} has no constant ${this.name}.${constant}. Connect to a Stardust runtime with the voice pallets, or to the devnet.`,
      );
    }

    return this.plain(value as Codec);
  }

  /** Converts a codec to a plain value with the chain's SS58 prefix. */
  protected plain(codec: Codec): PlainValue {
    return toPlain(codec, this.client.ss58Prefix);
  }
}

/** Returns the fields of the first event `pallet.name` in `events`, or undefined. */
export function findEvent(
  events: readonly ChainEvent[],
  pallet: string,
  name: string,
): Record<string, PlainValue> | undefined {
  return events.find((event) => event.pallet === pallet && event.name === name)?.fields;
}
