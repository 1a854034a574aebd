/**
 * Proxy (index 5): accounts that dispatch calls on behalf of another. The `Voice` type is
 * the SDK's session proxy: it may call only Chat, Contacts, VoiceCall and VoiceRoom (also
 * inside Utility batches) and `Proxy::remove_proxy`, never Balances.
 */
import { MAX_PROXIES, PROXY_DEPOSIT_BASE, PROXY_DEPOSIT_FACTOR } from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import {
  defineCall,
  DispatchFailure,
  ensureSigned,
  fail,
  type PalletDefinition,
} from '../runtime/pallet.js';
import type { CallFilter } from '../runtime/runtime.js';
import { lookup, reserve, unreserve, type MultiAddress } from './balances.js';

/** `ProxyType` of the devnet. */
export type ProxyType = 'Any' | 'NonTransfer' | 'Voice';

interface ProxyDefinition {
  delegate: string;
  proxyType: ProxyType;
  delay: number;
}

const VOICE_PALLETS = new Set(['Chat', 'Contacts', 'VoiceCall', 'VoiceRoom']);
const BATCH_CALLS = new Set(['batch', 'batch_all', 'force_batch']);

/** The calls a proxy of `type` may dispatch; inner calls of batches are filtered again. */
export function proxyFilter(type: ProxyType): CallFilter {
  switch (type) {
    case 'Any':
      return () => true;
    case 'NonTransfer':
      return (pallet) => pallet !== 'Balances';
    case 'Voice':
      return (pallet, call) =>
        VOICE_PALLETS.has(pallet) ||
        (pallet === 'Proxy' && call === 'remove_proxy') ||
        (pallet === 'Utility' && BATCH_CALLS.has(call));
  }
}

