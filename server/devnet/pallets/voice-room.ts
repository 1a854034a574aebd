/**
 * VoiceRoom (index 9): rooms with roles, fees and deposits. The creator reserves
 * RoomCreationDeposit, returned once when the room closes; entry fees go to the host;
 * private rooms admit only invited accounts.
 */
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  MAX_ROOM_MEMBERS,
  MAX_ROOM_NAME_LENGTH,
  MAX_ROOMS_PER_USER,
  ROOM_CREATION_DEPOSIT,
} from '../constants.js';
import type { CommonTypes } from '../metadata/common-types.js';
import type { TypeBuilder } from '../metadata/type-builder.js';
import {
  defineCall,
  DispatchFailure,
  ensureSigned,
  fail,
  type PalletDefinition,
} from '../runtime/pallet.js';
import type { Runtime } from '../runtime/runtime.js';
import { reserve, transfer, unreserve } from './balances.js';
import { hexLength } from './contacts-chat.js';

type SpeakingMode = 'FreeSpeak' | 'HostOnly' | 'RaiseHand' | 'Sequential';
type MemberRole = 'Host' | 'CoHost' | 'Speaker' | 'Listener';

interface RoomConfig {
  maxMembers: number;
  isPublic: boolean;
  entryFee: bigint;
  speakingMode: SpeakingMode;
}

interface Room {
  id: string;
  name: string;
  host: string;
  config: RoomConfig;
  createdAt: number;
  memberCount: number;
  isActive: boolean;
}

interface RoomMember {
  account: string;
  role: MemberRole;
  isMuted: boolean;
  joinedAt: number;
}

const MODERATORS = new Set<MemberRole>(['Host', 'CoHost']);

function openRoom(rt: Runtime, roomId: string): Room {
  const room = rt.get<Room>('VoiceRoom', 'Rooms', [roomId]);

  if (room === undefined) fail('VoiceRoom', 'RoomNotFound');

  if (!room.isActive) fail('VoiceRoom', 'RoomClosed');

  return room;
}

function member(rt: Runtime, roomId: string, who: string): RoomMember {
  const found = rt.get<RoomMember>('VoiceRoom', 'RoomMembers', [roomId, who]);

  if (found === undefined) fail('VoiceRoom', 'NotInRoom');

  return found;
}

function moderator(rt: Runtime, roomId: string, who: string): RoomMember {
  const found = rt.get<RoomMember>('VoiceRoom', 'RoomMembers', [roomId, who]);

  if (found === undefined || !MODERATORS.has(found.role)) fail('VoiceRoom', 'Unauthorized');

  return found;
}

/** A co-host may act only on speakers and listeners; the host on everyone but itself. */
function ensureOutranks(operator: RoomMember, target: RoomMember): void {
  if (operator.account === target.account) fail('VoiceRoom', 'Unauthorized');

  if (operator.role === 'CoHost' && MODERATORS.has(target.role)) fail('VoiceRoom', 'Unauthorized');
}

function removeMember(rt: Runtime, room: Room, who: string): void {
  rt.remove('VoiceRoom', 'RoomMembers', [room.id, who]);
  rt.remove('VoiceRoom', 'UserCurrentRoom', [who]);
  room.memberCount -= 1;
  rt.put('VoiceRoom', 'Rooms', [room.id], room);
}

