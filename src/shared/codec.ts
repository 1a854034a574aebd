/**
 * The signaling codec: frames to typed messages and back, shared by browser and server.
 *
 * Decoding never throws anything but a StardustError with code PROTOCOL_DECODE, whatever
 * the bytes. int64 fields become `bigint` here, at the edge, and stay exact over the whole
 * int64 range. Unknown fields and unknown enum values from a newer sender decode without
 * error; a field number the schema knows that arrives with the wrong wire type does not.
 */
import type Long from 'long';
import $protobuf from 'protobufjs/minimal.js';

import { voice } from '../../proto/gen/voice.js';
import { StardustError } from './errors.js';
import { WIRE_SCHEMA } from './wire-schema.js';

/** Numeric values of every signal type, by name (`SignalType.CALL_INVITE === 0`). */
export const SignalType = voice.SignalType;
/** A signal type number, possibly one this version does not know. */
export type SignalTypeValue = voice.SignalType;

/** Bytes of a per-message nonce. */
export const NONCE_BYTES = 16;
/** Bytes of an Ed25519 public key or session key. */
export const PUBLIC_KEY_BYTES = 32;
/** Bytes of an Ed25519 or sr25519 signature. */
export const SIGNATURE_BYTES = 64;

/** A decoded SignalMessage envelope with int64 fields as bigint. */
export interface SignalMessage {
  /** The signal type; undefined when the frame has none. May be a number this version does not know. */
  type: number | undefined;
  /** SS58 address of the sending account; empty for messages the server sends. */
  from: string;
  to: string;
  callId: string;
  roomId: string;
  payload: Uint8Array;
  /** Sender clock, milliseconds since the Unix epoch. */
  timestamp: bigint;
  signature: Uint8Array;
  nonce: Uint8Array;
  requestId: number;
  sessionKey: Uint8Array;
}

type NonNull<T> = Exclude<T, null | undefined>;

/**
 * A generated protobuf type as plain data: int64 fields as bigint, no nulls, no `$unknowns`.
 * Nested messages keep optional fields; decoded values carry every default.
 */
export type Plain<T> =
  Long extends NonNull<T>
    ? bigint
    : NonNull<T> extends Uint8Array
      ? Uint8Array
      : NonNull<T> extends readonly (infer E)[]
        ? Plain<E>[]
        : NonNull<T> extends object
          ? { [K in keyof NonNull<T> as K extends '$unknowns' ? never : K]: Plain<NonNull<T>[K]> }
          : NonNull<T>;

/** A generated message class: what the codec needs from it. */
interface MessageClass<T> {
  encode(message: never): { finish(): Uint8Array };
  decode(reader: $protobuf.Reader): T;
}

/** The payload message of each signal type that has one. */
export interface PayloadByType {
  [voice.SignalType.CALL_INVITE]: Plain<voice.CallInvite>;
  [voice.SignalType.CALL_ACCEPT]: Plain<voice.CallAccept>;
  [voice.SignalType.CALL_REJECT]: Plain<voice.CallReject>;
  [voice.SignalType.CALL_CANCEL]: Plain<voice.CallHangup>;
  [voice.SignalType.CALL_HANGUP]: Plain<voice.CallHangup>;
  [voice.SignalType.CALL_BUSY]: Plain<voice.CallBusy>;
  [voice.SignalType.CALL_CHAIN_LINK]: Plain<voice.CallChainLink>;
  [voice.SignalType.SDP_OFFER]: Plain<voice.SdpMessage>;
  [voice.SignalType.SDP_ANSWER]: Plain<voice.SdpMessage>;
  [voice.SignalType.ICE_CANDIDATE]: Plain<voice.IceCandidate>;
  [voice.SignalType.ROOM_JOIN]: Plain<voice.RoomJoin>;
  [voice.SignalType.ROOM_MUTE]: Plain<voice.RoomMute>;
  [voice.SignalType.ROOM_ROLE]: Plain<voice.RoomRole>;
  [voice.SignalType.ROOM_KICK]: Plain<voice.RoomKick>;
  [voice.SignalType.ROOM_STATE]: Plain<voice.RoomStateUpdate>;
  [voice.SignalType.ROOM_RAISE_HAND]: Plain<voice.RoomRaiseHand>;
  [voice.SignalType.ROOM_SPEAKING]: Plain<voice.RoomSpeaking>;
  [voice.SignalType.ROOM_TURN]: Plain<voice.RoomTurn>;
  [voice.SignalType.ROOM_MODERATION]: Plain<voice.RoomModeration>;
  [voice.SignalType.ROOM_JSEP]: Plain<voice.RoomJsep>;
  [voice.SignalType.ROOM_TRICKLE]: Plain<voice.RoomTrickle>;
  [voice.SignalType.ROOM_TIP]: Plain<voice.RoomTip>;
  [voice.SignalType.ROOM_MODE]: Plain<voice.RoomMode>;
  [voice.SignalType.AUTH_CHALLENGE]: Plain<voice.AuthChallenge>;
  [voice.SignalType.AUTH_RESPONSE]: Plain<voice.AuthResponse>;
  [voice.SignalType.AUTH_OK]: Plain<voice.AuthOk>;
  [voice.SignalType.ERROR]: Plain<voice.ErrorMessage>;
  [voice.SignalType.VOICE_MESSAGE]: Plain<voice.VoiceMessageNotice>;
  [voice.SignalType.KEYS_PUBLISH]: Plain<voice.KeysPublish>;
  [voice.SignalType.KEYS_LOOKUP]: Plain<voice.KeysLookup>;
  [voice.SignalType.KEYS_RESULT]: Plain<voice.KeysResult>;
  [voice.SignalType.DELEGATION_LOOKUP]: Plain<voice.DelegationLookup>;
  [voice.SignalType.DELEGATION_RESULT]: Plain<voice.DelegationResult>;
  [voice.SignalType.TURN_CREDENTIALS]: Plain<voice.TurnCredentials>;
}

