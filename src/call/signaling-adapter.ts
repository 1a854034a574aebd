/**
 * The production {@link CallSignaling}: maps call-level messages onto `SignalingClient`
 * frames (`CALL_*`, `SDP_*`, `ICE_CANDIDATE`, `CALL_CHAIN_LINK`), which the session key
 * signs and the receiving peer verifies.
 */
import type { Hex } from '../chain/types.js';
import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { fromHex, toHex } from '../shared/bytes.js';
import { decodePayload, encodePayload, type SignalMessage, SignalType } from '../shared/codec.js';
import { StardustError } from '../shared/errors.js';
import { normalizeAddress, sameAccount } from '../shared/ss58.js';
import type {
  SignalEvent,
  SignalingClient,
  SignalingEvents,
} from '../signaling/signaling-client.js';
import { decodeCandidate, encodeCandidate } from './ice-proto.js';
import type {
  CallSignal,
  CallSignaling,
  HangupReason,
  ReceivedCallSignal,
  RejectReason,
} from './signals.js';

/** The part of `SignalingClient` the adapter uses; tests may pass a stand-in. */
export type CallSignalingTransport = Pick<SignalingClient, 'send' | 'request' | 'on'>;

/** Options of {@link SignalingCallAdapter}. */
export interface SignalingCallAdapterOptions {
  signaling: CallSignalingTransport;
  /** The local account (SS58, any prefix); the wallet account the session speaks for. */
  account: string;
  /** How long a call message queued during a reconnect stays worth sending; 30 s. */
  validForMs?: number;
  logger?: Logger;
}

// The wire enums of voice.proto, by value.
const REJECT_REASONS: readonly RejectReason[] = ['busy', 'decline', 'timeout', 'offline'];
const HANGUP_REASONS: Record<HangupReason, number> = {
  normal: 0,
  cancelled: 1,
  network_error: 2,
  timeout: 3,
  tampered: 4,
};
const HANGUP_BY_WIRE: readonly HangupReason[] = [
  'normal',
  'cancelled',
  'network_error',
  'timeout',
  'tampered',
];
const SDP_TYPES = new Set<number>([SignalType.SDP_OFFER, SignalType.SDP_ANSWER]);

/**
 * Call signaling over a {@link SignalingClient}.
 *
 * - Invites and accepts carry the session delegation (the client adds it), so the other
 *   party verifies every message of the call without a lookup.
 * - `CALL_BUSY` from the server (`BUSY` or `OFFLINE`) arrives as a `busy` signal from the
 *   callee of the invite it answers.
 * - An SDP message of another account that fails its signature check arrives as a
 *   `tampered` signal, which ends the call with `CALL_TAMPERED`.
 * - Messages of the local account's other tabs (an accept or reject there) arrive with
 *   `from` set to the local account, so the manager stops ringing here.
 */
export class SignalingCallAdapter implements CallSignaling {
  readonly account: string;
  readonly #signaling: CallSignalingTransport;
  readonly #logger: Logger;
  readonly #validForMs: number;
  readonly #listeners = new Set<(message: ReceivedCallSignal) => void>();
  /** Callees of the invites this tab sent, by call id, to attribute the server's CALL_BUSY. */
  readonly #invited = new Map<string, string>();
  readonly #unsubscribe: Array<() => void>;

