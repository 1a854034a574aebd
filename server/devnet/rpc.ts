/**
 * The Substrate JSON-RPC methods the devnet serves: what `@polkadot/api` calls at connect,
 * for queries and for `signAndSend`, plus chopsticks' dev methods. Errors use the codes a
 * Substrate node sends (1001–1014 for transactions, 4003 for state queries).
 */
import { compactToU8a, hexToU8a, isHex, u8aToHex } from '@polkadot/util';
import { blake2AsHex, decodeAddress } from '@polkadot/util-crypto';

import type { Block, Chain, TransactionStatus } from './chain.js';
import { PoolRejected } from './chain.js';
import {
  IMPL_NAME,
  SPEC_NAME,
  SPEC_VERSION,
  SS58_PREFIX,
  TOKEN_DECIMALS,
  TOKEN_SYMBOL,
  TRANSACTION_VERSION,
} from './constants.js';
import { partialFee } from './pallets/payment-utility.js';
import { account } from './pallets/system.js';
import { ExtrinsicFormatError, TransactionRejected } from './runtime/extrinsic.js';
import { concat, type RawState } from './runtime/storage.js';

/** A JSON-RPC error with a code and optional data. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** One client connection's subscription plumbing. */
export interface RpcSession {
  /** Registers a subscription and returns its id; `start` runs after the id was sent. */
  subscribe(notification: string, start: (send: (result: unknown) => void) => () => void): string;
  unsubscribe(id: string): boolean;
  /** Runs `task` after the response to the current request was sent. */
  afterResponse(task: () => void): void;
}

/**
 * Finalized statuses waiting, per session and block hash, for the client to read that
 * block's events. ApiPromise fetches the events of an InBlock status and drops that work
 * (switchMap) when the next status arrives first, so InBlock would be lost. A node's
 * finality comes seconds later, so the devnet waits for the read plus 100 ms, at most 1 s.
 * NOTE: a client slower than that between the read and its InBlock result still loses
 * InBlock and sees only Finalized, so clients should treat Finalized as included too.
 */
const eventReadWaiters = new WeakMap<RpcSession, Map<string, Array<() => void>>>();
const FINALIZED_FALLBACK_MS = 1000;
const FINALIZED_AFTER_READ_MS = 100;

function afterEventsRead(session: RpcSession, hash: string, task: () => void): void {
  let waiters = eventReadWaiters.get(session);

  if (waiters === undefined) {
    waiters = new Map();
    eventReadWaiters.set(session, waiters);
  }

  const pending = waiters;
  let done = false;
  const once = () => {
    if (done) return;

    done = true;
    clearTimeout(timer);

    // Forget the waiter so sessions that never read events do not accumulate entries.
    const left = (pending.get(hash) ?? []).filter((waiter) => waiter !== once);

    if (left.length === 0) pending.delete(hash);
    else pending.set(hash, left);

    task();
  };

  const timer = setTimeout(once, FINALIZED_FALLBACK_MS);

  pending.set(hash, [...(pending.get(hash) ?? []), once]);
}

function eventsRead(session: RpcSession, hash: string): void {
  const waiters = eventReadWaiters.get(session);
  const tasks = waiters?.get(hash);

  if (tasks === undefined) return;

  waiters!.delete(hash);
  // A separate socket write lets the client finish the InBlock result before Finalized.
  session.afterResponse(() =>
    setTimeout(() => tasks.forEach((task) => task()), FINALIZED_AFTER_READ_MS),
  );
}

type Method = (params: unknown[], session: RpcSession) => unknown;

/** Runtime APIs the devnet implements, with the versions `@polkadot/api` decodes them by. */
const RUNTIME_APIS: Array<[string, number]> = [
  ['Core', 4],
  ['Metadata', 2],
  ['AccountNonceApi', 1],
  ['TransactionPaymentApi', 4],
];

/** The runtime version in its JSON-RPC form. */
export function runtimeVersion(): Record<string, unknown> {
  return {
    specName: SPEC_NAME,
    implName: IMPL_NAME,
    authoringVersion: 1,
    specVersion: SPEC_VERSION,
    implVersion: 1,
    apis: RUNTIME_APIS.map(([name, version]) => [blake2AsHex(name, 64), version]),
    transactionVersion: TRANSACTION_VERSION,
    stateVersion: 1,
  };
}

