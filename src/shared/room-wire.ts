/**
 * The payloads of the room messages (ROOM_* in proto/voice.proto) as plain TypeScript
 * values, for the browser and the signaling server alike. Roles and modes carry their chain
 * names and int64 times are numbers. The decoders raise PROTOCOL_DECODE for malformed
 * bytes and invalid values.
 */

import { voice } from '../../proto/gen/voice.js';
import { int64FromMillis, millisFromInt64 } from './codec.js';
import { StardustError } from './errors.js';
import { ROOM_ROLES, SPEAKING_MODES, type RoomRole, type RoomSpeakingMode } from './room-rules.js';

/** The path of a room's audio: mixed by Janus, or a peer mesh between the members. */
export type RoomMediaKind = 'janus' | 'mesh';

/** Whether the room's media server is there: members reconnect when it is back. */
export type RoomMediaState = 'ready' | 'reconnecting';

/** One member in a {@link RoomSnapshot}. */
export interface RoomMemberSnapshot {
  /** SS58 address. */
  account: string;
  nickname: string;
  role: RoomRole;
  /** Muted by its own switch, a moderator or the chain: the mute badge. */
  isMuted: boolean;
  isSpeaking: boolean;
  handRaised: boolean;
  /** Held silent by the server (role, mode, turn or moderator), whether or not it muted itself. */
  serverMuted: boolean;
  /** True while the member has live media. */
  connected: boolean;
  /** Muted by a host or co-host; only they can lift it. */
  moderatorMuted: boolean;
}

/** The running turn of sequential mode. */
export interface RoomTurnSnapshot {
  account: string;
  /** When the turn ends, on the server's clock (ms since the epoch). */
  endsAt: number;
  turnMs: number;
  /** The speakers whose turns come next, in order. */
  queue: string[];
}

/** A room's state as the server broadcasts it in ROOM_STATE. */
export interface RoomSnapshot {
  members: RoomMemberSnapshot[];
  speakingMode: RoomSpeakingMode;
  /** Members talking now, in the order they started. */
  activeSpeakers: string[];
  /** Raised hands in the order they were raised. */
  handQueue: string[];
  turn: RoomTurnSnapshot | undefined;
  media: RoomMediaKind;
  mediaState: RoomMediaState;
  closed: boolean;
  /** The chain's member limit of the room. */
  maxMembers: number;
}

/** The ROOM_JOIN payload. */
export interface RoomJoinPayload {
  nickname: string;
  /** The member will send audio at some point (it has a microphone). */
  canSend: boolean;
  /** Start with the member's own switch on, when its role may speak. */
  startUnmuted: boolean;
  /** The member kept its media through a signaling reconnect. */
  resume: boolean;
}

/** The ROOM_JSEP payload. */
export interface RoomJsepPayload {
  type: 'offer' | 'answer';
  sdp: string;
  /** The offer restarts ICE on the existing connection. */
  iceRestart: boolean;
}

/** An ICE candidate as RTCIceCandidateInit has it. */
export interface RoomCandidate {
  candidate: string;
  sdpMid?: string;
  sdpMLineIndex?: number;
  usernameFragment?: string;
}

/** The ROOM_TRICKLE payload: a candidate, or the end of candidates. */
export type RoomTricklePayload = { candidate: RoomCandidate } | { completed: true };

/** The ROOM_TIP payload. */
export interface RoomTipPayload {
  /** SS58 address of the recipient. */
  to: string;
  /** Planck. */
  amount: bigint;
  /** 0x-prefixed hash of the block with the transfer. */
  blockHash: string;
}

/** The ROOM_MODERATION payload: a moderator action, as the room hears of it. */
export interface RoomModerationPayload {
  action: string;
  target: string;
  ok: boolean;
  code: string;
}

const ROLE_NUMBERS: Record<RoomRole, number> = {
  Host: voice.MemberRole.HOST,
  CoHost: voice.MemberRole.CO_HOST,
  Speaker: voice.MemberRole.SPEAKER,
  Listener: voice.MemberRole.LISTENER,
};

