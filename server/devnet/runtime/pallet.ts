/**
 * The shape of one pallet: a single TypeScript definition from which the devnet derives
 * the pallet's metadata (calls, events, errors, storage, constants and docs) and runs its
 * dispatch functions. A pallet is defined once; nothing else lists its items.
 */
import type { FieldDefinition, TypeId } from '../metadata/type-builder.js';
import type { Runtime } from './runtime.js';

/** Storage hashers with the names metadata V14 uses. */
export type Hasher =
  | 'Blake2_128'
  | 'Blake2_256'
  | 'Blake2_128Concat'
  | 'Twox128'
  | 'Twox256'
  | 'Twox64Concat'
  | 'Identity';

/** One storage item: a value (no keys), a map (one key) or a double map (two keys). */
export interface StorageItemDefinition {
  name: string;
  docs: string[];
  keys?: Array<{ hasher: Hasher; type: TypeId }>;
  value: TypeId;
  /**
   * The value a missing entry reads as (`ValueQuery`), as a plain value. Without it the item
   * is an `OptionQuery` and a missing entry reads as `undefined`.
   */
  default?: unknown;
}

/** Who dispatched a call. */
export type Origin = { signed: string } | 'root' | 'none';

/** One dispatchable call; its arguments arrive as plain values keyed by argument name. */
export interface CallDefinition {
  name: string;
  index?: number;
  docs: string[];
  args: Array<{ name: string; type: TypeId; typeName?: string }>;
  /** `ref_time` weight charged by CheckWeight; 10^8 when omitted. */
  weight?: bigint;
  dispatch(rt: Runtime, origin: Origin, args: never): void;
}

/** One event variant. */
export interface EventDefinition {
  name: string;
  docs: string[];
  fields: Array<FieldDefinition & { name: string }>;
}

/** One error variant; its index is its position. */
export interface ErrorDefinition {
  name: string;
  docs: string[];
}

/** One constant with its plain value. */
export interface ConstantDefinition {
  name: string;
  type: TypeId;
  value: unknown;
  docs: string[];
}

/** A pallet: its index in `construct_runtime`, its items, and its block hooks. */
export interface PalletDefinition {
  name: string;
  index: number;
  docs: string[];
  storage: StorageItemDefinition[];
  calls: CallDefinition[];
  events: EventDefinition[];
  errors: ErrorDefinition[];
  constants: ConstantDefinition[];
  /** Runs at the start of every block, before the inherents. */
  onInitialize?(rt: Runtime): void;
  /** Runs at the end of every block, after the last extrinsic. */
  onFinalize?(rt: Runtime): void;
}

/** Declares a call with typed arguments; the cast is safe because the runtime decodes
 * arguments with the types listed in `args`. */
export function defineCall<Args>(
  definition: Omit<CallDefinition, 'dispatch'> & {
    dispatch(rt: Runtime, origin: Origin, args: Args): void;
  },
): CallDefinition {
  return definition as CallDefinition;
}

/** A failed dispatch with the `DispatchError` value it reports (plain form). */
export class DispatchFailure extends Error {
  constructor(
    readonly error: DispatchErrorValue,
    message?: string,
  ) {
    super(message ?? JSON.stringify(error));
    this.name = 'DispatchFailure';
  }
}

/** Plain `sp_runtime::DispatchError` values the devnet raises. */
export type DispatchErrorValue =
  | 'BadOrigin'
  | 'CannotLookup'
  | 'Other'
  | { Module: { pallet: string; error: string } }
  | { Token: 'FundsUnavailable' | 'NotExpendable' | 'BelowMinimum' | 'Frozen' | 'CannotCreate' }
  | { Arithmetic: 'Underflow' | 'Overflow' | 'DivisionByZero' };

/** Throws the module error `error` of `pallet`. */
export function fail(pallet: string, error: string): never {
  throw new DispatchFailure({ Module: { pallet, error } }, `${pallet}.${error}`);
}

/** Returns the signed account of `origin` or throws `BadOrigin`. */
export function ensureSigned(origin: Origin): string {
  if (typeof origin === 'object') return origin.signed;

  throw new DispatchFailure('BadOrigin');
}

/** Throws `BadOrigin` unless `origin` is root. */
export function ensureRoot(origin: Origin): void {
  if (origin !== 'root') throw new DispatchFailure('BadOrigin');
}