  constructor(options: SignalingCallAdapterOptions) {
    this.account = normalizeAddress(options.account);
    this.#signaling = options.signaling;
    this.#logger = options.logger ?? silentLogger;
    this.#validForMs = options.validForMs ?? 30_000;
    this.#unsubscribe = [
      options.signaling.on('message', (event) => this.#onMessage(event)),
      options.signaling.on('rejected', (event) => this.#onRejected(event)),
    ];
  }

  /**
   * Sends `signal` to `to`. An invite waits for the server: it resolves once the callee's
   * tabs ring, or once the server answered busy or offline (delivered as a `busy` signal).
   * @throws StardustError with the server's code when it refuses the invite, or
   * SIGNAL_TIMEOUT / SIGNAL_DISCONNECTED when it cannot be sent.
   */
  async send(to: string, signal: CallSignal): Promise<void> {
    const draft = {
      type: 0,
      to: normalizeAddress(to),
      callId: signal.callId,
      payload: undefined as Uint8Array | undefined,
    };

    switch (signal.type) {
      case 'invite':
        draft.type = SignalType.CALL_INVITE;
        draft.payload = encodePayload(SignalType.CALL_INVITE, {
          callType: signal.callType === 'video' ? 1 : 0,
          hd: signal.hd,
        });
        this.#invited.set(signal.callId, draft.to);
        await this.#signaling.request(draft, { timeoutMs: 15_000 });

        return;
      case 'accept':
        draft.type = SignalType.CALL_ACCEPT;
        draft.payload = encodePayload(SignalType.CALL_ACCEPT, {});
        // The server acknowledges it, or answers PEER_NOT_FOUND (the caller has no socket)
        // or CALL_NOT_FOUND (the call ended meanwhile), which the session must learn.
        await this.#signaling.request(draft, { timeoutMs: 15_000 });

        return;
      case 'reject':
        draft.type = SignalType.CALL_REJECT;
        draft.payload = encodePayload(SignalType.CALL_REJECT, {
          reason: REJECT_REASONS.indexOf(signal.reason),
        });
        break;
      case 'busy':
        draft.type = SignalType.CALL_BUSY;
        draft.payload = encodePayload(SignalType.CALL_BUSY, {
          reason: REJECT_REASONS.indexOf(signal.reason),
        });
        break;
      case 'cancel':
      case 'hangup':
        draft.type = signal.type === 'cancel' ? SignalType.CALL_CANCEL : SignalType.CALL_HANGUP;
        draft.payload = encodePayload(draft.type, {
          reason: HANGUP_REASONS[signal.reason],
          ...(signal.type === 'cancel' && signal.glare === true ? { glare: true } : {}),
        });
        this.#invited.delete(signal.callId);
        break;
      case 'chain-link':
        draft.type = SignalType.CALL_CHAIN_LINK;
        draft.payload = encodePayload(SignalType.CALL_CHAIN_LINK, {
          chainCallId: fromHex(signal.chainCallId),
        });
        break;
      case 'description':
        draft.type =
          signal.description.type === 'offer' ? SignalType.SDP_OFFER : SignalType.SDP_ANSWER;
        draft.payload = encodePayload(draft.type, {
          sdp: signal.description.sdp,
          type: signal.description.type,
          iceRestart: signal.iceRestart,
        });
        break;
      case 'candidate':
        draft.type = SignalType.ICE_CANDIDATE;
        draft.payload = encodeCandidate(signal.candidate);
        break;
      default:
        // `tampered` is raised locally and never sent.
        return;
    }

    await this.#signaling.send(draft, { validForMs: this.#validForMs });
  }

  onSignal(listener: (message: ReceivedCallSignal) => void): () => void {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }

  /** Reports every drop of an authenticated signaling connection as SIGNAL_DISCONNECTED. */
  onConnectionLost(listener: (error: StardustError) => void): () => void {
    return this.#signaling.on('stateChange', ({ state, previous, reason }) => {
      if (previous !== 'connected' || state === 'connected') return;

      listener(
        new StardustError(
          'SIGNAL_DISCONNECTED',
          `The signaling connection dropped (${reason ?? state}); messages sent meanwhile may be lost.`,
        ),
      );
    });
  }

  /** Stops listening to the signaling client. */
  dispose(): void {
    for (const off of this.#unsubscribe.splice(0)) off();

    this.#listeners.clear();
    this.#invited.clear();
  }

  #onMessage({ message, fromPeer }: SignalEvent): void {
    if (!fromPeer) {
      this.#onServerMessage(message);

      return;
    }

    let signal: CallSignal | null;

    try {
      signal = toCallSignal(message);
    } catch (error) {
      this.#logger.warn('dropped an undecodable call message', {
        callId: message.callId,
        type: message.type,
        error: String(error),
      });

      return;
    }

    if (signal === null) return;

    if (signal.type === 'busy' || signal.type === 'reject' || signal.type === 'accept') {
      this.#invited.delete(signal.callId);
    }

    this.#deliver({ from: normalizeAddress(message.from), signal });
  }

  /** The server's own CALL_BUSY answers an invite of this tab: BUSY or OFFLINE. */
  #onServerMessage(message: SignalMessage): void {
    if (message.type !== SignalType.CALL_BUSY) return;

    const callee = this.#invited.get(message.callId);

    if (callee === undefined) return;

    this.#invited.delete(message.callId);

    const wire = decodePayload(SignalType.CALL_BUSY, message.payload).reason ?? 0;

    this.#deliver({
      from: callee,
      signal: { type: 'busy', callId: message.callId, reason: REJECT_REASONS[wire] ?? 'busy' },
    });
  }

  #onRejected(event: SignalingEvents['rejected']): void {
    if (event.code !== 'SIGNATURE_INVALID' || !SDP_TYPES.has(event.type ?? -1)) return;

    if (event.from === '' || sameAccount(event.from, this.account)) return;

    this.#logger.warn('an SDP message failed its signature check', { callId: event.callId });
    this.#deliver({
      from: normalizeAddress(event.from),
      signal: { type: 'tampered', callId: event.callId },
    });
  }

  #deliver(message: ReceivedCallSignal): void {
    for (const listener of [...this.#listeners]) listener(message);
  }
}

