import { StardustError } from '../../shared/errors.js';
import { accountArg, enumArg, idArg, uintArg } from '../args.js';
import type { ChainCall, ChainEvent, Hex, PlainValue } from '../types.js';
import { asAddress, asBigInt, asHex, asNumber, asRecord, asVariant, optional } from './convert.js';
import { findEvent, Pallet } from './pallet.js';

/** Kind of media of a call. */
export type CallType = 'Audio' | 'Video';
/** State of a call record on chain. */
export type CallState = 'Ringing' | 'Connecting' | 'Connected' | 'Ended';
/** The reason the callee rejected a call. */
export type RejectReason = 'Busy' | 'Decline' | 'Timeout' | 'Offline';
/** The reason a call ended, as recorded on chain. */
export type CallEndReason =
  | { type: 'Normal' | 'NetworkError' | 'Timeout' | 'Settled' | 'MaxDuration' }
  | { type: 'Rejected'; reason: RejectReason };

/** Quality figures a party reports for a call. */
export interface CallQuality {
  /** Average bitrate in bit/s. */
  avgBitrate: number;
  /** Packet loss in percent, 0–100. */
  packetLoss: number;
  /** Jitter in ms. */
  jitter: number;
  /** Round-trip latency in ms. */
  latency: number;
}

/** A call record from `ActiveCalls` or `CallHistory`. */
export interface CallRecord {
  callId: Hex;
  caller: string;
  callee: string;
  state: CallState;
  callType: CallType;
  /** Chain time (ms since the epoch) of accept, or null while ringing. */
  startedAt: number | null;
  endedAt: number | null;
  /** Duration in seconds. */
  duration: number;
  quality: CallQuality;
  /** Fee charged to the caller, in planck. */
  feePaid: bigint;
  initiatedAt: number;
}

/** The outcome of a call that ended in the transaction. */
export interface CallEnded {
  callId: Hex;
  /** Seconds. */
  duration: number;
  /** Planck charged to the caller. */
  fee: bigint;
  reason: CallEndReason;
}

/** The runtime constants of VoiceCall. */
export interface VoiceCallConstants {
  /** ms. */
  maxCallDuration: number;
  /** Ring timeout in ms. */
  callTimeout: number;
  /** Planck per started minute. */
  callFeePerMinute: bigint;
}

const CALL_TYPES: readonly CallType[] = ['Audio', 'Video'];
const REJECT_REASONS: readonly RejectReason[] = ['Busy', 'Decline', 'Timeout', 'Offline'];
const MAX_HISTORY_DELETE = 100;

/** Typed wrapper of the VoiceCall pallet. */
export class VoiceCallPallet extends Pallet {
  readonly name = 'voiceCall';

  /** `initiate_call(callee, call_type)`; the outcome is the chain call id. */
  async initiateCall(
    callee: string,
    callType: CallType = 'Audio',
  ): Promise<ChainCall<{ callId: Hex }>> {
    return this.build(
      'initiateCall',
      [accountArg(callee), enumArg(callType, CALL_TYPES, 'callType')],
      (events) => {
        const fields = findEvent(events, this.name, 'CallInitiated');

        if (fields === undefined) throw missingEvent('CallInitiated');

        return { callId: asHex(fields['callId']!, 'CallInitiated.callId') };
      },
    );
  }

  /** `accept_call(call_id)`, by the callee while the call rings. */
  async acceptCall(callId: string): Promise<ChainCall> {
    return this.build('acceptCall', [idArg(callId, 'callId')]);
  }

  /**
   * `reject_call(call_id, reason)`, by the callee while the call rings; the outcome is the
   * end record, or null.
   */
  async rejectCall(callId: string, reason: RejectReason): Promise<ChainCall<CallEnded | null>> {
    return this.build(
      'rejectCall',
      [idArg(callId, 'callId'), enumArg(reason, REJECT_REASONS, 'reason')],
      (events) => readCallEnded(events),
    );
  }

  /** `end_call(call_id)`, by either party; the outcome is the end record, or null. */
  async endCall(callId: string): Promise<ChainCall<CallEnded | null>> {
    return this.build('endCall', [idArg(callId, 'callId')], (events) => readCallEnded(events));
  }

  /** `update_call_quality(call_id, quality)`, by either party while the call is active. */
  async updateCallQuality(callId: string, quality: CallQuality): Promise<ChainCall> {
    return this.build('updateCallQuality', [
      idArg(callId, 'callId'),
      {
        avgBitrate: uintArg(quality.avgBitrate, 32, 'quality.avgBitrate'),
        packetLoss: uintArg(quality.packetLoss, 8, 'quality.packetLoss'),
        jitter: uintArg(quality.jitter, 16, 'quality.jitter'),
        latency: uintArg(quality.latency, 16, 'quality.latency'),
      },
    ]);
  }

  /** `settle_call(call_id, observed_duration)`, by the CallSettler account only. */
  async settleCall(
    callId: string,
    observedDurationSeconds: number,
  ): Promise<ChainCall<CallEnded | null>> {
    return this.build(
      'settleCall',
      [idArg(callId, 'callId'), uintArg(observedDurationSeconds, 32, 'observedDuration')],
      (events) => readCallEnded(events),
    );
  }

