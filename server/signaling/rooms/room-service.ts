import { randomBytes } from 'node:crypto';

import { pino, type Logger } from 'pino';

import { voice } from '../../../proto/gen/voice.js';
import { StardustError } from '../../../src/shared/errors.js';
import { DEFAULT_TURN_MS, MESH_MAX_MEMBERS } from '../../../src/shared/room-rules.js';
import {
  decodeRoomJoin,
  decodeRoomJsep,
  decodeRoomTrickle,
  encodeErrorPayload,
  encodeRoomJsep,
  encodeRoomKick,
  encodeRoomState,
} from '../../../src/shared/room-wire.js';
import { accountKey } from '../../../src/shared/ss58.js';
import type { JanusPool } from '../janus/pool.js';
import type { RoomHandler } from '../room-handler.js';
import type { TalkingOptions } from '../janus/types.js';
import { janusRoomId } from '../janus/validate.js';
import { watchJanusEvents } from './janus-events.js';
import { JanusRoomMedia } from './janus-room-media.js';
import { LiveRoom } from './live-room.js';
import {
  systemTimers,
  type RoomServerPort,
  type RoomSignal,
  type RoomSocket,
  type RoomTimers,
} from './ports.js';
import type { RoomChain, RoomChainEvent } from './room-chain.js';
import { RoomRequests } from './room-requests.js';

const T = voice.SignalType;

/** Options of {@link RoomService}. */
export interface RoomServiceOptions {
  /** Reads rooms and memberships and follows VoiceRoom events. */
  chain: RoomChain;
  /**
   * The Janus servers rooms go to. Without it, rooms of up to `meshMaxMembers` use a peer
   * mesh and larger ones get ROOM_MEDIA_UNAVAILABLE.
   */
  janus?: JanusPool;
  /**
   * The secret each room's Janus secret is derived from. It is random per process by
   * default. Set the same value on every signaling instance and keep it across restarts, so
   * that any of them can operate a room another created.
   */
  janusSecretKey?: string;
  /** Talking detection of new Janus rooms; the Janus client's default when absent. */
  talking?: TalkingOptions;
  logger?: Logger;
  timers?: RoomTimers;
  /** Members a mesh room admits to media; {@link MESH_MAX_MEMBERS} by default. */
  meshMaxMembers?: number;
  /** How long a member's media outlives its closed socket, in ms; 20,000 by default. */
  disconnectGraceMs?: number;
  /**
   * How long a kicked member stays refused while the host's `kick_user` is on its way to
   * the chain, in ms; 120,000 by default. The chain's UserKicked event ends it earlier.
   */
  kickHoldMs?: number;
  /**
   * How long a role that a moderator gave over signaling lasts before the server reads the
   * member's role from the chain again, in ms; 60,000 by default.
   */
  roleConfirmMs?: number;
  /** Turn length of sequential rooms until a moderator sets one, in ms. */
  turnMs?: number;
  /**
   * How long a room's changes gather before one ROOM_STATE goes to its members, in ms; 50
   * by default. A burst of joins then costs a few broadcasts instead of two per join.
   */
  stateBroadcastMs?: number;
  /**
   * How long a room nobody has media in is kept, in ms; 60,000 by default. Then its Janus
   * room is destroyed and the next join opens it again.
   */
  roomIdleMs?: number;
  /** Chain reads that take longer fail with CHAIN_UNREACHABLE, in ms; 10,000 by default. */
  chainTimeoutMs?: number;
}

/** The advice in ROOM_MEDIA_UNAVAILABLE: how to get rooms larger than the mesh. */
export const MEDIA_UNAVAILABLE_ADVICE =
  'Rooms larger than the peer mesh need Janus: install it (apt-get install janus) and ' +
  'start the signaling server with --janus-url and --janus-admin-key (or stardust-voice dev --janus); ' +
  'docs/deploy-janus.md has the configuration.';

