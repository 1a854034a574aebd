/**
 * Chain failures mapped to SDK codes at the edge: module errors decoded from metadata,
 * transaction-pool rejections (JSON-RPC 1010–1017), wallet refusals and lost connections.
 */
import { StardustError, type ErrorCode } from '../shared/errors.js';
import type { Hex, ModuleErrorInfo } from './types.js';

/**
 * Module errors with a code of their own; every other module error is TX_FAILED. The
 * message of each keeps the pallet error's name and docs.
 */
export const MODULE_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  'voiceCall.InsufficientBalance': 'CALL_INSUFFICIENT_BALANCE',
  'voiceCall.UserBusy': 'CALL_CHAIN_BUSY',
  'voiceCall.UserBlocked': 'CALL_BLOCKED',
  'voiceCall.CallNotFound': 'CALL_NOT_FOUND',
  'voiceRoom.RoomNotFound': 'ROOM_NOT_FOUND',
  'voiceRoom.RoomFull': 'ROOM_FULL',
  'voiceRoom.RoomClosed': 'ROOM_CLOSED',
  'voiceRoom.NotInRoom': 'ROOM_NOT_MEMBER',
  'voiceRoom.Unauthorized': 'ROOM_NOT_ALLOWED',
  'voiceRoom.NotInvited': 'ROOM_NOT_ALLOWED',
};

/** Transaction pool rejection codes of Substrate's author RPC (sc-rpc-api). */
export const POOL_ERROR_REASONS: Readonly<Record<number, string>> = {
  1010: 'invalid transaction',
  1011: 'unknown transaction validity',
  1012: 'transaction temporarily banned',
  1013: 'transaction already imported',
  1014: 'priority too low to replace a transaction with the same nonce',
  1015: 'dependency cycle between transactions',
  1016: 'transaction pool is full',
  1017: 'transaction cannot be submitted in this way',
};

/** Options of {@link ChainError}. */
export interface ChainErrorOptions {
  cause?: unknown;
  /** The decoded module error, for dispatch failures. */
  moduleError?: ModuleErrorInfo | null;
  /** The JSON-RPC error code, for pool rejections. */
  rpcCode?: number | null;
  txHash?: Hex | null;
  blockHash?: Hex | null;
}

/** A failed transaction or chain request, with the chain's own error details. */
export class ChainError extends StardustError {
  /** The decoded module error (pallet, name, docs) when dispatch failed with one. */
  readonly moduleError: ModuleErrorInfo | null;
  /** The JSON-RPC error code when the node rejected the transaction. */
  readonly rpcCode: number | null;
  readonly txHash: Hex | null;
  readonly blockHash: Hex | null;

  constructor(code: ErrorCode, message: string, options: ChainErrorOptions = {}) {
    super(code, message, { cause: options.cause, detail: options.rpcCode ?? undefined });
    this.name = 'ChainError';
    this.moduleError = options.moduleError ?? null;
    this.rpcCode = options.rpcCode ?? null;
    this.txHash = options.txHash ?? null;
    this.blockHash = options.blockHash ?? null;
  }

  /** Dispatch failed in a block: the mapped code, with the module error's name and docs. */
  static dispatchFailed(
    call: string,
    info: ModuleErrorInfo,
    txHash: Hex | null,
    blockHash: Hex | null,
  ): ChainError {
    const code = MODULE_ERROR_CODES[`${info.pallet}.${info.name}`] ?? 'TX_FAILED';
    const docs = info.docs === '' ? '' : ` (${info.docs})`;

    return new ChainError(
      code,
      `${call} failed in block ${blockHash ?? 'unknown'} with ${info.pallet}.${info.name}${docs}.`,
      { moduleError: info, txHash, blockHash },
    );
  }

  /** The node's pool rejected the transaction before inclusion. */
  static poolRejected(call: string, rpcCode: number, reason: string, cause: unknown): ChainError {
    const kind = POOL_ERROR_REASONS[rpcCode] ?? 'rejected';

    return new ChainError(
      'TX_INVALID',
      `The node rejected ${call} (${rpcCode} ${kind}: ${reason}). Fund the account, or retry with a fresh nonce.`,
      { cause, rpcCode },
    );
  }

  /** The result of a submitted transaction became unknowable. */
  static dropped(call: string, why: string, txHash: Hex | null, cause?: unknown): ChainError {
    const subject = txHash === null ? call : `${call} ${txHash}`;

    return new ChainError(
      'TX_DROPPED',
      `${subject} has no result: ${why}. Check the chain state before sending it again.`,
      { cause, txHash },
    );
  }
}

interface RpcErrorShape {
  code?: unknown;
  data?: unknown;
  message?: unknown;
}

/**
 * Maps an error thrown while signing or submitting `call` to a typed error: wallet errors
 * pass through, pool rejections become TX_INVALID, lost connections TX_DROPPED.
 */
export function mapSubmitError(call: string, error: unknown): StardustError {
  if (error instanceof StardustError) return error;

  const shape = (error ?? {}) as RpcErrorShape;
  const message = typeof shape.message === 'string' ? shape.message : String(error);

  if (typeof shape.code === 'number' && shape.code >= 1010 && shape.code <= 1099) {
    return ChainError.poolRejected(
      call,
      shape.code,
      describePoolReason(shape.data, message),
      error,
    );
  }

  if (/disconnected|not connected|WebSocket is not open|socket closed/i.test(message)) {
    return ChainError.dropped(call, 'the connection to the node was lost', null, error);
  }

  return new ChainError(
    'TX_INVALID',
    `The node rejected ${call}: ${message}. Read the reason, fix the call or account, then retry.`,
    { cause: error },
  );
}

/** Validity errors of `TransactionValidityError`, in the words of `sp_runtime`. */
const VALIDITY_REASONS: Readonly<Record<string, string>> = {
  stale: 'the nonce was already used (stale)',
  future: 'the nonce is ahead of the account nonce (future)',
  payment: 'the account cannot pay the fees',
  badProof: 'the signature is invalid',
  badSigner: 'the signer is invalid',
  ancientBirthBlock: 'the mortality era has expired or its block is unknown',
  exhaustsResources: 'the transaction does not fit in a block',
  call: 'the call cannot be dispatched',
  mandatory: 'a mandatory dispatch failed',
  badMandatory: 'a mandatory dispatch failed',
  cannotLookup: 'an account lookup failed',
  noUnsignedValidator: 'the chain does not accept it unsigned',
};

/**
 * Returns a readable reason from a pool rejection: a Substrate node sends text in `data`
 * ("Transaction is outdated"), chopsticks sends JSON (`{"invalid":{"stale":null}}`).
 */
function describePoolReason(data: unknown, message: string): string {
  const text = typeof data === 'string' && data !== '' ? data : message.replace(/^-?\d+:\s*/, '');
  let parsed: unknown;

  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }

  if (parsed !== null && typeof parsed === 'object') {
    const [kind, inner] = Object.entries(parsed)[0] ?? [];
    const variant = inner !== null && typeof inner === 'object' ? Object.keys(inner)[0] : undefined;

    if (variant !== undefined) return `${kind} ${VALIDITY_REASONS[variant] ?? variant}`;
  }

  return text;
}
