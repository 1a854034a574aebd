/**
 * The element classes of Stardust Voice and what elements share. Importing this module
 * defines no tags and touches no browser global: import `stardust-voice/define` (or load the
 * CDN file, or call `defineElements()`) to register them.
 */
export { StardustVoiceConfig } from './voice-config/voice-config.js';
export { StardustCall } from './call/call.js';
export {
  StardustCallEndedEvent,
  StardustCallQualityEvent,
  StardustCallSettledEvent,
  StardustCallStateEvent,
} from './call/call-events.js';
export type {
  StardustCallEndedDetail,
  StardustCallQualityDetail,
  StardustCallSettledDetail,
  StardustCallStateDetail,
} from './call/call-events.js';
export { StardustRoom } from './room/room.js';
export { StardustRoomList } from './room-list/room-list.js';
export {
  StardustRoomCreatedEvent,
  StardustRoomModerationEvent,
  StardustRoomSelectEvent,
  StardustRoomStateChangeEvent,
  StardustRoomTipEvent,
} from './room/room-events.js';
export type {
  StardustRoomIdDetail,
  StardustRoomModerationDetail,
  StardustRoomStateChangeDetail,
  StardustRoomTipDetail,
} from './room/room-events.js';
export { StardustVoiceRecorder } from './voice-recorder/voice-recorder.js';
export {
  StardustVoiceRecordedEvent,
  StardustVoiceSentEvent,
} from './voice-recorder/voice-recorder-events.js';
export type {
  StardustVoiceRecordedDetail,
  StardustVoiceSentDetail,
} from './voice-recorder/voice-recorder-events.js';
export { StardustVoiceMessage } from './voice-message/voice-message.js';
export type { VoiceMessageMetadata } from './voice-message/voice-message.js';
export { StardustElement } from './shared/stardust-element.js';
export { ClientController } from './shared/client-controller.js';
export type { ClientControllerOptions, ClientSource } from './shared/client-controller.js';
export { stardustContext } from './shared/context.js';
export type { StardustContextValue, Theme } from './shared/context.js';
export { StardustClientChangeEvent, StardustErrorEvent } from './shared/events.js';
export type { StardustClientChangeDetail, StardustErrorDetail } from './shared/events.js';
export {
  ELEMENTS,
  LAZY_ELEMENTS,
  defineElements,
  defineLazyElement,
} from './shared/define-elements.js';
export { installGlobal } from './shared/global-api.js';
export type { StardustVoiceGlobal } from './shared/global-api.js';
export { baseStyles, hostStyles, tokenStyles } from './shared/styles.js';
