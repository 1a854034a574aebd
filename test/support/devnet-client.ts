// Helpers for tests that drive a chain (the devnet or chopsticks) through an unmodified
// ApiPromise: submit and await inclusion, decode dispatch errors by name, move chain time.
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { AccountInfo, DispatchError, EventRecord, Moment } from '@polkadot/types/interfaces';
import { stringCamelCase } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { startDevnet, type DevnetHandle, type DevnetOptions } from '../../server/devnet/index.js';

/** 1 DUST in planck. */
export const DUST = 10n ** 12n;

/** A connected chain client and the keys of the dev accounts. */
export interface ChainClient {
  api: ApiPromise;
  provider: WsProvider;
  keyring: Keyring;
  /** `//Name` sr25519 pairs, created on first use. */
  pair(uri: string): KeyringPair;
  disconnect(): Promise<void>;
}

/** What a transaction did once it was in a block. */
export interface Inclusion {
  blockHash: string;
  events: EventRecord[];
  /** `Pallet.Error` of a failed dispatch, or undefined when it succeeded. */
  error: string | undefined;
  /** The events as `section.method` strings, for readable assertions. */
  names: string[];
}

/** Connects ApiPromise to `url`. */
export async function connect(url: string): Promise<ChainClient> {
  await cryptoWaitReady();

  const provider = new WsProvider(url, false);

  await provider.connect();

  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const pairs = new Map<string, KeyringPair>();

  return {
    api,
    provider,
    keyring,
    pair(uri) {
      let pair = pairs.get(uri);

      if (pair === undefined) {
        pair = keyring.addFromUri(uri);
        pairs.set(uri, pair);
      }

      return pair;
    },
    disconnect: () => api.disconnect(),
  };
}

/** A devnet with instant seal and a connected client. */
export interface DevnetFixture extends ChainClient {
  devnet: DevnetHandle;
  close(): Promise<void>;
}

/** Starts a devnet on port 0 (instant seal unless told otherwise) and connects to it. */
export async function startDevnetClient(options: DevnetOptions = {}): Promise<DevnetFixture> {
  const devnet = await startDevnet({ port: 0, blockTimeMs: 0, ...options });
  const client = await connect(devnet.url);

  return {
    ...client,
    devnet,
    async close() {
      await client.disconnect();
      await devnet.close();
    },
  };
}

/**
 * Signs and submits `tx` with `{ nonce: -1 }` and resolves at InBlock (or Finalized) with its
 * events and the decoded dispatch error, if any. Rejects when the pool refuses it.
 */
export function submit(
  client: ChainClient,
  tx: SubmittableExtrinsic<'promise'>,
  signer: KeyringPair,
  options: Record<string, unknown> = {},
): Promise<Inclusion> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let settled = false;

    tx.signAndSend(signer, { nonce: -1, ...options }, (result) => {
      if (settled) return;

      // ApiPromise drops InBlock when Finalized arrives before it fetched InBlock's events,
      // so Finalized counts as inclusion too.
      if (result.status.isInBlock || result.status.isFinalized) {
        settled = true;
        unsubscribe?.();
        resolve({
          blockHash: (result.status.isInBlock
            ? result.status.asInBlock
            : result.status.asFinalized
          ).toHex(),
          events: result.events,
          error: dispatchErrorName(client.api, result.dispatchError),
          names: result.events.map(({ event }) => `${event.section}.${event.method}`),
        });
      } else if (result.isError) {
        settled = true;
        unsubscribe?.();
        reject(new Error(`transaction ${result.status.type}`));
      }
    })
      .then((stop) => {
        unsubscribe = stop;

        if (settled) stop();
      })
      .catch(reject);
  });
}

/** Names a dispatch error the way the SDK shows it: `Pallet.Error` or the error's kind. */
export function dispatchErrorName(
  api: ApiPromise,
  dispatchError: DispatchError | undefined,
): string | undefined {
  if (dispatchError === undefined) return undefined;

  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);

    return `${meta.section}.${meta.name}`;
  }

  if (dispatchError.isToken) return `Token.${dispatchError.asToken.type}`;

  if (dispatchError.isArithmetic) return `Arithmetic.${dispatchError.asArithmetic.type}`;

  return dispatchError.type;
}

/** Finds the first event `section.method` and returns its fields as JSON, keys camelCased. */
export function eventData(inclusion: Inclusion, name: string): Record<string, unknown> {
  const record = inclusion.events.find(({ event }) => `${event.section}.${event.method}` === name);

  if (record === undefined) throw new Error(`no ${name} event among ${inclusion.names.join(', ')}`);

  const { data } = record.event;
  const names = data.names ?? data.map((_, index) => String(index));

  return Object.fromEntries(
    names.map((field, index) => [stringCamelCase(field), data[index]!.toJSON()]),
  );
}

/** Sends a raw JSON-RPC request through the client's provider. */
export function rpc<T>(client: ChainClient, method: string, params: unknown[] = []): Promise<T> {
  return client.provider.send<T>(method, params);
}

/** The head's `Timestamp.Now` in ms. */
export async function chainNow(client: ChainClient): Promise<number> {
  return ((await client.api.query.timestamp.now()) as Moment).toNumber();
}

/** Free balance of `address` in planck. */
export async function freeBalance(client: ChainClient, address: string): Promise<bigint> {
  return ((await client.api.query.system.account(address)) as AccountInfo).data.free.toBigInt();
}
