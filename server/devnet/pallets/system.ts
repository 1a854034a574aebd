/**
 * System (index 0) and Timestamp (index 1): accounts and nonces, block hashes, events, and
 * chain time set by the timestamp inherent at index 0 of every block.
 */
import { blake2AsHex } from '@polkadot/util-crypto';

import { BLOCK_HASH_COUNT, MINIMUM_PERIOD_MS, SS58_PREFIX } from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import { defineCall, ensureSigned, type PalletDefinition } from '../runtime/pallet.js';
import type { Runtime } from '../runtime/runtime.js';

/** `frame_system::AccountInfo` in plain form. */
export interface AccountInfo {
  nonce: number;
  consumers: number;
  providers: number;
  sufficients: number;
  data: { free: bigint; reserved: bigint; frozen: bigint; flags: bigint };
}

/** A fresh account's info; the flags mark the new (post-2023) balances logic. */
export function emptyAccount(): AccountInfo {
  return {
    nonce: 0,
    consumers: 0,
    providers: 0,
    sufficients: 0,
    data: { free: 0n, reserved: 0n, frozen: 0n, flags: 1n << 127n },
  };
}

/** Reads `System.Account` for `who`. */
export function account(rt: Runtime, who: string): AccountInfo {
  return rt.get<AccountInfo>('System', 'Account', [who])!;
}

/** Writes `System.Account`, creating or reaping the entry as providers demand. */
export function setAccount(rt: Runtime, who: string, info: AccountInfo): void {
  const existed = rt.has('System', 'Account', [who]);

  if (info.providers === 0 && info.sufficients === 0) {
    if (existed) {
      rt.remove('System', 'Account', [who]);
      rt.deposit('System', 'KilledAccount', { account: who });
    }

    return;
  }

  rt.put('System', 'Account', [who], info);

  if (!existed) rt.deposit('System', 'NewAccount', { account: who });
}