  /** `delete_call_history(call_ids)`: removes the signer's own records (at most 100). */
  async deleteCallHistory(callIds: readonly string[]): Promise<ChainCall<{ count: number }>> {
    if (!Array.isArray(callIds) || callIds.length === 0 || callIds.length > MAX_HISTORY_DELETE) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Invalid callIds: expected 1 to ${MAX_HISTORY_DELETE} call ids, got ${Array.isArray(callIds) ? callIds.length : typeof callIds}.`,
      );
    }

    return this.build(
      'deleteCallHistory',
      [callIds.map((id, index) => idArg(id, `callIds[${index}]`))],
      (events) => ({
        count: asNumber(
          findEvent(events, this.name, 'CallHistoryDeleted')?.['count'] ?? 0,
          'count',
        ),
      }),
    );
  }

  /** Reads `ActiveCalls(call_id)`; null when no such active call. */
  async activeCall(callId: string): Promise<CallRecord | null> {
    const entry = await this.storage('activeCalls');

    return optional(this.plain(await entry(idArg(callId, 'callId'))), toCallRecord);
  }

  /** Reads `UserCurrentCall(account)`: the call id the account is in, or null. */
  async currentCall(account: string): Promise<Hex | null> {
    const entry = await this.storage('userCurrentCall');

    return optional(this.plain(await entry(accountArg(account))), (v) => asHex(v, 'callId'));
  }

  /** Reads every `CallHistory(account, *)` record, oldest first by initiation time. */
  async callHistory(account: string): Promise<CallRecord[]> {
    const entry = await this.storage('callHistory');
    const entries = await entry.entries(accountArg(account));

    return entries
      .map(([, value]) => optional(this.plain(value), toCallRecord))
      .filter((record): record is CallRecord => record !== null)
      .sort((a, b) => a.initiatedAt - b.initiatedAt);
  }

  /** Reads `CallSettler`: the account allowed to settle calls, or null. */
  async callSettler(): Promise<string | null> {
    const entry = await this.storage('callSettler');

    return optional(this.plain(await entry()), (v) => asAddress(v, 'callSettler'));
  }

  /** Reads the runtime constants. */
  async constants(): Promise<VoiceCallConstants> {
    return {
      maxCallDuration: asNumber(await this.constant('maxCallDuration'), 'maxCallDuration'),
      callTimeout: asNumber(await this.constant('callTimeout'), 'callTimeout'),
      callFeePerMinute: asBigInt(await this.constant('callFeePerMinute'), 'callFeePerMinute'),
    };
  }
}

/** Converts a plain `CallRecord` struct. */
export function toCallRecord(value: PlainValue): CallRecord {
  const record = asRecord(value, 'CallRecord');
  const quality = asRecord(record['quality']!, 'CallRecord.quality');

  return {
    callId: asHex(record['callId']!, 'callId'),
    caller: asAddress(record['caller']!, 'caller'),
    callee: asAddress(record['callee']!, 'callee'),
    state: asVariant<CallState>(record['state']!, 'state'),
    callType: asVariant<CallType>(record['callType']!, 'callType'),
    startedAt: optional(record['startedAt']!, (v) => asNumber(v, 'startedAt')),
    endedAt: optional(record['endedAt']!, (v) => asNumber(v, 'endedAt')),
    duration: asNumber(record['duration']!, 'duration'),
    quality: {
      avgBitrate: asNumber(quality['avgBitrate']!, 'avgBitrate'),
      packetLoss: asNumber(quality['packetLoss']!, 'packetLoss'),
      jitter: asNumber(quality['jitter']!, 'jitter'),
      latency: asNumber(quality['latency']!, 'latency'),
    },
    feePaid: asBigInt(record['feePaid']!, 'feePaid'),
    initiatedAt: asNumber(record['initiatedAt']!, 'initiatedAt'),
  };
}

/** Converts a plain `CallEndReason`. */
export function toCallEndReason(value: PlainValue): CallEndReason {
  const type = asVariant<CallEndReason['type']>(value, 'CallEndReason');

  if (type === 'Rejected') {
    const inner = asRecord(value, 'CallEndReason')['value']!;

    return { type, reason: asVariant<RejectReason>(inner, 'RejectReason') };
  }

  return { type } as CallEndReason;
}

function readCallEnded(events: readonly ChainEvent[]): CallEnded | null {
  const fields = findEvent(events, 'voiceCall', 'CallEnded');

  if (fields === undefined) return null;

  return {
    callId: asHex(fields['callId']!, 'callId'),
    duration: asNumber(fields['duration']!, 'duration'),
    fee: asBigInt(fields['fee']!, 'fee'),
    reason: toCallEndReason(fields['reason']!),
  };
}

function missingEvent(name: string): StardustError {
  return new StardustError(
    'CHAIN_PALLET_MISSING',
    `The block has no voiceCall.${name} event for the call; the runtime differs from the Stardust interface.`,
  );
}
