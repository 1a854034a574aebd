/**
 * VoiceCall (index 8): one-to-one call records. Durations and timeouts use chain time
 * (`Timestamp.Now`, ms); the fee is charged to the caller per started minute and paid to the
 * treasury; every end path records history and pays mining rewards.
 */
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  CALL_FEE_PER_MINUTE,
  CALL_TIMEOUT_MS,
  MAX_CALL_DURATION_MS,
  MAX_HISTORY_DELETE,
  TREASURY_ACCOUNT,
} from '../constants.js';
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
import { reducibleBalance, transfer } from './balances.js';
import { isBlocked } from './contacts-chat.js';
import { rewardCall } from './voice-mining.js';

type RejectReason = 'Busy' | 'Decline' | 'Timeout' | 'Offline';
type CallEndReason =
  'Normal' | { Rejected: RejectReason } | 'NetworkError' | 'Timeout' | 'Settled' | 'MaxDuration';

interface CallQuality {
  avgBitrate: number;
  packetLoss: number;
  jitter: number;
  latency: number;
}

/** `CallRecord` in plain form. */
export interface CallRecord {
  callId: string;
  caller: string;
  callee: string;
  state: 'Ringing' | 'Connecting' | 'Connected' | 'Ended';
  callType: 'Audio' | 'Video';
  startedAt: bigint | null;
  endedAt: bigint | null;
  duration: number;
  quality: CallQuality;
  feePaid: bigint;
  initiatedAt: bigint;
}

/** Fee of a call of `duration` seconds: CallFeePerMinute per started minute. */
export function callFee(duration: number): bigint {
  return CALL_FEE_PER_MINUTE * BigInt(Math.ceil(duration / 60));
}

const MAX_DURATION_SECONDS = Number(MAX_CALL_DURATION_MS / 1000n);

function activeCall(rt: Runtime, callId: string, who: string): CallRecord {
  const record = rt.get<CallRecord>('VoiceCall', 'ActiveCalls', [callId]);

  if (record !== undefined) return record;

  if (rt.has('VoiceCall', 'CallHistory', [who, callId])) fail('VoiceCall', 'CallAlreadyEnded');

  fail('VoiceCall', 'CallNotFound');
}

function ensureParty(record: CallRecord, who: string): void {
  if (record.caller !== who && record.callee !== who) fail('VoiceCall', 'Unauthorized');
}

/**
 * Ends a call: duration from chain time (capped by MaxCallDuration and by `observed` when a
 * settler reports one), fee charged to the caller as far as it can pay, history for both
 * parties, CallEnded, and mining rewards.
 */
export function endCall(
  rt: Runtime,
  record: CallRecord,
  reason: CallEndReason,
  observed?: number,
): void {
  const now = rt.now;
  let duration = 0;

  if (record.startedAt !== null && record.state === 'Connected') {
    const elapsed = Number((now - record.startedAt) / 1000n);

    duration = Math.min(elapsed, MAX_DURATION_SECONDS, observed ?? Number.MAX_SAFE_INTEGER);
  }

  const fee = callFee(duration);
  const affordable = reducibleBalance(rt, record.caller, true);
  const feePaid = fee < affordable ? fee : affordable;

  transfer(rt, record.caller, TREASURY_ACCOUNT, feePaid, true);

  const ended: CallRecord = { ...record, state: 'Ended', endedAt: now, duration, feePaid };

  rt.remove('VoiceCall', 'ActiveCalls', [record.callId]);
  rt.remove('VoiceCall', 'UserCurrentCall', [record.caller]);
  rt.remove('VoiceCall', 'UserCurrentCall', [record.callee]);
  rt.put('VoiceCall', 'CallHistory', [record.caller, record.callId], ended);
  rt.put('VoiceCall', 'CallHistory', [record.callee, record.callId], ended);
  rt.deposit('VoiceCall', 'CallEnded', { call_id: record.callId, duration, fee: feePaid, reason });
  rewardCall(rt, record.callId, record.caller, record.callee, duration);
}

/** Ends Ringing calls older than CallTimeout and Connected calls longer than MaxCallDuration. */
function expireCalls(rt: Runtime): void {
  const now = rt.now;

  for (const { value: record } of rt.entries<CallRecord>('VoiceCall', 'ActiveCalls')) {
    const timedOut = record.state === 'Ringing' && now - record.initiatedAt >= CALL_TIMEOUT_MS;
    const tooLong =
      record.state === 'Connected' &&
      record.startedAt !== null &&
      now - record.startedAt >= MAX_CALL_DURATION_MS;

    if (!timedOut && !tooLong) continue;

    // A hook must not fail the block: a call that cannot end now is tried again next block.
    try {
      rt.transactional(() => {
        if (timedOut) rt.deposit('VoiceCall', 'CallTimeout', { call_id: record.callId });

        endCall(rt, record, timedOut ? 'Timeout' : 'MaxDuration');
      });
    } catch (error) {
      if (!(error instanceof DispatchFailure)) throw error;
    }
  }
}

