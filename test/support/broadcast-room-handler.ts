// A fake room handler for load tests: it keeps room membership in Redis (or in memory
// without Redis) and relays every other room message to each other member through the
// server's bus. It exercises the server's room fan-out path (RoomServer.relayTo over one
// or several instances) with none of the chain checks or media of the real room service.
import { Redis } from 'ioredis';

import { SignalType } from '../../src/shared/codec.js';
import type { RoomHandler, RoomMember, RoomServer } from '../../server/signaling/room-handler.js';
import type { SignalMessage } from '../../src/shared/codec.js';

/** Fake: membership and fan-out only. ROOM_JOIN and ROOM_LEAVE are acknowledged. */
export class BroadcastRoomHandler implements RoomHandler {
  readonly #redis: Redis | undefined;
  readonly #members = new Map<string, Set<string>>();
  /** Rooms each local socket joined, so a closed socket leaves them. */
  readonly #joined = new Map<string, Set<string>>();

  constructor(redisUrl?: string) {
    this.#redis = redisUrl === undefined ? undefined : new Redis(redisUrl);
  }

  async handle(
    member: RoomMember,
    message: SignalMessage,
    frame: Uint8Array,
    server: RoomServer,
  ): Promise<void> {
    const room = message.roomId;

    if (message.type === SignalType.ROOM_JOIN) {
      await this.#add(room, member);
      server.replyAck(member, message);

      return;
    }

    if (message.type === SignalType.ROOM_LEAVE) {
      await this.#remove(room, member);
      server.replyAck(member, message);

      return;
    }

    const members = await this.#list(room);

    if (!members.includes(member.accountKey)) {
      server.replyError(member, message, 'ROOM_NOT_MEMBER', `Not a member of room ${room}.`);

      return;
    }

    await Promise.all(
      members
        .filter((account) => account !== member.accountKey)
        .map((account) => server.relayTo(account, frame)),
    );
  }

  async disconnected(member: RoomMember): Promise<void> {
    for (const room of this.#joined.get(member.socketId) ?? []) await this.#remove(room, member);
  }

  async close(): Promise<void> {
    this.#redis?.disconnect();
  }

  async #add(room: string, member: RoomMember): Promise<void> {
    let rooms = this.#joined.get(member.socketId);

    if (rooms === undefined) {
      rooms = new Set();
      this.#joined.set(member.socketId, rooms);
    }

    rooms.add(room);

    if (this.#redis !== undefined) {
      await this.#redis.sadd(`test-room:${room}`, member.accountKey);

      return;
    }

    let members = this.#members.get(room);

    if (members === undefined) {
      members = new Set();
      this.#members.set(room, members);
    }

    members.add(member.accountKey);
  }

  async #remove(room: string, member: RoomMember): Promise<void> {
    this.#joined.get(member.socketId)?.delete(room);

    if (this.#redis !== undefined) await this.#redis.srem(`test-room:${room}`, member.accountKey);
    else this.#members.get(room)?.delete(member.accountKey);
  }

  async #list(room: string): Promise<string[]> {
    if (this.#redis !== undefined) return this.#redis.smembers(`test-room:${room}`);

    return [...(this.#members.get(room) ?? [])];
  }
}