/** Builds the method table for `chain`; `name` and `version` describe the node. */
export function createMethods(
  chain: Chain,
  node: { name: string; version: string },
): Map<string, Method> {
  const methods = new Map<string, Method>();
  const add = (names: string[], method: Method) =>
    names.forEach((name) => methods.set(name, method));

  add(['rpc_methods'], () => ({ version: 1, methods: [...methods.keys()].sort() }));
  add(['system_chain'], () => 'Stardust Devnet');
  add(['system_name'], () => node.name);
  add(['system_version'], () => node.version);
  add(['system_chainType'], () => 'Development');
  add(['system_properties'], () => ({
    ss58Format: SS58_PREFIX,
    tokenDecimals: TOKEN_DECIMALS,
    tokenSymbol: TOKEN_SYMBOL,
  }));
  add(['system_health'], () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }));
  add(['system_peers'], () => []);
  add(['system_nodeRoles'], () => ['Authority']);
  add(['system_localPeerId'], () => '12D3KooWStardustDevnetHasNoNetwork');
  add(['system_localListenAddresses'], () => []);
  add(['system_syncState'], () => ({
    startingBlock: 0,
    currentBlock: chain.head.header.number,
    highestBlock: chain.head.header.number,
  }));
  add(['system_accountNextIndex', 'account_nextIndex'], ([address]) => {
    const who = accountParam(address);

    return account(chain.runtime, who).nonce + chain.pendingFrom(who);
  });

  add(['chain_getBlockHash', 'chain_getHead'], ([number]) => {
    if (Array.isArray(number)) return number.map((item) => blockHashParam(chain, item));

    return blockHashParam(chain, number);
  });
  add(['chain_getHeader'], ([hash]) => {
    const block = blockParam(chain, hash);

    return block === undefined ? null : headerJson(block);
  });
  add(['chain_getBlock'], ([hash]) => {
    const block = blockParam(chain, hash);

    return block === undefined
      ? null
      : {
          block: { header: headerJson(block), extrinsics: block.extrinsics },
          justifications: null,
        };
  });
  add(['chain_getFinalizedHead', 'chain_getFinalisedHead'], () => chain.head.hash);
  add(
    ['chain_subscribeNewHead', 'chain_subscribeNewHeads', 'subscribe_newHead'],
    (_params, session) => subscribeHeads(chain, session, 'chain_newHead', false),
  );
  add(['chain_subscribeAllHeads'], (_params, session) =>
    subscribeHeads(chain, session, 'chain_allHead', false),
  );
  add(['chain_subscribeFinalizedHeads', 'chain_subscribeFinalisedHeads'], (_params, session) =>
    subscribeHeads(chain, session, 'chain_finalizedHead', true),
  );
  add(
    [
      'chain_unsubscribeNewHead',
      'chain_unsubscribeNewHeads',
      'unsubscribe_newHead',
      'chain_unsubscribeAllHeads',
      'chain_unsubscribeFinalizedHeads',
      'chain_unsubscribeFinalisedHeads',
      'state_unsubscribeStorage',
      'state_unsubscribeRuntimeVersion',
      'chain_unsubscribeRuntimeVersion',
      'author_unwatchExtrinsic',
    ],
    ([id], session) => session.unsubscribe(String(id)),
  );

  add(['state_getMetadata'], ([hash]) => {
    atParam(chain, hash);

    return u8aToHex(chain.definition.metadata);
  });
  add(['state_getRuntimeVersion', 'chain_getRuntimeVersion'], ([hash]) => {
    atParam(chain, hash);

    return runtimeVersion();
  });
  add(['state_subscribeRuntimeVersion', 'chain_subscribeRuntimeVersion'], (_params, session) =>
    session.subscribe('state_runtimeVersion', (send) => {
      send(runtimeVersion());

      return () => undefined;
    }),
  );
  add(['state_call', 'state_callAt'], ([name, data, hash]) =>
    stateCall(chain, stringParam(name, 'method'), bytesParam(data ?? '0x'), hashParam(hash)),
  );
  const eventsKey = `0x${chain.runtime.key('System', 'Events')}`;

  add(['state_getStorage', 'state_getStorageAt'], ([key, hash], session) => {
    const at = hashParam(hash);
    const value = storageValue(chain.stateAt(at), keyParam(key));

    if (at !== undefined && keyParam(key) === eventsKey) eventsRead(session, at);

    return value;
  });
  add(['state_getStorageHash', 'state_getStorageHashAt'], ([key, hash]) => {
    const value = storageValue(chain.stateAt(hashParam(hash)), keyParam(key));

    return value === null ? null : blake2AsHex(hexToU8a(value), 256);
  });
  add(['state_getStorageSize', 'state_getStorageSizeAt'], ([key, hash]) => {
    const value = storageValue(chain.stateAt(hashParam(hash)), keyParam(key));

    return value === null ? null : (value.length - 2) / 2;
  });
  add(['state_getKeys'], ([prefix, hash]) =>
    keysPaged(
      chain.stateAt(hashParam(hash)),
      keyParam(prefix ?? '0x'),
      Number.MAX_SAFE_INTEGER,
      undefined,
    ),
  );
  add(['state_getKeysPaged', 'state_getKeysPagedAt'], ([prefix, count, startKey, hash]) => {
    const limit = Number(count);

    if (!Number.isInteger(limit) || limit < 0 || limit > 1000)
      throw new RpcError(-32602, 'Invalid params', 'count must be an integer 0..=1000');

    return keysPaged(
      chain.stateAt(hashParam(hash)),
      keyParam(prefix ?? '0x'),
      limit,
      startKey == null ? undefined : keyParam(startKey),
    );
  });
  add(['state_getPairs'], ([prefix, hash]) => {
    const state = chain.stateAt(hashParam(hash));

    return keysPaged(state, keyParam(prefix ?? '0x'), Number.MAX_SAFE_INTEGER, undefined).map(
      (key) => [key, storageValue(state, key)],
    );
  });
  add(['state_queryStorageAt'], ([keys, hash]) => {
    const at = hashParam(hash) ?? chain.head.hash;
    const state = chain.stateAt(at);

    return [{ block: at, changes: keysParam(keys).map((key) => [key, storageValue(state, key)]) }];
  });
  add(['state_subscribeStorage'], ([keys], session) =>
    subscribeStorage(chain, session, keys == null ? undefined : keysParam(keys)),
  );

  add(['author_submitExtrinsic'], ([extrinsic]) => submit(chain, extrinsic));
  add(['author_submitAndWatchExtrinsic'], ([extrinsic], session) => {
    let deliver: ((status: TransactionStatus) => void) | undefined;
    const early: TransactionStatus[] = [];
    const hash = submit(chain, extrinsic, (status) =>
      deliver === undefined ? early.push(status) : deliver(status),
    );

    void hash;

    return session.subscribe('author_extrinsicUpdate', (send) => {
      deliver = (status) => {
        if (typeof status === 'object' && 'finalized' in status)
          afterEventsRead(session, status.finalized, () => send(status));
        else send(status);
      };

      send('ready');

      for (const status of early.splice(0)) send(status);

      return () => {
        deliver = () => undefined;
      };
    });
  });
  add(['author_pendingExtrinsics'], () => chain.pending);

  add(['payment_queryInfo'], ([extrinsic, hash]) => {
    hashParam(hash);

    const length = bytesParam(extrinsic).length;

    return {
      weight: { ref_time: 225_000_000, proof_size: 0 },
      class: 'normal',
      partialFee: partialFee(length).toString(),
    };
  });
  add(['payment_queryFeeDetails'], ([extrinsic, hash]) => {
    hashParam(hash);

    const length = bytesParam(extrinsic).length;

    return {
      inclusionFee: {
        baseFee: `0x${partialFee(0).toString(16)}`,
        lenFee: `0x${(partialFee(length) - partialFee(0)).toString(16)}`,
        adjustedWeightFee: '0x0',
      },
    };
  });

  add(['dev_newBlock'], ([options]) => {
    const count =
      options != null && typeof options === 'object' && 'count' in options
        ? Number((options as { count: unknown }).count)
        : 1;

    if (!Number.isInteger(count) || count < 1 || count > 1000)
      throw new RpcError(-32602, 'Invalid params', 'count must be an integer 1..=1000');

    return chain.newBlocks(count);
  });
  add(['dev_timeTravel'], ([target]) => {
    const ms =
      typeof target === 'number'
        ? target
        : typeof target === 'string'
          ? Date.parse(target)
          : Number.NaN;

    if (!Number.isFinite(ms) || ms < 0)
      throw new RpcError(
        -32602,
        'Invalid params',
        'target must be a timestamp in ms or a date string',
      );

    try {
      return Number(chain.timeTravel(BigInt(Math.floor(ms))));
    } catch (error) {
      throw new RpcError(-32602, 'Invalid params', (error as Error).message);
    }
  });
  add(['dev_setStorage'], ([values]) => {
    if (
      !Array.isArray(values) ||
      !values.every(
        (pair) =>
          Array.isArray(pair) &&
          pair.length === 2 &&
          isHex(pair[0]) &&
          (pair[1] === null || isHex(pair[1])),
      )
    ) {
      throw new RpcError(
        -32602,
        'Invalid params',
        'values must be [[key, value | null], …] with 0x-hex keys and values',
      );
    }

    return chain.setStorage(values as Array<[string, string | null]>);
  });

  return methods;
}

