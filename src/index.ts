/**
 * The headless core of Stardust Voice: framework-free TypeScript that any UI can drive.
 * Importing it has no side effects and touches no browser global.
 */
export { StardustClient } from './client/stardust-client.js';
export { ClientMessages } from './client/client-messages.js';
export type {
  ClientMessagesEvents,
  ClientMessagesOptions,
  IncomingVoiceMessage,
  MessageChainWrites,
  PublicVoiceMetadata,
  VoiceMessageSummary,
} from './client/client-messages.js';
export { ConfigError, LOCALES, resolveConfig } from './client/config.js';
export type { ConfigProblem, Locale, ResolvedConfig, StardustConfig } from './client/config.js';
export { consoleLogger, namedLogger, silentLogger } from './client/logger.js';
export type { Logger } from './client/logger.js';
export { ERROR_CODES } from './shared/error-table.js';
export { ERROR_AREAS, StardustError, hasErrorCode, isErrorCode } from './shared/errors.js';
export type { ErrorCode, StardustErrorOptions } from './shared/errors.js';
export {
  accountKey,
  decodeAddress,
  encodeAddress,
  isValidAddress,
  normalizeAddress,
  sameAccount,
  STARDUST_SS58_PREFIX,
} from './shared/ss58.js';
export type { DecodedAddress } from './shared/ss58.js';
export { ExtensionWallet } from './wallet/extension-wallet.js';
export type { ExtensionWalletOptions } from './wallet/extension-wallet.js';
export { ACCOUNT_DISABLED_REASONS, toAccountOption } from './wallet/account-options.js';
export type {
  AccountDisabledReason,
  InjectedAccountLike,
  WalletAccountOption,
} from './wallet/account-options.js';
export { createDevSigner } from './wallet/dev-signer.js';
export type { DevSignerOptions } from './wallet/dev-signer.js';
export { createPayloadSigner } from './wallet/payload-signer.js';
export type { SignBytes } from './wallet/payload-signer.js';
export { WalletError } from './wallet/wallet-error.js';
export type { WalletErrorOptions } from './wallet/wallet-error.js';
export { BYTES_PREFIX, BYTES_SUFFIX } from './wallet/wallet-signer.js';
export type {
  KeyType,
  RawSignature,
  SignedForm,
  SignerAccount,
  SignerKind,
  WalletSigner,
} from './wallet/wallet-signer.js';
export { ChainClient, VOICE_PALLETS } from './chain/chain-client.js';
export type { BlockEvents, ChainClientOptions, ChainInfo } from './chain/chain-client.js';
export {
  ChainError,
  MODULE_ERROR_CODES,
  POOL_ERROR_REASONS,
  mapSubmitError,
} from './chain/chain-error.js';
export type { ChainErrorOptions } from './chain/chain-error.js';
export { TxTracker } from './chain/tx-tracker.js';
export { WalletSender } from './chain/wallet-sender.js';
export { SessionProxy, sessionKeySigner, webCryptoSessionKey } from './chain/session-proxy.js';
export { DEFAULT_SESSION_ALLOWANCE, LazySessionProxy } from './chain/lazy-session-proxy.js';
export type { LazySessionProxyOptions } from './chain/lazy-session-proxy.js';
export type { Ed25519SessionKey, SessionProxyOptions } from './chain/session-proxy.js';
export type {
  ChainCall,
  ChainEvent,
  Hex,
  ModuleErrorInfo,
  PlainValue,
  SendOptions as SignalSendOptions,
  TxProgress,
  TxResult,
  TxSender,
  TxStage,
  TxWaitStage,
} from './chain/types.js';
export type { AccountBalance, BalancesPallet } from './chain/pallets/balances.js';
export type { ChatMessage, ChatPallet, MessageType, VoiceMetadata } from './chain/pallets/chat.js';
export type { ContactsPallet } from './chain/pallets/contacts.js';
export type { AccountProxies, ProxyDefinition, ProxyPallet } from './chain/pallets/proxy.js';
export type { SystemPallet } from './chain/pallets/system.js';
export type { UtilityPallet } from './chain/pallets/utility.js';
export type {
  CallEndReason,
  CallEnded,
  CallQuality,
  CallRecord,
  CallState,
  CallType,
  RejectReason,
  VoiceCallConstants,
  VoiceCallPallet,
} from './chain/pallets/voice-call.js';
export type {
  UserCallStats,
  VoiceMiningConstants,
  VoiceMiningPallet,
} from './chain/pallets/voice-mining.js';
export type {
  MemberRole,
  Room,
  RoomConfig,
  RoomMember,
  SpeakingMode,
  VoiceRoomConstants,
  VoiceRoomPallet,
} from './chain/pallets/voice-room.js';
export { RoomSession } from './room/room-session.js';
export type { RoomSessionOptions, RoomSessionTurn } from './room/room-session.js';
export { RoomDirectory } from './room/room-directory.js';
export { RoomAlreadyJoinedError } from './room/room-already-joined-error.js';
export { createRoomSession } from './room/create-room-session.js';
export type { ClientRoomOptions } from './room/create-room-session.js';
export type { RoomDirectoryOptions } from './room/room-directory.js';
export { browserMediaPlatform } from './room/media-platform.js';
export { LevelMeter } from './room/level-meter.js';
export type { LevelMeterOptions, RoomClock } from './room/level-meter.js';
export { ROOM_SESSION_STATES } from './room/types.js';
export type {
  AudioSink,
  CreateRoomOptions,
  CurrentRoom,
  RoomJoinOptions,
  RoomMediaPlatform,
  RoomMemberView,
  RoomOutgoingSignal,
  RoomSessionEvents,
  RoomSessionReason,
  RoomSessionState,
  RoomSignalingEvents,
  RoomSignalingPort,
  RoomSignalMessage,
  RoomSummary,
  RoomTip,
} from './room/types.js';
export {
  canChangeMode,
  canClose,
  canModerate,
  canSetRole,
  checkMaxMembers,
  DEFAULT_TURN_MS,
  isModerator,
  mayRaiseHand,
  maxMembersFor,
  MESH_MAX_MEMBERS,
  roleMaySpeak,
  ROOM_MAX_MEMBERS,
  ROOM_ROLES,
  SPEAKING_MODES,
} from './shared/room-rules.js';
export type { RoomRole, RoomSpeakingMode } from './shared/room-rules.js';
export type {
  RoomMediaKind,
  RoomMediaState,
  RoomMemberSnapshot,
  RoomSnapshot,
  RoomTurnSnapshot,
} from './shared/room-wire.js';
export {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  SignalType,
  signalTypeName,
} from './shared/codec.js';
export type { PayloadByType, PayloadType, Plain, SignalMessage } from './shared/codec.js';
export {
  createDelegation,
  DEFAULT_DELEGATION_LIFETIME_MS,
  DELEGATION_DOMAIN,
  delegationStatement,
  delegationStatementBytes,
  verifyDelegation,
} from './shared/delegation.js';
export type { RawSigner, SessionDelegation, VerifiedDelegation } from './shared/delegation.js';
export {
  deviceBindingBytes,
  deviceBindingStatement,
  prekeySigningBytes,
  verifyDeviceBundle,
} from './shared/device-keys.js';
export type { DeviceBindingFields, PrekeyFields } from './shared/device-keys.js';
export { SignalingClient } from './signaling/signaling-client.js';
export type {
  OutgoingSignal,
  SignalEvent,
  SignalingClientOptions,
  SignalingEvents,
  SignalingState,
  WebSocketFactory,
  WebSocketLike,
} from './signaling/signaling-client.js';
export { exponentialBackoff } from './signaling/reconnect-policy.js';
export type {
  BackoffOptions,
  ReconnectContext,
  ReconnectPolicy,
} from './signaling/reconnect-policy.js';
export {
  decodeDelegation,
  encodeDelegation,
  generateSessionKey,
  indexedDbSessionStorage,
  memorySessionStorage,
  rawSignerOf,
  restoreSessionKey,
  SessionManager,
} from './wallet/session.js';
export type {
  Session,
  SessionKey,
  SessionManagerOptions,
  SessionSource,
  SessionStorage,
  StoredSession,
} from './wallet/session.js';
export { CallManager } from './call/call-manager.js';
export type {
  CallManagerEvents,
  CallManagerOptions,
  PlaceCallOptions,
} from './call/call-manager.js';
export {
  CALL_SESSION_STATES,
  CallSession,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_RING_TIMEOUT_MS,
  randomCallId,
} from './call/call-session.js';
export type {
  CallEndReason as CallSessionEndReason,
  CallMediaHandle,
  CallSessionEvents,
  CallSessionMediaOptions,
  CallSessionOptions,
  CallSessionState,
  CallStateContext,
  CallSummary,
} from './call/call-session.js';
export { CallMedia, compareKeys, isPolitePeer } from './call/call-media.js';
export type { CallMediaEvents, CallMediaOptions } from './call/call-media.js';
export { systemClock } from './call/clock.js';
export type { Clock } from './call/clock.js';
export { parseCandidate, serializeCandidate } from './call/ice.js';
export type { IceCandidateWire } from './call/ice.js';
export { applyOpusBitrate, OPUS_BITRATE, OPUS_HD_BITRATE } from './call/opus.js';
export { computeQuality, qualityLevel, readStatsSnapshot } from './call/quality.js';
export type { CallQualitySample, StatsSnapshot } from './call/quality.js';
export type {
  CallSignal,
  CallSignaling,
  HangupReason,
  MediaSignal,
  MediaTransport,
  ReceivedCallSignal,
  RejectReason as CallRejectReason,
  SessionDescriptionWire,
} from './call/signals.js';
export { CallChainRecorder, readCallCosts } from './call/call-chain.js';
export type {
  CallChainRecord,
  CallChainRecorderEvents,
  CallChainRecorderOptions,
  CallCosts,
  CallOutcomeSource,
  CallSettlement,
  VoiceCallCalls,
} from './call/call-chain.js';
export { SignalingCallAdapter } from './call/signaling-adapter.js';
export type {
  CallSignalingTransport,
  SignalingCallAdapterOptions,
} from './call/signaling-adapter.js';
export { DEFAULT_CALL_ALLOWANCE } from './client/client-calls.js';
export type { CallChainWrites, ClientCallsOptions } from './client/client-calls.js';
export { VoiceRecorder, OGG_OPUS_MIME, mapMicrophoneError } from './message/recorder.js';
export type {
  Recording,
  RecorderEvents,
  RecorderOptions,
  RecorderState,
  StopReason,
} from './message/recorder.js';
export {
  OPUS_APPLICATIONS,
  OPUS_FRAME_SIZES_MS,
  OPUS_SAMPLE_RATES,
  resolveEncoderOptions,
} from './message/encoder-options.js';
export type { EncoderOptions, ResolvedEncoderOptions } from './message/encoder-options.js';
export { audioDurationMs, finiteDurationMs, formatDuration } from './message/duration.js';
export { inspectOggOpus, parseOggPages } from './message/ogg.js';
export type { OggOpusInfo, OggPage, OpusHead } from './message/ogg.js';
export { webmDurationMs } from './message/webm.js';
export {
  DEFAULT_PREKEY_TTL_MS,
  generateDeviceKeys,
  generatePrekeys,
  verifyPrekey,
} from './message/device-keys.js';
export type {
  DeviceKeys,
  GeneratePrekeysOptions,
  PrekeyPublic,
  PrekeyRecord,
  PrekeySigningBytes,
} from './message/device-keys.js';
export {
  ENVELOPE_VERSION,
  openVoiceMessage,
  readEnvelopeHeader,
  sealVoiceMessage,
} from './message/envelope.js';
export type {
  OpenedVoiceMessage,
  OpeningDevice,
  RecipientDevice,
  SealInput,
  VoicePayload,
} from './message/envelope.js';
export { refillPrekeys } from './message/prekeys.js';
export type { RefillOptions } from './message/prekeys.js';
export { computeCid } from './message/cid.js';
export { IpfsClient } from './message/ipfs-client.js';
export type {
  GatewayFailure,
  IpfsClientOptions,
  UploadOptions,
  UploadResult,
} from './message/ipfs-client.js';
export { MessageStore } from './message/store/message-store.js';
export type {
  MessageStoreOptions,
  OutboxRecord,
  OutboxState,
  Tombstone,
} from './message/store/message-store.js';
export { CiphertextCache, DEFAULT_CACHE_QUOTA_BYTES } from './message/store/ciphertext-cache.js';
export type { CiphertextCacheOptions } from './message/store/ciphertext-cache.js';
export { VoiceMessages } from './message/voice-messages.js';
export {
  canonicalDeviceBinding,
  onVoiceNotice,
  signalingKeyDirectory,
  signalingNotifier,
} from './message/signaling-keys.js';
export type { ReceivedVoiceNotice } from './message/signaling-keys.js';
export type {
  BindingFields,
  DeviceBinding,
  KeyDirectoryClient,
  SendVoiceInput,
  VoiceMessagesOptions,
} from './message/voice-messages.js';
export { chainDelivery, chainMetadata } from './message/chain-delivery.js';
export { publicMetadataOf, VoiceInbox } from './message/voice-inbox.js';
export type { InboxEntry, VoiceInboxEvents, VoiceInboxOptions } from './message/voice-inbox.js';
export type { ChainDeliveryOptions, VoiceNotice } from './message/chain-delivery.js';
export { Outbox, exponentialRetryPolicy } from './message/outbox.js';
export type {
  EnqueueInput,
  OutboxClock,
  OutboxDelivery,
  OutboxEvents,
  OutboxOptions,
  RetryPolicy,
} from './message/outbox.js';
export { PLAYBACK_RATES, VoicePlayer } from './message/player.js';
export type {
  PlayableAudio,
  PlaybackRate,
  PlayerEvents,
  PlayerOptions,
  PlayerState,
} from './message/player.js';
export { VoiceMessageReader } from './message/message-reader.js';
export type {
  KnownVoiceMessage,
  ReadVoiceMessage,
  VoiceMessageReaderOptions,
} from './message/message-reader.js';
