import { bytesArg } from '../args.js';
import type { ChainCall } from '../types.js';
import { Pallet } from './pallet.js';

// Far below the block length; a remark is only a marker.
const MAX_REMARK_BYTES = 4096;

/** Typed wrapper of the System pallet calls the SDK uses. */
export class SystemPallet extends Pallet {
  readonly name = 'system';

  /** `system.remark_with_event(remark)`: emits `system.Remarked { sender, hash }`. */
  async remarkWithEvent(remark: Uint8Array | string): Promise<ChainCall> {
    return this.build('remarkWithEvent', [bytesArg(remark, MAX_REMARK_BYTES, 'remark')]);
  }
}