const MODE_NUMBERS: Record<RoomSpeakingMode, number> = {
  FreeSpeak: voice.SpeakingMode.FREE_SPEAK,
  HostOnly: voice.SpeakingMode.HOST_ONLY,
  RaiseHand: voice.SpeakingMode.RAISE_HAND,
  Sequential: voice.SpeakingMode.SEQUENTIAL,
};

/** Returns the protocol number of a role. */
export function roleNumber(role: RoomRole): number {
  return ROLE_NUMBERS[role];
}

/**
 * Returns the role of a protocol number.
 *
 * @throws StardustError PROTOCOL_DECODE for a missing or unknown number.
 */
export function roleOfNumber(value: number | null | undefined): RoomRole {
  const role = ROOM_ROLES.find((name) => ROLE_NUMBERS[name] === value);

  if (role === undefined) throw decodeError(`member role ${String(value)}`);

  return role;
}

/** Returns the protocol number of a speaking mode. */
export function modeNumber(mode: RoomSpeakingMode): number {
  return MODE_NUMBERS[mode];
}

/**
 * Returns the speaking mode of a protocol number.
 *
 * @throws StardustError PROTOCOL_DECODE for a missing or unknown number.
 */
export function modeOfNumber(value: number | null | undefined): RoomSpeakingMode {
  const mode = SPEAKING_MODES.find((name) => MODE_NUMBERS[name] === value);

  if (mode === undefined) throw decodeError(`speaking mode ${String(value)}`);

  return mode;
}

/** Encodes a ROOM_STATE payload. */
export function encodeRoomState(state: RoomSnapshot): Uint8Array {
  return voice.RoomStateUpdate.encode({
    members: state.members.map((member) => ({
      account: member.account,
      nickname: member.nickname,
      role: roleNumber(member.role),
      isMuted: member.isMuted,
      isSpeaking: member.isSpeaking,
      handRaised: member.handRaised,
      serverMuted: member.serverMuted,
      connected: member.connected,
      moderatorMuted: member.moderatorMuted,
    })),
    speakingMode: modeNumber(state.speakingMode),
    activeSpeakers: state.activeSpeakers,
    handQueue: state.handQueue,
    turn:
      state.turn === undefined
        ? null
        : {
            account: state.turn.account,
            endsAt: int64FromMillis(state.turn.endsAt),
            turnMs: state.turn.turnMs,
            queue: state.turn.queue,
          },
    media: state.media,
    closed: state.closed,
    maxMembers: state.maxMembers,
    mediaState: state.mediaState,
  }).finish();
}

/**
 * Decodes a ROOM_STATE payload.
 *
 * @throws StardustError PROTOCOL_DECODE for malformed bytes or unknown enum values.
 */
export function decodeRoomState(bytes: Uint8Array): RoomSnapshot {
  const state = decode(() => voice.RoomStateUpdate.decode(bytes), 'RoomStateUpdate');
  const turn = state.turn;

  return {
    members: state.members.map((member) => ({
      account: member.account ?? '',
      nickname: member.nickname ?? '',
      role: roleOfNumber(member.role),
      isMuted: member.isMuted === true,
      isSpeaking: member.isSpeaking === true,
      handRaised: member.handRaised === true,
      serverMuted: member.serverMuted === true,
      connected: member.connected === true,
      moderatorMuted: member.moderatorMuted === true,
    })),
    speakingMode: modeOfNumber(state.speakingMode),
    activeSpeakers: [...state.activeSpeakers],
    handQueue: [...state.handQueue],
    turn:
      turn === null || turn === undefined || !turn.account
        ? undefined
        : {
            account: turn.account,
            endsAt: millisFromInt64(turn.endsAt),
            turnMs: turn.turnMs ?? 0,
            queue: [...(turn.queue ?? [])],
          },
    media: state.media === 'mesh' ? 'mesh' : 'janus',
    mediaState: state.mediaState === 'reconnecting' ? 'reconnecting' : 'ready',
    closed: state.closed,
    maxMembers: state.maxMembers,
  };
}

