import { EventEmitter } from 'node:events';

import { pino, type Logger } from 'pino';

import { StardustError } from '../../../src/shared/errors.js';
import type { AudioBridgeMember } from './audio-bridge-member.js';
import { AudioBridgeRoom, parseParticipants, type RoomBackend } from './audio-bridge-room.js';
import type { RoomMediaContext } from './errors.js';
import { JanusLink, type LinkLive } from './janus-link.js';
import { MemberJoins } from './member-joins.js';
import { backoffPolicy } from './reconnect.js';
import { TalkingTracker } from './talking-tracker.js';
import {
  AUDIOBRIDGE_PLUGIN,
  type BridgeState,
  type CreateRoomOptions,
  type JanusAudioBridgeOptions,
  type JanusEvents,
  type MemberLeftReason,
  type TalkingOptions,
} from './types.js';
import { checkCredential, checkTalking, janusRoomId } from './validate.js';

/**
 * Talking detection of new rooms: a half-second window (25 packets of 20 ms) whose average
 * RFC 6464 level is below 50 -dBov counts as talking. Measured with bench/talking-level.ts
 * (docs/deploy-janus.md has the table): the espeak-ng speech fixture through Chromium's
 * fake microphone counted as talking 77–79 % of the time, on the plateau that thresholds
 * 35–50 share, while digital silence and a -53 dBov hum never did. Janus's own default
 * threshold of 25 caught that speech a quarter of the time.
 */
export const DEFAULT_TALKING: TalkingOptions = { audioLevelAverage: 50, audioActivePackets: 25 };

// Janus measures every 20 ms packet; the room's window is this many milliseconds long.
const PACKET_MS = 20;

/** Janus's response to `info`: its version, plugins and transports. */
export interface JanusServerInfo {
  /** Such as `1.1.2`. */
  version: string;
  /** Plugin package names, such as `janus.plugin.audiobridge`. */
  plugins: string[];
  /** Transport package names. */
  transports: string[];
}

/** A room this client created or opened, with what it needs to recreate it after a restart. */
interface TrackedRoom {
  /** Present for rooms this client created: enough to create them again. */
  config?: RoomConfig;
  members: Map<string, AudioBridgeMember>;
}

interface RoomConfig {
  secret: string;
  description?: string;
  talking: TalkingOptions;
  allowed: Set<string>;
}

/** The result of checking rooms after a reconnect, reported with `reconnected` once ready. */
type RestoreReport = { restarted: boolean; recreatedRooms: string[]; missingRooms: string[] };

/**
 * The AudioBridge of one Janus server, driven over the Janus WebSocket API.
 *
 * It keeps one session (with keepalives) and one admin handle for room operations, and
 * gives every member its own handle. Every request settles: with Janus's response, with
 * RoomMediaError ROOM_MEDIA_REFUSED carrying the Janus error code, with ROOM_MEDIA_TIMEOUT
 * after `requestTimeoutMs`, or with ROOM_MEDIA_DISCONNECTED. When the connection drops it
 * reports every member as left (`connection-lost`), reconnects with backoff, recreates the
 * rooms it created if Janus lost them, and emits `reconnected`: the room layer then asks
 * the members' browsers for new offers and joins them again.
 */
export class JanusAudioBridge extends EventEmitter<JanusEvents> {
  /** The server's name in events, logs and the pool's hashing. */
  readonly name: string;
  readonly url: string;
  #adminKey: string;
  #logger: Logger;
  #talkingDefaults: TalkingOptions;
  #link: JanusLink;
  #rooms = new Map<string, TrackedRoom>();
  #talking: TalkingTracker;
  #restored: RestoreReport | undefined;
  #joins: MemberJoins;
  #roomBackend: RoomBackend;