/** Defines the Proxy pallet. */
export function proxyPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const proxyType = t.variant(
    ['stardust_runtime', 'ProxyType'],
    [{ name: 'Any' }, { name: 'NonTransfer' }, { name: 'Voice' }],
  );
  const definition = t.composite(
    ['pallet_proxy', 'ProxyDefinition'],
    [
      { name: 'delegate', type: c.accountId, typeName: 'AccountId' },
      { name: 'proxy_type', type: proxyType, typeName: 'ProxyType' },
      { name: 'delay', type: c.blockNumber, typeName: 'BlockNumber' },
    ],
    {
      params: [
        { name: 'AccountId', type: c.accountId },
        { name: 'ProxyType', type: proxyType },
        { name: 'BlockNumber', type: c.blockNumber },
      ],
    },
  );
  const proxyArgs = [
    { name: 'delegate', type: c.multiAddress, typeName: 'AccountIdLookupOf<T>' },
    { name: 'proxy_type', type: proxyType, typeName: 'T::ProxyType' },
    { name: 'delay', type: c.blockNumber, typeName: 'BlockNumberFor<T>' },
  ];
  const eventFields = [
    { name: 'delegator', type: c.accountId, typeName: 'T::AccountId' },
    { name: 'delegatee', type: c.accountId, typeName: 'T::AccountId' },
    { name: 'proxy_type', type: proxyType, typeName: 'T::ProxyType' },
    { name: 'delay', type: c.blockNumber, typeName: 'BlockNumberFor<T>' },
  ];

  return {
    name: 'Proxy',
    index: 5,
    docs: ['Accounts that dispatch calls on behalf of another account.'],
    storage: [
      {
        name: 'Proxies',
        docs: ['The set of account proxies of a delegator, and the amount reserved for them.'],
        keys: [{ hasher: 'Twox64Concat', type: c.accountId }],
        value: t.tuple([t.boundedVec(definition), c.balance]),
        default: [[], 0n],
      },
    ],
    calls: [
      defineCall<{ real: MultiAddress; force_proxy_type: ProxyType | null; call: string }>({
        name: 'proxy',
        index: 0,
        docs: ['Dispatch `call` on behalf of `real`, which registered the sender as a proxy.'],
        args: [
          { name: 'real', type: c.multiAddress, typeName: 'AccountIdLookupOf<T>' },
          { name: 'force_proxy_type', type: t.option(proxyType), typeName: 'Option<T::ProxyType>' },
          { name: 'call', type: c.runtimeCall, typeName: 'Box<<T as Config>::RuntimeCall>' },
        ],
        weight: 200_000_000n,
        dispatch: (rt, origin, { real, force_proxy_type, call }) => {
          const who = ensureSigned(origin);
          const realId = lookup(real);
          const [proxies] = rt.get<[ProxyDefinition[], bigint]>('Proxy', 'Proxies', [realId])!;
          const found = proxies.find(
            (entry) =>
              entry.delegate === who &&
              (force_proxy_type === null || entry.proxyType === force_proxy_type),
          );

          if (found === undefined) fail('Proxy', 'NotProxy');

          // Announced (delayed) proxies are not supported on the devnet.
          if (found.delay > 0) fail('Proxy', 'Unannounced');

          let result: unknown = { Ok: [] };

          try {
            rt.dispatch(call, { signed: realId, filter: proxyFilter(found.proxyType) });
          } catch (error) {
            if (!(error instanceof DispatchFailure)) throw error;

            result = { Err: rt.dispatchError(error.error) };
          }

          rt.deposit('Proxy', 'ProxyExecuted', { result });
        },
      }),
      defineCall<{ delegate: MultiAddress; proxy_type: ProxyType; delay: number }>({
        name: 'add_proxy',
        index: 1,
        docs: ['Register `delegate` as a proxy of the sender; reserves the proxy deposit.'],
        args: proxyArgs,
        dispatch: (rt, origin, { delegate, proxy_type, delay }) => {
          const who = ensureSigned(origin);
          const delegateId = lookup(delegate);

          if (delegateId === who) fail('Proxy', 'NoSelfProxy');

          const [proxies, deposit] = rt.get<[ProxyDefinition[], bigint]>('Proxy', 'Proxies', [
            who,
          ])!;

          if (
            proxies.some(
              (p) => p.delegate === delegateId && p.proxyType === proxy_type && p.delay === delay,
            )
          ) {
            fail('Proxy', 'Duplicate');
          }

          if (proxies.length >= MAX_PROXIES) fail('Proxy', 'TooMany');

          const next = [...proxies, { delegate: delegateId, proxyType: proxy_type, delay }];
          const nextDeposit = PROXY_DEPOSIT_BASE + PROXY_DEPOSIT_FACTOR * BigInt(next.length);

          reserve(rt, who, nextDeposit - deposit);
          rt.put('Proxy', 'Proxies', [who], [next, nextDeposit]);
          rt.deposit('Proxy', 'ProxyAdded', {
            delegator: who,
            delegatee: delegateId,
            proxy_type,
            delay,
          });
        },
      }),
      defineCall<{ delegate: MultiAddress; proxy_type: ProxyType; delay: number }>({
        name: 'remove_proxy',
        index: 2,
        docs: ['Unregister a proxy of the sender; returns its share of the deposit.'],
        args: proxyArgs,
        dispatch: (rt, origin, { delegate, proxy_type, delay }) => {
          const who = ensureSigned(origin);
          const delegateId = lookup(delegate);
          const [proxies, deposit] = rt.get<[ProxyDefinition[], bigint]>('Proxy', 'Proxies', [
            who,
          ])!;
          const next = proxies.filter(
            (p) => !(p.delegate === delegateId && p.proxyType === proxy_type && p.delay === delay),
          );

          if (next.length === proxies.length) fail('Proxy', 'NotFound');

          const nextDeposit =
            next.length === 0
              ? 0n
              : PROXY_DEPOSIT_BASE + PROXY_DEPOSIT_FACTOR * BigInt(next.length);

          unreserve(rt, who, deposit - nextDeposit);

          if (next.length === 0) rt.remove('Proxy', 'Proxies', [who]);
          else rt.put('Proxy', 'Proxies', [who], [next, nextDeposit]);

          rt.deposit('Proxy', 'ProxyRemoved', {
            delegator: who,
            delegatee: delegateId,
            proxy_type,
            delay,
          });
        },
      }),
      defineCall<Record<string, never>>({
        name: 'remove_proxies',
        index: 3,
        docs: ['Unregister all proxies of the sender and return the whole deposit.'],
        args: [],
        dispatch: (rt, origin) => {
          const who = ensureSigned(origin);
          const [, deposit] = rt.get<[ProxyDefinition[], bigint]>('Proxy', 'Proxies', [who])!;

          unreserve(rt, who, deposit);
          rt.remove('Proxy', 'Proxies', [who]);
        },
      }),
    ],
    events: [
      {
        name: 'ProxyExecuted',
        docs: ['A proxy was executed correctly, with the given result.'],
        fields: [{ name: 'result', type: c.dispatchResult, typeName: 'DispatchResult' }],
      },
      { name: 'ProxyAdded', docs: ['A proxy was added.'], fields: eventFields },
      { name: 'ProxyRemoved', docs: ['A proxy was removed.'], fields: eventFields },
    ],
    errors: [
      {
        name: 'TooMany',
        docs: ['There are too many proxies registered or too many announcements pending.'],
      },
      { name: 'NotFound', docs: ['Proxy registration not found.'] },
      { name: 'NotProxy', docs: ['Sender is not a proxy of the account to be proxied.'] },
      {
        name: 'Unproxyable',
        docs: ["A call which is incompatible with the proxy type's filter was attempted."],
      },
      { name: 'Duplicate', docs: ['Account is already a proxy.'] },
      {
        name: 'NoPermission',
        docs: ['Call may not be made by proxy because it may escalate its privileges.'],
      },
      {
        name: 'Unannounced',
        docs: [
          'Announcement, if made at all, was made too recently; delayed proxies are not supported on the devnet.',
        ],
      },
      { name: 'NoSelfProxy', docs: ['Cannot add self as proxy.'] },
    ],
    constants: [
      {
        name: 'ProxyDepositBase',
        type: c.balance,
        value: PROXY_DEPOSIT_BASE,
        docs: ['The base amount reserved for creating a proxy list: 0.01 DUST.'],
      },
      {
        name: 'ProxyDepositFactor',
        type: c.balance,
        value: PROXY_DEPOSIT_FACTOR,
        docs: ['The amount reserved per proxy: 0.001 DUST.'],
      },
      {
        name: 'MaxProxies',
        type: t.u32,
        value: MAX_PROXIES,
        docs: ['The maximum amount of proxies allowed for a single account.'],
      },
    ],
  };
}
