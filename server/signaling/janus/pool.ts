import { EventEmitter } from 'node:events';

import { StardustError } from '../../../src/shared/errors.js';
import { JanusAudioBridge } from './audio-bridge.js';
import type { AudioBridgeRoom } from './audio-bridge-room.js';
import { noJanusServer, RoomMediaError } from './errors.js';
import { rankServers } from './rendezvous.js';
import type {
  BridgeState,
  CreateRoomOptions,
  JanusClientOptions,
  JanusEvents,
  JanusServerConfig,
} from './types.js';
import { janusRoomId } from './validate.js';

/** Options of {@link JanusPool}. */
export interface JanusPoolOptions extends JanusClientOptions {
  /** The Janus servers, each with a unique name (its URL unless set). */
  servers: JanusServerConfig[];
}

/** One server's health, as {@link JanusPool.health} reports it. */
export interface JanusServerHealth {
  name: string;
  url: string;
  state: BridgeState;
  /** True while connected: new rooms may go there and its rooms work. */
  healthy: boolean;
  /** When the state last changed (ms since the epoch). */
  since: number;
  /** The error of the last failure, if any. */
  lastError?: string;
  /** Rooms this client created or opened there. */
  rooms: number;
  /** Members joined or joining there through this client. */
  members: number;
}

/** Events of {@link JanusPool}: every server's events, plus health changes. */
export interface JanusPoolEvents extends JanusEvents {
  /** A server became usable or unusable. */
  serverHealth: [{ server: string; healthy: boolean; state: BridgeState }];
}

const FORWARDED = [
  'stateChange',
  'talking',
  'memberConnected',
  'memberReceiving',
  'memberCandidate',
  'memberLeft',
  'roomDestroyed',
  'disconnected',
  'reconnected',
] as const satisfies ReadonlyArray<keyof JanusEvents>;

/**
 * Several Janus servers behind one room API. Rooms go to servers by rendezvous hashing of
 * the room id over the server names, so every signaling instance places a room on the same
 * server. When that server is down, the room goes to the next healthy one in its order.
 *
 * Events of every server are re-emitted with their `server` field.
 */
export class JanusPool extends EventEmitter<JanusPoolEvents> {
  /** The servers, in configuration order. */
  readonly servers: readonly JanusAudioBridge[];
  #byName = new Map<string, JanusAudioBridge>();
  #health = new Map<string, { since: number; lastError?: string }>();
  #placement = new Map<string, string>();

  /** @throws StardustError INVALID_ARGUMENT for no servers, duplicate names or bad options. */
  constructor(options: JanusPoolOptions) {
    super();

    const { servers, ...shared } = options;

    if (!Array.isArray(servers) || servers.length === 0) {
      throw new StardustError('INVALID_ARGUMENT', 'JanusPool needs at least one server.');
    }

    this.servers = servers.map((server) => new JanusAudioBridge({ ...shared, ...server }));

    for (const bridge of this.servers) {
      if (this.#byName.has(bridge.name)) {
        throw new StardustError(
          'INVALID_ARGUMENT',
          `Two Janus servers are named ${bridge.name}; give each a unique name.`,
        );
      }

      this.#byName.set(bridge.name, bridge);
      this.#health.set(bridge.name, { since: Date.now() });
      this.#watch(bridge);
    }
  }

  /**
   * Connects to every server. Resolves once all attempts settled and at least one server is
   * ready; the others keep retrying in the background.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED when no server could be reached.
   */
  async connect(): Promise<void> {
    const results = await Promise.allSettled(this.servers.map((bridge) => bridge.connect()));

    if (results.some((result) => result.status === 'fulfilled')) return;

    throw RoomMediaError.disconnected(
      { request: 'connect', server: this.servers.map((bridge) => bridge.name).join(', ') },
      results.map((result) => (result as PromiseRejectedResult).reason),
    );
  }

  /** Closes every server's client. */
  async close(): Promise<void> {
    await Promise.all(this.servers.map((bridge) => bridge.close()));
  }

