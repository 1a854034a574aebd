import { StardustError } from '../../../src/shared/errors.js';
import type { AudioBridgeMember } from './audio-bridge-member.js';
import type { RoomMediaContext } from './errors.js';
import type { Jsep } from './session.js';
import type { AudioBridgeParticipant, JoinRequest } from './types.js';
import { checkCredential, checkMemberId } from './validate.js';

/** The result of a join: the member's handle on our side and Janus's SDP answer for the browser. */
export interface JoinResult {
  member: AudioBridgeMember;
  answer: Jsep;
  /** The other participants Janus listed at the join. */
  participants: AudioBridgeParticipant[];
}

/** The bridge functions a room calls; implemented by {@link JanusAudioBridge}. */
export interface RoomBackend {
  readonly server: string;
  /** Sends a synchronous AudioBridge request on the admin handle and returns its data. */
  admin(
    body: Record<string, unknown>,
    context: Omit<RoomMediaContext, 'server'>,
  ): Promise<Record<string, unknown>>;
  join(roomId: string, request: JoinRequest): Promise<JoinResult>;
  member(roomId: string, memberId: string): AudioBridgeMember | undefined;
  tokensChanged(roomId: string, action: 'add' | 'remove', tokens: string[]): void;
  mutedChanged(roomId: string, memberId: string, muted: boolean): void;
  destroyed(roomId: string): void;
}

/**
 * One AudioBridge room on one Janus server, operated with its secret: admit and revoke
 * member tokens, join members, mute, kick, list and destroy.
 *
 * Get one from {@link JanusAudioBridge.createRoom}, {@link JanusAudioBridge.room} or the
 * same methods of {@link JanusPool}.
 */
export class AudioBridgeRoom {
  /** The Janus room id: the chain room id in lowercase hex. */
  readonly id: string;
  /** The name of the Janus server where the room lives. */
  readonly server: string;
  #secret: string;
  #backend: RoomBackend;

  constructor(backend: RoomBackend, id: string, secret: string) {
    this.#backend = backend;
    this.server = backend.server;
    this.id = id;
    this.#secret = checkCredential(secret, 'secret');
  }

  /**
   * Admits tokens: a member can join only with a token on the room's `allowed` list.
   * Resolves with the complete list Janus now holds.
   *
   * @throws StardustError INVALID_ARGUMENT for a malformed token; RoomMediaError.
   */
  allow(tokens: string[]): Promise<string[]> {
    return this.#changeTokens('add', tokens);
  }

  /**
   * Revokes tokens and resolves with the complete list Janus now holds. Members who already
   * joined stay until kicked: revoke, then {@link kick}, to remove someone for good.
   *
   * @throws StardustError INVALID_ARGUMENT for a malformed token; RoomMediaError.
   */
  disallow(tokens: string[]): Promise<string[]> {
    return this.#changeTokens('remove', tokens);
  }

  /**
   * Joins a member with its token and the browser's offer; resolves with Janus's answer.
   * The member is registered before this returns, so candidates the browser trickles right
   * after its offer can be passed to {@link trickle} at once.
   *
   * @throws StardustError INVALID_ARGUMENT for malformed input; RoomMediaError
   *   ROOM_MEDIA_REFUSED (489 token not admitted, 485 no such room, 491 already joined, …),
   *   ROOM_MEDIA_TIMEOUT or ROOM_MEDIA_DISCONNECTED.
   */
  join(request: JoinRequest): Promise<JoinResult> {
    return this.#backend.join(this.id, request);
  }

  /**
   * Relays one of a joining or joined member's ICE candidates; `null` ends them.
   *
   * @throws StardustError INVALID_STATE when the member has no join in this room;
   *   INVALID_ARGUMENT for a malformed candidate; RoomMediaError.
   */
  trickle(memberId: string, candidate: unknown): Promise<void> {
    const member = this.#backend.member(this.id, checkMemberId(memberId));

    if (member === undefined) {
      return Promise.reject(
        new StardustError(
          'INVALID_STATE',
          `Member ${memberId} has no join in room ${this.id}; send the offer before candidates.`,
        ),
      );
    }

    return member.trickle(candidate);
  }

