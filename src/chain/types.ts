/**
 * Plain TypeScript types of the chain layer: hex ids, bigint balances, SS58 addresses.
 * Nothing here is a polkadot-js codec, so code above the chain layer never handles codecs.
 */
import type { SubmittableExtrinsic } from '@polkadot/api/types';

import type { StardustError } from '../shared/errors.js';

/** 0x-prefixed lower-case hex. */
export type Hex = `0x${string}`;

/**
 * A decoded chain value. Integers up to 32 bits are `number`, wider ones `bigint`. Account
 * ids are SS58 and byte arrays hex. Options are the value or null. Enums without data are the
 * variant name, enums with data `{ type, value }`. Structs are objects with camelCase keys.
 */
export type PlainValue =
  null | boolean | number | bigint | string | PlainValue[] | { [key: string]: PlainValue };

/** One event of a block, decoded. */
export interface ChainEvent {
  /** Pallet name as polkadot-js spells it: `voiceCall`, `balances`, `system`. */
  pallet: string;
  /** Event name: `CallInitiated`, `Transfer`. */
  name: string;
  /** Fields by their camelCase metadata names (by position, `0`, `1`…, when unnamed). */
  fields: Record<string, PlainValue>;
}

/** A dispatch error decoded from metadata. */
export interface ModuleErrorInfo {
  /**
   * Pallet name, such as `voiceCall`, or `dispatch` for errors of the runtime itself
   * (`BadOrigin`, `Token.FundsUnavailable`, `Arithmetic.Overflow`).
   */
  pallet: string;
  /** Error name: `UserBusy`. */
  name: string;
  /** The error's documentation from the runtime metadata, joined into one line. */
  docs: string;
}

/** Stages a transaction passes through; `failed` ends it at any point. */
export type TxStage = 'signing' | 'ready' | 'inBlock' | 'finalized' | 'failed';

/** Stages a command can wait for. */
export type TxWaitStage = 'ready' | 'inBlock' | 'finalized';

/** The context object of every progress event of a transaction. */
export interface TxProgress {
  stage: TxStage;
  previous: TxStage | null;
  /** `pallet.call` of the outermost call, such as `proxy.proxy`. */
  call: string;
  /** Hash of the signed extrinsic, known from `ready` on. */
  txHash: Hex | null;
  /** Block that includes it, from `inBlock` on. */
  blockHash: Hex | null;
  /** Events of the extrinsic, from `inBlock` on. */
  events: readonly ChainEvent[];
  /** The failure, at `failed`. */
  error: StardustError | null;
}

/** The outcome of a transaction at the stage a caller waited for. */
export interface TxResult<T = undefined> {
  stage: TxWaitStage;
  txHash: Hex;
  /** Null when the stage waited for is `ready`. */
  blockHash: Hex | null;
  events: readonly ChainEvent[];
  /** The typed outcome of the call, such as the new call id; undefined at `ready`. */
  value: T | undefined;
}

/**
 * A call built by a pallet wrapper, ready to be sent by a {@link TxSender}. Only the chain
 * layer touches `extrinsic`.
 */
export interface ChainCall<T = undefined> {
  /** `pallet.call`, such as `voiceCall.initiateCall`. */
  readonly name: string;
  readonly extrinsic: SubmittableExtrinsic<'promise'>;
  /** Reads the typed outcome from the events of the including block. */
  readonly decode: (events: readonly ChainEvent[]) => T;
}

/** Options of sending one transaction. */
export interface SendOptions {
  /** Stage the returned promise settles on; `inBlock` by default. */
  waitFor?: TxWaitStage;
  /** Called with every progress event. */
  onProgress?: (progress: TxProgress) => void;
  /**
   * Blocks the transaction stays valid for (rounded by the chain to a power of two), or
   * `immortal`. 64 by default, which is 6.4 minutes at six-second blocks.
   */
  mortalityBlocks?: number | 'immortal';
  /** Tip to the block author, in planck; 0 by default. */
  tip?: bigint;
  /**
   * Account nonce. -1 (the default) requests the next one from the node, counting
   * transactions already in its pool, so several transactions can be sent back to back.
   */
  nonce?: number;
}

/** Something that signs and sends calls for an account: the wallet itself or a session proxy. */
export interface TxSender {
  /** SS58 address of the account whose action the calls are (the real account). */
  readonly account: string;
  /** Signs, submits and tracks `call`; settles on `options.waitFor`. */
  send<T>(call: ChainCall<T>, options?: SendOptions): Promise<TxResult<T>>;
}
