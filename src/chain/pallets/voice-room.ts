import { StardustError } from '../../shared/errors.js';
import { accountArg, balanceArg, bytesArg, enumArg, idArg } from '../args.js';
import type { ChainCall, Hex, PlainValue } from '../types.js';
import {
  asAddress,
  asBigInt,
  asBoolean,
  asHex,
  asNumber,
  asRecord,
  asText,
  asVariant,
  optional,
} from './convert.js';
import { findEvent, Pallet } from './pallet.js';

/** The rule for who may speak in a room. */
export type SpeakingMode = 'FreeSpeak' | 'HostOnly' | 'RaiseHand' | 'Sequential';
/** A member's role in a room. */
export type MemberRole = 'Host' | 'CoHost' | 'Speaker' | 'Listener';

/** Settings of a room. */
export interface RoomConfig {
  /** 1 to MaxRoomMembers (50). */
  maxMembers: number;
  /** Private rooms admit invited accounts only. */
  isPublic: boolean;
  /** Planck paid to the host at join. */
  entryFee: bigint;
  speakingMode: SpeakingMode;
}

/** A room from `Rooms`. */
export interface Room {
  id: Hex;
  name: string;
  host: string;
  config: RoomConfig;
  /** Block number of creation. */
  createdAt: number;
  memberCount: number;
  isActive: boolean;
}

/** A member from `RoomMembers`. */
export interface RoomMember {
  account: string;
  role: MemberRole;
  isMuted: boolean;
  /** Block number of joining. */
  joinedAt: number;
}

/** The runtime constants of VoiceRoom. */
export interface VoiceRoomConstants {
  maxRoomMembers: number;
  maxRoomsPerUser: number;
  /** Planck reserved from the creator until the room closes. */
  roomCreationDeposit: bigint;
  /** Bytes of UTF-8. */
  maxRoomNameLength: number;
}

const SPEAKING_MODES: readonly SpeakingMode[] = [
  'FreeSpeak',
  'HostOnly',
  'RaiseHand',
  'Sequential',
];
const ROLES: readonly MemberRole[] = ['Host', 'CoHost', 'Speaker', 'Listener'];
const MAX_NAME_BYTES = 64;
const MAX_MEMBERS = 50;

/** Typed wrapper of the VoiceRoom pallet. */
export class VoiceRoomPallet extends Pallet {
  readonly name = 'voiceRoom';

  /** `create_room(name, config)`; the creator joins as host. The outcome is the room id. */
  async createRoom(name: string, config: RoomConfig): Promise<ChainCall<{ roomId: Hex }>> {
    const nameBytes = bytesArg(name, MAX_NAME_BYTES, 'name');

    if (nameBytes === '0x') throw invalid('name', 'must not be empty');

    if (
      !Number.isInteger(config?.maxMembers) ||
      config.maxMembers < 1 ||
      config.maxMembers > MAX_MEMBERS
    ) {
      throw invalid('config.maxMembers', `must be 1 to ${MAX_MEMBERS}`);
    }

    return this.build(
      'createRoom',
      [
        nameBytes,
        {
          maxMembers: config.maxMembers,
          isPublic: config.isPublic === true,
          entryFee: balanceArg(config.entryFee, 'config.entryFee'),
          speakingMode: enumArg(config.speakingMode, SPEAKING_MODES, 'config.speakingMode'),
        },
      ],
      (events) => {
        const fields = findEvent(events, this.name, 'RoomCreated');

        if (fields === undefined) {
          throw new StardustError(
            'CHAIN_PALLET_MISSING',
            'The block has no voiceRoom.RoomCreated event for the new room; the runtime differs from the Stardust interface.',
          );
        }

        return { roomId: asHex(fields['roomId']!, 'RoomCreated.roomId') };
      },
    );
  }

  /** `join_room(room_id)`; pays the entry fee to the host. */
  async joinRoom(roomId: string): Promise<ChainCall> {
    return this.build('joinRoom', [idArg(roomId, 'roomId')]);
  }

  /** `leave_room()`: leaves the room the signer is in. */
  async leaveRoom(): Promise<ChainCall> {
    return this.build('leaveRoom', []);
  }

  /** `kick_user(room_id, target)`, by the host or a co-host. */
  async kickUser(roomId: string, target: string): Promise<ChainCall> {
    return this.build('kickUser', [idArg(roomId, 'roomId'), accountArg(target)]);
  }

  /** `set_mute(room_id, target, muted)`. */
  async setMute(roomId: string, target: string, muted: boolean): Promise<ChainCall> {
    return this.build('setMute', [idArg(roomId, 'roomId'), accountArg(target), muted === true]);
  }

  /** `set_role(room_id, target, new_role)`. */
  async setRole(roomId: string, target: string, role: MemberRole): Promise<ChainCall> {
    return this.build('setRole', [
      idArg(roomId, 'roomId'),
      accountArg(target),
      enumArg(role, ROLES, 'role'),
    ]);
  }

  /** `close_room(room_id)`, by the host: removes every member and returns the deposit. */
  async closeRoom(roomId: string): Promise<ChainCall> {
    return this.build('closeRoom', [idArg(roomId, 'roomId')]);
  }