/** Closes a room once: removes every member, returns the deposit, frees the creator's slot. */
function closeRoom(rt: Runtime, room: Room): void {
  for (const { keys } of rt.entries<RoomMember>('VoiceRoom', 'RoomMembers', [room.id])) {
    rt.remove('VoiceRoom', 'RoomMembers', [room.id, keys[1]]);
    rt.remove('VoiceRoom', 'UserCurrentRoom', [keys[1]]);
  }

  for (const { keys } of rt.entries('VoiceRoom', 'RoomInvites', [room.id])) {
    rt.remove('VoiceRoom', 'RoomInvites', [room.id, keys[1]]);
  }

  const deposit = rt.get<[string, bigint]>('VoiceRoom', 'RoomDeposits', [room.id]);

  if (deposit !== undefined) {
    const [creator, amount] = deposit;
    const owned = rt
      .get<string[]>('VoiceRoom', 'UserOwnedRooms', [creator])!
      .filter((id) => id !== room.id);

    unreserve(rt, creator, amount);
    rt.remove('VoiceRoom', 'RoomDeposits', [room.id]);

    if (owned.length === 0) rt.remove('VoiceRoom', 'UserOwnedRooms', [creator]);
    else rt.put('VoiceRoom', 'UserOwnedRooms', [creator], owned);
  }

  rt.put('VoiceRoom', 'Rooms', [room.id], { ...room, memberCount: 0, isActive: false });
  rt.deposit('VoiceRoom', 'RoomClosed', { room_id: room.id });
}

/** After the host left: the earliest co-host becomes host, else the room closes. */
function handOver(rt: Runtime, room: Room): void {
  const coHosts = rt
    .entries<RoomMember>('VoiceRoom', 'RoomMembers', [room.id])
    .map(({ value }) => value)
    .filter((entry) => entry.role === 'CoHost')
    .sort((a, b) => a.joinedAt - b.joinedAt);
  const next = coHosts[0];

  if (next === undefined) {
    closeRoom(rt, room);

    return;
  }

  rt.put('VoiceRoom', 'RoomMembers', [room.id, next.account], { ...next, role: 'Host' });
  rt.put('VoiceRoom', 'Rooms', [room.id], { ...room, host: next.account });
  rt.deposit('VoiceRoom', 'HostChanged', { room_id: room.id, new_host: next.account });
}

