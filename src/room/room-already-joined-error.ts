import { StardustError } from '../shared/errors.js';

/**
 * ROOM_ALREADY_JOINED: the account is in an open room already, and the VoiceRoom pallet
 * lets an account be in one room at a time (`voiceRoom.AlreadyInRoom`). It carries that
 * room, so a page can offer to open it again, or to close or leave it.
 */
export class RoomAlreadyJoinedError extends StardustError {
  /** The 0x-prefixed id of the room the account is in. */
  readonly roomId: string;
  /** True when the account hosts that room, so it may close it; else it may only leave. */
  readonly isHost: boolean;

  constructor(account: string, roomId: string, isHost: boolean, cause?: unknown) {
    const way = isHost ? 'close it (you host it)' : 'leave it';

    super(
      'ROOM_ALREADY_JOINED',
      `${account} is already in room ${roomId}, and an account can be in one room at a time. Open that room, or ${way} before creating or joining another.`,
      { cause },
    );
    this.name = 'RoomAlreadyJoinedError';
    this.roomId = roomId;
    this.isHost = isHost;
  }
}
