import type { Logger } from 'pino';

import { StardustError } from '../../../src/shared/errors.js';
import { AudioBridgeMember, answerOf, type MemberBackend } from './audio-bridge-member.js';
import { parseParticipants, type JoinResult } from './audio-bridge-room.js';
import { RoomMediaError, type RoomMediaContext } from './errors.js';
import type { LinkLive } from './janus-link.js';
import type { JanusHandle, Jsep } from './session.js';
import {
  AUDIOBRIDGE_PLUGIN,
  type JanusEvents,
  type JoinRequest,
  type MemberLeftReason,
} from './types.js';
import {
  checkCredential,
  checkDisplay,
  checkMemberId,
  checkOffer,
  checkTalking,
} from './validate.js';

/** The bridge state and functions that joins use; implemented by {@link JanusAudioBridge}. */
export interface JoinHost {
  readonly server: string;
  readonly logger: Logger;
  readonly memberBackend: MemberBackend;
  whenReady(context: Omit<RoomMediaContext, 'server'>): Promise<LinkLive>;
  /** Returns the members of a room, tracking the room if it was not yet. */
  track(roomId: string): { members: Map<string, AudioBridgeMember> };
  memberGone(member: AudioBridgeMember, reason: MemberLeftReason, detail?: string): void;
  dropMember(member: AudioBridgeMember): void;
  onRoomEvent(data: Record<string, unknown>): void;
  /** Emits one of the bridge's member events. */
  emitMember<K extends 'memberConnected' | 'memberReceiving' | 'memberCandidate'>(
    event: K,
    payload: JanusEvents[K][0],
  ): void;
}

/**
 * Members' joins on one Janus server: one plugin handle per member, the join with the
 * browser's offer, and the handle's events turned into the bridge's member events.
 */
export class MemberJoins {
  #host: JoinHost;

  constructor(host: JoinHost) {
    this.#host = host;
  }

  /**
   * Registers the member synchronously, then attaches its handle and sends its join with
   * the offer. Candidates relayed right after the offer therefore find the member.
   */
  join(roomId: string, request: JoinRequest): Promise<JoinResult> {
    let body: Record<string, unknown>;
    let offer: Jsep;

    try {
      offer = checkOffer(request.offer);
      body = joinBody(roomId, request);
    } catch (error) {
      return Promise.reject(error);
    }

    // A room object outlives the room: a join after a destroy goes to Janus, which returns 485.
    const room = this.#host.track(roomId);
    const memberId = body.id as string;

    const existing = room.members.get(memberId);

    if (existing !== undefined) return this.#joinAgain(existing);

    const member = new AudioBridgeMember(this.#host.memberBackend, roomId, memberId, offer);

    room.members.set(memberId, member);

    return this.#attachAndJoin(member, body, offer);
  }

  async #attachAndJoin(
    member: AudioBridgeMember,
    body: Record<string, unknown>,
    offer: Jsep,
  ): Promise<JoinResult> {
    const context = { request: 'join', roomId: member.roomId, memberId: member.memberId };

    try {
      const { session } = await this.#host.whenReady(context);
      const handle = await session.attach(AUDIOBRIDGE_PLUGIN, {
        roomId: member.roomId,
        memberId: member.memberId,
      });

      member.bind(handle);
      this.#listenToMember(member, handle);

      if (member.left) throw leftDuringJoin(member);

      const joined = handle.message(body, { jsep: offer, context });

      member.offerSent((error) =>
        this.#host.logger.debug({ err: error, ...context }, 'trickle failed'),
      );

      const result = await joined;
      const answer = answerOf(result.jsep, context);

      if (member.left) throw leftDuringJoin(member);

      member.setState('joined');

      return { member, answer, participants: parseParticipants(result.data.participants) };
    } catch (error) {
      this.#host.dropMember(member);

      throw error;
    }
  }

  /**
   * A second join of a member who already has media in the room goes to its existing
   * handle without an offer, so Janus returns 491 (already joined) and the first
   * PeerConnection is untouched.
   */
  async #joinAgain(member: AudioBridgeMember): Promise<JoinResult> {
    const context = { request: 'join', roomId: member.roomId, memberId: member.memberId };
    const handle = member.handle;

    if (handle === undefined) {
      throw RoomMediaError.refused(491, 'a join of this member is already in progress', {
        ...context,
        server: this.#host.server,
      });
    }

    await handle.message(
      { request: 'join', room: member.roomId, id: member.memberId },
      { context },
    );

    // Janus never accepts a second join of a joined participant. If it ever does, the
    // member still has its first join, so report the refusal it should have been.
    throw RoomMediaError.refused(491, 'already joined', { ...context, server: this.#host.server });
  }

  #listenToMember(member: AudioBridgeMember, handle: JanusHandle): void {
    const ref = { server: this.#host.server, roomId: member.roomId, memberId: member.memberId };
    const reason = (): MemberLeftReason => (member.kicked ? 'kicked' : 'hangup');

    handle.on('event', ({ data }) => {
      if (data.kicked === member.memberId) member.kicked = true;

      this.#host.onRoomEvent(data);
    });
    handle.on('webrtcup', () => this.#host.emitMember('memberConnected', ref));
    handle.on('media', ({ type, receiving }) => {
      if (type === 'audio') this.#host.emitMember('memberReceiving', { ...ref, receiving });
    });
    handle.on('trickle', (candidate) =>
      this.#host.emitMember('memberCandidate', { ...ref, candidate }),
    );
    handle.on('hangup', ({ reason: detail }) => this.#host.memberGone(member, reason(), detail));
    handle.on('detached', () => this.#host.memberGone(member, reason(), 'handle detached'));
  }
}

/**
 * Returns the AudioBridge `join` body of a request.
 *
 * @throws StardustError INVALID_ARGUMENT for a malformed member id, token, display name or
 *   talking option.
 */
function joinBody(roomId: string, request: JoinRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    request: 'join',
    room: roomId,
    id: checkMemberId(request.memberId),
    token: checkCredential(request.token, 'token'),
    muted: request.muted ?? true,
    codec: 'opus',
  };
  const display = checkDisplay(request.display);

  if (display !== undefined) body.display = display;

  if (request.talking !== undefined) {
    const talking = checkTalking(request.talking);

    body.audio_level_average = talking.audioLevelAverage;
    body.audio_active_packets = talking.audioActivePackets;
  }

  return body;
}

/** Returns the error for a join whose member left, was kicked or lost its room meanwhile. */
function leftDuringJoin(member: AudioBridgeMember): StardustError {
  return new StardustError(
    'INVALID_STATE',
    `Member ${member.memberId} left room ${member.roomId} before its join completed; join again if it still should.`,
  );
}
