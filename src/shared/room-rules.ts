/**
 * The rules of voice rooms that the browser and the signaling server share: roles, speaking
 * modes, who may moderate whom, and who may speak under which mode.
 *
 * The moderation rules mirror the VoiceRoom pallet, so that the server refuses at once what
 * the chain would refuse a block later, and the elements offer only the controls that work.
 */
import { StardustError } from './errors.js';
import type { RoomMediaKind } from './room-wire.js';

/** Member roles, strongest first, as the VoiceRoom pallet names them. */
export const ROOM_ROLES = ['Host', 'CoHost', 'Speaker', 'Listener'] as const;

/** A member's role in a room. */
export type RoomRole = (typeof ROOM_ROLES)[number];

/** Speaking modes, as the VoiceRoom pallet names them. */
export const SPEAKING_MODES = ['FreeSpeak', 'HostOnly', 'RaiseHand', 'Sequential'] as const;

/** The rule for who may speak in a room. */
export type RoomSpeakingMode = (typeof SPEAKING_MODES)[number];

/** Members a room's media may hold without a media server: the peer mesh limit. */
export const MESH_MAX_MEMBERS = 6;

/** Members any room may hold: the VoiceRoom pallet's `MaxRoomMembers`. */
export const ROOM_MAX_MEMBERS = 50;

/** The default turn length in sequential mode, in ms. */
export const DEFAULT_TURN_MS = 60_000;

/** The shortest and longest turn a room accepts, in ms. */
export const TURN_MS_RANGE = { min: 5_000, max: 600_000 } as const;

/** Returns true for Host and CoHost, the roles that moderate. */
export function isModerator(role: RoomRole | undefined): boolean {
  return role === 'Host' || role === 'CoHost';
}

/** Returns true when `value` is a role name. */
export function isRoomRole(value: unknown): value is RoomRole {
  return typeof value === 'string' && (ROOM_ROLES as readonly string[]).includes(value);
}

/** Returns true when `value` is a speaking mode name. */
export function isSpeakingMode(value: unknown): value is RoomSpeakingMode {
  return typeof value === 'string' && (SPEAKING_MODES as readonly string[]).includes(value);
}

/**
 * Returns true when a member of `actor` role may mute or kick a member of `target` role:
 * the host may act on anyone else, a co-host only on speakers and listeners.
 */
export function canModerate(actor: RoomRole | undefined, target: RoomRole | undefined): boolean {
  if (target === undefined || target === 'Host') return false;

  if (actor === 'Host') return true;

  return actor === 'CoHost' && (target === 'Speaker' || target === 'Listener');
}

/**
 * Returns true when `actor` may give a member of `target` role the role `next`: the host may
 * make anyone else a co-host, speaker or listener; a co-host may move speakers and listeners
 * between those two roles. Nobody makes a second host.
 */
export function canSetRole(
  actor: RoomRole | undefined,
  target: RoomRole | undefined,
  next: RoomRole,
): boolean {
  if (next === 'Host' || !canModerate(actor, target)) return false;

  return actor === 'Host' || next === 'Speaker' || next === 'Listener';
}

/** Returns true when `actor` may change the speaking mode: the host only, as on chain. */
export function canChangeMode(actor: RoomRole | undefined): boolean {
  return actor === 'Host';
}

/** Returns true when `actor` may close the room: the host only. */
export function canClose(actor: RoomRole | undefined): boolean {
  return actor === 'Host';
}

/**
 * Returns true when a role may ever speak under a mode, mutes and turns aside: hosts and
 * co-hosts always; speakers except in host-only mode; listeners never (they raise a hand).
 * In sequential mode a speaker speaks only during its turn, which the server tracks.
 */
export function roleMaySpeak(role: RoomRole, mode: RoomSpeakingMode): boolean {
  if (isModerator(role)) return true;

  return role === 'Speaker' && mode !== 'HostOnly';
}

/** Returns true when a member of `role` may raise a hand: listeners, in every mode. */
export function mayRaiseHand(role: RoomRole): boolean {
  return role === 'Listener';
}

/**
 * Returns the largest member limit a room may have on a media path: the peer mesh limit
 * ({@link MESH_MAX_MEMBERS}) without a media server, else the chain's {@link ROOM_MAX_MEMBERS}.
 */
export function maxMembersFor(media: RoomMediaKind): number {
  return media === 'mesh' ? MESH_MAX_MEMBERS : ROOM_MAX_MEMBERS;
}

/**
 * Checks a new room's member limit against its media path.
 *
 * @throws StardustError INVALID_ARGUMENT unless `maxMembers` is a whole number from 1 to
 *   {@link maxMembersFor}(`media`).
 */
export function checkMaxMembers(maxMembers: number, media: RoomMediaKind): void {
  const limit = maxMembersFor(media);

  if (Number.isInteger(maxMembers) && maxMembers >= 1 && maxMembers <= limit) return;

  const path = media === 'mesh' ? 'a peer-mesh room' : 'a room';

  throw new StardustError(
    'INVALID_ARGUMENT',
    `maxMembers is ${String(maxMembers)}, but ${path} holds 1 to ${limit} members; pick a whole number in that range.`,
  );
}
