/**
 * Balances (index 2): free and reserved DUST, transfers, reserves for deposits, and the
 * fee withdrawal and deposit that TransactionPayment uses. Failed transfers report the
 * module errors Rococo Asset Hub's runtime reports (InsufficientBalance, Expendability,
 * ExistentialDeposit), which the conformance test checks against chopsticks.
 */
import { EXISTENTIAL_DEPOSIT } from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import {
  defineCall,
  DispatchFailure,
  ensureSigned,
  fail,
  type PalletDefinition,
} from '../runtime/pallet.js';
import type { Runtime } from '../runtime/runtime.js';
import { account, setAccount } from './system.js';

/** `MultiAddress` in plain form. */
export type MultiAddress =
  | { Id: string }
  | { Address32: string }
  | { Index: unknown }
  | { Raw: string }
  | { Address20: string };

/** Resolves a `MultiAddress` to an account id, as `AccountIdLookup` does. */
export function lookup(address: MultiAddress): string {
  if ('Id' in address) return address.Id;

  if ('Address32' in address) return address.Address32;

  throw new DispatchFailure('CannotLookup');
}

/** Free balance of `who`. */
export function freeBalance(rt: Runtime, who: string): bigint {
  return account(rt, who).data.free;
}

/** What `who` can spend: free minus frozen, and minus the existential deposit when `keepAlive`. */
export function reducibleBalance(rt: Runtime, who: string, keepAlive: boolean): bigint {
  const { data, consumers } = account(rt, who);
  const mustStay = keepAlive || consumers > 0 || data.reserved > 0n ? EXISTENTIAL_DEPOSIT : 0n;
  const untouchable = data.frozen > mustStay ? data.frozen : mustStay;

  return data.free > untouchable ? data.free - untouchable : 0n;
}

/** Adds `amount` to the free balance, creating the account (Endowed) when it is new. */
export function credit(rt: Runtime, who: string, amount: bigint): void {
  const info = account(rt, who);
  const isNew = info.providers === 0;

  if (isNew && amount < EXISTENTIAL_DEPOSIT) fail('Balances', 'ExistentialDeposit');

  if (isNew) info.providers = 1;

  info.data.free += amount;
  setAccount(rt, who, info);

  if (isNew) rt.deposit('Balances', 'Endowed', { account: who, free_balance: amount });
}

/**
 * Removes `amount` from the free balance. Without `keepAlive` an account left below the
 * existential deposit is reaped and its dust reported as DustLost.
 */
export function debit(rt: Runtime, who: string, amount: bigint, keepAlive: boolean): void {
  const info = account(rt, who);

  if (amount > info.data.free) fail('Balances', 'InsufficientBalance');

  if (amount > info.data.free - info.data.frozen) fail('Balances', 'LiquidityRestrictions');

  if (amount > reducibleBalance(rt, who, keepAlive)) fail('Balances', 'Expendability');

  info.data.free -= amount;

  if (info.data.free < EXISTENTIAL_DEPOSIT && info.data.reserved === 0n && info.consumers === 0) {
    const dust = info.data.free;

    info.data.free = 0n;
    info.providers = 0;

    if (dust > 0n) rt.deposit('Balances', 'DustLost', { account: who, amount: dust });
  }

  setAccount(rt, who, info);
}

/** Moves `amount` from `from` to `to` and deposits `Transfer`. */
export function transfer(
  rt: Runtime,
  from: string,
  to: string,
  amount: bigint,
  keepAlive: boolean,
): void {
  if (amount === 0n || from === to) return;

  debit(rt, from, amount, keepAlive);
  credit(rt, to, amount);
  rt.deposit('Balances', 'Transfer', { from, to, amount });
}

/** Moves `amount` from free to reserved; fails with InsufficientBalance. */
export function reserve(rt: Runtime, who: string, amount: bigint): void {
  if (amount > reducibleBalance(rt, who, true)) fail('Balances', 'InsufficientBalance');

  const info = account(rt, who);

  info.data.free -= amount;
  info.data.reserved += amount;
  setAccount(rt, who, info);
  rt.deposit('Balances', 'Reserved', { who, amount });
}

/** Moves up to `amount` from reserved back to free and returns what moved. */
export function unreserve(rt: Runtime, who: string, amount: bigint): bigint {
  const info = account(rt, who);
  const moved = amount < info.data.reserved ? amount : info.data.reserved;

  if (moved === 0n) return 0n;

  info.data.reserved -= moved;
  info.data.free += moved;
  setAccount(rt, who, info);
  rt.deposit('Balances', 'Unreserved', { who, amount: moved });

  return moved;
}