/** Defines the VoiceRoom pallet. */
export function voiceRoomPallet(t: TypeBuilder, c: CommonTypes): PalletDefinition {
  const roomIdArg = { name: 'room_id', type: c.id16, typeName: 'RoomId' };
  const targetArg = { name: 'target', type: c.accountId, typeName: 'T::AccountId' };
  const speakingMode = t.variant(
    ['pallet_voice_room', 'SpeakingMode'],
    ['FreeSpeak', 'HostOnly', 'RaiseHand', 'Sequential'].map((name) => ({ name })),
  );
  const memberRole = t.variant(
    ['pallet_voice_room', 'MemberRole'],
    ['Host', 'CoHost', 'Speaker', 'Listener'].map((name) => ({ name })),
  );
  const config = t.composite(
    ['pallet_voice_room', 'RoomConfig'],
    [
      { name: 'max_members', type: t.u32, typeName: 'u32' },
      { name: 'is_public', type: t.bool, typeName: 'bool' },
      { name: 'entry_fee', type: c.balance, typeName: 'Balance' },
      { name: 'speaking_mode', type: speakingMode, typeName: 'SpeakingMode' },
    ],
  );
  const name = t.boundedVec(t.u8);
  const room = t.composite(
    ['pallet_voice_room', 'Room'],
    [
      { name: 'id', type: c.id16, typeName: 'RoomId' },
      { name: 'name', type: name, typeName: 'BoundedVec<u8, ConstU32<64>>' },
      { name: 'host', type: c.accountId, typeName: 'AccountId' },
      { name: 'config', type: config, typeName: 'RoomConfig<Balance>' },
      { name: 'created_at', type: c.blockNumber, typeName: 'BlockNumber' },
      { name: 'member_count', type: t.u32, typeName: 'u32' },
      { name: 'is_active', type: t.bool, typeName: 'bool' },
    ],
  );
  const roomMember = t.composite(
    ['pallet_voice_room', 'RoomMember'],
    [
      { name: 'account', type: c.accountId, typeName: 'AccountId' },
      { name: 'role', type: memberRole, typeName: 'MemberRole' },
      { name: 'is_muted', type: t.bool, typeName: 'bool' },
      { name: 'joined_at', type: c.blockNumber, typeName: 'BlockNumber' },
    ],
  );
  const roomKey = { hasher: 'Blake2_128Concat' as const, type: c.id16 };
  const accountKey = { hasher: 'Blake2_128Concat' as const, type: c.accountId };
  const roomUser = [
    { name: 'room_id', type: c.id16 },
    { name: 'user', type: c.accountId },
  ];

  return {
    name: 'VoiceRoom',
    index: 9,
    docs: ['Voice rooms: membership, roles, fees and deposits.'],
    storage: [
      { name: 'Rooms', docs: ['Every room, open or closed, by id.'], keys: [roomKey], value: room },
      {
        name: 'RoomMembers',
        docs: ['Members of a room.'],
        keys: [roomKey, accountKey],
        value: roomMember,
      },
      {
        name: 'UserCurrentRoom',
        docs: ['The room an account is in.'],
        keys: [accountKey],
        value: c.id16,
      },
      {
        name: 'UserOwnedRooms',
        docs: [`Open rooms an account created (at most ${MAX_ROOMS_PER_USER}).`],
        keys: [accountKey],
        value: t.boundedVec(c.id16),
        default: [],
      },
      {
        name: 'RoomInvites',
        docs: ['Invitations to private rooms, consumed by join_room.'],
        keys: [roomKey, accountKey],
        value: t.unit,
      },
      {
        name: 'RoomDeposits',
        docs: ['The creator and the deposit reserved for an open room.'],
        keys: [roomKey],
        value: t.tuple([c.accountId, c.balance]),
      },
      {
        name: 'RoomNonce',
        docs: ['Counter mixed into room ids so they never repeat.'],
        value: t.u64,
        default: 0n,
      },
    ],
    calls: [
      defineCall<{ name: string; config: RoomConfig }>({
        name: 'create_room',
        index: 0,
        docs: ['Create a room and join it as host; reserves RoomCreationDeposit.'],
        args: [
          { name: 'name', type: name, typeName: 'BoundedVec<u8, ConstU32<64>>' },
          { name: 'config', type: config, typeName: 'RoomConfig<BalanceOf<T>>' },
        ],
        dispatch: (rt, origin, args) => {
          const host = ensureSigned(origin);
          const nameLength = hexLength(args.name);

          if (nameLength === 0) fail('VoiceRoom', 'EmptyName');

          if (nameLength > MAX_ROOM_NAME_LENGTH) fail('VoiceRoom', 'NameTooLong');

          if (args.config.maxMembers < 1 || args.config.maxMembers > MAX_ROOM_MEMBERS)
            fail('VoiceRoom', 'InvalidMaxMembers');

          if (rt.has('VoiceRoom', 'UserCurrentRoom', [host])) fail('VoiceRoom', 'AlreadyInRoom');

          const owned = rt.get<string[]>('VoiceRoom', 'UserOwnedRooms', [host])!;

          if (owned.length >= MAX_ROOMS_PER_USER) fail('VoiceRoom', 'TooManyRooms');

          try {
            reserve(rt, host, ROOM_CREATION_DEPOSIT);
          } catch (error) {
            if (error instanceof DispatchFailure) fail('VoiceRoom', 'InsufficientDeposit');

            throw error;
          }

          const nonce = rt.get<bigint>('VoiceRoom', 'RoomNonce')!;
          const nonceBytes = new Uint8Array(8);

          new DataView(nonceBytes.buffer).setBigUint64(0, nonce, true);

          const roomId = blake2AsHex(
            Buffer.concat([Buffer.from(host.slice(2), 'hex'), nonceBytes]),
            128,
          );
          const now = rt.blockNumber;

          rt.put('VoiceRoom', 'RoomNonce', [], nonce + 1n);
          rt.put('VoiceRoom', 'Rooms', [roomId], {
            id: roomId,
            name: args.name,
            host,
            config: args.config,
            createdAt: now,
            memberCount: 1,
            isActive: true,
          } satisfies Room);
          rt.put('VoiceRoom', 'RoomMembers', [roomId, host], {
            account: host,
            role: 'Host',
            isMuted: false,
            joinedAt: now,
          } satisfies RoomMember);
          rt.put('VoiceRoom', 'UserCurrentRoom', [host], roomId);
          rt.put('VoiceRoom', 'UserOwnedRooms', [host], [...owned, roomId]);
          rt.put('VoiceRoom', 'RoomDeposits', [roomId], [host, ROOM_CREATION_DEPOSIT]);
          rt.deposit('VoiceRoom', 'RoomCreated', { room_id: roomId, host });
        },
      }),
      defineCall<{ room_id: string }>({
        name: 'join_room',
        index: 1,
        docs: [
          'Join a room as listener, paying its entry fee to the host; private rooms need an invite.',
        ],
        args: [roomIdArg],
        dispatch: (rt, origin, { room_id }) => {
          const user = ensureSigned(origin);

          if (rt.has('VoiceRoom', 'UserCurrentRoom', [user])) fail('VoiceRoom', 'AlreadyInRoom');

          const room = openRoom(rt, room_id);

          if (room.memberCount >= room.config.maxMembers) fail('VoiceRoom', 'RoomFull');

          if (!room.config.isPublic && !rt.has('VoiceRoom', 'RoomInvites', [room_id, user]))
            fail('VoiceRoom', 'NotInvited');

          if (room.config.entryFee > 0n) {
            try {
              transfer(rt, user, room.host, room.config.entryFee, true);
            } catch (error) {
              if (error instanceof DispatchFailure) fail('VoiceRoom', 'InsufficientEntryFee');

              throw error;
            }

            rt.deposit('VoiceRoom', 'EntryFeePaid', {
              room_id,
              user,
              host: room.host,
              amount: room.config.entryFee,
            });
          }

          rt.remove('VoiceRoom', 'RoomInvites', [room_id, user]);
          rt.put('VoiceRoom', 'RoomMembers', [room_id, user], {
            account: user,
            role: 'Listener',
            isMuted: false,
            joinedAt: rt.blockNumber,
          } satisfies RoomMember);
          rt.put('VoiceRoom', 'UserCurrentRoom', [user], room_id);
          rt.put('VoiceRoom', 'Rooms', [room_id], { ...room, memberCount: room.memberCount + 1 });
          rt.deposit('VoiceRoom', 'UserJoined', { room_id, user });
        },
      }),
      defineCall<Record<string, never>>({
        name: 'leave_room',
        index: 2,
        docs: [
          'Leave the current room; a leaving host hands over to the earliest co-host, else the room closes.',
        ],
        args: [],
        dispatch: (rt, origin) => {
          const user = ensureSigned(origin);
          const roomId = rt.get<string>('VoiceRoom', 'UserCurrentRoom', [user]);

          if (roomId === undefined) fail('VoiceRoom', 'NotInRoom');

          const room = rt.get<Room>('VoiceRoom', 'Rooms', [roomId])!;

          removeMember(rt, room, user);
          rt.deposit('VoiceRoom', 'UserLeft', { room_id: roomId, user });

          if (room.host === user) handOver(rt, room);
        },
      }),
      defineCall<{ room_id: string; target: string }>({
        name: 'kick_user',
        index: 3,
        docs: ['Remove a member (host, or co-host for speakers and listeners).'],
        args: [roomIdArg, targetArg],
        dispatch: (rt, origin, { room_id, target }) => {
          const who = ensureSigned(origin);
          const room = openRoom(rt, room_id);
          const operator = moderator(rt, room_id, who);
          const victim = member(rt, room_id, target);

          ensureOutranks(operator, victim);
          removeMember(rt, room, target);
          rt.deposit('VoiceRoom', 'UserKicked', { room_id, user: target, by: who });
        },
      }),
      defineCall<{ room_id: string; target: string; muted: boolean }>({
        name: 'set_mute',
        index: 4,
        docs: ['Mute or unmute a member; anyone may mute themselves.'],
        args: [roomIdArg, targetArg, { name: 'muted', type: t.bool, typeName: 'bool' }],
        dispatch: (rt, origin, { room_id, target, muted }) => {
          const who = ensureSigned(origin);

          openRoom(rt, room_id);

          const subject = member(rt, room_id, target);

          if (who !== target) ensureOutranks(moderator(rt, room_id, who), subject);

          rt.put('VoiceRoom', 'RoomMembers', [room_id, target], { ...subject, isMuted: muted });
          rt.deposit('VoiceRoom', 'UserMuted', { room_id, user: target, muted });
        },
      }),
      defineCall<{ room_id: string; target: string; new_role: MemberRole }>({
        name: 'set_role',
        index: 5,
        docs: [
          "Change a member's role. Nobody can make a second host; co-hosts set only Speaker and Listener.",
        ],
        args: [
          roomIdArg,
          targetArg,
          { name: 'new_role', type: memberRole, typeName: 'MemberRole' },
        ],
        dispatch: (rt, origin, { room_id, target, new_role }) => {
          const who = ensureSigned(origin);

          openRoom(rt, room_id);

          const operator = moderator(rt, room_id, who);
          const subject = member(rt, room_id, target);

          ensureOutranks(operator, subject);

          if (new_role === 'Host') fail('VoiceRoom', 'Unauthorized');

          if (operator.role === 'CoHost' && new_role === 'CoHost')
            fail('VoiceRoom', 'Unauthorized');

          rt.put('VoiceRoom', 'RoomMembers', [room_id, target], { ...subject, role: new_role });
          rt.deposit('VoiceRoom', 'RoleChanged', { room_id, user: target, new_role });
        },
      }),
      defineCall<{ room_id: string }>({
        name: 'close_room',
        index: 6,
        docs: [
          'Close the room (host only): every member leaves and the deposit returns to the creator.',
        ],
        args: [roomIdArg],
        dispatch: (rt, origin, { room_id }) => {
          const who = ensureSigned(origin);
          const room = openRoom(rt, room_id);

          if (room.host !== who) fail('VoiceRoom', 'Unauthorized');

          closeRoom(rt, room);
        },
      }),
      defineCall<{ room_id: string; invitee: string }>({
        name: 'invite',
        index: 7,
        docs: ['Invite an account to a room (host or co-host); needed to join a private room.'],
        args: [roomIdArg, { name: 'invitee', type: c.accountId, typeName: 'T::AccountId' }],
        dispatch: (rt, origin, { room_id, invitee }) => {
          const who = ensureSigned(origin);

          openRoom(rt, room_id);
          moderator(rt, room_id, who);

          if (rt.has('VoiceRoom', 'RoomMembers', [room_id, invitee]))
            fail('VoiceRoom', 'AlreadyInRoom');

          rt.put('VoiceRoom', 'RoomInvites', [room_id, invitee], []);
          rt.deposit('VoiceRoom', 'UserInvited', { room_id, user: invitee, by: who });
        },
      }),
      defineCall<{ room_id: string; mode: SpeakingMode }>({
        name: 'set_speaking_mode',
        index: 8,
        docs: ['Change the speaking mode (host only).'],
        args: [roomIdArg, { name: 'mode', type: speakingMode, typeName: 'SpeakingMode' }],
        dispatch: (rt, origin, { room_id, mode }) => {
          const who = ensureSigned(origin);
          const room = openRoom(rt, room_id);

          if (room.host !== who) fail('VoiceRoom', 'Unauthorized');
          rt.put('VoiceRoom', 'Rooms', [room_id], {
            ...room,
            config: { ...room.config, speakingMode: mode },
          });
          rt.deposit('VoiceRoom', 'SpeakingModeChanged', { room_id, mode });
        },
      }),
    ],
    events: [
      {
        name: 'RoomCreated',
        docs: ['A room was created; its creator is host.'],
        fields: [
          { name: 'room_id', type: c.id16 },
          { name: 'host', type: c.accountId },
        ],
      },
      { name: 'UserJoined', docs: ['An account joined.'], fields: roomUser },
      { name: 'UserLeft', docs: ['An account left.'], fields: roomUser },
      {
        name: 'RoomClosed',
        docs: ['The room closed; all members left and the deposit was returned.'],
        fields: [{ name: 'room_id', type: c.id16 }],
      },
      {
        name: 'UserKicked',
        docs: ['`by` removed `user`.'],
        fields: [...roomUser, { name: 'by', type: c.accountId }],
      },
      {
        name: 'UserMuted',
        docs: ['A member was muted or unmuted.'],
        fields: [...roomUser, { name: 'muted', type: t.bool }],
      },
      {
        name: 'RoleChanged',
        docs: ['A member got a new role.'],
        fields: [...roomUser, { name: 'new_role', type: memberRole }],
      },
      {
        name: 'HostChanged',
        docs: ['The host left and a co-host took over.'],
        fields: [
          { name: 'room_id', type: c.id16 },
          { name: 'new_host', type: c.accountId },
        ],
      },
      {
        name: 'UserInvited',
        docs: ['`by` invited `user`.'],
        fields: [...roomUser, { name: 'by', type: c.accountId }],
      },
      {
        name: 'SpeakingModeChanged',
        docs: ['The speaking mode changed.'],
        fields: [
          { name: 'room_id', type: c.id16 },
          { name: 'mode', type: speakingMode },
        ],
      },
      {
        name: 'EntryFeePaid',
        docs: ['`user` paid the entry fee to `host`.'],
        fields: [
          ...roomUser,
          { name: 'host', type: c.accountId },
          { name: 'amount', type: c.balance },
        ],
      },
    ],
    errors: [
      { name: 'RoomNotFound', docs: ['No room has this id.'] },
      { name: 'RoomFull', docs: ['The room has max_members members.'] },
      {
        name: 'Unauthorized',
        docs: ["The sender's role does not allow this action on this member."],
      },
      { name: 'AlreadyInRoom', docs: ['The account is already in a room.'] },
      { name: 'NotInRoom', docs: ['The account is not a member of this room.'] },
      { name: 'TooManyRooms', docs: [`The account already has ${MAX_ROOMS_PER_USER} open rooms.`] },
      { name: 'InsufficientEntryFee', docs: ['The account cannot pay the entry fee.'] },
      { name: 'RoomClosed', docs: ['The room is closed.'] },
      { name: 'NameTooLong', docs: [`The name is longer than ${MAX_ROOM_NAME_LENGTH} bytes.`] },
      { name: 'EmptyName', docs: ['The name is empty.'] },
      { name: 'InvalidMaxMembers', docs: [`max_members must be 1..=${MAX_ROOM_MEMBERS}.`] },
      { name: 'NotInvited', docs: ['The room is private and the account has no invite.'] },
      { name: 'InsufficientDeposit', docs: ['The account cannot reserve RoomCreationDeposit.'] },
    ],
    constants: [
      {
        name: 'MaxRoomMembers',
        type: t.u32,
        value: MAX_ROOM_MEMBERS,
        docs: ['Upper bound of max_members.'],
      },
      {
        name: 'MaxRoomsPerUser',
        type: t.u32,
        value: MAX_ROOMS_PER_USER,
        docs: ['Open rooms one account may have created.'],
      },
      {
        name: 'RoomCreationDeposit',
        type: c.balance,
        value: ROOM_CREATION_DEPOSIT,
        docs: ['Reserved from the creator until the room closes: 1 DUST.'],
      },
      {
        name: 'MaxRoomNameLength',
        type: t.u32,
        value: MAX_ROOM_NAME_LENGTH,
        docs: ['Maximum room name length in bytes.'],
      },
    ],
  };
}