  /** Returns the member's media on this server, if it joined through this client. */
  member(memberId: string): AudioBridgeMember | undefined {
    return this.#backend.member(this.id, memberId);
  }

  /**
   * Mutes a member at the server: Janus stops mixing its audio, whatever its browser sends.
   *
   * @throws RoomMediaError ROOM_MEDIA_REFUSED 492 when the member is not in the room.
   */
  async mute(memberId: string): Promise<void> {
    await this.#moderate('mute', memberId);
    this.#backend.mutedChanged(this.id, memberId, true);
  }

  /** Unmutes a member at the server. */
  async unmute(memberId: string): Promise<void> {
    await this.#moderate('unmute', memberId);
    this.#backend.mutedChanged(this.id, memberId, false);
  }

  /**
   * Removes a member from the room and closes its PeerConnection. It may join again while
   * its token is allowed: {@link disallow} the token first to ban it.
   */
  async kick(memberId: string): Promise<void> {
    const member = this.#backend.member(this.id, memberId);

    if (member !== undefined) member.kicked = true;

    await this.#moderate('kick', memberId);
  }

  /** Lists the room's participants as Janus lists them, including those of other clients. */
  async participants(): Promise<AudioBridgeParticipant[]> {
    const data = await this.#backend.admin(
      { request: 'listparticipants', room: this.id },
      { request: 'listparticipants', roomId: this.id },
    );

    return parseParticipants(data.participants);
  }

  /** Resolves true when Janus still has the room. */
  async exists(): Promise<boolean> {
    const data = await this.#backend.admin(
      { request: 'exists', room: this.id },
      { request: 'exists', roomId: this.id },
    );

    return data.exists === true;
  }

  /**
   * Destroys the room: every member's PeerConnection closes and each gets `memberLeft`
   * with reason `room-destroyed`.
   */
  async destroy(): Promise<void> {
    await this.#backend.admin(
      { request: 'destroy', room: this.id, secret: this.#secret, permanent: false },
      { request: 'destroy', roomId: this.id },
    );
    this.#backend.destroyed(this.id);
  }

  async #changeTokens(action: 'add' | 'remove', tokens: string[]): Promise<string[]> {
    if (!Array.isArray(tokens) || tokens.length === 0) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Pass at least one token to ${action} in room ${this.id}.`,
      );
    }

    const checked = tokens.map((token) => checkCredential(token, 'token'));
    const data = await this.#backend.admin(
      { request: 'allowed', room: this.id, secret: this.#secret, action, allowed: checked },
      { request: `allowed ${action}`, roomId: this.id },
    );

    this.#backend.tokensChanged(this.id, action, checked);

    return Array.isArray(data.allowed) ? data.allowed.map(String) : [];
  }

  async #moderate(request: 'mute' | 'unmute' | 'kick', memberId: string): Promise<void> {
    const id = checkMemberId(memberId);

    await this.#backend.admin(
      { request, room: this.id, secret: this.#secret, id },
      { request, roomId: this.id, memberId: id },
    );
  }
}

/** Reads Janus's participant list, keeping only the fields this module documents. */
export function parseParticipants(value: unknown): AudioBridgeParticipant[] {
  if (!Array.isArray(value)) return [];

  return value.map((entry: Record<string, unknown>) => {
    const participant: AudioBridgeParticipant = {
      id: String(entry.id),
      setup: entry.setup === true,
      muted: entry.muted === true,
    };

    if (typeof entry.display === 'string') participant.display = entry.display;

    if (typeof entry.talking === 'boolean') participant.talking = entry.talking;

    return participant;
  });
}
