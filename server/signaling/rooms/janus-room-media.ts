import { createHmac } from 'node:crypto';

import type { Logger } from 'pino';

import { StardustError } from '../../../src/shared/errors.js';
import type { RoomCandidate } from '../../../src/shared/room-wire.js';
import type { AudioBridgeRoom } from '../janus/audio-bridge-room.js';
import { RoomMediaError } from '../janus/errors.js';
import type { JanusPool } from '../janus/pool.js';
import type { Jsep } from '../janus/session.js';
import type { TalkingOptions } from '../janus/types.js';
import { generateJanusSecret } from '../janus/validate.js';

/** Options of {@link JanusRoomMedia}. */
export interface JanusRoomMediaOptions {
  pool: JanusPool;
  /** The Janus room id: the chain room id in bare lowercase hex. */
  roomId: string;
  /**
   * The server secret each room's Janus secret is derived from (HMAC-SHA256 of the room id),
   * so that a restarted signaling server, or another instance, can operate a room that is
   * already in Janus.
   */
  secretKey: string;
  talking?: TalkingOptions;
  logger: Logger;
}

/**
 * One room's media on Janus, for the room service: the AudioBridge room with its secret and
 * token list, each member's join, candidates, mute and removal. Members are named by their
 * account key (public key hex), which is also their Janus participant id.
 *
 * Mutes are applied in order per member and skipped when Janus already has that state.
 */
export class JanusRoomMedia {
  readonly roomId: string;
  readonly #options: JanusRoomMediaOptions;
  #room: AudioBridgeRoom | undefined;
  #opening: Promise<AudioBridgeRoom> | undefined;
  #tokens = new Map<string, string>();
  /** Members whose join reached the Janus client, so candidates can go straight to it. */
  #registered = new Set<string>();
  /** Candidates that arrived while a member's join was still on its way. */
  #queued = new Map<string, Array<RoomCandidate | null>>();
  #applied = new Map<string, boolean>();
  #wanted = new Map<string, boolean>();
  #muteChains = new Map<string, Promise<void>>();

  constructor(options: JanusRoomMediaOptions) {
    this.roomId = options.roomId;
    this.#options = options;
  }

  /** The secret of this room in Janus, derived from the server secret. */
  get secret(): string {
    return createHmac('sha256', this.#options.secretKey)
      .update(`stardust-voice/janus-room/${this.roomId}`)
      .digest('base64url');
  }

  /** The name of the Janus server holding the room, once open. */
  get server(): string | undefined {
    return this.#room?.server;
  }

  /**
   * Creates the room in Janus, or takes over the one already there (created by an earlier
   * run or another instance with the same server secret).
   *
   * @throws RoomMediaError from the pool; ROOM_MEDIA_REFUSED 489 when an existing room was
   *   made with another secret.
   */
  open(): Promise<AudioBridgeRoom> {
    this.#opening ??= this.#open().catch((error: unknown) => {
      this.#opening = undefined;

      throw error;
    });