  /** @throws StardustError INVALID_ARGUMENT for a malformed URL, admin key or talking option. */
  constructor(options: JanusAudioBridgeOptions) {
    super();

    if (typeof options.url !== 'string' || !/^wss?:\/\/[^/]/.test(options.url)) {
      throw new StardustError(
        'INVALID_ARGUMENT',
        `Janus URL ${JSON.stringify(options.url)} must start with ws:// or wss://.`,
      );
    }

    this.#adminKey = checkCredential(options.adminKey, 'admin key');
    this.url = options.url;
    this.name = options.name ?? options.url;
    this.#logger = (options.logger ?? pino({ enabled: false })).child({ janus: this.name });
    this.#talkingDefaults = checkTalking(options.talking ?? DEFAULT_TALKING);
    this.#talking = new TalkingTracker(
      ({ roomId, memberId, talking }) =>
        this.emit('talking', { server: this.name, roomId, memberId, talking }),
      async (roomId) =>
        parseParticipants(
          (
            await this.#adminRequest(
              { request: 'listparticipants', room: roomId },
              { request: 'listparticipants', roomId },
            )
          ).participants,
        ),
    );
    this.#link = new JanusLink(
      {
        url: options.url,
        name: this.name,
        plugin: AUDIOBRIDGE_PLUGIN,
        apiSecret: options.apiSecret,
        WebSocket: options.WebSocket,
        requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
        keepaliveIntervalMs: options.keepaliveIntervalMs ?? 25_000,
        reconnect: options.reconnect ?? backoffPolicy(),
        logger: this.#logger,
        onAttached: (live) => live.admin.on('event', ({ data }) => this.#onRoomEvent(data)),
        onLost: (error) => this.#connectionLost(error),
        onReconnected: (live) => this.#restoreRooms(live),
      },
      (state, previous, error) => this.#stateChanged(state, previous, error),
    );
    this.#joins = new MemberJoins({
      server: this.name,
      logger: this.#logger,
      memberBackend: {
        server: this.name,
        memberGone: (member, reason, detail) => this.#memberGone(member, reason, detail),
      },
      whenReady: (context) => this.#link.whenReady(context),
      track: (roomId) => this.#track(roomId),
      memberGone: (member, reason, detail) => this.#memberGone(member, reason, detail),
      dropMember: (member) => this.#dropMember(member),
      onRoomEvent: (data) => this.#onRoomEvent(data),
      emitMember: (event, payload) =>
        (this.emit as (name: string, value: unknown) => boolean)(event, payload),
    });
    this.#roomBackend = {
      server: this.name,
      admin: (body, context) => this.#adminRequest(body, context),
      join: (roomId, request) => this.#joins.join(roomId, request),
      member: (roomId, memberId) => this.#rooms.get(roomId)?.members.get(memberId),
      tokensChanged: (roomId, action, tokens) => this.#tokensChanged(roomId, action, tokens),
      mutedChanged: (roomId, memberId, muted) =>
        this.#talking.muted(roomId, memberId, muted, this.#windowMs(roomId)),
      destroyed: (roomId) => this.#roomDestroyed(roomId),
    };
  }

  /** The connection state. */
  get state(): BridgeState {
    return this.#link.state;
  }

  /** The ids of the rooms this client created or opened and has not seen destroyed. */
  get rooms(): string[] {
    return [...this.#rooms.keys()];
  }

  /** The number of members joined or joining through this client. */
  get memberCount(): number {
    let count = 0;

    for (const room of this.#rooms.values()) count += room.members.size;

    return count;
  }

  /**
   * Connects, creates a session and attaches the admin handle. If the first attempt fails
   * it rejects, and the bridge keeps trying in the background by its reconnect policy.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED or ROOM_MEDIA_TIMEOUT; StardustError
   *   DISPOSED after {@link close}.
   */
  connect(): Promise<void> {
    return this.#link.connect();
  }

  /**
   * Destroys the session (which closes every member's PeerConnection at Janus) and closes
   * the connection, without events. Rooms stay in Janus until destroyed, so another client
   * holding their secrets can still use them.
   */
  async close(): Promise<void> {
    for (const room of this.#rooms.values()) {
      for (const member of room.members.values()) member.setState('left');
    }

    this.#rooms.clear();
    this.#talking.clearAll();
    await this.#link.close();
  }

  /** Returns the server's version, plugins and transports. */
  async info(): Promise<JanusServerInfo> {
    const { connection } = await this.#link.whenReady({ request: 'info' });
    const answer = await connection.request({ janus: 'info' }, { context: { request: 'info' } });

    return {
      version: String(answer.version_string ?? ''),
      plugins: Object.keys((answer.plugins ?? {}) as object),
      transports: Object.keys((answer.transports ?? {}) as object),
    };
  }

  /**
   * Creates a room: the chain room id in hex as Janus string id, Opus at 48 kHz mono, the
   * given secret, an `allowed` list (empty by default, so nobody joins without a token),
   * talking events on, private (absent from `list`) and not saved to Janus's config.
   *
   * @throws StardustError INVALID_ARGUMENT; RoomMediaError ROOM_MEDIA_REFUSED 486 when the
   *   room exists.
   */
  async createRoom(
    roomId: string | Uint8Array,
    options: CreateRoomOptions,
  ): Promise<AudioBridgeRoom> {
    const id = janusRoomId(roomId);
    const secret = checkCredential(options.secret, 'secret');
    const allowed = (options.allowed ?? []).map((token) => checkCredential(token, 'token'));
    const talking = checkTalking(options.talking ?? this.#talkingDefaults);
    const config: RoomConfig = {
      secret,
      description: options.description,
      talking,
      allowed: new Set(allowed),
    };

    await this.#adminRequest(this.#createBody(id, config), {
      request: 'create',
      roomId: id,
    });

    this.#track(id).config = config;
    this.#logger.info({ roomId: id }, 'room created');

    return new AudioBridgeRoom(this.#roomBackend, id, secret);
  }

  /**
   * Returns a room that exists on this server, such as one another signaling instance
   * created, to operate with its secret. Does no I/O. This client cannot recreate such a
   * room after a Janus restart: it reports it in `missingRooms`.
   */
  room(roomId: string | Uint8Array, secret: string): AudioBridgeRoom {
    const id = janusRoomId(roomId);
    const room = new AudioBridgeRoom(this.#roomBackend, id, secret);

    this.#track(id);

    return room;
  }

  /** Resolves true when Janus has the room. */
  async roomExists(roomId: string | Uint8Array): Promise<boolean> {
    const id = janusRoomId(roomId);
    const data = await this.#adminRequest(
      { request: 'exists', room: id },
      { request: 'exists', roomId: id },
    );

    return data.exists === true;
  }

  #stateChanged(state: BridgeState, previous: BridgeState, error: unknown): void {
    const event = { server: this.name, state, previous };

    this.emit('stateChange', error === undefined ? event : { ...event, error });

    const report = this.#restored;

    if (state !== 'ready' || report === undefined) return;

    this.#restored = undefined;
    this.#logger.info(report, 'reconnected to Janus');
    this.emit('reconnected', { server: this.name, ...report });
  }

  #connectionLost(error: unknown): void {
    for (const room of this.#rooms.values()) {
      for (const member of [...room.members.values()]) this.#memberGone(member, 'connection-lost');
    }

    this.#talking.clearAll();
    this.emit('disconnected', { server: this.name, error });
  }

  /** Checks every tracked room after a reconnect and recreates the ones Janus lost. */
  async #restoreRooms(live: LinkLive): Promise<void> {
    const recreatedRooms: string[] = [];
    const missingRooms: string[] = [];

    for (const [roomId, room] of [...this.#rooms]) {
      const context = { request: 'exists', roomId };
      const { data } = await live.admin.message({ request: 'exists', room: roomId }, { context });

      if (data.exists === true) continue;

      if (room.config === undefined) {
        this.#rooms.delete(roomId);
        missingRooms.push(roomId);
        continue;
      }

      await live.admin.message(this.#createBody(roomId, room.config), {
        context: { request: 'create', roomId },
      });
      recreatedRooms.push(roomId);
    }

    this.#restored = {
      restarted: recreatedRooms.length + missingRooms.length > 0,
      recreatedRooms,
      missingRooms,
    };
  }

  #createBody(roomId: string, config: RoomConfig): Record<string, unknown> {
    const body: Record<string, unknown> = {
      request: 'create',
      room: roomId,
      admin_key: this.#adminKey,
      secret: config.secret,
      permanent: false,
      is_private: true,
      sampling_rate: 48_000,
      spatial_audio: false,
      audiolevel_ext: true,
      audiolevel_event: true,
      audio_level_average: config.talking.audioLevelAverage,
      audio_active_packets: config.talking.audioActivePackets,
      // Always a list, even an empty one: Janus checks tokens only when `allowed` is given.
      allowed: [...config.allowed],
    };

    if (config.description !== undefined) body.description = config.description;

    return body;
  }

  /** Handles room-wide AudioBridge events, whichever handle they arrived on. */
  #onRoomEvent(data: Record<string, unknown>): void {
    const kind = data.audiobridge;
    const roomId = typeof data.room === 'string' ? data.room : undefined;

    if (roomId === undefined || !this.#rooms.has(roomId)) return;

    if (kind === 'talking' || kind === 'stopped-talking') {
      this.#talking.reported(roomId, String(data.id), kind === 'talking');
    } else if (kind === 'destroyed') {
      this.#roomDestroyed(roomId);
    } else if (kind === 'event' || kind === 'joined') {
      const gone = data.leaving ?? data.kicked;

      if (gone !== undefined) this.#talking.gone(roomId, String(gone));

      // Mutes by anyone holding the secret reach every member as participant updates.
      for (const participant of parseParticipants(data.participants)) {
        this.#talking.muted(roomId, participant.id, participant.muted, this.#windowMs(roomId));
      }
    }
  }

  #memberGone(member: AudioBridgeMember, reason: MemberLeftReason, detail?: string): void {
    if (member.left) return;

    const wasJoined = member.state === 'joined';

    this.#dropMember(member);
    this.#talking.gone(member.roomId, member.memberId);

    if (!wasJoined) return;

    this.#logger.debug(
      { roomId: member.roomId, memberId: member.memberId, reason, detail },
      'member left',
    );

    const event = { server: this.name, roomId: member.roomId, memberId: member.memberId, reason };

    this.emit('memberLeft', detail === undefined ? event : { ...event, detail });
  }

  /** Forgets a member and detaches its handle, without events. */
  #dropMember(member: AudioBridgeMember): void {
    const room = this.#rooms.get(member.roomId);

    if (room?.members.get(member.memberId) === member) room.members.delete(member.memberId);

    member.setState('left');
    void member.handle?.detach();
  }

  #roomDestroyed(roomId: string): void {
    const room = this.#rooms.get(roomId);

    if (room === undefined) return;

    for (const member of [...room.members.values()]) this.#memberGone(member, 'room-destroyed');

    this.#rooms.delete(roomId);
    this.#talking.clearRoom(roomId);
    this.#logger.info({ roomId }, 'room destroyed');
    this.emit('roomDestroyed', { server: this.name, roomId });
  }

  /** Returns the tracking entry of a room, creating an empty one. */
  #track(roomId: string): TrackedRoom {
    let room = this.#rooms.get(roomId);

    if (room === undefined) {
      room = { members: new Map() };
      this.#rooms.set(roomId, room);
    }

    return room;
  }

  #tokensChanged(roomId: string, action: 'add' | 'remove', tokens: string[]): void {
    const allowed = this.#rooms.get(roomId)?.config?.allowed;

    if (allowed === undefined) return;

    for (const token of tokens) {
      if (action === 'add') allowed.add(token);
      else allowed.delete(token);
    }
  }

  #windowMs(roomId: string): number {
    const talking = this.#rooms.get(roomId)?.config?.talking ?? this.#talkingDefaults;

    return talking.audioActivePackets * PACKET_MS;
  }

  async #adminRequest(
    body: Record<string, unknown>,
    context: Omit<RoomMediaContext, 'server'>,
  ): Promise<Record<string, unknown>> {
    const { admin } = await this.#link.whenReady(context);

    return (await admin.message(body, { context })).data;
  }
}