/** Encodes a ROOM_JOIN payload. */
export function encodeRoomJoin(join: RoomJoinPayload): Uint8Array {
  return voice.RoomJoin.encode(join).finish();
}

/** Decodes a ROOM_JOIN payload; an empty payload is a join with defaults. */
export function decodeRoomJoin(bytes: Uint8Array): RoomJoinPayload {
  const join = decode(() => voice.RoomJoin.decode(bytes), 'RoomJoin');

  return {
    nickname: join.nickname,
    canSend: join.canSend,
    startUnmuted: join.startUnmuted,
    resume: join.resume,
  };
}

/** Encodes a ROOM_JSEP payload. */
export function encodeRoomJsep(jsep: RoomJsepPayload): Uint8Array {
  return voice.RoomJsep.encode(jsep).finish();
}

/**
 * Decodes a ROOM_JSEP payload.
 *
 * @throws StardustError PROTOCOL_DECODE for malformed bytes, a type other than offer or
 *   answer, or an empty SDP.
 */
export function decodeRoomJsep(bytes: Uint8Array): RoomJsepPayload {
  const jsep = decode(() => voice.RoomJsep.decode(bytes), 'RoomJsep');

  if (jsep.type !== 'offer' && jsep.type !== 'answer') throw decodeError(`JSEP type ${jsep.type}`);

  if (jsep.sdp.length === 0) throw decodeError('an empty SDP');

  return { type: jsep.type, sdp: jsep.sdp, iceRestart: jsep.iceRestart };
}

/** Encodes a ROOM_TRICKLE payload. */
export function encodeRoomTrickle(trickle: RoomTricklePayload): Uint8Array {
  if ('completed' in trickle) return voice.RoomTrickle.encode({ completed: true }).finish();

  return voice.RoomTrickle.encode({ candidate: trickle.candidate }).finish();
}

/**
 * Decodes a ROOM_TRICKLE payload.
 *
 * @throws StardustError PROTOCOL_DECODE for malformed bytes or a payload with neither a
 *   candidate nor `completed`.
 */
export function decodeRoomTrickle(bytes: Uint8Array): RoomTricklePayload {
  const trickle = decode(() => voice.RoomTrickle.decode(bytes), 'RoomTrickle');

  if (trickle.completed) return { completed: true };

  const candidate = trickle.candidate;

  if (candidate === null || candidate === undefined)
    throw decodeError('a trickle without a candidate');

  const result: RoomCandidate = { candidate: candidate.candidate ?? '' };

  if (candidate.sdpMid !== null && candidate.sdpMid !== undefined) result.sdpMid = candidate.sdpMid;

  if (candidate.sdpMlineIndex !== null && candidate.sdpMlineIndex !== undefined) {
    result.sdpMLineIndex = candidate.sdpMlineIndex;
  }

  if (candidate.usernameFragment !== null && candidate.usernameFragment !== undefined) {
    result.usernameFragment = candidate.usernameFragment;
  }

  return { candidate: result };
}

/** Encodes a ROOM_MUTE payload; an empty account means the sender itself. */
export function encodeRoomMute(value: { account: string; muted: boolean }): Uint8Array {
  return voice.RoomMute.encode(value).finish();
}

/** Decodes a ROOM_MUTE payload. */
export function decodeRoomMute(bytes: Uint8Array): { account: string; muted: boolean } {
  const mute = decode(() => voice.RoomMute.decode(bytes), 'RoomMute');

  return { account: mute.account, muted: mute.muted };
}

/** Encodes a ROOM_RAISE_HAND payload. */
export function encodeRoomRaiseHand(value: {
  raised: boolean;
  account?: string;
  approved?: boolean;
}): Uint8Array {
  return voice.RoomRaiseHand.encode({
    raised: value.raised,
    account: value.account ?? '',
    approved: value.approved ?? null,
  }).finish();
}

