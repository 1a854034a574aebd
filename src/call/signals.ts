import type { Hex } from '../chain/types.js';
import type { StardustError } from '../shared/errors.js';
import type { IceCandidateWire } from './ice.js';

/** An SDP offer or answer as it travels through signaling. */
export interface SessionDescriptionWire {
  type: 'offer' | 'answer';
  sdp: string;
}

/** A negotiation message between the two media endpoints of a call. */
export type MediaSignal =
  | { type: 'description'; description: SessionDescriptionWire; iceRestart: boolean }
  | { type: 'candidate'; candidate: IceCandidateWire };

/**
 * The path `CallMedia` negotiates over: it sends typed messages to the other party and
 * receives theirs, in order. A `CallSession` implements it over the call's signaling; tests
 * wire two peers directly.
 */
export interface MediaTransport {
  /** Sends one message to the other party. A rejected promise is logged, not retried. */
  send(signal: MediaSignal): void | Promise<void>;
  /** Delivers every message from the other party, in order; returns the unsubscribe. */
  onSignal(listener: (signal: MediaSignal) => void): () => void;
}

/** Why a callee refused a call, as the chain's `RejectReason` lists them. */
export type RejectReason = 'busy' | 'decline' | 'timeout' | 'offline';

/** Why a call ended, as both parties report it in `CALL_HANGUP` and `CALL_CANCEL`. */
export type HangupReason = 'normal' | 'cancelled' | 'network_error' | 'timeout' | 'tampered';

/**
 * One call-level message between the parties. The signaling layer signs and verifies each;
 * `tampered` is not sent by a peer but raised by that layer when an SDP message of the call
 * fails its signature check.
 */
export type CallSignal =
  | { type: 'invite'; callId: string; hd: boolean; callType: 'audio' | 'video' }
  | { type: 'accept'; callId: string }
  | { type: 'reject'; callId: string; reason: RejectReason }
  | { type: 'busy'; callId: string; reason: RejectReason }
  | { type: 'cancel'; callId: string; reason: HangupReason; glare?: boolean }
  | { type: 'hangup'; callId: string; reason: HangupReason }
  | { type: 'chain-link'; callId: string; chainCallId: Hex }
  | ({ callId: string } & MediaSignal)
  | { type: 'tampered'; callId: string };

/** A call-level message with the account it came from (SS58). */
export interface ReceivedCallSignal {
  from: string;
  signal: CallSignal;
}

/**
 * The signaling one account's calls go through. Phase one wires two of these directly in a
 * page; the production adapter maps them to `SignalingClient` messages (`CALL_*`, `SDP_*`,
 * `ICE_CANDIDATE`).
 */
export interface CallSignaling {
  /** The local account (SS58). */
  readonly account: string;
  /** Sends `signal` to `to` (SS58). Rejects with a typed error when it cannot be sent. */
  send(to: string, signal: CallSignal): Promise<void>;
  /** Delivers every call message addressed to this account; returns the unsubscribe. */
  onSignal(listener: (message: ReceivedCallSignal) => void): () => void;
  /**
   * Calls `listener` with a typed error each time the connection to the signaling server
   * drops; returns the unsubscribe. Transports that cannot lose a connection leave it out.
   */
  onConnectionLost?(listener: (error: StardustError) => void): () => void;
}
