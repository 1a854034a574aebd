import { accountArg } from '../args.js';
import { asBigInt, asNumber, asRecord, optional } from './convert.js';
import { Pallet } from './pallet.js';

/** Call statistics and rewards of one account, from `UserStats`. */
export interface UserCallStats {
  /** Seconds over all rewarded calls. */
  totalDuration: bigint;
  totalCalls: number;
  /** Planck. */
  earnedRewards: bigint;
  /** Seconds counted on `day`. */
  dailyDuration: number;
  /** Day number: chain time / 86,400,000 ms. */
  day: number;
  /** Planck earned on `day`. */
  dailyEarned: bigint;
}

/** The runtime constants of VoiceMining. */
export interface VoiceMiningConstants {
  /** Planck per full minute. */
  rewardPerMinute: bigint;
  /** Planck per account per day. */
  dailyCap: bigint;
  /** Seconds. */
  minCallDuration: number;
}

const EMPTY_STATS: UserCallStats = {
  totalDuration: 0n,
  totalCalls: 0,
  earnedRewards: 0n,
  dailyDuration: 0,
  day: 0,
  dailyEarned: 0n,
};

/** Typed wrapper of the VoiceMining pallet (storage only: it has no calls). */
export class VoiceMiningPallet extends Pallet {
  readonly name = 'voiceMining';

  /** Reads `UserStats(account)`; zeros for an account that never had a rewarded call. */
  async userStats(account: string): Promise<UserCallStats> {
    const entry = await this.storage('userStats');
    const value = optional(this.plain(await entry(accountArg(account))), (v) =>
      asRecord(v, 'UserCallStats'),
    );

    if (value === null) return { ...EMPTY_STATS };

    return {
      totalDuration: asBigInt(value['totalDuration']!, 'totalDuration'),
      totalCalls: asNumber(value['totalCalls']!, 'totalCalls'),
      earnedRewards: asBigInt(value['earnedRewards']!, 'earnedRewards'),
      dailyDuration: asNumber(value['dailyDuration']!, 'dailyDuration'),
      day: asNumber(value['day']!, 'day'),
      dailyEarned: asBigInt(value['dailyEarned']!, 'dailyEarned'),
    };
  }

  /** Reads `PairRewardedOn` for two accounts in either order: the day of their last rewarded call. */
  async pairRewardedOn(a: string, b: string): Promise<number | null> {
    const entry = await this.storage('pairRewardedOn');
    const [first, second] = [accountArg(a), accountArg(b)].sort();

    return optional(this.plain(await entry(first, second)), (v) => asNumber(v, 'day'));
  }

  /** Reads the runtime constants. */
  async constants(): Promise<VoiceMiningConstants> {
    return {
      rewardPerMinute: asBigInt(await this.constant('rewardPerMinute'), 'rewardPerMinute'),
      dailyCap: asBigInt(await this.constant('dailyCap'), 'dailyCap'),
      minCallDuration: asNumber(await this.constant('minCallDuration'), 'minCallDuration'),
    };
  }
}
