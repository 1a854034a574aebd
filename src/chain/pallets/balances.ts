import { accountArg, balanceArg, multiAddressArg } from '../args.js';
import type { ChainCall } from '../types.js';
import { Pallet } from './pallet.js';

/** Balances of one account, in planck. */
export interface AccountBalance {
  free: bigint;
  reserved: bigint;
  /** Frozen (locked) part of `free`; the larger of the two old fields on older runtimes. */
  frozen: bigint;
  /** The spendable part: free minus frozen. */
  transferable: bigint;
  /** Nonce of the account: the number of transactions it has sent. */
  nonce: number;
}

/** Typed wrapper of the Balances pallet (and the account part of System). */
export class BalancesPallet extends Pallet {
  readonly name = 'balances';

  /** `balances.transfer_keep_alive(dest, value)`: fails rather than reap the sender. */
  async transferKeepAlive(dest: string, value: bigint): Promise<ChainCall> {
    return this.build('transferKeepAlive', [multiAddressArg(dest), balanceArg(value, 'value')]);
  }

  /** `balances.transfer_allow_death(dest, value)`. */
  async transferAllowDeath(dest: string, value: bigint): Promise<ChainCall> {
    return this.build('transferAllowDeath', [multiAddressArg(dest), balanceArg(value, 'value')]);
  }

  /** `balances.transfer_all(dest, keep_alive)`: sends everything transferable. */
  async transferAll(dest: string, keepAlive: boolean): Promise<ChainCall> {
    return this.build('transferAll', [multiAddressArg(dest), keepAlive === true]);
  }

  /** Reads `System.Account` of `address`. */
  async account(address: string): Promise<AccountBalance> {
    const api = await this.client.requireStorage('system', 'account');
    const info = (await api.query.system!.account!(accountArg(address))) as unknown as {
      nonce: { toNumber(): number };
      data: Map<string, { toBigInt(): bigint }>;
    };
    const field = (name: string) => info.data.get(name)?.toBigInt() ?? 0n;
    const free = field('free');
    const frozen = info.data.has('frozen')
      ? field('frozen')
      : field('miscFrozen') > field('feeFrozen')
        ? field('miscFrozen')
        : field('feeFrozen');

    return {
      free,
      reserved: field('reserved'),
      frozen,
      transferable: free > frozen ? free - frozen : 0n,
      nonce: info.nonce.toNumber(),
    };
  }

  /** Returns the existential deposit in planck: the least balance an account may keep. */
  async existentialDeposit(): Promise<bigint> {
    return BigInt(String(await this.constant('existentialDeposit')));
  }
}
