import type { StardustError } from '../shared/errors.js';
import type { RoomRole, RoomSpeakingMode } from '../shared/room-rules.js';
import type { RoomMediaKind, RoomMemberSnapshot, RoomSnapshot } from '../shared/room-wire.js';

/** Lifecycle of a {@link RoomSession}. */
export const ROOM_SESSION_STATES = [
  'idle',
  'joining',
  'joined',
  'reconnecting',
  'left',
  'closed',
] as const;

/**
 * One of {@link ROOM_SESSION_STATES}: `idle` before joining (and after a failed join),
 * `joining` while admission and media set up, `joined` with media, `reconnecting` while
 * signaling or the media server is away, `left` after leaving or removal, `closed` once the
 * room closed.
 */
export type RoomSessionState = (typeof ROOM_SESSION_STATES)[number];

/**
 * Why the session reached its state: `left` (the member left), `kicked`, `removed` (the
 * member's membership or media ended elsewhere), `closed` (the room closed), `signaling`
 * or `media` (reconnecting after a loss), or an error code after a failed join.
 */
export type RoomSessionReason = string;

/** A message as the signaling client delivers it; the fields rooms read. */
export interface RoomSignalMessage {
  type: number | undefined;
  from: string;
  to: string;
  roomId: string;
  payload: Uint8Array;
  /** The sender's clock in ms since the epoch (the server's, for server messages). */
  timestamp: bigint;
  requestId: number;
}

/** A message to send; the signaling client fills in the sender, time, nonce and signature. */
export interface RoomOutgoingSignal {
  type: number;
  to?: string;
  roomId?: string;
  payload?: Uint8Array;
}

/** Events of the signaling client that rooms listen to. */
export interface RoomSignalingEvents {
  message: { message: RoomSignalMessage; fromPeer: boolean };
  stateChange: { state: string; previous: string };
}

/**
 * The part of the signaling connection a room uses; the `SignalingClient` of a
 * {@link StardustClient} has this shape.
 */
export interface RoomSignalingPort {
  /** The authenticated account (SS58), once connected. */
  readonly account: string | undefined;
  /** ICE servers with TURN credentials from the server. */
  readonly iceServers: RTCIceServer[];
  /** `connected` while authenticated. */
  readonly state: string;
  connect(): Promise<void>;
  send(draft: RoomOutgoingSignal): Promise<void>;
  /** Sends a request and resolves with the answer; rejects with the ERROR's code. */
  request(draft: RoomOutgoingSignal, options?: { timeoutMs?: number }): Promise<RoomSignalMessage>;
  on<K extends keyof RoomSignalingEvents>(
    event: K,
    listener: (context: RoomSignalingEvents[K]) => void,
  ): () => void;
}

/** Plays a remote audio stream; the session mutes and stops it. */
export interface AudioSink {
  setMuted(muted: boolean): void;
  stop(): void;
}

/** The browser parts a room uses, injectable for tests and other runtimes. */
export interface RoomMediaPlatform {
  createPeerConnection(configuration: RTCConfiguration): RTCPeerConnection;
  /** Opens the microphone; called only when the member may first speak. */
  getMicrophone(): Promise<MediaStreamTrack>;
  /** Starts playing a remote stream. */
  play(stream: MediaStream): AudioSink;
}

/** A member as the session shows it: the server's state plus what this session adds. */
export interface RoomMemberView extends RoomMemberSnapshot {
  /** True for the account of this session. */
  isSelf: boolean;
}

/** Detail of a tip the room saw. */
export interface RoomTip {
  from: string;
  to: string;
  /** Planck. */
  amount: bigint;
  blockHash: string;
}

/** Events of a {@link RoomSession}; each carries one context object. */
export interface RoomSessionEvents {
  stateChange: {
    state: RoomSessionState;
    previous: RoomSessionState;
    reason: RoomSessionReason | undefined;
  };
  /** The server's room state changed (members, roles, mutes, hands, turn, media). */
  roomState: { state: RoomSnapshot };
  /** The members talking now changed. */
  speaking: { activeSpeakers: string[] };
  /** A moderator acted: `mute`, `unmute`, `kick`, `role`, `mode`, `approve_hand`, `decline_hand`. */
  moderation: { action: string; target: string };
  /** Someone in the room sent a tip, checked on chain by the server. */
  tip: RoomTip;
  /** A failure outside any command's promise (media, a background chain call). */
  error: { error: StardustError };
}

/** Options of {@link RoomSession.join}. */
export interface RoomJoinOptions {
  /**
   * Join on chain first when the account is not a member yet, paying the room's entry fee
   * (confirm it with the user first: {@link RoomSession.entryFee}). True by default.
   */
  joinOnChain?: boolean;
  /** Start with the own mute switch off, when the role may speak. False by default. */
  startUnmuted?: boolean;
}

/** A settled room as `<stardust-room-list>` shows it. */
export interface RoomSummary {
  /** 0x-prefixed room id. */
  id: string;
  name: string;
  host: string;
  memberCount: number;
  maxMembers: number;
  isPublic: boolean;
  /** Planck. */
  entryFee: bigint;
  speakingMode: RoomSpeakingMode;
}

/** The open room an account is in, as `RoomDirectory.currentRoom` reads it. */
export interface CurrentRoom {
  /** 0x-prefixed room id. */
  roomId: string;
  /** The room's name; empty if the room entry could not be read. */
  name: string;
  /** True when the account hosts the room. */
  isHost: boolean;
}

/** Settings of a new room. */
export interface CreateRoomOptions {
  /** 1–64 bytes of UTF-8. */
  name: string;
  /**
   * The media path of the signaling server the room will use: `janus` (mixed by the media
   * server) or `mesh` (peer connections between members, without a media server). It
   * bounds `maxMembers`. `janus` by default.
   */
  media?: RoomMediaKind;
  /** 1–50 with `janus`, 1–6 with `mesh`; that maximum by default. */
  maxMembers?: number;
  /** True by default. */
  isPublic?: boolean;
  /** Planck paid to the host by each member who joins; 0 by default. */
  entryFee?: bigint;
  /** FreeSpeak by default. */
  speakingMode?: RoomSpeakingMode;
}

export type { RoomRole, RoomSpeakingMode };