/** A signal type that carries a payload message. */
export type PayloadType = keyof PayloadByType;

const T = voice.SignalType;

/** A generated class with its schema name (function names do not survive minifiers). */
interface NamedClass {
  messageClass: MessageClass<unknown>;
  name: string;
}

function payload(messageClass: MessageClass<unknown>, name: string): NamedClass {
  return { messageClass, name };
}

const PAYLOAD_CLASSES: Readonly<Record<number, NamedClass>> = {
  [T.CALL_INVITE]: payload(voice.CallInvite, 'CallInvite'),
  [T.CALL_ACCEPT]: payload(voice.CallAccept, 'CallAccept'),
  [T.CALL_REJECT]: payload(voice.CallReject, 'CallReject'),
  [T.CALL_CANCEL]: payload(voice.CallHangup, 'CallHangup'),
  [T.CALL_HANGUP]: payload(voice.CallHangup, 'CallHangup'),
  [T.CALL_BUSY]: payload(voice.CallBusy, 'CallBusy'),
  [T.CALL_CHAIN_LINK]: payload(voice.CallChainLink, 'CallChainLink'),
  [T.SDP_OFFER]: payload(voice.SdpMessage, 'SdpMessage'),
  [T.SDP_ANSWER]: payload(voice.SdpMessage, 'SdpMessage'),
  [T.ICE_CANDIDATE]: payload(voice.IceCandidate, 'IceCandidate'),
  [T.ROOM_JOIN]: payload(voice.RoomJoin, 'RoomJoin'),
  [T.ROOM_MUTE]: payload(voice.RoomMute, 'RoomMute'),
  [T.ROOM_ROLE]: payload(voice.RoomRole, 'RoomRole'),
  [T.ROOM_KICK]: payload(voice.RoomKick, 'RoomKick'),
  [T.ROOM_STATE]: payload(voice.RoomStateUpdate, 'RoomStateUpdate'),
  [T.ROOM_RAISE_HAND]: payload(voice.RoomRaiseHand, 'RoomRaiseHand'),
  [T.ROOM_SPEAKING]: payload(voice.RoomSpeaking, 'RoomSpeaking'),
  [T.ROOM_TURN]: payload(voice.RoomTurn, 'RoomTurn'),
  [T.ROOM_MODERATION]: payload(voice.RoomModeration, 'RoomModeration'),
  [T.ROOM_JSEP]: payload(voice.RoomJsep, 'RoomJsep'),
  [T.ROOM_TRICKLE]: payload(voice.RoomTrickle, 'RoomTrickle'),
  [T.ROOM_TIP]: payload(voice.RoomTip, 'RoomTip'),
  [T.ROOM_MODE]: payload(voice.RoomMode, 'RoomMode'),
  [T.AUTH_CHALLENGE]: payload(voice.AuthChallenge, 'AuthChallenge'),
  [T.AUTH_RESPONSE]: payload(voice.AuthResponse, 'AuthResponse'),
  [T.AUTH_OK]: payload(voice.AuthOk, 'AuthOk'),
  [T.ERROR]: payload(voice.ErrorMessage, 'ErrorMessage'),
  [T.VOICE_MESSAGE]: payload(voice.VoiceMessageNotice, 'VoiceMessageNotice'),
  [T.KEYS_PUBLISH]: payload(voice.KeysPublish, 'KeysPublish'),
  [T.KEYS_LOOKUP]: payload(voice.KeysLookup, 'KeysLookup'),
  [T.KEYS_RESULT]: payload(voice.KeysResult, 'KeysResult'),
  [T.DELEGATION_LOOKUP]: payload(voice.DelegationLookup, 'DelegationLookup'),
  [T.DELEGATION_RESULT]: payload(voice.DelegationResult, 'DelegationResult'),
  [T.TURN_CREDENTIALS]: payload(voice.TurnCredentials, 'TurnCredentials'),
};

