/**
 * The Janus side of voice rooms: a client for the AudioBridge of one Janus server, a pool
 * that spreads rooms over several, and a launcher that starts Janus from config templates.
 */
export { JanusAudioBridge, DEFAULT_TALKING } from './audio-bridge.js';
export type { JanusServerInfo } from './audio-bridge.js';
export { AudioBridgeRoom } from './audio-bridge-room.js';
export type { JoinResult } from './audio-bridge-room.js';
export { AudioBridgeMember } from './audio-bridge-member.js';
export type { MemberState } from './audio-bridge-member.js';
export { JanusPool } from './pool.js';
export type { JanusPoolEvents, JanusPoolOptions, JanusServerHealth } from './pool.js';
export { RoomMediaError, JANUS_ERROR_NAMES } from './errors.js';
export { backoffPolicy } from './reconnect.js';
export type { BackoffOptions } from './reconnect.js';
export { rankServers } from './rendezvous.js';
export { generateJanusSecret, janusRoomId } from './validate.js';
export { launchJanus, readJanusTemplates, renderJanusConfig } from './launcher.js';
export type {
  JanusConfigSettings,
  JanusConfigTemplates,
  JanusLaunchOptions,
  JanusProcess,
} from './launcher.js';
export type { IceCandidate, Jsep } from './session.js';
export { AUDIOBRIDGE_PLUGIN } from './types.js';
export type {
  AudioBridgeParticipant,
  BridgeState,
  CreateRoomOptions,
  JanusAudioBridgeOptions,
  JanusClientOptions,
  JanusEvents,
  JanusServerConfig,
  JoinRequest,
  MemberLeftReason,
  MemberRef,
  ReconnectPolicy,
  TalkingOptions,
} from './types.js';