/** Decodes a ROOM_RAISE_HAND payload; `approved` is set only in a moderator's answer. */
export function decodeRoomRaiseHand(bytes: Uint8Array): {
  raised: boolean;
  account: string;
  approved: boolean | undefined;
} {
  const hand = decode(() => voice.RoomRaiseHand.decode(bytes), 'RoomRaiseHand');

  return {
    raised: hand.raised,
    account: hand.account,
    approved: hand.approved === null || hand.approved === undefined ? undefined : hand.approved,
  };
}

/** Encodes a ROOM_ROLE payload. */
export function encodeRoomRole(value: { account: string; role: RoomRole }): Uint8Array {
  return voice.RoomRole.encode({ account: value.account, role: roleNumber(value.role) }).finish();
}

/** Decodes a ROOM_ROLE payload. */
export function decodeRoomRole(bytes: Uint8Array): { account: string; role: RoomRole } {
  const role = decode(() => voice.RoomRole.decode(bytes), 'RoomRole');

  return { account: role.account, role: roleOfNumber(role.role) };
}

/** Encodes a ROOM_KICK payload. */
export function encodeRoomKick(value: { account: string }): Uint8Array {
  return voice.RoomKick.encode(value).finish();
}

/** Decodes a ROOM_KICK payload. */
export function decodeRoomKick(bytes: Uint8Array): { account: string } {
  return { account: decode(() => voice.RoomKick.decode(bytes), 'RoomKick').account };
}

/** Encodes a ROOM_MODE payload; a turn length of 0 keeps the room's. */
export function encodeRoomMode(value: { mode: RoomSpeakingMode; turnMs?: number }): Uint8Array {
  return voice.RoomMode.encode({
    speakingMode: modeNumber(value.mode),
    turnMs: value.turnMs ?? 0,
  }).finish();
}

/** Decodes a ROOM_MODE payload; `turnMs` is undefined when the sender left it at 0. */
export function decodeRoomMode(bytes: Uint8Array): {
  mode: RoomSpeakingMode;
  turnMs: number | undefined;
} {
  const mode = decode(() => voice.RoomMode.decode(bytes), 'RoomMode');

  return { mode: modeOfNumber(mode.speakingMode), turnMs: mode.turnMs || undefined };
}

/** Encodes a ROOM_SPEAKING payload. */
export function encodeRoomSpeaking(activeSpeakers: string[]): Uint8Array {
  return voice.RoomSpeaking.encode({ activeSpeakers }).finish();
}

/** Decodes a ROOM_SPEAKING payload. */
export function decodeRoomSpeaking(bytes: Uint8Array): string[] {
  return [...decode(() => voice.RoomSpeaking.decode(bytes), 'RoomSpeaking').activeSpeakers];
}

/** Encodes a ROOM_TIP payload. */
export function encodeRoomTip(tip: RoomTipPayload): Uint8Array {
  return voice.RoomTip.encode({
    to: tip.to,
    amount: tip.amount.toString(),
    blockHash: hexToBytes(tip.blockHash),
  }).finish();
}

/**
 * Decodes a ROOM_TIP payload.
 *
 * @throws StardustError PROTOCOL_DECODE for malformed bytes, an amount that is not a
 *   positive decimal integer, or a block hash that is not 32 bytes.
 */
export function decodeRoomTip(bytes: Uint8Array): RoomTipPayload {
  const tip = decode(() => voice.RoomTip.decode(bytes), 'RoomTip');

  if (!/^[1-9][0-9]{0,38}$/.test(tip.amount)) throw decodeError(`tip amount ${tip.amount}`);

  if (tip.blockHash.length !== 32) throw decodeError('a tip block hash that is not 32 bytes');

  return {
    to: tip.to,
    amount: BigInt(tip.amount),
    blockHash: `0x${[...tip.blockHash].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`,
  };
}