/** Defines the VoiceCall pallet. */
export function voiceCallPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const callId = { name: 'call_id', type: c.id16, typeName: 'CallId' };
  const callType = t.variant(
    ['pallet_voice_call', 'CallType'],
    [{ name: 'Audio' }, { name: 'Video' }],
  );
  const callState = t.variant(
    ['pallet_voice_call', 'CallState'],
    ['Ringing', 'Connecting', 'Connected', 'Ended'].map((name) => ({ name })),
  );
  const quality = t.composite(
    ['pallet_voice_call', 'CallQuality'],
    [
      { name: 'avg_bitrate', type: t.u32, typeName: 'u32' },
      { name: 'packet_loss', type: t.u8, typeName: 'u8' },
      { name: 'jitter', type: t.u16, typeName: 'u16' },
      { name: 'latency', type: t.u16, typeName: 'u16' },
    ],
  );
  const rejectReason = t.variant(
    ['pallet_voice_call', 'RejectReason'],
    ['Busy', 'Decline', 'Timeout', 'Offline'].map((name) => ({ name })),
  );
  const endReason = t.variant(
    ['pallet_voice_call', 'CallEndReason'],
    [
      { name: 'Normal' },
      { name: 'Rejected', fields: [{ type: rejectReason, typeName: 'RejectReason' }] },
      { name: 'NetworkError' },
      { name: 'Timeout' },
      { name: 'Settled' },
      { name: 'MaxDuration' },
    ],
  );
  const optionMoment = t.option(c.moment);
  const record = t.composite(
    ['pallet_voice_call', 'CallRecord'],
    [
      { name: 'call_id', type: c.id16, typeName: 'CallId' },
      { name: 'caller', type: c.accountId, typeName: 'AccountId' },
      { name: 'callee', type: c.accountId, typeName: 'AccountId' },
      { name: 'state', type: callState, typeName: 'CallState' },
      { name: 'call_type', type: callType, typeName: 'CallType' },
      { name: 'started_at', type: optionMoment, typeName: 'Option<Moment>' },
      { name: 'ended_at', type: optionMoment, typeName: 'Option<Moment>' },
      { name: 'duration', type: t.u32, typeName: 'u32' },
      { name: 'quality', type: quality, typeName: 'CallQuality' },
      { name: 'fee_paid', type: c.balance, typeName: 'Balance' },
      { name: 'initiated_at', type: c.moment, typeName: 'Moment' },
    ],
  );
  const accountKey = { hasher: 'Blake2_128Concat' as const, type: c.accountId };
  const callKey = { hasher: 'Blake2_128Concat' as const, type: c.id16 };

  return {
    name: 'VoiceCall',
    index: 8,
    docs: ['One-to-one call records, fees and timeouts.'],
    storage: [
      {
        name: 'ActiveCalls',
        docs: ['Calls that have not ended, by call id.'],
        keys: [callKey],
        value: record,
      },
      {
        name: 'UserCurrentCall',
        docs: ['The active call of an account.'],
        keys: [accountKey],
        value: c.id16,
      },
      {
        name: 'CallHistory',
        docs: ['Ended calls of an account, until it deletes them.'],
        keys: [accountKey, callKey],
        value: record,
      },
      {
        name: 'CallNonce',
        docs: ['Counter mixed into call ids so they never repeat.'],
        value: t.u64,
        default: 0n,
      },
      {
        name: 'CallSettler',
        docs: ['The signaling operator account that may settle calls (set in genesis).'],
        value: c.accountId,
      },
    ],
    calls: [
      defineCall<{ callee: string; call_type: 'Audio' | 'Video' }>({
        name: 'initiate_call',
        index: 0,
        docs: [
          'Ring `callee`. The caller must afford one minute of call fee above the existential deposit.',
        ],
        args: [
          { name: 'callee', type: c.accountId, typeName: 'T::AccountId' },
          { name: 'call_type', type: callType, typeName: 'CallType' },
        ],
        dispatch: (rt, origin, { callee, call_type }) => {
          const caller = ensureSigned(origin);

          if (caller === callee) fail('VoiceCall', 'CannotCallSelf');

          if (
            rt.has('VoiceCall', 'UserCurrentCall', [caller]) ||
            rt.has('VoiceCall', 'UserCurrentCall', [callee])
          ) {
            fail('VoiceCall', 'UserBusy');
          }

          if (isBlocked(rt, callee, caller)) fail('VoiceCall', 'UserBlocked');

          if (reducibleBalance(rt, caller, true) < CALL_FEE_PER_MINUTE)
            fail('VoiceCall', 'InsufficientBalance');

          const nonce = rt.get<bigint>('VoiceCall', 'CallNonce')!;
          const id = callIdFor(rt, caller, callee, nonce);

          rt.put('VoiceCall', 'CallNonce', [], nonce + 1n);
          rt.put('VoiceCall', 'ActiveCalls', [id], {
            callId: id,
            caller,
            callee,
            state: 'Ringing',
            callType: call_type,
            startedAt: null,
            endedAt: null,
            duration: 0,
            quality: { avgBitrate: 0, packetLoss: 0, jitter: 0, latency: 0 },
            feePaid: 0n,
            initiatedAt: rt.now,
          } satisfies CallRecord);
          rt.put('VoiceCall', 'UserCurrentCall', [caller], id);
          rt.put('VoiceCall', 'UserCurrentCall', [callee], id);
          rt.deposit('VoiceCall', 'CallInitiated', { call_id: id, caller, callee, call_type });
        },
      }),
      defineCall<{ call_id: string }>({
        name: 'accept_call',
        index: 1,
        docs: [
          'Accept a ringing call (callee only); the call is Connected and its time starts now.',
        ],
        args: [callId],
        dispatch: (rt, origin, { call_id }) => {
          const who = ensureSigned(origin);
          const record = activeCall(rt, call_id, who);

          if (record.callee !== who) fail('VoiceCall', 'Unauthorized');

          if (record.state !== 'Ringing') fail('VoiceCall', 'InvalidCallState');

          rt.put('VoiceCall', 'ActiveCalls', [call_id], {
            ...record,
            state: 'Connected',
            startedAt: rt.now,
          });
          rt.deposit('VoiceCall', 'CallAccepted', { call_id });
          rt.deposit('VoiceCall', 'CallConnected', { call_id });
        },
      }),
      defineCall<{ call_id: string; reason: RejectReason }>({
        name: 'reject_call',
        index: 2,
        docs: ['Reject a ringing call (callee only).'],
        args: [callId, { name: 'reason', type: rejectReason, typeName: 'RejectReason' }],
        dispatch: (rt, origin, { call_id, reason }) => {
          const who = ensureSigned(origin);
          const record = activeCall(rt, call_id, who);

          if (record.callee !== who) fail('VoiceCall', 'Unauthorized');

          if (record.state !== 'Ringing') fail('VoiceCall', 'InvalidCallState');

          rt.deposit('VoiceCall', 'CallRejected', { call_id, reason });
          endCall(rt, record, { Rejected: reason });
        },
      }),
      defineCall<{ call_id: string }>({
        name: 'end_call',
        index: 3,
        docs: ['End a call (either party). Ending a ringing call cancels it without a fee.'],
        args: [callId],
        dispatch: (rt, origin, { call_id }) => {
          const who = ensureSigned(origin);
          const record = activeCall(rt, call_id, who);

          ensureParty(record, who);
          endCall(rt, record, 'Normal');
        },
      }),
      defineCall<{ call_id: string; quality: CallQuality }>({
        name: 'update_call_quality',
        index: 4,
        docs: ['Record the quality of a connected call (either party).'],
        args: [callId, { name: 'quality', type: quality, typeName: 'CallQuality' }],
        dispatch: (rt, origin, args) => {
          const who = ensureSigned(origin);
          const record = activeCall(rt, args.call_id, who);

          ensureParty(record, who);

          if (record.state !== 'Connected') fail('VoiceCall', 'InvalidCallState');

          rt.put('VoiceCall', 'ActiveCalls', [args.call_id], { ...record, quality: args.quality });
          rt.deposit('VoiceCall', 'CallQualityUpdated', {
            call_id: args.call_id,
            quality: args.quality,
          });
        },
      }),
      defineCall<{ call_id: string; observed_duration: number }>({
        name: 'settle_call',
        index: 5,
        docs: [
          'End a call the signaling operator saw hang up (CallSettler only). The duration is the',
          'observed one, capped by chain time since the call started and by MaxCallDuration.',
        ],
        args: [callId, { name: 'observed_duration', type: t.u32, typeName: 'u32' }],
        dispatch: (rt, origin, { call_id, observed_duration }) => {
          const who = ensureSigned(origin);

          if (rt.get<string>('VoiceCall', 'CallSettler') !== who) fail('VoiceCall', 'NotSettler');

          const record = rt.get<CallRecord>('VoiceCall', 'ActiveCalls', [call_id]);

          if (record === undefined) fail('VoiceCall', 'CallNotFound');

          endCall(rt, record, 'Settled', observed_duration);
        },
      }),
      defineCall<{ call_ids: string[] }>({
        name: 'delete_call_history',
        index: 6,
        docs: [
          `Delete up to ${MAX_HISTORY_DELETE} of the sender's own call records; the other party keeps its copy.`,
        ],
        args: [
          {
            name: 'call_ids',
            type: t.boundedVec(c.id16),
            typeName: 'BoundedVec<CallId, ConstU32<100>>',
          },
        ],
        dispatch: (rt, origin, { call_ids }) => {
          const who = ensureSigned(origin);

          if (call_ids.length > MAX_HISTORY_DELETE) fail('VoiceCall', 'TooManyCallIds');

          let count = 0;

          for (const id of call_ids) {
            if (!rt.has('VoiceCall', 'CallHistory', [who, id])) continue;

            rt.remove('VoiceCall', 'CallHistory', [who, id]);
            count += 1;
          }

          rt.deposit('VoiceCall', 'CallHistoryDeleted', { who, count });
        },
      }),
    ],
    events: [
      {
        name: 'CallInitiated',
        docs: ['A call started ringing.'],
        fields: [
          { name: 'call_id', type: c.id16 },
          { name: 'caller', type: c.accountId },
          { name: 'callee', type: c.accountId },
          { name: 'call_type', type: callType },
        ],
      },
      {
        name: 'CallAccepted',
        docs: ['The callee accepted.'],
        fields: [{ name: 'call_id', type: c.id16 }],
      },
      {
        name: 'CallConnected',
        docs: ['The call is connected; its time runs from this block.'],
        fields: [{ name: 'call_id', type: c.id16 }],
      },
      {
        name: 'CallRejected',
        docs: ['The callee rejected.'],
        fields: [
          { name: 'call_id', type: c.id16 },
          { name: 'reason', type: rejectReason },
        ],
      },
      {
        name: 'CallEnded',
        docs: ['The call ended; `fee` is what the caller paid, `duration` in seconds.'],
        fields: [
          { name: 'call_id', type: c.id16 },
          { name: 'duration', type: t.u32 },
          { name: 'fee', type: c.balance },
          { name: 'reason', type: endReason },
        ],
      },
      {
        name: 'CallTimeout',
        docs: ['Nobody answered within CallTimeout.'],
        fields: [{ name: 'call_id', type: c.id16 }],
      },
      {
        name: 'CallQualityUpdated',
        docs: ['A party recorded the call quality.'],
        fields: [
          { name: 'call_id', type: c.id16 },
          { name: 'quality', type: quality },
        ],
      },
      {
        name: 'CallHistoryDeleted',
        docs: ['`who` deleted `count` of its call records.'],
        fields: [
          { name: 'who', type: c.accountId },
          { name: 'count', type: t.u32 },
        ],
      },
    ],
    errors: [
      { name: 'UserBusy', docs: ['The caller or the callee is already in a call.'] },
      { name: 'CallNotFound', docs: ['No active call has this id.'] },
      { name: 'Unauthorized', docs: ['The sender is not the party this action needs.'] },
      { name: 'CallAlreadyEnded', docs: ['The call has ended; it is only in the call history.'] },
      { name: 'UserBlocked', docs: ['The callee blocked the caller.'] },
      {
        name: 'InsufficientBalance',
        docs: ['The caller cannot pay one minute of call fee above the existential deposit.'],
      },
      { name: 'CannotCallSelf', docs: ['An account cannot call itself.'] },
      {
        name: 'InvalidCallState',
        docs: [
          'The call is not in the state this action needs (for example rejecting after accept).',
        ],
      },
      { name: 'NotSettler', docs: ['Only the CallSettler account may settle calls.'] },
      {
        name: 'TooManyCallIds',
        docs: [`At most ${MAX_HISTORY_DELETE} call ids per delete_call_history.`],
      },
    ],
    constants: [
      {
        name: 'MaxCallDuration',
        type: c.moment,
        value: MAX_CALL_DURATION_MS,
        docs: ['Longest call in ms (4 h); longer calls end with MaxDuration.'],
      },
      {
        name: 'CallTimeout',
        type: c.moment,
        value: CALL_TIMEOUT_MS,
        docs: ['Ring timeout in ms (60 s); unanswered calls end with Timeout.'],
      },
      {
        name: 'CallFeePerMinute',
        type: c.balance,
        value: CALL_FEE_PER_MINUTE,
        docs: ['Fee per started minute, charged to the caller: 0.01 DUST.'],
      },
    ],
    onInitialize: expireCalls,
  };
}

/** blake2_128(caller ++ callee ++ CallNonce as u64 little-endian). */
function callIdFor(rt: Runtime, caller: string, callee: string, nonce: bigint): string {
  const nonceBytes = new Uint8Array(8);

  new DataView(nonceBytes.buffer).setBigUint64(0, nonce, true);

  return blake2AsHex(
    Buffer.concat([
      Buffer.from(caller.slice(2), 'hex'),
      Buffer.from(callee.slice(2), 'hex'),
      nonceBytes,
    ]),
    128,
  );
}