  /** Returns every server's health. */
  health(): JanusServerHealth[] {
    return this.servers.map((bridge) => {
      const health = this.#health.get(bridge.name)!;
      const entry: JanusServerHealth = {
        name: bridge.name,
        url: bridge.url,
        state: bridge.state,
        healthy: bridge.state === 'ready',
        since: health.since,
        rooms: bridge.rooms.length,
        members: bridge.memberCount,
      };

      if (health.lastError !== undefined) entry.lastError = health.lastError;

      return entry;
    });
  }

  /** Returns the server names in the order a room prefers them. */
  rank(roomId: string | Uint8Array): string[] {
    return rankServers(janusRoomId(roomId), [...this.#byName.keys()]);
  }

  /**
   * Returns the server that has or would get a room: where this client placed it, else
   * the first healthy server in the room's order.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED when no server is healthy.
   */
  serverFor(roomId: string | Uint8Array): JanusAudioBridge {
    const id = janusRoomId(roomId);
    const placed = this.#placement.get(id);

    if (placed !== undefined) return this.#byName.get(placed)!;

    const healthy = this.#healthyInOrder(id)[0];

    if (healthy === undefined) throw this.#noServer(id, 'route');

    return healthy;
  }

  /**
   * Creates a room on the first healthy server in its order, moving on to the next when a
   * server does not respond.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED when no server is healthy; the server's
   *   refusal (such as 486 when the room exists) as is.
   */
  async createRoom(
    roomId: string | Uint8Array,
    options: CreateRoomOptions,
  ): Promise<AudioBridgeRoom> {
    const id = janusRoomId(roomId);
    let lastError: unknown = this.#noServer(id, 'create');

    for (const bridge of this.#healthyInOrder(id)) {
      try {
        const room = await bridge.createRoom(id, options);

        this.#placement.set(id, bridge.name);

        return room;
      } catch (error) {
        if (!(error instanceof RoomMediaError) || error.code === 'ROOM_MEDIA_REFUSED') throw error;

        lastError = error;
      }
    }

    throw lastError;
  }

  /**
   * Returns a room on the server {@link serverFor} names, to operate with its secret.
   *
   * @throws RoomMediaError ROOM_MEDIA_DISCONNECTED when no server is healthy.
   */
  room(roomId: string | Uint8Array, secret: string): AudioBridgeRoom {
    const id = janusRoomId(roomId);
    const bridge = this.serverFor(id);

    this.#placement.set(id, bridge.name);

    return bridge.room(id, secret);
  }

  /**
   * Looks for a room another client created, asking the healthy servers in the room's
   * order, and returns it on the server that has it.
   */
  async findRoom(
    roomId: string | Uint8Array,
    secret: string,
  ): Promise<AudioBridgeRoom | undefined> {
    const id = janusRoomId(roomId);

    for (const bridge of this.#healthyInOrder(id)) {
      if (await bridge.roomExists(id)) {
        this.#placement.set(id, bridge.name);

        return bridge.room(id, secret);
      }
    }

    return undefined;
  }

  #healthyInOrder(roomId: string): JanusAudioBridge[] {
    return rankServers(roomId, [...this.#byName.keys()])
      .map((name) => this.#byName.get(name)!)
      .filter((bridge) => bridge.state === 'ready');
  }

  #noServer(roomId: string, request: string): RoomMediaError {
    return noJanusServer(request, roomId, this.servers.length);
  }

  #watch(bridge: JanusAudioBridge): void {
    for (const name of FORWARDED) {
      bridge.on(name, (...args: unknown[]) =>
        (this.emit as (event: string, ...rest: unknown[]) => boolean)(name, ...args),
      );
    }

    bridge.on('stateChange', ({ state, previous, error }) => {
      const health = this.#health.get(bridge.name)!;

      health.since = Date.now();

      if (error !== undefined)
        health.lastError = error instanceof Error ? error.message : String(error);

      if ((state === 'ready') !== (previous === 'ready')) {
        this.emit('serverHealth', { server: bridge.name, healthy: state === 'ready', state });
      }
    });
    bridge.on('roomDestroyed', ({ roomId }) => this.#placement.delete(roomId));
    bridge.on('reconnected', ({ missingRooms }) => {
      for (const roomId of missingRooms) this.#placement.delete(roomId);
    });
  }
}