function submit(
  chain: Chain,
  extrinsic: unknown,
  watch?: (status: TransactionStatus) => void,
): string {
  try {
    return chain.submit(bytesParam(extrinsic), watch);
  } catch (error) {
    if (error instanceof ExtrinsicFormatError)
      throw new RpcError(1001, 'Extrinsic has invalid format', error.message);

    if (error instanceof TransactionRejected) {
      throw error.kind === 'invalid'
        ? new RpcError(1010, 'Invalid Transaction', error.message)
        : new RpcError(1011, 'Unknown Transaction Validity', error.message);
    }

    if (error instanceof PoolRejected) throw new RpcError(error.code, error.message, error.data);

    throw error;
  }
}

function stateCall(chain: Chain, name: string, data: Uint8Array, hash: string | undefined): string {
  const { registry, metadata } = chain.definition;
  const rt = chain.runtimeAt(hash);
  // Encode with toU8a: toHex of an integer codec is big-endian, not SCALE.
  const scale = (type: string, value: unknown) =>
    u8aToHex(registry.createType(type, value).toU8a());

  switch (name) {
    case 'Core_version':
      return scale('RuntimeVersion', runtimeVersion());
    case 'Metadata_metadata':
      return u8aToHex(concat(compactToU8a(metadata.length), metadata));
    case 'Metadata_metadata_versions':
      return scale('Vec<u32>', [14]);
    case 'Metadata_metadata_at_version': {
      const version = registry.createType('u32', data).toNumber();

      return version === 14
        ? u8aToHex(concat(Uint8Array.of(1), compactToU8a(metadata.length), metadata))
        : '0x00';
    }
    case 'AccountNonceApi_account_nonce': {
      if (data.length !== 32)
        throw new RpcError(
          4003,
          'Client error: Execution failed: could not decode the AccountId argument',
        );

      return scale('u32', account(rt, u8aToHex(data)).nonce);
    }
    case 'TransactionPaymentApi_query_info': {
      const length = registry.createType('u32', data.subarray(data.length - 4)).toNumber();

      return scale('RuntimeDispatchInfoV2', {
        weight: { refTime: 225_000_000, proofSize: 0 },
        class: 'Normal',
        partialFee: partialFee(length),
      });
    }
    case 'TransactionPaymentApi_query_fee_details': {
      const length = registry.createType('u32', data.subarray(data.length - 4)).toNumber();

      return scale('FeeDetails', {
        inclusionFee: {
          baseFee: partialFee(0),
          lenFee: partialFee(length) - partialFee(0),
          adjustedWeightFee: 0,
        },
      });
    }
    case 'TransactionPaymentApi_query_length_to_fee':
      return scale(
        'Balance',
        partialFee(registry.createType('u32', data).toNumber()) - partialFee(0),
      );
    case 'TransactionPaymentApi_query_weight_to_fee':
      return scale('Balance', 0);
    default:
      throw new RpcError(
        4003,
        `Client error: Execution failed: Other: Exported method ${name} is not found`,
      );
  }
}

