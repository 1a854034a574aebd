/**
 * VoiceMining (index 10): rewards for calls of at least a minute, paid from the treasury
 * whichever way the call ended. Each party gets RewardPerMinute per full minute, capped by
 * what is left of its DailyCap for the chain-time day, and a pair of accounts earns from at
 * most one call per day (the anti-cheat rule).
 */
import {
  DAILY_REWARD_CAP,
  DAY_MS,
  MIN_REWARDED_CALL_SECONDS,
  REWARD_PER_MINUTE,
  TREASURY_ACCOUNT,
} from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import { DispatchFailure, type PalletDefinition } from '../runtime/pallet.js';
import type { Runtime } from '../runtime/runtime.js';
import { transfer } from './balances.js';

/** `UserCallStats` in plain form. */
export interface UserCallStats {
  totalDuration: bigint;
  totalCalls: number;
  earnedRewards: bigint;
  dailyDuration: number;
  day: number;
  dailyEarned: bigint;
}

/** Records a finished call in both parties' stats and pays what the rules allow. */
export function rewardCall(
  rt: Runtime,
  callId: string,
  caller: string,
  callee: string,
  duration: number,
): void {
  const day = Number(rt.now / DAY_MS);
  const pair = [caller, callee].sort();
  const pairAlreadyRewarded = rt.get<number>('VoiceMining', 'PairRewardedOn', pair) === day;
  const eligible = duration >= MIN_REWARDED_CALL_SECONDS && !pairAlreadyRewarded;
  const amount = REWARD_PER_MINUTE * BigInt(Math.floor(duration / 60));
  let rewarded = false;

  for (const who of [caller, callee]) {
    const stats = statsFor(rt, who, day);

    stats.totalDuration += BigInt(duration);
    stats.totalCalls += 1;
    stats.dailyDuration += duration;

    const left = DAILY_REWARD_CAP - stats.dailyEarned;
    const pay = eligible ? (amount < left ? amount : left) : 0n;

    if (pay > 0n && payFromTreasury(rt, who, pay)) {
      stats.earnedRewards += pay;
      stats.dailyEarned += pay;
      rewarded = true;
      rt.deposit('VoiceMining', 'RewardPaid', { who, amount: pay, call_id: callId });
    }

    rt.put('VoiceMining', 'UserStats', [who], stats);
  }

  if (rewarded) rt.put('VoiceMining', 'PairRewardedOn', pair, day);
}

function statsFor(rt: Runtime, who: string, day: number): UserCallStats {
  const stats = rt.get<UserCallStats>('VoiceMining', 'UserStats', [who])!;

  if (stats.day !== day) return { ...stats, day, dailyDuration: 0, dailyEarned: 0n };

  return stats;
}

/** Pays a reward; an empty treasury pays nothing rather than failing the call's end. */
function payFromTreasury(rt: Runtime, who: string, amount: bigint): boolean {
  try {
    rt.transactional(() => transfer(rt, TREASURY_ACCOUNT, who, amount, true));

    return true;
  } catch (error) {
    if (error instanceof DispatchFailure) return false;

    throw error;
  }
}

/** Defines the VoiceMining pallet. */
export function voiceMiningPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const stats = t.composite(
    ['pallet_voice_mining', 'UserCallStats'],
    [
      { name: 'total_duration', type: t.u64, typeName: 'u64' },
      { name: 'total_calls', type: t.u32, typeName: 'u32' },
      { name: 'earned_rewards', type: c.balance, typeName: 'BalanceOf<T>' },
      { name: 'daily_duration', type: t.u32, typeName: 'u32' },
      { name: 'day', type: t.u32, typeName: 'u32' },
      { name: 'daily_earned', type: c.balance, typeName: 'BalanceOf<T>' },
    ],
  );

  return {
    name: 'VoiceMining',
    index: 10,
    docs: ['Rewards for calls, paid from the treasury.'],
    storage: [
      {
        name: 'UserStats',
        docs: ['Call totals and rewards of an account; the daily fields reset when `day` changes.'],
        keys: [{ hasher: 'Blake2_128Concat', type: c.accountId }],
        value: stats,
        default: {
          totalDuration: 0n,
          totalCalls: 0,
          earnedRewards: 0n,
          dailyDuration: 0,
          day: 0,
          dailyEarned: 0n,
        },
      },
      {
        name: 'PairRewardedOn',
        docs: [
          'The last day (chain time / 86,400,000 ms) a pair of accounts, in sorted order, earned from a call.',
        ],
        keys: [
          { hasher: 'Blake2_128Concat', type: c.accountId },
          { hasher: 'Blake2_128Concat', type: c.accountId },
        ],
        value: t.u32,
      },
    ],
    calls: [],
    events: [
      {
        name: 'RewardPaid',
        docs: ['`who` earned `amount` from the call `call_id`.'],
        fields: [
          { name: 'who', type: c.accountId, typeName: 'T::AccountId' },
          { name: 'amount', type: c.balance, typeName: 'BalanceOf<T>' },
          { name: 'call_id', type: c.id16, typeName: 'CallId' },
        ],
      },
    ],
    errors: [],
    constants: [
      {
        name: 'RewardPerMinute',
        type: c.balance,
        value: REWARD_PER_MINUTE,
        docs: ['Reward per full minute of a call: 0.005 DUST.'],
      },
      {
        name: 'DailyCap',
        type: c.balance,
        value: DAILY_REWARD_CAP,
        docs: ['Maximum reward per account per day: 0.5 DUST.'],
      },
      {
        name: 'MinCallDuration',
        type: t.u32,
        value: MIN_REWARDED_CALL_SECONDS,
        docs: ['Minimum call duration in seconds that earns a reward.'],
      },
    ],
  };
}
