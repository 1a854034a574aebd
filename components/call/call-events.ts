/**
 * The events of `<stardust-call>`. Each bubbles and is composed, so a listener on the
 * document hears elements inside other shadow roots.
 */
import type {
  CallEndReason as CallSessionEndReason,
  CallSessionState,
  CallStateContext,
} from '../../src/call/call-session.js';
import type { CallQualitySample } from '../../src/call/quality.js';
import type { RejectReason as CallRejectReason } from '../../src/call/signals.js';

/** Detail of {@link StardustCallStateEvent}. */
export interface StardustCallStateDetail {
  state: CallSessionState;
  previous: CallSessionState;
  /** Set when `state` is `ended`. */
  reason: CallSessionEndReason | null;
  callId: string;
  /** The chain call id, once known. */
  chainCallId: string | null;
  direction: 'outgoing' | 'incoming';
  /** The other party (SS58). */
  peer: string;
}

/** Dispatched on every transition of the element's call. */
export class StardustCallStateEvent extends Event {
  static readonly type = 'stardust-call-state';

  readonly detail: StardustCallStateDetail;

  constructor(context: CallStateContext) {
    super(StardustCallStateEvent.type, { bubbles: true, composed: true });
    this.detail = {
      state: context.state,
      previous: context.previous,
      reason: context.reason,
      callId: context.callId,
      chainCallId: context.chainCallId,
      direction: context.direction,
      peer: context.peer,
    };
  }
}

/** Detail of {@link StardustCallEndedEvent}. */
export interface StardustCallEndedDetail {
  callId: string;
  chainCallId: string | null;
  reason: CallSessionEndReason;
  /** Set when `reason` is `rejected`: busy, decline, timeout or offline. */
  rejectReason: CallRejectReason | null;
  /** Connected time by the local clock, in ms. */
  durationMs: number;
  /**
   * The settled duration in seconds by the chain's clock, from `CallEnded`; null until the
   * chain settled the call (then `stardust-call-settled` follows with it).
   */
  duration: number | null;
  /** The fee charged to the caller in planck, from `CallEnded`; null until settled. */
  fee: bigint | null;
  /**
   * The last quality reading of the call, with its 0–5 `level`, or null when the media
   * never connected long enough for a reading (about 4 s).
   */
  quality: CallQualitySample | null;
  /** Mean of the 0–5 levels of all readings, to one decimal, or null when none was taken. */
  averageQualityLevel: number | null;
}

/**
 * Dispatched once when the element's call ends, at once and before the chain settled it.
 * `duration` and `fee` are null then, because `end_call` lands in a later block. The
 * `stardust-call-settled` event follows with them once the chain emits `CallEnded`.
 */
export class StardustCallEndedEvent extends Event {
  static readonly type = 'stardust-call-ended';

  readonly detail: StardustCallEndedDetail;

  constructor(detail: StardustCallEndedDetail) {
    super(StardustCallEndedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of {@link StardustCallSettledEvent}. */
export interface StardustCallSettledDetail {
  callId: string;
  chainCallId: string;
  /** Seconds by the chain's clock from `accept_call` to the end. */
  duration: number;
  /** Planck charged to the caller. */
  fee: bigint;
  /** Mining reward paid to this account in planck (0 when none). */
  reward: bigint;
}

/**
 * Dispatched once for each call the element showed, when the chain settled it (its
 * `CallEnded` event is in a block), after `stardust-call-ended`. It comes even when the
 * summary was closed or the element shows another call by then: `callId` names the call.
 * A call that never reached the chain gets none, and a refused settlement transaction
 * gets `stardust-error` with its code instead. While the chain is unreachable it waits
 * for the retried `end_call`.
 */
export class StardustCallSettledEvent extends Event {
  static readonly type = 'stardust-call-settled';

  readonly detail: StardustCallSettledDetail;

  constructor(detail: StardustCallSettledDetail) {
    super(StardustCallSettledEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Detail of {@link StardustCallQualityEvent}: a quality reading of the element's call. */
export interface StardustCallQualityDetail extends CallQualitySample {
  /** The signaling call id the reading belongs to. */
  callId: string;
}

/** Dispatched for each quality reading of the element's call, every 2 s while connected. */
export class StardustCallQualityEvent extends Event {
  static readonly type = 'stardust-call-quality';

  readonly detail: StardustCallQualityDetail;

  constructor(callId: string, sample: CallQualitySample) {
    super(StardustCallQualityEvent.type, { bubbles: true, composed: true });
    this.detail = { ...sample, callId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'stardust-call-state': StardustCallStateEvent;
    'stardust-call-ended': StardustCallEndedEvent;
    'stardust-call-settled': StardustCallSettledEvent;
    'stardust-call-quality': StardustCallQualityEvent;
  }
}
