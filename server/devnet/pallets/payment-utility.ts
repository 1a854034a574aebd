/**
 * TransactionPayment (index 3) and Utility (index 4).
 *
 * The fee is a base plus a price per encoded byte, with no weight fee: the devnet's
 * weights are fixed per call and would only add noise to the fee arithmetic the SDK shows.
 */
import { BASE_FEE, FEE_PER_BYTE, MAX_BATCHED_CALLS } from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import {
  defineCall,
  DispatchFailure,
  type Origin,
  type PalletDefinition,
} from '../runtime/pallet.js';
import type { Runtime } from '../runtime/runtime.js';

/** The fee of an extrinsic of `length` encoded bytes, without the tip. */
export function partialFee(length: number): bigint {
  return BASE_FEE + FEE_PER_BYTE * BigInt(length);
}

/** Defines the TransactionPayment pallet. */
export function transactionPaymentPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  return {
    name: 'TransactionPayment',
    index: 3,
    docs: ['Charges transaction fees: a base plus a price per byte, paid to the treasury.'],
    storage: [
      {
        name: 'NextFeeMultiplier',
        docs: ['Fixed at 1 (10^18 as FixedU128): fees do not follow congestion on the devnet.'],
        value: t.composite(
          ['sp_arithmetic', 'fixed_point', 'FixedU128'],
          [{ type: t.u128, typeName: 'u128' }],
        ),
        default: 10n ** 18n,
      },
    ],
    calls: [],
    events: [
      {
        name: 'TransactionFeePaid',
        docs: [
          'A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.',
        ],
        fields: [
          { name: 'who', type: c.accountId, typeName: 'T::AccountId' },
          { name: 'actual_fee', type: c.balance, typeName: 'BalanceOf<T>' },
          { name: 'tip', type: c.balance, typeName: 'BalanceOf<T>' },
        ],
      },
    ],
    errors: [],
    constants: [
      {
        name: 'OperationalFeeMultiplier',
        type: t.u8,
        value: 5,
        docs: ['Priority multiplier of operational extrinsics.'],
      },
      {
        name: 'BaseFee',
        type: c.balance,
        value: BASE_FEE,
        docs: ['Fee of every extrinsic: 0.0001 DUST.'],
      },
      {
        name: 'FeePerByte',
        type: c.balance,
        value: FEE_PER_BYTE,
        docs: ['Fee per encoded byte of an extrinsic, in planck.'],
      },
    ],
  };
}

/** Defines the Utility pallet: batches of calls from one origin. */
export function utilityPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const calls = {
    name: 'calls',
    type: t.sequence(c.runtimeCall),
    typeName: 'Vec<<T as Config>::RuntimeCall>',
  };

  return {
    name: 'Utility',
    index: 4,
    docs: ['Batches of calls dispatched from one origin.'],
    storage: [],
    calls: [
      defineCall<{ calls: string[] }>({
        name: 'batch',
        index: 0,
        docs: [
          'Send a batch of dispatch calls; stops at the first failure and reports it as BatchInterrupted.',
        ],
        args: [calls],
        dispatch: (rt, origin, args) => runBatch(rt, origin, args.calls, 'batch'),
      }),
      defineCall<{ calls: string[] }>({
        name: 'batch_all',
        index: 2,
        docs: [
          'Send a batch of dispatch calls and atomically execute them: any failure reverts all.',
        ],
        args: [calls],
        dispatch: (rt, origin, args) => runBatch(rt, origin, args.calls, 'batch_all'),
      }),
      defineCall<{ calls: string[] }>({
        name: 'force_batch',
        index: 4,
        docs: ['Send a batch of dispatch calls; failures are reported as ItemFailed and skipped.'],
        args: [calls],
        dispatch: (rt, origin, args) => runBatch(rt, origin, args.calls, 'force_batch'),
      }),
    ],
    events: [
      {
        name: 'BatchInterrupted',
        docs: [
          'Batch of dispatches did not complete fully. Index of first failing dispatch given, as well as the error.',
        ],
        fields: [
          { name: 'index', type: t.u32, typeName: 'u32' },
          { name: 'error', type: c.dispatchError, typeName: 'DispatchError' },
        ],
      },
      {
        name: 'BatchCompleted',
        docs: ['Batch of dispatches completed fully with no error.'],
        fields: [],
      },
      {
        name: 'BatchCompletedWithErrors',
        docs: ['Batch of dispatches completed but has errors.'],
        fields: [],
      },
      {
        name: 'ItemCompleted',
        docs: ['A single item within a Batch of dispatches has completed with no error.'],
        fields: [],
      },
      {
        name: 'ItemFailed',
        docs: ['A single item within a Batch of dispatches has completed with error.'],
        fields: [{ name: 'error', type: c.dispatchError, typeName: 'DispatchError' }],
      },
    ],
    errors: [{ name: 'TooManyCalls', docs: ['Too many calls batched.'] }],
    constants: [
      {
        name: 'batched_calls_limit',
        type: t.u32,
        value: MAX_BATCHED_CALLS,
        docs: ['The limit on the number of batched calls.'],
      },
    ],
  };
}

function runBatch(
  rt: Runtime,
  origin: Origin,
  calls: string[],
  mode: 'batch' | 'batch_all' | 'force_batch',
): void {
  if (origin === 'none') throw new DispatchFailure('BadOrigin');

  if (calls.length > MAX_BATCHED_CALLS)
    throw new DispatchFailure({ Module: { pallet: 'Utility', error: 'TooManyCalls' } });

  let failed = false;

  for (const [index, call] of calls.entries()) {
    try {
      rt.dispatch(call, origin);
      rt.deposit('Utility', 'ItemCompleted');
    } catch (error) {
      if (!(error instanceof DispatchFailure)) throw error;

      // batch_all reverts everything: the outer transactional dispatch discards the items.
      if (mode === 'batch_all') throw error;

      if (mode === 'batch') {
        rt.deposit('Utility', 'BatchInterrupted', { index, error: rt.dispatchError(error.error) });

        return;
      }

      failed = true;
      rt.deposit('Utility', 'ItemFailed', { error: rt.dispatchError(error.error) });
    }
  }

  rt.deposit('Utility', failed ? 'BatchCompletedWithErrors' : 'BatchCompleted');
}