/**
 * The signaling server's room handler. It admits members to a room's media only after
 * reading their membership from the chain, and drives the media path: the Janus AudioBridge,
 * or a peer mesh without Janus. It enforces the room policy at the media server, follows
 * the chain's VoiceRoom events, and broadcasts each room's state to its members.
 *
 * It answers every request: ROOM_JOIN with ROOM_STATE, a ROOM_JSEP offer with Janus's
 * answer, the rest with ACK, and failures with ERROR carrying a code of the error table
 * (ROOM_MEDIA_REFUSED with the Janus error code in `detail`).
 */
export class RoomService implements RoomHandler {
  readonly #options: RoomServiceOptions;
  readonly #chain: RoomChain;
  readonly #logger: Logger;
  readonly #timers: RoomTimers;
  readonly #secretKey: string;
  readonly #rooms = new Map<string, LiveRoom>();
  readonly #opening = new Map<string, Promise<LiveRoom>>();
  /** Rooms a host closed over signaling, refused until the chain's close arrives. */
  readonly #closing = new Map<string, number>();
  readonly #requests: RoomRequests;
  #server: RoomServerPort | undefined;
  #stopChain: () => void;
  #stopJanus: () => void;

  constructor(options: RoomServiceOptions) {
    this.#options = options;
    this.#chain = options.chain;
    this.#logger = (options.logger ?? pino({ enabled: false })).child({ component: 'rooms' });
    this.#timers = options.timers ?? systemTimers;
    this.#secretKey = options.janusSecretKey ?? randomBytes(32).toString('base64url');
    this.#requests = new RoomRequests({
      chain: options.chain,
      timers: this.#timers,
      logger: this.#logger,
      kickHoldMs: options.kickHoldMs ?? 120_000,
      roleConfirmMs: options.roleConfirmMs ?? 60_000,
      endMedia: (room, key, how) => this.#endMedia(room, key, how),
      closeRoom: (room) => this.#closeRoom(room),
      refreshMember: (room, account) => this.#refreshMember(room, account),
      send: (account, type, payload) => this.#send(account, type, payload),
      relay: (account, frame) => this.#server?.relayTo(account, frame) ?? Promise.resolve(0),
    });
    this.#stopChain = this.#chain.subscribe(
      (event) => this.#onChainEvent(event),
      () => void this.#resync(),
    );
    this.#stopJanus =
      options.janus === undefined
        ? () => {}
        : watchJanusEvents(options.janus, this.#rooms, this.#logger);
  }

  /** The rooms served now, for tests and metrics. */
  get rooms(): ReadonlyMap<string, LiveRoom> {
    return this.#rooms;
  }

  /** Handles one checked room message (ROOM_*, or SDP/ICE of a mesh room). */
  async handle(
    socket: RoomSocket,
    message: RoomSignal,
    frame: Uint8Array,
    server: RoomServerPort,
  ): Promise<void> {
    this.#server = server;

    try {
      await this.#dispatch(socket, message, frame);
    } catch (error) {
      this.#replyError(socket, message, error);
    }
  }

  /** Starts the grace period of every media session that socket held. */
  async disconnected(socket: RoomSocket, server: RoomServerPort): Promise<void> {
    this.#server = server;

    for (const room of this.#rooms.values()) {
      const session = room.sessions.get(socket.accountKey);

      if (session === undefined || session.socketId !== socket.socketId) continue;

      const previous = room.graceTimers.get(socket.accountKey);

      this.#timers.clearTimeout(previous);
      room.graceTimers.set(
        socket.accountKey,
        this.#timers.setTimeout(() => {
          room.graceTimers.delete(socket.accountKey);

          if (room.sessions.get(socket.accountKey)?.socketId !== socket.socketId) return;

          this.#logger.info(
            { roomId: room.id, member: socket.account },
            'socket did not come back: ending its media',
          );
          void this.#endMedia(room, socket.accountKey, 'leave');
        }, this.#options.disconnectGraceMs ?? 20_000),
      );
    }
  }

  /** Destroys every Janus room this service opened and stops following the chain. */
  async close(): Promise<void> {
    this.#stopChain();
    this.#stopJanus();

    for (const room of [...this.#rooms.values()]) {
      room.dispose();
      await room.janus?.destroy();
    }

    this.#rooms.clear();
  }

  async #dispatch(socket: RoomSocket, message: RoomSignal, frame: Uint8Array): Promise<void> {
    const roomId = roomIdOf(message.roomId);

    switch (message.type) {
      case T.ROOM_JOIN:
        return this.#join(socket, message, roomId);
      case T.ROOM_JSEP:
        return this.#jsep(socket, message, this.#session(socket, roomId));
      case T.ROOM_TRICKLE:
        return this.#trickle(socket, message, this.#session(socket, roomId));
      case T.ROOM_LEAVE:
        return this.#leave(socket, message, roomId);
      case T.SDP_OFFER:
      case T.SDP_ANSWER:
      case T.ICE_CANDIDATE:
        return this.#requests.meshRelay(socket, message, frame, this.#session(socket, roomId));
      case T.ROOM_STATE:
        return this.#reply(
          socket,
          message,
          T.ROOM_STATE,
          encodeRoomState(this.#session(socket, roomId).snapshot()),
        );
      default:
        break;
    }

    const room = this.#session(socket, roomId);
    const handled = await this.#requests.handle(socket, message, frame, room);

    if (!handled) {
      throw new StardustError('UNKNOWN_TYPE', `Rooms do not handle signal type ${message.type}.`);
    }

    this.#server?.replyAck(socket, message);
  }

  async #join(socket: RoomSocket, message: RoomSignal, roomId: string): Promise<void> {
    const join = decodeRoomJoin(message.payload);
    const closing = this.#closing.get(roomId);

    if (closing !== undefined && closing > this.#timers.now()) {
      throw new StardustError('ROOM_CLOSED', `Room ${roomId} was closed by its host.`);
    }

    const [room, member] = await Promise.all([
      this.#liveRoom(roomId),
      this.#read(() => this.#chain.member(roomId, socket.account), 'RoomMembers'),
    ]);
    const key = socket.accountKey;

    if (member === null) {
      throw new StardustError(
        'ROOM_NOT_MEMBER',
        `${socket.account} is not a member of room ${roomId} on chain; join it on chain (join_room) first.`,
      );
    }

    this.#requests.checkKickHold(room, key, socket.account);

    const nickname = join.nickname.slice(0, 64);

    room.policy.upsertMember(member, nickname);

    if (join.resume && this.#resume(room, socket)) {
      room.changed();

      return this.#reply(socket, message, T.ROOM_STATE, encodeRoomState(room.snapshot()));
    }

    await this.#admit(room, key, socket.account);
    this.#timers.clearTimeout(room.graceTimers.get(key));
    room.graceTimers.delete(key);
    room.sessions.set(key, { account: member.account, socketId: socket.socketId });
    this.#timers.clearTimeout(room.releaseTimer);
    room.releaseTimer = undefined;

    if (join.startUnmuted) {
      try {
        room.policy.setSelfMuted(member.account, false);
      } catch {
        // A member whose role may not speak joins muted, and its state shows that.
      }
    }

    // The server cannot see a mesh member's connections; admission is its media.
    if (room.media === 'mesh') room.policy.setConnected(member.account, true);

    room.changed();
    this.#logger.info({ roomId, member: socket.account, media: room.media }, 'member admitted');

    return this.#reply(socket, message, T.ROOM_STATE, encodeRoomState(room.snapshot()));
  }

  /** Rebinds a member's media to a new socket after a signaling reconnect. */
  #resume(room: LiveRoom, socket: RoomSocket): boolean {
    const key = socket.accountKey;
    const session = room.sessions.get(key);
    const live = room.media === 'mesh' || room.janus?.joined(key) === true;

    if (session === undefined || !live) return false;

    session.socketId = socket.socketId;
    this.#timers.clearTimeout(room.graceTimers.get(key));
    room.graceTimers.delete(key);

    return true;
  }

  async #admit(room: LiveRoom, key: string, account: string): Promise<void> {
    if (room.media === 'mesh') {
      const others = [...room.sessions.keys()].filter((other) => other !== key).length;
      const limit = this.#options.meshMaxMembers ?? MESH_MAX_MEMBERS;

      if (others >= limit) {
        throw new StardustError(
          'ROOM_MEDIA_UNAVAILABLE',
          `Room ${room.id} already has ${others} members in its peer mesh, the most it carries. ${MEDIA_UNAVAILABLE_ADVICE}`,
        );
      }

      return;
    }

    if (room.mediaState !== 'ready') {
      throw new StardustError(
        'ROOM_MEDIA_DISCONNECTED',
        `The media server of room ${room.id} is reconnecting; ${account} joins once the room state says ready.`,
      );
    }

    await room.janus!.admit(key);
  }

  async #jsep(socket: RoomSocket, message: RoomSignal, room: LiveRoom): Promise<void> {
    const jsep = decodeRoomJsep(message.payload);
    const key = socket.accountKey;
    const janus = room.janus;

    if (jsep.type !== 'offer') {
      throw new StardustError(
        'INVALID_ARGUMENT',
        'ROOM_JSEP from a member must carry an offer; the server returns the answer.',
      );
    }

    if (janus === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        `Room ${room.id} uses a peer mesh: negotiate with each member through SDP_OFFER, not ROOM_JSEP.`,
      );
    }

    if (room.mediaState !== 'ready') {
      throw new StardustError(
        'ROOM_MEDIA_DISCONNECTED',
        `The media server of room ${room.id} is reconnecting; send the offer once the room state says ready.`,
      );
    }

    room.sessions.get(key)!.socketId = socket.socketId;

    const offer = { type: 'offer' as const, sdp: jsep.sdp };
    const member = room.policy.member(socket.account)!;
    const answer =
      jsep.iceRestart && janus.joined(key)
        ? await janus.renegotiate(key, offer)
        : await janus.join(
            key,
            offer,
            room.policy.mediaMuted(socket.account),
            member.nickname || undefined,
          );

    // Connected before the answer goes out, so no later state shows this member without media.
    if (room.sessions.has(key)) {
      room.policy.setConnected(socket.account, true);
      room.changed();
    }

    await this.#reply(
      socket,
      message,
      T.ROOM_JSEP,
      encodeRoomJsep({ type: 'answer', sdp: answer.sdp, iceRestart: jsep.iceRestart }),
    );
  }

  #trickle(socket: RoomSocket, message: RoomSignal, room: LiveRoom): void {
    const trickle = decodeRoomTrickle(message.payload);

    if (room.janus === undefined) {
      throw new StardustError(
        'INVALID_STATE',
        `Room ${room.id} uses a peer mesh: send ICE_CANDIDATE to each member.`,
      );
    }

    room.janus.trickle(socket.accountKey, 'completed' in trickle ? null : trickle.candidate);

    if (message.requestId !== 0) this.#server?.replyAck(socket, message);
  }

  async #leave(socket: RoomSocket, message: RoomSignal, roomId: string): Promise<void> {
    const room = this.#rooms.get(roomId);

    if (room?.sessions.has(socket.accountKey) === true) {
      await this.#endMedia(room, socket.accountKey, 'leave');
    }

    this.#server?.replyAck(socket, message);
  }

  /** Ends a member's media, and notifies its browser unless the member asked to leave. */
  async #endMedia(room: LiveRoom, key: string, how: 'leave' | 'kick' | 'dropped'): Promise<void> {
    const session = room.sessions.get(key);

    room.sessions.delete(key);
    this.#timers.clearTimeout(room.graceTimers.get(key));
    room.graceTimers.delete(key);

    if (session === undefined) return;

    // Janus leaves the browser's connection up after a kick: the browser closes it on these.
    if (how === 'kick') {
      this.#send(
        session.account,
        T.ROOM_KICK,
        encodeRoomKick({ account: session.account }),
        room.id,
      );
    } else if (how === 'dropped') {
      this.#send(session.account, T.ROOM_LEAVE, new Uint8Array(), room.id);
    }

    await room.janus?.remove(key, how === 'kick' ? 'kick' : 'leave');

    if (room.policy.has(session.account)) room.policy.setConnected(session.account, false);

    room.changed();

    if (room.sessions.size === 0) this.#releaseWhenIdle(room);
  }

  /**
   * Forgets a room nobody has media in after `roomIdleMs`, destroying its Janus room; the
   * next join reads it from the chain and opens its media again.
   */
  #releaseWhenIdle(room: LiveRoom): void {
    this.#timers.clearTimeout(room.releaseTimer);
    room.releaseTimer = this.#timers.setTimeout(() => {
      room.releaseTimer = undefined;

      if (room.sessions.size > 0 || room.closed || this.#rooms.get(room.id) !== room) return;

      this.#rooms.delete(room.id);
      room.dispose();
      void room.janus?.destroy();
      this.#logger.info({ roomId: room.id }, 'room released: nobody has media in it');
    }, this.#options.roomIdleMs ?? 60_000);
  }

  async #closeRoom(room: LiveRoom): Promise<void> {
    if (room.closed) return;

    room.closed = true;
    this.#closing.set(room.id, this.#timers.now() + (this.#options.kickHoldMs ?? 120_000));
    this.#rooms.delete(room.id);
    room.dispose();

    // Janus leaves browsers' connections up after a destroy, so the closed state closes them.
    room.broadcast(T.ROOM_STATE, encodeRoomState(room.snapshot()));
    await room.janus?.destroy();
    this.#logger.info({ roomId: room.id }, 'room closed');
  }

  /** Returns the served room, reading it from the chain and opening its media the first time. */
  #liveRoom(roomId: string): Promise<LiveRoom> {
    const live = this.#rooms.get(roomId);

    if (live !== undefined) return Promise.resolve(live);

    let opening = this.#opening.get(roomId);

    if (opening === undefined) {
      opening = this.#openRoom(roomId).finally(() => this.#opening.delete(roomId));
      this.#opening.set(roomId, opening);
    }

    return opening;
  }

  async #openRoom(roomId: string): Promise<LiveRoom> {
    const info = await this.#read(() => this.#chain.room(roomId), 'Rooms');

    if (info === null) {
      throw new StardustError('ROOM_NOT_FOUND', `Room ${roomId} does not exist on chain.`);
    }

    if (!info.isActive) throw new StardustError('ROOM_CLOSED', `Room ${roomId} is closed.`);

    const members = await this.#read(() => this.#chain.members(roomId), 'RoomMembers');
    const pool = this.#options.janus;
    const janus =
      pool === undefined
        ? undefined
        : new JanusRoomMedia({
            pool,
            roomId,
            secretKey: this.#secretKey,
            talking: this.#options.talking,
            logger: this.#logger,
          });

    await janus?.open();

    const room = new LiveRoom({
      info,
      members,
      media: janus === undefined ? 'mesh' : 'janus',
      janus,
      timers: this.#timers,
      turnMs: this.#options.turnMs ?? DEFAULT_TURN_MS,
      broadcastDelayMs: this.#options.stateBroadcastMs ?? 50,
      logger: this.#logger,
      send: (account, type, payload) => this.#send(account, type, payload, roomId),
    });

    this.#rooms.set(roomId, room);
    this.#releaseWhenIdle(room);
    this.#logger.info({ roomId, media: room.media, server: janus?.server }, 'room opened');

    return room;
  }

  /** Returns the room in which this socket's account has media. */
  #session(socket: RoomSocket, roomId: string): LiveRoom {
    const room = this.#rooms.get(roomId);

    if (room === undefined || !room.sessions.has(socket.accountKey)) {
      throw new StardustError(
        'ROOM_NOT_MEMBER',
        `${socket.account} has not joined the media of room ${roomId}; send ROOM_JOIN first.`,
      );
    }

    return room;
  }

  #onChainEvent(event: RoomChainEvent): void {
    const room = this.#rooms.get(event.roomId);

    if (room === undefined) return;

    void this.#requests
      .chainEvent(room, event)
      .catch((error: unknown) =>
        this.#logger.error(
          { err: error, roomId: room.id, event: event.kind },
          'applying a chain event failed',
        ),
      );
  }

  /** Reads a member again from the chain and applies its role and mute, or removes it. */
  async #refreshMember(room: LiveRoom, account: string): Promise<void> {
    const member = await this.#read(() => this.#chain.member(room.id, account), 'RoomMembers');

    if (member !== null) {
      room.policy.upsertMember(member);
    } else {
      await this.#endMedia(room, accountKey(account), 'dropped');
      room.policy.removeMember(account);
    }

    room.changed();
  }

  /** Reads every served room again after the chain connection came back. */
  async #resync(): Promise<void> {
    for (const room of [...this.#rooms.values()]) {
      try {
        const info = await this.#read(() => this.#chain.room(room.id), 'Rooms');

        if (info === null || !info.isActive) {
          await this.#closeRoom(room);
          continue;
        }

        room.info = info;
        room.policy.setMode(info.speakingMode);

        const members = await this.#read(() => this.#chain.members(room.id), 'RoomMembers');
        const listed = new Set(members.map((member) => accountKey(member.account)));

        for (const member of members) room.policy.upsertMember(member);

        for (const member of room.policy.members()) {
          if (listed.has(member.key)) continue;

          await this.#endMedia(room, member.key, 'dropped');
          room.policy.removeMember(member.account);
        }

        room.changed();
      } catch (error) {
        this.#logger.error(
          { err: error, roomId: room.id },
          're-reading a room from the chain failed',
        );
      }
    }
  }

  /** Runs a chain read with a deadline: a read past `chainTimeoutMs` fails with CHAIN_UNREACHABLE. */
  async #read<T>(read: () => Promise<T>, what: string): Promise<T> {
    const timeoutMs = this.#options.chainTimeoutMs ?? 10_000;
    let timer: unknown;
    const deadline = new Promise<never>((_, reject) => {
      timer = this.#timers.setTimeout(
        () =>
          reject(
            new StardustError(
              'CHAIN_UNREACHABLE',
              `Reading ${what} from the chain took longer than ${timeoutMs} ms; retry when the chain node answers.`,
            ),
          ),
        timeoutMs,
      );
    });

    try {
      return await Promise.race([read(), deadline]);
    } finally {
      this.#timers.clearTimeout(timer);
    }
  }

  #send(account: string, type: number, payload: Uint8Array, roomId?: string): void {
    this.#server
      ?.sendTo(account, type, payload, roomId === undefined ? {} : { roomId })
      .catch((error: unknown) =>
        this.#logger.warn({ err: error, account, type }, 'sending a room message failed'),
      );
  }

  async #reply(
    socket: RoomSocket,
    message: RoomSignal,
    type: number,
    payload: Uint8Array,
  ): Promise<void> {
    await this.#server?.sendTo(socket.account, type, payload, {
      roomId: message.roomId,
      requestId: message.requestId,
    });
  }

  #replyError(socket: RoomSocket, message: RoomSignal, error: unknown): void {
    const server = this.#server;

    if (server === undefined) return;

    if (!(error instanceof StardustError)) {
      this.#logger.error(
        { err: error, type: message.type, roomId: message.roomId },
        'room request failed',
      );
      server.replyError(
        socket,
        message,
        'INTERNAL_ERROR',
        'The room request failed inside the server.',
      );

      return;
    }

    if (error.detail === undefined) {
      server.replyError(socket, message, error.code, error.message);

      return;
    }

    // ERROR with a detail, such as the Janus code of ROOM_MEDIA_REFUSED.
    void server
      .sendTo(
        socket.account,
        T.ERROR,
        encodeErrorPayload({
          code: error.code,
          message: error.message,
          refType: message.type,
          detail: error.detail,
        }),
        { roomId: message.roomId, requestId: message.requestId },
      )
      .catch(() => {});
  }
}

/**
 * Returns the bare hex room id of a message's `room_id`.
 *
 * @throws StardustError INVALID_ARGUMENT for anything but 16 bytes of hex.
 */
function roomIdOf(value: string): string {
  return janusRoomId(value);
}
