/**
 * The error codes of the SDK and the signaling server, the base error class and its helpers.
 *
 * Codes are stable SCREAMING_SNAKE strings: they travel in `ERROR` frames, in element
 * events and in logs, so they never change once released. What each code means and what to
 * do about it is in `error-table.ts`, which this module does not import: the browser bundle
 * carries the codes without that prose.
 */

/**
 * Every error code, with the area it belongs to. Adding a code here requires its meaning and
 * action in `ERROR_CODES` (error-table.ts): the type check fails until both exist.
 */
export const ERROR_AREAS = {
  // Configuration and usage.
  CONFIG_INVALID: 'config',
  INVALID_ARGUMENT: 'config',
  INVALID_STATE: 'config',
  DISPOSED: 'config',
  INTERNAL_ERROR: 'config',

  // Signaling protocol, checked by the server.
  PROTOCOL_DECODE: 'protocol',
  FRAME_TOO_LARGE: 'protocol',
  UNKNOWN_TYPE: 'protocol',
  MISSING_FIELD: 'protocol',
  NOT_AUTHENTICATED: 'protocol',
  AUTH_FAILED: 'protocol',
  FROM_MISMATCH: 'protocol',
  SESSION_KEY_MISMATCH: 'protocol',
  TIMESTAMP_OUT_OF_WINDOW: 'protocol',
  NONCE_REPLAYED: 'protocol',
  SIGNATURE_INVALID: 'protocol',
  RATE_LIMITED: 'protocol',
  NOT_CALL_PARTY: 'protocol',
  PEER_NOT_FOUND: 'protocol',
  SLOW_CONSUMER: 'protocol',
  SERVER_RESTARTING: 'protocol',
  SERVER_UNAVAILABLE: 'protocol',

  // Session delegation.
  DELEGATION_INVALID: 'delegation',
  DELEGATION_EXPIRED: 'delegation',
  DELEGATION_WRONG_GENESIS: 'delegation',
  DELEGATION_WRONG_ORIGIN: 'delegation',
  DELEGATION_BAD_SIGNATURE: 'delegation',
  DELEGATION_REVOKED: 'delegation',
  DELEGATION_NOT_FOUND: 'delegation',

  // Signaling client.
  SIGNAL_TIMEOUT: 'signaling',
  SIGNAL_DISCONNECTED: 'signaling',
  SIGNAL_UNREACHABLE: 'signaling',
  MESSAGE_EXPIRED: 'signaling',

  // Wallet.
  WALLET_NOT_FOUND: 'wallet',
  WALLET_TIMEOUT: 'wallet',
  WALLET_REJECTED: 'wallet',
  WALLET_NO_ACCOUNTS: 'wallet',
  ACCOUNT_UNSUPPORTED: 'wallet',
  WALLET_SIGNATURE_INVALID: 'wallet',
  ADDRESS_INVALID: 'wallet',

  // Chain.
  CHAIN_UNREACHABLE: 'chain',
  CHAIN_PALLET_MISSING: 'chain',
  TX_INVALID: 'chain',
  TX_FAILED: 'chain',
  TX_DROPPED: 'chain',

  // Recording and playback.
  RECORDING_TOO_SHORT: 'message',
  EMPTY_RECORDING: 'message',
  ENCODER_CONFIG_INVALID: 'message',
  ENCODER_LOAD_FAILED: 'message',
  MIC_PERMISSION_DENIED: 'message',
  MIC_NOT_FOUND: 'message',
  MIC_UNAVAILABLE: 'message',
  PLAYBACK_BLOCKED: 'message',
  RECORDING_FAILED: 'message',
  AUDIO_FORMAT_INVALID: 'message',
  PLAYBACK_FAILED: 'message',

  // Voice message delivery and encryption.
  KEY_BINDING_INVALID: 'message',
  NO_RECIPIENT_DEVICES: 'message',
  DECRYPT_FAILED: 'message',
  PUBLIC_BURN_UNSUPPORTED: 'message',
  MESSAGE_BURNED: 'message',
  MESSAGE_UNAVAILABLE: 'message',
  CID_MISMATCH: 'message',
  IPFS_UPLOAD_FAILED: 'message',
  STORAGE_UNAVAILABLE: 'message',
  STORAGE_FULL: 'message',

  // Calls.
  CALL_BUSY: 'call',
  CALL_OFFLINE: 'call',
  CALL_REJECTED: 'call',
  CALL_TIMEOUT: 'call',
  CALL_TAMPERED: 'call',
  CALL_NETWORK_ERROR: 'call',
  CALL_INSUFFICIENT_BALANCE: 'call',
  CALL_CHAIN_BUSY: 'call',
  CALL_BLOCKED: 'call',
  CALL_NOT_FOUND: 'call',
  MEDIA_DEVICE_FAILED: 'call',

  // Rooms.
  ROOM_NOT_FOUND: 'room',
  ROOM_NOT_MEMBER: 'room',
  ROOM_CLOSED: 'room',
  ROOM_FULL: 'room',
  ROOM_NOT_ALLOWED: 'room',
  ROOM_ALREADY_JOINED: 'room',
  ROOM_MEDIA_REFUSED: 'room',
  ROOM_MEDIA_TIMEOUT: 'room',
  ROOM_MEDIA_DISCONNECTED: 'room',
  ROOM_MEDIA_UNAVAILABLE: 'room',
  ROOM_TIP_UNVERIFIED: 'room',
} as const;

/** One code of {@link ERROR_AREAS}. */
export type ErrorCode = keyof typeof ERROR_AREAS;

/** Returns true when `value` is a code of the error table. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_AREAS, value);
}

/** Options of {@link StardustError}. */
export interface StardustErrorOptions {
  /** The error that caused this one. */
  cause?: unknown;
  /** A number that some codes carry, such as the Janus error code of ROOM_MEDIA_REFUSED. */
  detail?: number;
}

/**
 * The base class of every error the SDK and the server raise: a stable code, a message that
 * says what failed on which id and what to do, and the native `cause`.
 */
export class StardustError extends Error {
  /** Stable code from the error table. */
  readonly code: ErrorCode;
  /** Extra number for codes that carry one. */
  readonly detail: number | undefined;

  constructor(code: ErrorCode, message: string, options: StardustErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StardustError';
    this.code = code;
    this.detail = options.detail;
  }

  /** Returns `error` if it is a StardustError, else wraps it under `code`. */
  static from(error: unknown, code: ErrorCode, message: string): StardustError {
    if (error instanceof StardustError) return error;

    return new StardustError(code, message, { cause: error });
  }
}

/** Returns true when `error` is a {@link StardustError} with the given code. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return error instanceof StardustError && error.code === code;
}
