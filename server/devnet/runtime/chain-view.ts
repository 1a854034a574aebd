/**
 * What transaction validation reads from the chain: the head's state and the facts the
 * signed extensions check.
 */
import type { AccountInfo } from '../pallets/system.js';

/** The birth block of an immortal transaction: its "block hash" is the genesis hash. */
export const GENESIS_BIRTH = 0;

/** A read-only view of the chain for validating a transaction for the next block. */
export interface ChainView {
  /** The number of the block the transaction would go into (head + 1). */
  nextBlockNumber: number;
  genesisHash: Uint8Array;
  specVersion: number;
  transactionVersion: number;
  /** The largest extrinsic a block accepts, in bytes. */
  maxExtrinsicLength: number;
  /** Hash of block `number` while `System.BlockHash` keeps it (and of the head). */
  blockHash(number: number): Uint8Array | undefined;
  account(who: string): AccountInfo;
  /** What `who` can spend and stay alive. */
  spendable(who: string): bigint;
  /** The fee of an extrinsic of `length` bytes, without tip. */
  feeFor(length: number): bigint;
}
