/**
 * Voice rooms on the signaling server: the room policy, admission from chain membership,
 * the media path (Janus AudioBridge or a peer mesh) and the room handler that ties them
 * to the signaling server.
 */
export { RoomService, MEDIA_UNAVAILABLE_ADVICE } from './room-service.js';
export { startRoomHandler } from './start.js';
export type { RoomHandlerOptions, StartedRoomHandler } from './start.js';
export { roomFlagsFrom, ROOM_FLAGS_USAGE } from './cli-flags.js';
export type { RoomFlags } from './cli-flags.js';
export type { RoomServiceOptions } from './room-service.js';
export { RoomPolicy } from './policy.js';
export type {
  ChainMemberFacts,
  HandAnswer,
  PolicyClock,
  PolicyMember,
  RoomPolicyOptions,
} from './policy.js';
export { TurnRotation } from './turns.js';
export type { Turn } from './turns.js';
export { LiveRoom } from './live-room.js';
export type { LiveRoomOptions, MediaSession } from './live-room.js';
export { JanusRoomMedia } from './janus-room-media.js';
export type { JanusRoomMediaOptions } from './janus-room-media.js';
export { PolkadotRoomChain } from './polkadot-room-chain.js';
export type { PolkadotRoomChainOptions } from './polkadot-room-chain.js';
export type {
  ChainRoomInfo,
  ChainRoomMember,
  ChainTransfer,
  RoomChain,
  RoomChainEvent,
} from './room-chain.js';
export { systemTimers } from './ports.js';
export type { RoomServerPort, RoomSignal, RoomSocket, RoomTimers } from './ports.js';