/** Converts a verified peer frame to a call signal; null for frames that are not calls. */
function toCallSignal(message: SignalMessage): CallSignal | null {
  const callId = message.callId;

  switch (message.type) {
    case SignalType.CALL_INVITE: {
      const invite = decodePayload(SignalType.CALL_INVITE, message.payload);

      return {
        type: 'invite',
        callId,
        hd: invite.hd === true,
        callType: invite.callType === 1 ? 'video' : 'audio',
      };
    }
    case SignalType.CALL_ACCEPT:
      return { type: 'accept', callId };
    case SignalType.CALL_REJECT:
    case SignalType.CALL_BUSY: {
      const wire = decodePayload(message.type, message.payload).reason ?? 0;
      const reason = REJECT_REASONS[wire] ?? 'decline';

      return message.type === SignalType.CALL_REJECT
        ? { type: 'reject', callId, reason }
        : { type: 'busy', callId, reason };
    }
    case SignalType.CALL_CANCEL:
    case SignalType.CALL_HANGUP: {
      const hangup = decodePayload(message.type, message.payload);
      const reason = HANGUP_BY_WIRE[hangup.reason ?? 0] ?? 'normal';

      return message.type === SignalType.CALL_CANCEL
        ? { type: 'cancel', callId, reason, ...(hangup.glare === true ? { glare: true } : {}) }
        : { type: 'hangup', callId, reason };
    }
    case SignalType.CALL_CHAIN_LINK: {
      const link = decodePayload(SignalType.CALL_CHAIN_LINK, message.payload);

      return {
        type: 'chain-link',
        callId,
        chainCallId: `0x${toHex(link.chainCallId ?? new Uint8Array(0))}` as Hex,
      };
    }
    case SignalType.SDP_OFFER:
    case SignalType.SDP_ANSWER: {
      const sdp = decodePayload(message.type, message.payload);
      const type = message.type === SignalType.SDP_OFFER ? 'offer' : 'answer';

      return {
        type: 'description',
        callId,
        description: { type, sdp: sdp.sdp ?? '' },
        iceRestart: sdp.iceRestart === true,
      };
    }
    case SignalType.ICE_CANDIDATE:
      return { type: 'candidate', callId, candidate: decodeCandidate(message.payload) };
    default:
      return null;
  }
}
