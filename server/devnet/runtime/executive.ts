/**
 * Builds blocks: initialization and the pallets' `on_initialize`, the timestamp inherent at
 * index 0, signed extrinsics with fee withdrawal, nonce and transactional dispatch, then
 * `on_finalize`, the event log in `System.Events`, and the header.
 */
import { compactToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

import {
  BLOCK_HASH_COUNT,
  MAX_BLOCK_WEIGHT,
  NORMAL_DISPATCH_RATIO_PERCENT,
  TREASURY_ACCOUNT,
} from '../constants.js';
import { credit, debit } from '../pallets/balances.js';
import { partialFee } from '../pallets/payment-utility.js';
import { account, setAccount } from '../pallets/system.js';
import type { DecodedExtrinsic } from './extrinsic.js';
import { TransactionRejected } from './extrinsic.js';
import { DispatchFailure } from './pallet.js';
import type { Runtime } from './runtime.js';
import { concat, type Storage } from './storage.js';

/** `ref_time` of every extrinsic on top of its call's weight, as `ExtrinsicBaseWeight`. */
const EXTRINSIC_BASE_WEIGHT = 125_000_000n;
const DEFAULT_CALL_WEIGHT = 100_000_000n;
/** The root of an empty Merkle-Patricia trie (blake2_256 of the empty node). */
const EMPTY_TRIE_ROOT = blake2AsU8a(Uint8Array.of(0), 256);

/** A block header in plain form. */
export interface Header {
  parentHash: string;
  number: number;
  stateRoot: string;
  extrinsicsRoot: string;
}

/** A transaction that turned out invalid at inclusion and was left out of the block. */
export interface DroppedTransaction {
  extrinsic: DecodedExtrinsic;
  error: TransactionRejected;
}

/** What building one block produced. */
export interface BlockOutcome {
  header: Header;
  hash: string;
  extrinsics: Uint8Array[];
  included: DecodedExtrinsic[];
  dropped: DroppedTransaction[];
  /** Transactions that did not fit and stay in the pool. */
  deferred: DecodedExtrinsic[];
}

/** Unexpected exceptions in dispatch code: reported, then turned into DispatchError::Other. */
export type DispatchBugHandler = (error: unknown, ext: DecodedExtrinsic) => void;

/** Builds the block after the runtime's current state; the runtime's storage ends at the new state. */
export function buildBlock(
  rt: Runtime,
  params: {
    parentHash: string;
    timestamp: bigint;
    transactions: DecodedExtrinsic[];
    onBug: DispatchBugHandler;
  },
): BlockOutcome {
  const number = rt.blockNumber + 1;

  initialize(rt, number, params.parentHash);

  const call = rt.encodeCall('Timestamp', 'set', { now: params.timestamp });
  const body = concat(Uint8Array.of(0x04), call);
  const extrinsics = [concat(compactToU8a(body.length), body)];
  const included: DecodedExtrinsic[] = [];
  const dropped: DroppedTransaction[] = [];
  const deferred: DecodedExtrinsic[] = [];
  const weightLimit = (MAX_BLOCK_WEIGHT * NORMAL_DISPATCH_RATIO_PERCENT) / 100n;
  let weight = 0n;

  applyInherent(rt, call);

  for (const ext of params.transactions) {
    const extWeight = extrinsicWeight(rt, ext);

    if (weight + extWeight > weightLimit) {
      deferred.push(ext);
      continue;
    }

    try {
      applySigned(rt, ext, extrinsics.length, extWeight, params.onBug);
    } catch (error) {
      if (!(error instanceof TransactionRejected)) throw error;

      dropped.push({ extrinsic: ext, error });
      continue;
    }

    weight += extWeight;
    extrinsics.push(ext.bytes);
    included.push(ext);
  }

  const header = finalize(rt, number, params.parentHash, extrinsics);

  return { header, hash: headerHash(header), extrinsics, included, dropped, deferred };
}

function initialize(rt: Runtime, number: number, parentHash: string): void {
  rt.events.length = 0;
  rt.phase = 'Initialization';
  rt.put('System', 'Number', [], number);
  rt.put('System', 'ParentHash', [], parentHash);
  rt.put('System', 'BlockHash', [number - 1], parentHash);

  for (const pallet of rt.pallets) pallet.onInitialize?.(rt);
}

/** Applies the unsigned `Timestamp::set` inherent at index 0. */
function applyInherent(rt: Runtime, call: Uint8Array): void {
  rt.phase = { ApplyExtrinsic: 0 };
  rt.dispatch(call, 'none');
  rt.deposit('System', 'ExtrinsicSuccess', {
    dispatch_info: {
      weight: { refTime: EXTRINSIC_BASE_WEIGHT, proofSize: 0n },
      class: 'Mandatory',
      paysFee: 'Yes',
    },
  });
}

function extrinsicWeight(rt: Runtime, ext: DecodedExtrinsic): bigint {
  return (
    EXTRINSIC_BASE_WEIGHT + (rt.describeCall(ext.call).definition.weight ?? DEFAULT_CALL_WEIGHT)
  );
}

/**
 * Applies a signed extrinsic: checks the nonce and the fee again against the block's state
 * (a transaction that went stale meanwhile is dropped, not included), withdraws the fee,
 * bumps the nonce, dispatches, and pays the fee to the treasury.
 */
function applySigned(
  rt: Runtime,
  ext: DecodedExtrinsic,
  index: number,
  weight: bigint,
  onBug: DispatchBugHandler,
): void {
  const signed = ext.signed!;
  const signer = signed.signer!;
  const info = account(rt, signer);

  if (signed.nonce < info.nonce) throw new TransactionRejected('invalid', 'Stale');

  if (signed.nonce > info.nonce) throw new TransactionRejected('invalid', 'Future');

  const fee = partialFee(ext.bytes.length) + signed.tip;

  rt.phase = { ApplyExtrinsic: index };

  try {
    rt.transactional(() => debit(rt, signer, fee, true));
  } catch (error) {
    if (error instanceof DispatchFailure) throw new TransactionRejected('invalid', 'Payment');

    throw error;
  }

  rt.deposit('Balances', 'Withdraw', { who: signer, amount: fee });
  setAccount(rt, signer, { ...account(rt, signer), nonce: info.nonce + 1 });

  let failure: unknown;

  try {
    rt.dispatch(ext.call, { signed: signer });
  } catch (error) {
    if (error instanceof DispatchFailure) failure = rt.dispatchError(error.error);
    else {
      onBug(error, ext);
      failure = 'Other';
    }
  }

  credit(rt, TREASURY_ACCOUNT, fee);
  rt.deposit('Balances', 'Deposit', { who: TREASURY_ACCOUNT, amount: fee });
  rt.deposit('TransactionPayment', 'TransactionFeePaid', {
    who: signer,
    actual_fee: fee,
    tip: signed.tip,
  });

  const dispatchInfo = {
    weight: { refTime: weight, proofSize: 0n },
    class: 'Normal',
    paysFee: 'Yes',
  };

  if (failure === undefined)
    rt.deposit('System', 'ExtrinsicSuccess', { dispatch_info: dispatchInfo });
  else
    rt.deposit('System', 'ExtrinsicFailed', {
      dispatch_error: failure,
      dispatch_info: dispatchInfo,
    });
}

function finalize(
  rt: Runtime,
  number: number,
  parentHash: string,
  extrinsics: Uint8Array[],
): Header {
  rt.phase = 'Finalization';

  for (const pallet of rt.pallets) pallet.onFinalize?.(rt);

  if (number - 1 - BLOCK_HASH_COUNT > 0)
    rt.remove('System', 'BlockHash', [number - 1 - BLOCK_HASH_COUNT]);

  rt.storage.set(rt.key('System', 'Events'), rt.encodeEvents());
  rt.put('System', 'EventCount', [], rt.events.length);

  return {
    parentHash,
    number,
    stateRoot: stateDigest(rt.storage),
    extrinsicsRoot: extrinsicsRoot(extrinsics),
  };
}

/**
 * A digest of the whole state. NOTE: not the Merkle-Patricia trie root a node computes (no
 * client verifies it against storage proofs here); it changes whenever any value does.
 */
export function stateDigest(storage: Storage): string {
  const keys = storage.keys('');
  const parts = keys.flatMap((key) => {
    const value = storage.get(key)!;

    return [
      compactToU8a(key.length / 2),
      Buffer.from(key, 'hex'),
      compactToU8a(value.length),
      value,
    ];
  });

  return u8aToHex(blake2AsU8a(concat(...parts), 256));
}

/** NOTE: a digest of the encoded extrinsics, not their trie root (see stateDigest). */
export function extrinsicsRoot(extrinsics: Uint8Array[]): string {
  if (extrinsics.length === 0) return u8aToHex(EMPTY_TRIE_ROOT);

  return u8aToHex(blake2AsU8a(concat(compactToU8a(extrinsics.length), ...extrinsics), 256));
}

/** SCALE encoding of a header with an empty digest. */
export function encodeHeader(header: Header): Uint8Array {
  return concat(
    Buffer.from(header.parentHash.slice(2), 'hex'),
    compactToU8a(header.number),
    Buffer.from(header.stateRoot.slice(2), 'hex'),
    Buffer.from(header.extrinsicsRoot.slice(2), 'hex'),
    compactToU8a(0),
  );
}

/** blake2_256 of the encoded header: the block hash. */
export function headerHash(header: Header): string {
  return u8aToHex(blake2AsU8a(encodeHeader(header), 256));
}
