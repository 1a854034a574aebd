/**
 * The exact bytes that session keys sign, shared by browser and server.
 *
 * Signatures are checked over these canonical bytes, rebuilt from the decoded fields, and
 * never over a re-encoding of a decoded protobuf message: protobuf encodings are not
 * unique, and unknown fields from a newer sender must not break verification.
 * docs/protocol.md describes the layouts; test/fixtures/signing-vectors.json pins them.
 */
import { sha256 } from '@noble/hashes/sha2.js';

import { CanonicalWriter, utf8 } from './bytes.js';

/** Domain tag of signed signaling messages. */
export const SIGNAL_DOMAIN = 'stardust-voice/signal/v1';
/** Domain tag of the answer to an authentication challenge. */
export const AUTH_DOMAIN = 'stardust-voice/auth/v1';

/** The fields of a SignalMessage that its signature covers. */
export interface SignedFields {
  /** Numeric SignalType. */
  type: number;
  from: string;
  to: string;
  callId: string;
  roomId: string;
  /** Milliseconds since the Unix epoch; the full int64 range is signed exactly. */
  timestamp: bigint;
  nonce: Uint8Array;
  sessionKey: Uint8Array;
  payload: Uint8Array;
}

/**
 * Returns the canonical signing bytes of a signaling message:
 *
 * `len‖"stardust-voice/signal/v1" ‖ u32 type ‖ len‖from ‖ len‖to ‖ len‖call_id ‖
 * len‖room_id ‖ i64 timestamp ‖ len‖nonce ‖ len‖session_key ‖ sha256(payload)`
 *
 * with little-endian integers and u32 length prefixes. Hashing the payload protects it
 * (SDP with its DTLS fingerprint included) without copying it.
 */
export function signalSigningBytes(fields: SignedFields): Uint8Array {
  return new CanonicalWriter()
    .string(SIGNAL_DOMAIN)
    .u32(fields.type)
    .string(fields.from)
    .string(fields.to)
    .string(fields.callId)
    .string(fields.roomId)
    .i64(fields.timestamp)
    .bytes(fields.nonce)
    .bytes(fields.sessionKey)
    .raw(sha256(fields.payload))
    .finish();
}

/**
 * Returns the bytes a session key signs to answer an authentication challenge:
 * `len‖"stardust-voice/auth/v1" ‖ len‖challenge ‖ len‖account ‖ len‖server_id`.
 * Naming the server keeps an answer from being replayed to another server.
 */
export function challengeSigningBytes(
  challenge: Uint8Array,
  account: string,
  serverId: string,
): Uint8Array {
  return new CanonicalWriter()
    .string(AUTH_DOMAIN)
    .bytes(challenge)
    .string(account)
    .string(serverId)
    .finish();
}

/** UTF-8 bytes of the domain tag, for tests that check the layout. */
export const SIGNAL_DOMAIN_BYTES = utf8(SIGNAL_DOMAIN);

/** The signed fields of a decoded message, ready for {@link signalSigningBytes}. */
export function signedFieldsOf(message: {
  type: number | undefined;
  from: string;
  to: string;
  callId: string;
  roomId: string;
  timestamp: bigint;
  nonce: Uint8Array;
  sessionKey: Uint8Array;
  payload: Uint8Array;
}): SignedFields {
  return {
    // Receivers reject a message without a type before checking its signature; an int32
    // type signs as its two's complement u32.
    type: message.type === undefined ? 0xffff_ffff : message.type >>> 0,
    from: message.from,
    to: message.to,
    callId: message.callId,
    roomId: message.roomId,
    timestamp: message.timestamp,
    nonce: message.nonce,
    sessionKey: message.sessionKey,
    payload: message.payload,
  };
}