  /** `invite(room_id, invitee)`: lets an account join a private room. */
  async invite(roomId: string, invitee: string): Promise<ChainCall> {
    return this.build('invite', [idArg(roomId, 'roomId'), accountArg(invitee)]);
  }

  /** `set_speaking_mode(room_id, mode)`, by the host or a co-host. */
  async setSpeakingMode(roomId: string, mode: SpeakingMode): Promise<ChainCall> {
    return this.build('setSpeakingMode', [
      idArg(roomId, 'roomId'),
      enumArg(mode, SPEAKING_MODES, 'mode'),
    ]);
  }

  /** Reads `Rooms(room_id)`; null when there is no such room. */
  async room(roomId: string): Promise<Room | null> {
    const entry = await this.storage('rooms');

    return optional(this.plain(await entry(idArg(roomId, 'roomId'))), toRoom);
  }

  /** Reads every `RoomMembers(room_id, *)`, in joining order. */
  async members(roomId: string): Promise<RoomMember[]> {
    const entry = await this.storage('roomMembers');
    const entries = await entry.entries(idArg(roomId, 'roomId'));

    return entries
      .map(([, value]) => optional(this.plain(value), toRoomMember))
      .filter((member): member is RoomMember => member !== null)
      .sort((a, b) => a.joinedAt - b.joinedAt);
  }

  /** Reads `RoomMembers(room_id, account)`; null when not a member. */
  async member(roomId: string, account: string): Promise<RoomMember | null> {
    const entry = await this.storage('roomMembers');

    return optional(
      this.plain(await entry(idArg(roomId, 'roomId'), accountArg(account))),
      toRoomMember,
    );
  }

  /** Reads `UserCurrentRoom(account)`: the room the account is in, or null. */
  async currentRoom(account: string): Promise<Hex | null> {
    const entry = await this.storage('userCurrentRoom');

    return optional(this.plain(await entry(accountArg(account))), (v) => asHex(v, 'roomId'));
  }

  /** Reads `UserOwnedRooms(account)`: the open rooms the account created. */
  async ownedRooms(account: string): Promise<Hex[]> {
    const entry = await this.storage('userOwnedRooms');
    const value = this.plain(await entry(accountArg(account)));

    return Array.isArray(value) ? value.map((id) => asHex(id, 'roomId')) : [];
  }

  /** Returns true when `RoomInvites(room_id, account)` exists. */
  async isInvited(roomId: string, account: string): Promise<boolean> {
    const entry = await this.storage('roomInvites');
    const keys = await entry.keys(idArg(roomId, 'roomId'));
    const wanted = accountArg(account);

    return keys.some(({ args }) => args[1]?.toHex() === wanted);
  }

  /** Reads `RoomDeposits(room_id)`: who paid the creation deposit and how much. */
  async deposit(roomId: string): Promise<{ account: string; amount: bigint } | null> {
    const entry = await this.storage('roomDeposits');

    return optional(this.plain(await entry(idArg(roomId, 'roomId'))), (value) => {
      const [account, amount] = value as PlainValue[];

      return { account: asAddress(account!, 'account'), amount: asBigInt(amount!, 'amount') };
    });
  }

  /** Reads the runtime constants. */
  async constants(): Promise<VoiceRoomConstants> {
    return {
      maxRoomMembers: asNumber(await this.constant('maxRoomMembers'), 'maxRoomMembers'),
      maxRoomsPerUser: asNumber(await this.constant('maxRoomsPerUser'), 'maxRoomsPerUser'),
      roomCreationDeposit: asBigInt(
        await this.constant('roomCreationDeposit'),
        'roomCreationDeposit',
      ),
      maxRoomNameLength: asNumber(await this.constant('maxRoomNameLength'), 'maxRoomNameLength'),
    };
  }
}

/** Converts a plain `Room` struct. */
export function toRoom(value: PlainValue): Room {
  const room = asRecord(value, 'Room');
  const config = asRecord(room['config']!, 'Room.config');

  return {
    id: asHex(room['id']!, 'id'),
    name: asText(room['name']!, 'name'),
    host: asAddress(room['host']!, 'host'),
    config: {
      maxMembers: asNumber(config['maxMembers']!, 'maxMembers'),
      isPublic: asBoolean(config['isPublic']!, 'isPublic'),
      entryFee: asBigInt(config['entryFee']!, 'entryFee'),
      speakingMode: asVariant<SpeakingMode>(config['speakingMode']!, 'speakingMode'),
    },
    createdAt: asNumber(room['createdAt']!, 'createdAt'),
    memberCount: asNumber(room['memberCount']!, 'memberCount'),
    isActive: asBoolean(room['isActive']!, 'isActive'),
  };
}

/** Converts a plain `RoomMember` struct. */
export function toRoomMember(value: PlainValue): RoomMember {
  const member = asRecord(value, 'RoomMember');

  return {
    account: asAddress(member['account']!, 'account'),
    role: asVariant<MemberRole>(member['role']!, 'role'),
    isMuted: asBoolean(member['isMuted']!, 'isMuted'),
    joinedAt: asNumber(member['joinedAt']!, 'joinedAt'),
  };
}

function invalid(name: string, reason: string): StardustError {
  return new StardustError('INVALID_ARGUMENT', `Invalid ${name}: ${reason}.`);
}
