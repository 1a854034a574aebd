import type { RoomRole, RoomSpeakingMode } from '../../../src/shared/room-rules.js';

/** A room as the chain's `VoiceRoom.Rooms` holds it, with what the server needs. */
export interface ChainRoomInfo {
  /** 32 lowercase hex digits, no `0x`. */
  id: string;
  name: string;
  /** SS58 address of the host. */
  host: string;
  maxMembers: number;
  isPublic: boolean;
  speakingMode: RoomSpeakingMode;
  memberCount: number;
  isActive: boolean;
}

/** A member as `VoiceRoom.RoomMembers` holds it. */
export interface ChainRoomMember {
  /** SS58 address. */
  account: string;
  role: RoomRole;
  isMuted: boolean;
}

/** A VoiceRoom event the room service follows; accounts are SS58, room ids bare hex. */
export type RoomChainEvent =
  | { kind: 'joined'; roomId: string; account: string }
  | { kind: 'left'; roomId: string; account: string }
  | { kind: 'kicked'; roomId: string; account: string; by: string }
  | { kind: 'muted'; roomId: string; account: string; muted: boolean }
  | { kind: 'role'; roomId: string; account: string; role: RoomRole }
  | { kind: 'host'; roomId: string; account: string }
  | { kind: 'mode'; roomId: string; mode: RoomSpeakingMode }
  | { kind: 'closed'; roomId: string };

/** A balance transfer found in a block. */
export interface ChainTransfer {
  from: string;
  to: string;
  /** Planck. */
  amount: bigint;
}

/**
 * What the room service reads from the chain: rooms, memberships, the VoiceRoom events of
 * each new block, and transfers in a block (to check tips).
 */
export interface RoomChain {
  /** Reads `Rooms(room_id)`; null when there is no such room. */
  room(roomId: string): Promise<ChainRoomInfo | null>;
  /** Reads `RoomMembers(room_id, account)`; null when the account is not a member. */
  member(roomId: string, account: string): Promise<ChainRoomMember | null>;
  /** Reads every `RoomMembers(room_id, *)`. */
  members(roomId: string): Promise<ChainRoomMember[]>;
  /**
   * Calls `listener` with the VoiceRoom events of every new block, and `onResync` after the
   * connection came back (events of the blocks missed meanwhile are lost: read again).
   * Returns the function that stops.
   */
  subscribe(listener: (event: RoomChainEvent) => void, onResync?: () => void): () => void;
  /** Reads the `balances.Transfer` events of a block. */
  transfers(blockHash: string): Promise<ChainTransfer[]>;
  /** Closes the connection if this object opened it. */
  close(): Promise<void>;
}
