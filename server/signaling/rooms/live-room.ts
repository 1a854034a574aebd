import type { Logger } from 'pino';

import { voice } from '../../../proto/gen/voice.js';
import {
  encodeRoomSpeaking,
  encodeRoomState,
  type RoomMediaKind,
  type RoomMediaState,
  type RoomSnapshot,
} from '../../../src/shared/room-wire.js';
import type { JanusRoomMedia } from './janus-room-media.js';
import { RoomPolicy } from './policy.js';
import type { RoomTimers } from './ports.js';
import type { ChainRoomInfo, ChainRoomMember } from './room-chain.js';

/** A member whose browser joined the room's media through a signaling socket. */
export interface MediaSession {
  /** SS58 address. */
  account: string;
  /** The socket that joined; broadcasts go to every socket of the account. */
  socketId: string;
}

/** Options of {@link LiveRoom}. */
export interface LiveRoomOptions {
  info: ChainRoomInfo;
  members: ChainRoomMember[];
  media: RoomMediaKind;
  janus?: JanusRoomMedia;
  timers: RoomTimers;
  turnMs: number;
  /**
   * How long changes gather before one ROOM_STATE goes out, in ms; 0 sends after the
   * current task. Members that join get their state in the answers to their requests.
   */
  broadcastDelayMs: number;
  logger: Logger;
  /** Sends a server message to every socket of an account. */
  send(account: string, type: number, payload: Uint8Array): void;
}

/**
 * One room the server serves right now: the chain's facts, the policy, the members with
 * media, and the media path. It keeps Janus's mutes in line with the policy, runs the
 * sequential turn timer, and broadcasts the state to the members with media.
 */
export class LiveRoom {
  readonly id: string;
  readonly policy: RoomPolicy;
  readonly media: RoomMediaKind;
  readonly janus: JanusRoomMedia | undefined;
  info: ChainRoomInfo;
  mediaState: RoomMediaState = 'ready';
  closed = false;
  /** Members admitted to media, by account key. */
  readonly sessions = new Map<string, MediaSession>();
  /** Sessions whose socket closed, by account key: their media ends when the timer fires. */
  readonly graceTimers = new Map<string, unknown>();
  /** Kicked members refused until the chain's kick arrives, by account key: until when. */
  readonly kickHolds = new Map<string, number>();
  /** Runs while nobody has media here; when it fires the service forgets the room. */
  releaseTimer: unknown;
  readonly #options: LiveRoomOptions;
  #turnTimer: unknown;
  #turnDeadline: number | undefined;
  #broadcastQueued = false;
  #broadcastTimer: unknown;

  constructor(options: LiveRoomOptions) {
    this.#options = options;
    this.id = options.info.id;
    this.info = options.info;
    this.media = options.media;
    this.janus = options.janus;
    this.policy = new RoomPolicy({
      mode: options.info.speakingMode,
      turnMs: options.turnMs,
      clock: options.timers,
    });

    for (const member of options.members) this.policy.upsertMember(member);
  }

  /** Returns the state broadcast to every member. */
  snapshot(): RoomSnapshot {
    const policy = this.policy;
    const turn = policy.turn;

    return {
      members: policy.members().map((member) => ({
        account: member.account,
        nickname: member.nickname,
        role: member.role,
        isMuted: member.selfMuted || member.moderatorMuted || member.chainMuted,
        isSpeaking: member.talking,
        handRaised: member.handRaised,
        serverMuted: policy.serverMuted(member.account),
        connected: member.connected,
        moderatorMuted: member.moderatorMuted || member.chainMuted,
      })),
      speakingMode: policy.mode,
      activeSpeakers: policy.activeSpeakers,
      handQueue: policy.handQueue,
      turn:
        turn === undefined
          ? undefined
          : {
              account: turn.account,
              endsAt: turn.endsAt,
              turnMs: turn.turnMs,
              queue: policy.turnQueue,
            },
      media: this.media,
      mediaState: this.mediaState,
      closed: this.closed,
      maxMembers: this.info.maxMembers,
    };
  }

  /**
   * Applies the policy to the media and the members after a change: Janus mutes follow
   * {@link RoomPolicy.mediaMuted}, the turn timer follows the turn, and one ROOM_STATE goes
   * out after the current task, however many changes it made.
   */
  changed(): void {
    this.#syncMutes();
    this.#armTurnTimer();
    this.#queueBroadcast();
  }

  /** Sends ROOM_SPEAKING with the active speakers to every member with media. */
  speakingChanged(): void {
    this.broadcast(voice.SignalType.ROOM_SPEAKING, encodeRoomSpeaking(this.policy.activeSpeakers));
  }

  /** Sends a server message to every member with media. */
  broadcast(type: number, payload: Uint8Array): void {
    for (const session of this.sessions.values())
      this.#options.send(session.account, type, payload);
  }

  /** Sends the state to one account now, apart from the response to its join. */
  sendState(account: string): void {
    this.#options.send(account, voice.SignalType.ROOM_STATE, encodeRoomState(this.snapshot()));
  }

  /** Stops the room's timers; the room is about to be forgotten. */
  dispose(): void {
    this.#options.timers.clearTimeout(this.#turnTimer);
    this.#options.timers.clearTimeout(this.#broadcastTimer);
    this.#options.timers.clearTimeout(this.releaseTimer);

    for (const timer of this.graceTimers.values()) this.#options.timers.clearTimeout(timer);

    this.graceTimers.clear();
  }

  #syncMutes(): void {
    const janus = this.janus;

    if (janus === undefined || this.mediaState !== 'ready') return;

    for (const key of this.sessions.keys()) {
      const member = this.policy.member(this.sessions.get(key)!.account);

      if (member === undefined || janus.appliedMute(key) === undefined) continue;

      const muted = this.policy.mediaMuted(member.account);

      if (janus.appliedMute(key) === muted) continue;

      janus.setMuted(key, muted).catch((error: unknown) => {
        // A mute Janus did not apply leaves the member audible: log as an error.
        this.#options.logger.error(
          { err: error, roomId: this.id, member: key, muted },
          'applying a mute in Janus failed',
        );
      });
    }
  }

  #armTurnTimer(): void {
    const deadline = this.policy.nextDeadline();

    if (deadline === this.#turnDeadline) return;

    const timers = this.#options.timers;

    timers.clearTimeout(this.#turnTimer);
    this.#turnDeadline = deadline;
    this.#turnTimer = undefined;

    if (deadline === undefined || this.closed) return;

    this.#turnTimer = timers.setTimeout(
      () => {
        this.#turnDeadline = undefined;
        this.policy.advance();
        this.changed();
      },
      Math.max(0, deadline - timers.now()),
    );
  }

  #queueBroadcast(): void {
    if (this.#broadcastQueued) return;

    const send = () => {
      this.#broadcastQueued = false;
      this.#broadcastTimer = undefined;

      if (!this.closed)
        this.broadcast(voice.SignalType.ROOM_STATE, encodeRoomState(this.snapshot()));
    };

    this.#broadcastQueued = true;

    if (this.#options.broadcastDelayMs <= 0) queueMicrotask(send);
    else
      this.#broadcastTimer = this.#options.timers.setTimeout(send, this.#options.broadcastDelayMs);
  }
}
