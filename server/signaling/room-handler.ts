/**
 * The hook for voice rooms: the server authenticates and checks every ROOM_* message like
 * any other, then hands it to the configured {@link RoomHandler}, which owns room state,
 * membership checks against the chain and the media server.
 */
import type { SignalMessage } from '../../src/shared/codec.js';
import type { ErrorCode } from '../../src/shared/errors.js';

/** The sender of a room message: one authenticated socket. */
export interface RoomMember {
  /** SS58 address (prefix 42). */
  account: string;
  /** Hex of the account's public key. */
  accountKey: string;
  /** The socket's id, unique across instances. */
  socketId: string;
  /** Hex of the socket's session public key. */
  sessionKey: string;
}

/** What the server offers a room handler. */
export interface RoomServer {
  /**
   * Sends a server message of `type` with an encoded payload to every socket of `account`
   * (SS58 or hex key). Returns 0 when the account is offline.
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
  replyError(member: RoomMember, message: SignalMessage, code: ErrorCode, text: string): void;
  /** Answers `message` from `member` with ACK. */
  replyAck(member: RoomMember, message: SignalMessage): void;
  /** Server clock, milliseconds since the Unix epoch. */
  now(): number;
}

/** Handles the room message types (ROOM_JOIN … ROOM_MODE) for one server instance. */
export interface RoomHandler {
  /**
   * Handles one checked message: `from` is the member's account, the timestamp and nonce
   * passed, and in strict mode the signature too. `frame` is the original frame for relays.
   */
  handle(
    member: RoomMember,
    message: SignalMessage,
    frame: Uint8Array,
    server: RoomServer,
  ): Promise<void>;
  /** Called when a member's socket closes. */
  disconnected(member: RoomMember, server: RoomServer): Promise<void>;
  /** Releases the handler's resources when the server stops. */
  close(): Promise<void>;
}

/** The handler used when none is configured: every room message gets UNKNOWN_TYPE. */
export const noRoomHandler: RoomHandler = {
  async handle(member, message, _frame, server) {
    server.replyError(
      member,
      message,
      'UNKNOWN_TYPE',
      'Rooms are not enabled on this signaling server.',
    );
  },
  async disconnected() {},
  async close() {},
};
