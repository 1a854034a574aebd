/**
 * What the room service needs from the signaling server, in the shape of the server's
 * room-handler hook: the authenticated socket a message came from, the checked message,
 * and the functions to answer, send and relay.
 */
import type { ErrorCode } from '../../../src/shared/errors.js';

/** The sender of a room message: one authenticated socket. */
export interface RoomSocket {
  /** SS58 address (prefix 42). */
  account: string;
  /** Hex of the account's public key. */
  accountKey: string;
  /** The socket's id, unique across instances. */
  socketId: string;
  /** Hex of the socket's session public key. */
  sessionKey: string;
}

/** The fields of a checked signaling message that rooms read. */
export interface RoomSignal {
  type: number | undefined;
  from: string;
  to: string;
  callId: string;
  roomId: string;
  payload: Uint8Array;
  requestId: number;
}

/** The server functions a room handler calls. */
export interface RoomServerPort {
  /**
   * Sends a server message of `type` with an encoded payload to every socket of `account`
   * (SS58 or hex key). Returns the number of sockets reached.
   */
  sendTo(
    account: string,
    type: number,
    payload: Uint8Array,
    fields?: { roomId?: string; requestId?: number },
  ): Promise<number>;
  /** Relays a member's signed frame unchanged to every socket of `account`. */
  relayTo(account: string, frame: Uint8Array): Promise<number>;
  /** Answers `message` from `member` with ERROR `code`. */
  replyError(member: RoomSocket, message: RoomSignal, code: ErrorCode, text: string): void;
  /** Answers `message` from `member` with ACK. */
  replyAck(member: RoomSocket, message: RoomSignal): void;
  /** Server clock, milliseconds since the Unix epoch. */
  now(): number;
}

/** Timers the room service uses; injectable so tests can run turns on a fake clock. */
export interface RoomTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** {@link RoomTimers} on the process clock; timers do not keep the process alive. */
export const systemTimers: RoomTimers = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);

    handle.unref();

    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
