import { StardustError } from '../../../src/shared/errors.js';
import type { RoomMediaContext } from './errors.js';
import type { IceCandidate, JanusHandle, Jsep } from './session.js';
import { checkCandidate, checkOffer, iceUfragOf } from './validate.js';

/** Lifecycle of a member's media: joining until Janus returns its SDP answer, joined, then left. */
export type MemberState = 'joining' | 'joined' | 'left';

/** The bridge functions a member calls; implemented by {@link JanusAudioBridge}. */
export interface MemberBackend {
  readonly server: string;
  /** Ends the member's media: detaches its handle and emits `memberLeft` once. */
  memberGone(member: AudioBridgeMember, reason: 'left', detail?: string): void;
}

/**
 * One member's media in one room on one Janus server: its own plugin handle, through which
 * the server relays the member's offer, answer and candidates. The browser never talks to
 * Janus and never sees the handle, the room secret or its token.
 *
 * Created by {@link AudioBridgeRoom.join}.
 */
export class AudioBridgeMember {
  readonly server: string;
  readonly roomId: string;
  readonly memberId: string;
  /** Set when a kick was requested or announced, so the hangup that follows reads as a kick. */
  kicked = false;
  #state: MemberState = 'joining';
  #handle: JanusHandle | undefined;
  #backend: MemberBackend;
  // Candidates that arrive before the offer reached Janus, sent in order right after it.
  #queued: Array<IceCandidate | null> = [];
  #offerSent = false;
  // The ICE username fragment of the current offer: candidates of any other negotiation,
  // such as a second tab joining as the same member, never reach this member's handle.
  #ufrag: string | undefined;

  constructor(backend: MemberBackend, roomId: string, memberId: string, offer: Jsep) {
    this.server = backend.server;
    this.#backend = backend;
    this.roomId = roomId;
    this.memberId = memberId;
    this.#ufrag = iceUfragOf(offer.sdp);
  }

  get state(): MemberState {
    return this.#state;
  }

  /** True once the member's media ended; a getter so checks after an await are not narrowed away. */
  get left(): boolean {
    return this.#state === 'left';
  }

  /** The member's Janus handle, once attached. */
  get handle(): JanusHandle | undefined {
    return this.#handle;
  }

  /**
   * Relays one of the browser's ICE candidates to Janus; `null` (or an empty candidate)
   * ends the candidates. Candidates that arrive while the join is still on its way are
   * queued and sent right after the offer.
   *
   * @throws StardustError INVALID_ARGUMENT for a malformed candidate, INVALID_STATE after
   *   the member left or for a candidate of another negotiation (its username fragment
   *   differs from the offer's); RoomMediaError when Janus refuses it.
   */
  async trickle(candidate: unknown): Promise<void> {
    const checked = checkCandidate(candidate);

    if (this.#state === 'left') {
      throw new StardustError(
        'INVALID_STATE',
        `Member ${this.memberId} has no media in room ${this.roomId} any more; join again.`,
      );
    }

    const ufrag = checked?.usernameFragment;

    if (ufrag !== undefined && this.#ufrag !== undefined && ufrag !== this.#ufrag) {
      throw new StardustError(
        'INVALID_STATE',
        `An ICE candidate for member ${this.memberId} in room ${this.roomId} belongs to another ` +
          'negotiation than its current offer; it was dropped.',
      );
    }

    if (!this.#offerSent || this.#handle === undefined) {
      this.#queued.push(checked);

      return;
    }

    await this.#handle.trickle(checked, this.#context('trickle'));
  }

  /**
   * Renegotiates with a new offer from the browser, such as an ICE restart, and returns
   * Janus's answer.
   *
   * @throws StardustError INVALID_ARGUMENT, INVALID_STATE; RoomMediaError.
   */
  async renegotiate(offer: unknown): Promise<Jsep> {
    const jsep = checkOffer(offer);

    if (this.#state !== 'joined' || this.#handle === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        `Member ${this.memberId} is not joined to room ${this.roomId}; renegotiate after the join.`,
      );
    }

    // Candidates of the new negotiation follow the offer at once; the old ones are obsolete.
    this.#ufrag = iceUfragOf(jsep.sdp);

    const result = await this.#handle.message(
      { request: 'configure' },
      { jsep, context: this.#context('configure') },
    );

    return answerOf(result.jsep, this.#context('configure'));
  }

  /** Leaves the room and closes the member's PeerConnection at Janus; never throws. */
  async leave(): Promise<void> {
    if (this.#state === 'left') return;

    const handle = this.#handle;

    if (handle !== undefined && this.#state === 'joined') {
      try {
        await handle.message({ request: 'leave' }, { context: this.#context('leave') });
      } catch {
        // Detaching below removes the participant whatever Janus responded.
      }
    }

    this.#backend.memberGone(this, 'left');
  }

  /** Binds the attached handle. Called by the bridge. */
  bind(handle: JanusHandle): void {
    this.#handle = handle;
  }

  /** Marks the offer as sent and flushes queued candidates. Called by the bridge. */
  offerSent(onError: (error: unknown) => void): void {
    const handle = this.#handle;

    this.#offerSent = true;

    if (handle === undefined) return;

    for (const candidate of this.#queued.splice(0)) {
      handle.trickle(candidate, this.#context('trickle')).catch(onError);
    }
  }

  /** Moves to `joined` or `left`. Called by the bridge. */
  setState(state: MemberState): void {
    this.#state = state;

    if (state === 'left') this.#queued.length = 0;
  }

  #context(request: string): Omit<RoomMediaContext, 'server'> {
    return { request, roomId: this.roomId, memberId: this.memberId };
  }
}

/**
 * Returns the answer Janus attached to a negotiation, or throws when there is none.
 *
 * @throws StardustError INTERNAL_ERROR when Janus answered without an SDP answer.
 */
export function answerOf(jsep: Jsep | undefined, context: Omit<RoomMediaContext, 'server'>): Jsep {
  if (jsep === undefined || jsep.type !== 'answer' || typeof jsep.sdp !== 'string') {
    throw new StardustError(
      'INTERNAL_ERROR',
      `Janus accepted ${context.request} for member ${context.memberId} in room ${context.roomId} but sent no SDP answer.`,
    );
  }

  return { type: 'answer', sdp: jsep.sdp };
}