/**
 * Makes sure int64 fields decode exactly. The browser runtime (proto/lite-runtime) decodes
 * them into bigints by itself. protobufjs decodes them into Long objects when it finds the
 * `long` package, as it does in Node. Without it, protobufjs would round values above 2^53,
 * so decoding raises an error instead.
 * @throws StardustError INTERNAL_ERROR when protobufjs runs without the `long` package.
 */
export function ensureInt64Support(): void {
  if ($protobuf.util.Long || ($protobuf as { build?: string }).build === LITE_RUNTIME_BUILD) {
    return;
  }

  throw new StardustError(
    'INTERNAL_ERROR',
    'protobufjs runs without the long package, so int64 fields would be rounded: install long next to protobufjs.',
  );
}

/** The `build` name of the browser protocol runtime. */
const LITE_RUNTIME_BUILD = 'stardust-lite';

/** Returns the name of a signal type, or `UNKNOWN(n)` for a number this version does not know. */
export function signalTypeName(type: number | undefined): string {
  if (type === undefined) return 'MISSING';

  const name = (voice.SignalType as unknown as Record<number, string | undefined>)[type];

  return typeof name === 'string' ? name : `UNKNOWN(${type})`;
}

/** Returns true when `type` is a signal type this version knows. */
export function isKnownSignalType(type: number | undefined): type is SignalTypeValue {
  return type !== undefined && signalTypeName(type) !== `UNKNOWN(${type})`;
}

/** Returns true when signals of `type` carry a payload message. */
export function hasPayload(type: number | undefined): type is PayloadType {
  return type !== undefined && Object.hasOwn(PAYLOAD_CLASSES, type);
}

/**
 * Decodes one frame into a SignalMessage.
 * @throws StardustError PROTOCOL_DECODE for any bytes that are not a valid SignalMessage.
 */
export function decodeSignal(frame: Uint8Array): SignalMessage {
  let decoded: voice.SignalMessage;

  ensureInt64Support();

  try {
    decoded = decodeChecked(voice.SignalMessage, 'SignalMessage', frame);
  } catch (error) {
    throw decodeError('frame', frame.length, error);
  }

  return {
    type: decoded.type ?? undefined,
    from: decoded.from,
    to: decoded.to,
    callId: decoded.callId,
    roomId: decoded.roomId,
    payload: asUint8Array(decoded.payload),
    timestamp: toBigInt(decoded.timestamp),
    signature: asUint8Array(decoded.signature),
    nonce: asUint8Array(decoded.nonce),
    requestId: decoded.requestId,
    sessionKey: asUint8Array(decoded.sessionKey),
  };
}

/** Encodes a SignalMessage; fields left out get their defaults. */
export function encodeSignal(message: Partial<SignalMessage>): Uint8Array {
  return voice.SignalMessage.encode({
    type: message.type ?? null,
    from: message.from,
    to: message.to,
    callId: message.callId,
    roomId: message.roomId,
    payload: message.payload,
    timestamp: message.timestamp === undefined ? null : toLong(message.timestamp),
    signature: message.signature,
    nonce: message.nonce,
    requestId: message.requestId,
    sessionKey: message.sessionKey,
  }).finish();
}

/**
 * Decodes the payload of a signal of `type`.
 * @throws StardustError PROTOCOL_DECODE when the bytes are not that payload message, and
 * UNKNOWN_TYPE when signals of `type` carry no payload.
 */
export function decodePayload<K extends PayloadType>(type: K, bytes: Uint8Array): PayloadByType[K] {
  const entry = PAYLOAD_CLASSES[type];

  if (entry === undefined) {
    throw new StardustError('UNKNOWN_TYPE', `Signal type ${signalTypeName(type)} has no payload.`);
  }

  ensureInt64Support();

  try {
    return toPlain(decodeChecked(entry.messageClass, entry.name, bytes)) as PayloadByType[K];
  } catch (error) {
    throw decodeError(`${signalTypeName(type)} payload`, bytes.length, error);
  }
}

/** Encodes the payload of a signal of `type`. */
export function encodePayload<K extends PayloadType>(
  type: K,
  payload: Partial<PayloadByType[K]>,
): Uint8Array {
  const entry = PAYLOAD_CLASSES[type];

  if (entry === undefined) {
    throw new StardustError('UNKNOWN_TYPE', `Signal type ${signalTypeName(type)} has no payload.`);
  }

  return entry.messageClass.encode(fromPlain(payload) as never).finish();
}