    return this.#opening;
  }

  /** Admits a member: adds its token to the room's list. Idempotent. */
  async admit(key: string): Promise<void> {
    const room = await this.open();
    const known = this.#tokens.get(key);
    const token = known ?? generateJanusSecret();

    if (known !== undefined) return;

    this.#tokens.set(key, token);

    try {
      await room.allow([token]);
    } catch (error) {
      this.#tokens.delete(key);

      throw error;
    }
  }

  /** Returns true when the member was admitted and not removed since. */
  admitted(key: string): boolean {
    return this.#tokens.has(key);
  }

  /** Returns true when the member has a join in Janus (joining or joined). */
  joined(key: string): boolean {
    return this.#room?.member(key) !== undefined;
  }

  /**
   * Joins a member with its browser's offer, muted or not, and returns Janus's answer. A
   * member who already has media there leaves it first: a new offer is a new connection.
   *
   * @throws StardustError INVALID_STATE when the member was not admitted; RoomMediaError.
   */
  async join(key: string, offer: Jsep, muted: boolean, display?: string): Promise<Jsep> {
    // No await before the queue exists: candidates that follow the offer must find it.
    const room = this.#room;
    const token = this.#tokens.get(key);

    if (room === undefined || token === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        `Member ${key} was not admitted to room ${this.roomId}; send ROOM_JOIN first.`,
      );
    }

    this.#registered.delete(key);
    this.#queued.set(key, this.#queued.get(key) ?? []);
    await room.member(key)?.leave();

    const joining = room.join({ memberId: key, token, offer, muted, display });
    const queued = this.#queued.get(key) ?? [];

    this.#registered.add(key);
    this.#queued.delete(key);

    for (const candidate of queued) this.#relay(room, key, candidate);

    try {
      const { answer } = await joining;

      this.#applied.set(key, muted);
      this.#wanted.set(key, muted);

      return answer;
    } catch (error) {
      this.#registered.delete(key);

      throw error;
    }
  }

  /**
   * Relays one of a member's candidates, `null` for the end of candidates. Candidates sent
   * right after the offer wait until the join reached the Janus client.
   *
   * @throws StardustError INVALID_STATE when the member sent no offer.
   */
  trickle(key: string, candidate: RoomCandidate | null): void {
    const queue = this.#queued.get(key);

    if (queue !== undefined) {
      queue.push(candidate);

      return;
    }

    if (this.#room === undefined || !this.#registered.has(key)) {
      throw new StardustError(
        'INVALID_STATE',
        `Member ${key} has no media join in room ${this.roomId}; send the offer before candidates.`,
      );
    }

    this.#relay(this.#room, key, candidate);
  }

  /**
   * Renegotiates a joined member's connection, such as an ICE restart.
   *
   * @throws StardustError INVALID_STATE when the member has no media; RoomMediaError.
   */
  async renegotiate(key: string, offer: Jsep): Promise<Jsep> {
    const member = this.#room?.member(key);

    if (member === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        `Member ${key} has no media in room ${this.roomId} to restart; send a new offer.`,
      );
    }

    return member.renegotiate(offer);
  }

  /**
   * Makes Janus mute or unmute a member, in order with earlier changes, and resolves once
   * Janus has it. Does nothing for a member without media.
   */
  setMuted(key: string, muted: boolean): Promise<void> {
    this.#wanted.set(key, muted);

    const previous = this.#muteChains.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#applyMute(key));

    this.#muteChains.set(key, next);
    void next.finally(() => {
      if (this.#muteChains.get(key) === next) this.#muteChains.delete(key);
    });

    return next;
  }

  /** Returns the mute Janus applied to a member, or undefined when it has no media. */
  appliedMute(key: string): boolean | undefined {
    return this.#applied.get(key);
  }

  /**
   * Ends a member's media: revokes its token so it cannot join again, then kicks it
   * (`kick`) or leaves for it (`leave`). Never throws; failures are logged.
   */
  async remove(key: string, how: 'kick' | 'leave'): Promise<void> {
    const room = this.#room;
    const token = this.#tokens.get(key);

    this.#forget(key);
    this.#tokens.delete(key);

    if (room === undefined) return;

    try {
      if (token !== undefined) await room.disallow([token]);

      const member = room.member(key);

      if (how === 'kick' && member !== undefined) await room.kick(key);
      else await member?.leave();
    } catch (error) {
      this.#options.logger.warn(
        { err: error, roomId: this.roomId, member: key, how },
        'removing a member from Janus failed',
      );
    }
  }

  /** Forgets a member's media state after Janus reported it gone; its token stays admitted. */
  mediaEnded(key: string): void {
    this.#forget(key);
  }

  /** Destroys the room in Janus; every member's media ends. Never throws. */
  async destroy(): Promise<void> {
    const room = this.#room;

    this.#tokens.clear();
    this.#registered.clear();
    this.#queued.clear();
    this.#applied.clear();
    this.#wanted.clear();

    if (room === undefined) return;

    try {
      await room.destroy();
    } catch (error) {
      this.#options.logger.warn(
        { err: error, roomId: this.roomId },
        'destroying a Janus room failed',
      );
    }
  }

  /**
   * Brings the room back after its Janus server restarted. The Janus client recreates the
   * rooms it created. A room it did not create (taken over from another run) is created
   * again here, with every admitted token.
   */
  async restore(recreated: boolean): Promise<void> {
    this.#registered.clear();
    this.#queued.clear();
    this.#applied.clear();

    if (recreated) return;

    this.#room = undefined;
    this.#opening = undefined;

    const room = await this.open();
    const tokens = [...this.#tokens.values()];

    if (tokens.length > 0) await room.allow(tokens);
  }

  async #open(): Promise<AudioBridgeRoom> {
    const { pool, roomId, talking } = this.#options;
    const secret = this.secret;

    try {
      this.#room = await pool.createRoom(roomId, {
        secret,
        description: `stardust room ${roomId}`,
        talking,
      });
    } catch (error) {
      if (!(error instanceof RoomMediaError) || error.detail !== 486) throw error;

      // The room exists: made by an earlier run or another instance. Its secret is ours
      // when they share the server secret; revoking a token nobody has proves it (489 if not).
      const existing = await pool.findRoom(roomId, secret);

      if (existing === undefined) throw error;

      await existing.disallow([generateJanusSecret()]);
      this.#room = existing;
    }

    return this.#room;
  }

  async #applyMute(key: string): Promise<void> {
    const wanted = this.#wanted.get(key);
    const room = this.#room;

    if (room === undefined || wanted === undefined || this.#applied.get(key) === wanted) return;

    if (room.member(key)?.state !== 'joined') return;

    try {
      if (wanted) await room.mute(key);
      else await room.unmute(key);

      this.#applied.set(key, wanted);
    } catch (error) {
      if (error instanceof RoomMediaError && error.detail === 492) return;

      throw error;
    }
  }

  #relay(room: AudioBridgeRoom, key: string, candidate: RoomCandidate | null): void {
    room.trickle(key, candidate).catch((error: unknown) => {
      this.#options.logger.debug(
        { err: error, roomId: this.roomId, member: key },
        'relaying a candidate to Janus failed',
      );
    });
  }

  #forget(key: string): void {
    this.#registered.delete(key);
    this.#queued.delete(key);
    this.#applied.delete(key);
    this.#wanted.delete(key);
  }
}