/** Defines the System pallet. */
export function systemPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const phase = t.variant(
    ['frame_system', 'Phase'],
    [
      { name: 'ApplyExtrinsic', fields: [{ type: t.u32, typeName: 'u32' }] },
      { name: 'Finalization' },
      { name: 'Initialization' },
    ],
  );
  const eventRecord = t.composite(
    ['frame_system', 'EventRecord'],
    [
      { name: 'phase', type: phase, typeName: 'Phase' },
      { name: 'event', type: c.runtimeEvent, typeName: 'E' },
      { name: 'topics', type: t.sequence(c.hash), typeName: 'Vec<T>' },
    ],
    {
      params: [
        { name: 'E', type: c.runtimeEvent },
        { name: 'T', type: c.hash },
      ],
    },
  );
  const zeroHash = `0x${'00'.repeat(32)}`;

  return {
    name: 'System',
    index: 0,
    docs: ['Accounts, nonces, block hashes and the event log.'],
    storage: [
      {
        name: 'Account',
        docs: ['The full account information for a particular account ID.'],
        keys: [{ hasher: 'Blake2_128Concat', type: c.accountId }],
        value: c.accountInfo,
        default: emptyAccount(),
      },
      {
        name: 'BlockHash',
        docs: [
          `Map of block numbers to block hashes, kept for the last ${BLOCK_HASH_COUNT} blocks.`,
        ],
        keys: [{ hasher: 'Twox64Concat', type: c.blockNumber }],
        value: c.hash,
        default: zeroHash,
      },
      {
        name: 'Number',
        docs: ['The current block number being processed.'],
        value: c.blockNumber,
        default: 0,
      },
      {
        name: 'ParentHash',
        docs: ['Hash of the previous block.'],
        value: c.hash,
        default: zeroHash,
      },
      {
        name: 'Events',
        docs: ['Events deposited for the current block.'],
        value: t.sequence(eventRecord),
        default: [],
      },
      {
        name: 'EventCount',
        docs: ['The number of events in the `Events<T>` list.'],
        value: t.u32,
        default: 0,
      },
    ],
    calls: [
      defineCall<{ remark: string }>({
        name: 'remark',
        index: 0,
        docs: ['Make some on-chain remark.'],
        args: [{ name: 'remark', type: t.bytes, typeName: 'Vec<u8>' }],
        dispatch: (_rt, origin) => {
          ensureSigned(origin);
        },
      }),
      defineCall<{ remark: string }>({
        name: 'remark_with_event',
        index: 7,
        docs: ['Make some on-chain remark and emit an event.'],
        args: [{ name: 'remark', type: t.bytes, typeName: 'Vec<u8>' }],
        dispatch: (rt, origin, { remark }) => {
          const sender = ensureSigned(origin);

          rt.deposit('System', 'Remarked', { sender, hash: blake2AsHex(remark, 256) });
        },
      }),
    ],
    events: [
      {
        name: 'ExtrinsicSuccess',
        docs: ['An extrinsic completed successfully.'],
        fields: [{ name: 'dispatch_info', type: c.dispatchInfo, typeName: 'DispatchInfo' }],
      },
      {
        name: 'ExtrinsicFailed',
        docs: ['An extrinsic failed.'],
        fields: [
          { name: 'dispatch_error', type: c.dispatchError, typeName: 'DispatchError' },
          { name: 'dispatch_info', type: c.dispatchInfo, typeName: 'DispatchInfo' },
        ],
      },
      { name: 'CodeUpdated', docs: ['`:code` was updated.'], fields: [] },
      {
        name: 'NewAccount',
        docs: ['A new account was created.'],
        fields: [{ name: 'account', type: c.accountId, typeName: 'T::AccountId' }],
      },
      {
        name: 'KilledAccount',
        docs: ['An account was reaped.'],
        fields: [{ name: 'account', type: c.accountId, typeName: 'T::AccountId' }],
      },
      {
        name: 'Remarked',
        docs: ['On on-chain remark happened.'],
        fields: [
          { name: 'sender', type: c.accountId, typeName: 'T::AccountId' },
          { name: 'hash', type: c.hash, typeName: 'T::Hash' },
        ],
      },
    ],
    errors: [
      {
        name: 'InvalidSpecName',
        docs: [
          'The name of specification does not match between the current runtime and the new runtime.',
        ],
      },
      {
        name: 'SpecVersionNeedsToIncrease',
        docs: ['The specification version is not allowed to decrease.'],
      },
      {
        name: 'FailedToExtractRuntimeVersion',
        docs: ['Failed to extract the runtime version from the new runtime.'],
      },
      {
        name: 'NonDefaultComposite',
        docs: ['Suicide called when the account has non-default composite data.'],
      },
      {
        name: 'NonZeroRefCount',
        docs: ['There is a non-zero reference count preventing the account from being purged.'],
      },
      {
        name: 'CallFiltered',
        docs: ['The origin filter prevents the call from being dispatched.'],
      },
    ],
    constants: [
      {
        name: 'BlockHashCount',
        type: c.blockNumber,
        value: BLOCK_HASH_COUNT,
        docs: ['Maximum number of block number to block hash mappings to keep.'],
      },
      {
        name: 'SS58Prefix',
        type: t.u16,
        value: SS58_PREFIX,
        docs: ['The designated SS58 prefix of this chain.'],
      },
    ],
  };
}

/** Defines the Timestamp pallet. */
export function timestampPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  return {
    name: 'Timestamp',
    index: 1,
    docs: ['Chain time in milliseconds, set once per block by the block author.'],
    storage: [
      {
        name: 'Now',
        docs: ['The current time for the current block, in ms.'],
        value: c.moment,
        default: 0n,
      },
      {
        name: 'DidUpdate',
        docs: ['Whether the timestamp has been updated in this block.'],
        value: t.bool,
        default: false,
      },
    ],
    calls: [
      defineCall<{ now: bigint }>({
        name: 'set',
        docs: ['Set the current time. An inherent: unsigned, at index 0 of every block.'],
        args: [{ name: 'now', type: t.compact(c.moment), typeName: 'T::Moment' }],
        dispatch: (rt, origin, { now }) => {
          if (origin !== 'none') throw new Error('Timestamp.set is an inherent');

          rt.put('Timestamp', 'Now', [], now);
          rt.put('Timestamp', 'DidUpdate', [], true);
        },
      }),
    ],
    events: [],
    errors: [],
    constants: [
      {
        name: 'MinimumPeriod',
        type: c.moment,
        value: MINIMUM_PERIOD_MS,
        docs: ['The minimum period between blocks; the block time is twice this, 6 s.'],
      },
    ],
    onFinalize: (rt) => rt.remove('Timestamp', 'DidUpdate'),
  };
}