/** Encodes a ROOM_MODERATION payload. */
export function encodeRoomModeration(value: RoomModerationPayload): Uint8Array {
  return voice.RoomModeration.encode(value).finish();
}

/** Decodes a ROOM_MODERATION payload. */
export function decodeRoomModeration(bytes: Uint8Array): RoomModerationPayload {
  const moderation = decode(() => voice.RoomModeration.decode(bytes), 'RoomModeration');

  return {
    action: moderation.action,
    target: moderation.target,
    ok: moderation.ok,
    code: moderation.code,
  };
}

/** Encodes an ERROR payload. */
export function encodeErrorPayload(value: {
  code: string;
  message: string;
  refType?: number;
  detail?: number;
}): Uint8Array {
  return voice.ErrorMessage.encode({
    code: value.code,
    message: value.message,
    refType: value.refType ?? null,
    detail: value.detail ?? 0,
  }).finish();
}

function hexToBytes(hex: string): Uint8Array {
  const bare = hex.startsWith('0x') ? hex.slice(2) : hex;

  if (!/^(?:[0-9a-fA-F]{2})*$/.test(bare)) {
    throw new StardustError('INVALID_ARGUMENT', `Block hash ${hex} is not hex.`);
  }

  return Uint8Array.from(bare.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function decode<T>(body: () => T, name: string): T {
  try {
    return body();
  } catch (error) {
    throw new StardustError('PROTOCOL_DECODE', `A ${name} payload could not be decoded.`, {
      cause: error,
    });
  }
}

function decodeError(what: string): StardustError {
  return new StardustError('PROTOCOL_DECODE', `A room payload carries ${what}, which is invalid.`);
}

/** Encodes an SDP_OFFER or SDP_ANSWER payload of a mesh room. */
export function encodeSdp(value: {
  type: 'offer' | 'answer';
  sdp: string;
  iceRestart?: boolean;
}): Uint8Array {
  return voice.SdpMessage.encode({
    type: value.type,
    sdp: value.sdp,
    iceRestart: value.iceRestart ?? false,
  }).finish();
}

/**
 * Decodes an SDP_OFFER or SDP_ANSWER payload.
 *
 * @throws StardustError PROTOCOL_DECODE for malformed bytes, a type other than offer or
 *   answer, or an empty SDP.
 */
export function decodeSdp(bytes: Uint8Array): {
  type: 'offer' | 'answer';
  sdp: string;
  iceRestart: boolean;
} {
  const sdp = decode(() => voice.SdpMessage.decode(bytes), 'SdpMessage');

  if (sdp.type !== 'offer' && sdp.type !== 'answer') throw decodeError(`SDP type ${sdp.type}`);

  if (sdp.sdp.length === 0) throw decodeError('an empty SDP');

  return { type: sdp.type, sdp: sdp.sdp, iceRestart: sdp.iceRestart };
}

/** Encodes an ICE_CANDIDATE payload; the empty candidate string ends the candidates. */
export function encodeCandidate(candidate: RoomCandidate): Uint8Array {
  return voice.IceCandidate.encode({
    candidate: candidate.candidate,
    sdpMid: candidate.sdpMid ?? null,
    sdpMlineIndex: candidate.sdpMLineIndex ?? null,
    usernameFragment: candidate.usernameFragment ?? null,
  }).finish();
}

/** Decodes an ICE_CANDIDATE payload. */
export function decodeCandidate(bytes: Uint8Array): RoomCandidate {
  const value = decode(() => voice.IceCandidate.decode(bytes), 'IceCandidate');
  const candidate: RoomCandidate = { candidate: value.candidate };

  if (value.sdpMid !== null && value.sdpMid !== undefined) candidate.sdpMid = value.sdpMid;

  if (value.sdpMlineIndex !== null && value.sdpMlineIndex !== undefined) {
    candidate.sdpMLineIndex = value.sdpMlineIndex;
  }

  if (value.usernameFragment !== null && value.usernameFragment !== undefined) {
    candidate.usernameFragment = value.usernameFragment;
  }

  return candidate;
}
