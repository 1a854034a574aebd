import { accountArg } from '../args.js';
import type { ChainCall } from '../types.js';
import { Pallet } from './pallet.js';

/** Typed wrapper of the Contacts pallet: blocking accounts from calls and messages. */
export class ContactsPallet extends Pallet {
  readonly name = 'contacts';

  /** `block(who)`: `who` can no longer call or message the signer. */
  async block(who: string): Promise<ChainCall> {
    return this.build('block', [accountArg(who)]);
  }

  /** `unblock(who)`. */
  async unblock(who: string): Promise<ChainCall> {
    return this.build('unblock', [accountArg(who)]);
  }

  /** Reads the accounts `blocker` has blocked (`Blocked(blocker, *)`). */
  async blockedBy(blocker: string): Promise<string[]> {
    const entry = await this.storage('blocked');
    const keys = await entry.keys(accountArg(blocker));

    return keys.map(({ args }) => this.client.formatAddress(args[1]!.toU8a()));
  }

  /** Returns true when `blocker` has blocked `blocked`. */
  async isBlocked(blocker: string, blocked: string): Promise<boolean> {
    const wanted = accountArg(blocked);
    const entry = await this.storage('blocked');
    const keys = await entry.keys(accountArg(blocker));

    return keys.some(({ args }) => args[1]?.toHex() === wanted);
  }
}
