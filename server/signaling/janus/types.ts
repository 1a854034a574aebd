import type { Logger } from 'pino';

import type { WebSocketClass } from './connection.js';
import type { IceCandidate, Jsep } from './session.js';

/** The package name of Janus's AudioBridge plugin, which every handle attaches to. */
export const AUDIOBRIDGE_PLUGIN = 'janus.plugin.audiobridge';

/** Chooses the wait before the next reconnect attempt; `null` stops reconnecting. */
export interface ReconnectPolicy {
  nextDelayMs(context: { attempt: number; error: unknown }): number | null;
}

/** How Janus decides that a member is talking, from the RFC 6464 audio levels it receives. */
export interface TalkingOptions {
  /**
   * The threshold on the average level of a window, in -dBov (0 is loudest, 127 silence):
   * a window whose average is below it counts as talking. Higher is more sensitive.
   */
  audioLevelAverage: number;
  /** Packets per window; browsers send one packet per 20 ms, so 50 is one second. */
  audioActivePackets: number;
}

/** Options shared by {@link JanusAudioBridge} and every server of a {@link JanusPool}. */
export interface JanusClientOptions {
  /** pino logger; a silent one by default. */
  logger?: Logger;
  /** How long any request may wait for Janus, in ms; 10,000 by default. */
  requestTimeoutMs?: number;
  /** Session keepalive interval in ms; 25,000 by default (Janus times sessions out at 60 s). */
  keepaliveIntervalMs?: number;
  /** When to reconnect after the connection is lost; capped backoff with full jitter by default. */
  reconnect?: ReconnectPolicy;
  /** Talking detection of new rooms, unless {@link CreateRoomOptions.talking} sets another. */
  talking?: TalkingOptions;
  /** A `ws`-compatible WebSocket class, for tests. */
  WebSocket?: WebSocketClass;
}

/** The address of one Janus server and the credentials to administer its AudioBridge. */
export interface JanusServerConfig {
  /** The Janus WebSocket API URL, such as `ws://127.0.0.1:8188`. */
  url: string;
  /** The AudioBridge `admin_key`, needed to create rooms. */
  adminKey: string;
  /** A stable name for hashing and logs; the URL by default. Keep it when the URL changes. */
  name?: string;
  /** Janus's `api_secret`, when it has one. */
  apiSecret?: string;
}

/** Options of {@link JanusAudioBridge}. */
export interface JanusAudioBridgeOptions extends JanusClientOptions, JanusServerConfig {}

/** Options of {@link JanusAudioBridge.createRoom}. */
export interface CreateRoomOptions {
  /** The room's secret: needed to change tokens, mute, kick and destroy. Held by the server only. */
  secret: string;
  /** Tokens admitted from the start; more can be added with {@link AudioBridgeRoom.allow}. */
  allowed?: string[];
  /** A description for Janus's logs. */
  description?: string;
  /** Talking detection for this room. */
  talking?: TalkingOptions;
}

/** A member's request to join a room's media. */
export interface JoinRequest {
  /** The member's id in Janus, such as its account's public key in hex. */
  memberId: string;
  /** A token admitted with {@link AudioBridgeRoom.allow}. */
  token: string;
  /** The browser's SDP offer. */
  offer: Jsep;
  /** Whether the member starts muted at the server; true by default. */
  muted?: boolean;
  /** A display name for Janus's participant list. */
  display?: string;
  /** Per-member talking detection, overriding the room's. */
  talking?: TalkingOptions;
}

/** A participant as Janus lists it. */
export interface AudioBridgeParticipant {
  id: string;
  display?: string;
  /** True once the member's PeerConnection is set up. */
  setup: boolean;
  muted: boolean;
  /** Present when the room emits talking events. */
  talking?: boolean;
}

/** Connection states of a {@link JanusAudioBridge}. */
export const BRIDGE_STATES = ['idle', 'connecting', 'ready', 'reconnecting', 'closed'] as const;

/** One of {@link BRIDGE_STATES}. */
export type BridgeState = (typeof BRIDGE_STATES)[number];

/** The reason a member's media in a room ended. */
export type MemberLeftReason =
  'left' | 'kicked' | 'hangup' | 'room-destroyed' | 'connection-lost' | 'join-failed';

/** A member of a room on one server, as events name it. */
export interface MemberRef {
  /** The name of the Janus server. */
  server: string;
  roomId: string;
  memberId: string;
}

/** Events of {@link JanusAudioBridge} and {@link JanusPool}. Each carries one context object. */
export interface JanusEvents {
  /** The connection state changed. */
  stateChange: [{ server: string; state: BridgeState; previous: BridgeState; error?: unknown }];
  /** A member started (`talking: true`) or stopped talking, by Janus's audio levels. */
  talking: [MemberRef & { talking: boolean }];
  /** A member's PeerConnection came up at Janus. */
  memberConnected: [MemberRef];
  /** Janus started or stopped receiving a member's audio. */
  memberReceiving: [MemberRef & { receiving: boolean }];
  /** A candidate Janus trickles to a member (only when Janus runs with `full_trickle`). */
  memberCandidate: [MemberRef & { candidate: IceCandidate | null }];
  /** A member's media in a room ended; fires once per joined member. */
  memberLeft: [MemberRef & { reason: MemberLeftReason; detail?: string }];
  /** A room was destroyed, by this client or by anyone holding its secret. */
  roomDestroyed: [{ server: string; roomId: string }];
  /**
   * The connection to Janus was lost. Every member of this server got `memberLeft` with
   * reason `connection-lost` just before; their browsers must send new offers.
   */
  disconnected: [{ server: string; error: unknown }];
  /**
   * The connection is back. `restarted` is true when rooms this client knew were gone,
   * which means Janus itself restarted. `recreatedRooms` were created again with their
   * secret and tokens. `missingRooms` were gone and could not be recreated, because this
   * client did not create them.
   */
  reconnected: [
    { server: string; restarted: boolean; recreatedRooms: string[]; missingRooms: string[] },
  ];
}
