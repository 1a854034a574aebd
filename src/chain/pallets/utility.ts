import { StardustError } from '../../shared/errors.js';
import type { ChainCall, ChainEvent } from '../types.js';
import { Pallet } from './pallet.js';

/** Typed wrapper of the Utility pallet. */
export class UtilityPallet extends Pallet {
  readonly name = 'utility';

  /**
   * `utility.batch_all(calls)`: all calls or none. The outcome lists each call's own decoded
   * outcome, in order.
   */
  async batchAll(calls: readonly ChainCall<unknown>[]): Promise<ChainCall<unknown[]>> {
    if (!Array.isArray(calls) || calls.length === 0) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        'Invalid calls: batchAll needs at least one call.',
      );
    }

    return this.build(
      'batchAll',
      [calls.map((call) => call.extrinsic.method)],
      (events: readonly ChainEvent[]) => calls.map((call) => call.decode(events)),
    );
  }
}