function subscribeHeads(
  chain: Chain,
  session: RpcSession,
  notification: string,
  finalized: boolean,
): string {
  return session.subscribe(notification, (send) => {
    const onBlock = (block: Block) => {
      // Finalized heads follow new heads in a later tick, as a node's finality gadget does.
      if (finalized) setImmediate(() => send(headerJson(block)));
      else send(headerJson(block));
    };

    send(headerJson(chain.head));
    chain.on('block', onBlock);

    return () => chain.off('block', onBlock);
  });
}

function subscribeStorage(chain: Chain, session: RpcSession, keys: string[] | undefined): string {
  return session.subscribe('state_storage', (send) => {
    const initial = chain.stateAt();

    if (keys !== undefined)
      send({
        block: chain.head.hash,
        changes: keys.map((key) => [key, storageValue(initial, key)]),
      });

    const onBlock = (block: Block, before: RawState) => {
      const after = chain.stateAt(block.hash);
      const watched =
        keys ?? [...new Set([...before.keys(), ...after.keys()])].map((key) => `0x${key}`);
      const changes = watched
        .filter((key) => storageValue(before, key) !== storageValue(after, key))
        .map((key) => [key, storageValue(after, key)]);

      if (changes.length > 0) send({ block: block.hash, changes });
    };

    chain.on('block', onBlock);

    return () => chain.off('block', onBlock);
  });
}