/** Defines the Balances pallet. */
export function balancesPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const account = { type: c.accountId, typeName: 'T::AccountId' };
  const balance = { type: c.balance, typeName: 'T::Balance' };
  const dest = { name: 'dest', type: c.multiAddress, typeName: 'AccountIdLookupOf<T>' };

  return {
    name: 'Balances',
    index: 2,
    docs: ['Free and reserved balances, transfers and reserves.'],
    storage: [
      {
        name: 'TotalIssuance',
        docs: ['The total units issued in the system.'],
        value: c.balance,
        default: 0n,
      },
      {
        name: 'InactiveIssuance',
        docs: ['The total units of outstanding deactivated balance.'],
        value: c.balance,
        default: 0n,
      },
    ],
    calls: [
      defineCall<{ dest: MultiAddress; value: bigint }>({
        name: 'transfer_allow_death',
        index: 0,
        docs: ['Transfer some liquid free balance to another account; the sender may be reaped.'],
        args: [dest, { name: 'value', type: c.compactBalance, typeName: 'T::Balance' }],
        dispatch: (rt, origin, { dest, value }) =>
          transfer(rt, ensureSigned(origin), lookup(dest), value, false),
      }),
      defineCall<{ dest: MultiAddress; value: bigint }>({
        name: 'transfer_keep_alive',
        index: 3,
        docs: [
          'Same as `transfer_allow_death`, but the sender keeps at least the existential deposit.',
        ],
        args: [dest, { name: 'value', type: c.compactBalance, typeName: 'T::Balance' }],
        dispatch: (rt, origin, { dest, value }) =>
          transfer(rt, ensureSigned(origin), lookup(dest), value, true),
      }),
      defineCall<{ dest: MultiAddress; keep_alive: boolean }>({
        name: 'transfer_all',
        index: 4,
        docs: ['Transfer the entire transferable balance from the caller account.'],
        args: [dest, { name: 'keep_alive', type: t.bool, typeName: 'bool' }],
        dispatch: (rt, origin, { dest, keep_alive }) => {
          const who = ensureSigned(origin);

          transfer(rt, who, lookup(dest), reducibleBalance(rt, who, keep_alive), keep_alive);
        },
      }),
    ],
    events: [
      {
        name: 'Endowed',
        docs: ['An account was created with some free balance.'],
        fields: [
          { name: 'account', ...account },
          { name: 'free_balance', ...balance },
        ],
      },
      {
        name: 'DustLost',
        docs: ['An account was removed whose balance was non-zero but below ExistentialDeposit.'],
        fields: [
          { name: 'account', ...account },
          { name: 'amount', ...balance },
        ],
      },
      {
        name: 'Transfer',
        docs: ['Transfer succeeded.'],
        fields: [
          { name: 'from', ...account },
          { name: 'to', ...account },
          { name: 'amount', ...balance },
        ],
      },
      {
        name: 'BalanceSet',
        docs: ['A balance was set by root.'],
        fields: [
          { name: 'who', ...account },
          { name: 'free', ...balance },
        ],
      },
      {
        name: 'Reserved',
        docs: ['Some balance was reserved (moved from free to reserved).'],
        fields: [
          { name: 'who', ...account },
          { name: 'amount', ...balance },
        ],
      },
      {
        name: 'Unreserved',
        docs: ['Some balance was unreserved (moved from reserved to free).'],
        fields: [
          { name: 'who', ...account },
          { name: 'amount', ...balance },
        ],
      },
      {
        name: 'ReserveRepatriated',
        docs: [
          'Some balance was moved from the reserve of the first account to the second account.',
        ],
        fields: [
          { name: 'from', ...account },
          { name: 'to', ...account },
          { name: 'amount', ...balance },
          {
            name: 'destination_status',
            type: t.variant(
              ['frame_support', 'traits', 'tokens', 'misc', 'BalanceStatus'],
              [{ name: 'Free' }, { name: 'Reserved' }],
            ),
            typeName: 'Status',
          },
        ],
      },
      {
        name: 'Deposit',
        docs: ['Some amount was deposited (e.g. for transaction fees).'],
        fields: [
          { name: 'who', ...account },
          { name: 'amount', ...balance },
        ],
      },
      {
        name: 'Withdraw',
        docs: ['Some amount was withdrawn from the account (e.g. for transaction fees).'],
        fields: [
          { name: 'who', ...account },
          { name: 'amount', ...balance },
        ],
      },
    ],
    errors: [
      { name: 'VestingBalance', docs: ['Vesting balance too high to send value.'] },
      {
        name: 'LiquidityRestrictions',
        docs: ['Account liquidity restrictions prevent withdrawal.'],
      },
      { name: 'InsufficientBalance', docs: ['Balance too low to send value.'] },
      {
        name: 'ExistentialDeposit',
        docs: ['Value too low to create account due to existential deposit.'],
      },
      { name: 'Expendability', docs: ['Transfer/payment would kill account.'] },
      {
        name: 'ExistingVestingSchedule',
        docs: ['A vesting schedule already exists for this account.'],
      },
      { name: 'DeadAccount', docs: ['Beneficiary account must pre-exist.'] },
      { name: 'TooManyReserves', docs: ['Number of named reserves exceed `MaxReserves`.'] },
      {
        name: 'TooManyHolds',
        docs: ['Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.'],
      },
      { name: 'TooManyFreezes', docs: ['Number of freezes exceed `MaxFreezes`.'] },
      {
        name: 'IssuanceDeactivated',
        docs: ['The issuance cannot be modified since it is already deactivated.'],
      },
      { name: 'DeltaZero', docs: ['The delta cannot be zero.'] },
    ],
    constants: [
      {
        name: 'ExistentialDeposit',
        type: c.balance,
        value: EXISTENTIAL_DEPOSIT,
        docs: ['The minimum amount required to keep an account open: 0.001 DUST.'],
      },
      {
        name: 'MaxLocks',
        type: t.u32,
        value: 50,
        docs: ['The maximum number of locks that should exist on an account.'],
      },
      {
        name: 'MaxReserves',
        type: t.u32,
        value: 50,
        docs: ['The maximum number of named reserves that can exist on an account.'],
      },
      {
        name: 'MaxFreezes',
        type: t.u32,
        value: 0,
        docs: ['The maximum number of individual freeze locks that can exist on an account.'],
      },
    ],
  };
}
