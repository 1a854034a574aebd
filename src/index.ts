/**
 * The headless core of Stardust Voice: framework-free TypeScript that any UI can drive.
 * Importing it has no side effects and touches no browser global.
 */
export { StardustClient } from './client/stardust-client.js';
export { LOCALES, resolveConfig } from './client/config.js';
export type { Locale, ResolvedConfig, StardustConfig } from './client/config.js';
export { consoleLogger, namedLogger, silentLogger } from './client/logger.js';
export type { Logger } from './client/logger.js';
export { ERROR_CODES, StardustError, hasErrorCode, isErrorCode } from './shared/errors.js';
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
export { Outbox, exponentialBackoff } from './message/outbox.js';
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
export type { ReadVoiceMessage, VoiceMessageReaderOptions } from './message/message-reader.js';