/** Formats a header for JSON-RPC, with the number as big-endian hex as nodes send it. */
export function headerJson(block: Block): Record<string, unknown> {
  return {
    parentHash: block.header.parentHash,
    number: `0x${block.header.number.toString(16)}`,
    stateRoot: block.header.stateRoot,
    extrinsicsRoot: block.header.extrinsicsRoot,
    digest: { logs: [] },
  };
}

function storageValue(state: RawState, key: string): string | null {
  const value = state.get(key.slice(2).toLowerCase());

  return value === undefined ? null : u8aToHex(value);
}

function keysPaged(
  state: RawState,
  prefix: string,
  count: number,
  startKey: string | undefined,
): string[] {
  const raw = prefix.slice(2).toLowerCase();
  const start = startKey?.slice(2).toLowerCase();

  return [...state.keys()]
    .filter((key) => key.startsWith(raw) && (start === undefined || key > start))
    .sort()
    .slice(0, count)
    .map((key) => `0x${key}`);
}

function blockParam(chain: Chain, hash: unknown): Block | undefined {
  if (hash == null) return chain.head;

  return chain.block(stringParam(hash, 'hash').toLowerCase());
}

function blockHashParam(chain: Chain, number: unknown): string | null {
  if (number == null) return chain.head.hash;

  const value =
    typeof number === 'string'
      ? Number(isHex(number) ? BigInt(number) : Number.NaN)
      : Number(number);

  if (!Number.isSafeInteger(value) || value < 0)
    throw new RpcError(
      -32602,
      'Invalid params',
      'block number must be a non-negative integer or hex',
    );

  return chain.blockHashAt(value) ?? null;
}

/** Parses a block hash parameter, where undefined means the head. */
function hashParam(hash: unknown): string | undefined {
  if (hash == null) return undefined;

  const value = stringParam(hash, 'hash').toLowerCase();

  if (!isHex(value, 256))
    throw new RpcError(-32602, 'Invalid params', 'block hash must be 32 bytes of 0x-hex');

  return value;
}

function atParam(chain: Chain, hash: unknown): void {
  const at = hashParam(hash);

  if (at !== undefined && chain.block(at) === undefined)
    throw new RpcError(
      4003,
      `Client error: UnknownBlock: Header was not found in the database: ${at}`,
    );
}

function keyParam(key: unknown): string {
  const value = stringParam(key, 'key').toLowerCase();

  if (!isHex(value)) throw new RpcError(-32602, 'Invalid params', 'storage key must be 0x-hex');

  return value;
}

function keysParam(keys: unknown): string[] {
  if (!Array.isArray(keys))
    throw new RpcError(-32602, 'Invalid params', 'keys must be an array of 0x-hex keys');

  return keys.map(keyParam);
}

function bytesParam(value: unknown): Uint8Array {
  if (typeof value !== 'string' || !isHex(value))
    throw new RpcError(-32602, 'Invalid params', 'expected 0x-hex bytes');

  return hexToU8a(value);
}

function stringParam(value: unknown, name: string): string {
  if (typeof value !== 'string')
    throw new RpcError(-32602, 'Invalid params', `${name} must be a string`);

  return value;
}

function accountParam(value: unknown): string {
  try {
    return u8aToHex(decodeAddress(stringParam(value, 'account')));
  } catch (error) {
    if (error instanceof RpcError) throw error;

    throw new RpcError(-32602, 'Invalid params', `invalid account: ${(error as Error).message}`);
  }
}