/**
 * Converts an int64 as protobufjs may hand it out (Long, `{ low, high }`, number, decimal
 * string) or a bigint into a bigint, exactly.
 */
export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;

  if (typeof value === 'number') return BigInt(value);

  if (typeof value === 'string') return BigInt(value);

  if (value !== null && typeof value === 'object' && 'low' in value && 'high' in value) {
    const { low, high, unsigned } = value as { low: number; high: number; unsigned?: boolean };
    const bits = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);

    return unsigned === true ? bits : BigInt.asIntN(64, bits);
  }

  if (value === null || value === undefined) return 0n;

  throw new TypeError(`cannot convert ${typeof value} to an int64`);
}

/**
 * Converts a bigint into the `{ low, high }` halves of its low 64 bits, signed, which both
 * protobufjs and the browser runtime write exactly, with or without the long package.
 */
export function toLong(value: bigint): Long {
  const bits = BigInt.asUintN(64, value);
  const halves = { low: Number(bits & 0xffff_ffffn) | 0, high: Number(bits >> 32n) | 0 };

  // The generated types name Long; the writers read only `low` and `high`.
  return { ...halves, unsigned: false } as Long;
}

/** Returns a millisecond count as an int64 field value; NaN and infinities become 0. */
export function int64FromMillis(millis: number): Long {
  return toLong(Number.isFinite(millis) ? BigInt(Math.trunc(millis)) : 0n);
}

/** Returns an int64 field value (absent counts as 0) as a millisecond count. */
export function millisFromInt64(value: unknown): number {
  return Number(toBigInt(value ?? 0));
}

/** Converts a decoded protobuf message into plain data (see {@link Plain}). */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;

  if (value instanceof Uint8Array) return asUint8Array(value);

  if (typeof value === 'bigint' || isLong(value)) return toBigInt(value);

  if (Array.isArray(value)) return value.map(toPlain);

  if (typeof value !== 'object') return value;

  const out: Record<string, unknown> = {};

  // for-in on purpose: proto3 defaults live on the prototype of decoded messages.
  for (const key in value) {
    const field = toPlain((value as Record<string, unknown>)[key]);

    if (field !== undefined && !key.startsWith('$') && !key.startsWith('_')) out[key] = field;
  }

  return out;
}

/** Returns true for a Long object of the long package, without loading that package. */
function isLong(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { __isLong__?: unknown }).__isLong__ === true
  );
}

function fromPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return toLong(value);

  if (value === null || value === undefined || value instanceof Uint8Array) return value;

  if (Array.isArray(value)) return value.map(fromPlain);

  if (typeof value !== 'object') return value;

  const out: Record<string, unknown> = {};

  for (const [key, field] of Object.entries(value)) out[key] = fromPlain(field);

  return out;
}

/** Returns a plain Uint8Array view of `bytes` (Node hands out Buffers). */
export function asUint8Array(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array
    ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Returns `NONCE_BYTES` random bytes. */
export function randomNonce(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
}

function decodeChecked<M>(messageClass: MessageClass<M>, name: string, bytes: Uint8Array): M {
  const reader = $protobuf.Reader.create(asUint8Array(bytes));

  reader.discardUnknown = false;

  const message = messageClass.decode(reader);

  checkWireTypes(message, name);

  return message;
}

/**
 * Rejects known field numbers that the generated decoder skipped because their wire type
 * was wrong: those end up among the unknown fields.
 */
function checkWireTypes(message: unknown, name: string): void {
  const schema = WIRE_SCHEMA[name];

  if (schema === undefined || message === null || typeof message !== 'object') return;

  const unknowns = (message as { $unknowns?: Uint8Array[] }).$unknowns;

  for (const raw of unknowns ?? []) {
    const field = readTagFieldNumber(raw);

    if (schema.fields.includes(field)) {
      throw new TypeError(`field ${field} of ${name} has the wrong wire type`);
    }
  }

  for (const [property, nestedName] of Object.entries(schema.nested ?? {})) {
    const nested = (message as Record<string, unknown>)[property];

    if (Array.isArray(nested)) for (const item of nested) checkWireTypes(item, nestedName);
    else checkWireTypes(nested, nestedName);
  }
}

function readTagFieldNumber(raw: Uint8Array): number {
  let tag = 0;
  let shift = 0;

  for (const byte of raw) {
    tag += (byte & 0x7f) * 2 ** shift;
    shift += 7;

    if ((byte & 0x80) === 0 || shift > 35) break;
  }

  return Math.floor(tag / 8);
}

function decodeError(what: string, length: number, cause: unknown): StardustError {
  const reason = cause instanceof Error ? cause.message : String(cause);

  return new StardustError(
    'PROTOCOL_DECODE',
    `Could not decode the signaling ${what} (${length} bytes): ${reason}.`,
    { cause },
  );
}
