import { randomBytes } from 'node:crypto';

import { StardustError } from '../../../src/shared/errors.js';
import type { IceCandidate, Jsep } from './session.js';
import type { TalkingOptions } from './types.js';

// Limits on what a browser may hand to Janus through us. A Chromium audio-only offer is
// 3–6 KB; a candidate line is under 200 bytes.
const MAX_SDP_LENGTH = 32 * 1024;
const MAX_CANDIDATE_LENGTH = 1024;
const MAX_SDP_MID_LENGTH = 64;
const MAX_M_LINE_INDEX = 63;
// RFC 8839 allows ice-ufrag values of 4 to 256 characters.
const MAX_UFRAG_LENGTH = 256;
const MEMBER_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ROOM_ID = /^(?:0x)?([0-9a-fA-F]{32})$/;
// Printable ASCII without spaces: safe in JSON, logs that redact it, and Janus's config.
const CREDENTIAL = /^[\x21-\x7e]{16,256}$/;
const MAX_DISPLAY_LENGTH = 64;

function invalid(message: string): StardustError {
  return new StardustError('INVALID_ARGUMENT', message);
}

/**
 * Returns the Janus room id of a chain room id: the 16 bytes as 32 lowercase hex digits.
 * Accepts the bytes, or hex with or without `0x` in either case.
 *
 * @throws StardustError INVALID_ARGUMENT for anything else.
 */
export function janusRoomId(roomId: string | Uint8Array): string {
  if (roomId instanceof Uint8Array) {
    if (roomId.length !== 16) {
      throw invalid(`Room id has ${roomId.length} bytes; chain room ids have 16.`);
    }

    return Buffer.from(roomId).toString('hex');
  }

  const match = typeof roomId === 'string' ? ROOM_ID.exec(roomId) : null;

  if (match === null) {
    throw invalid(
      `Room id ${JSON.stringify(String(roomId).slice(0, 80))} is not 16 bytes of hex; pass the chain room id.`,
    );
  }

  return match[1]!.toLowerCase();
}

/**
 * Checks a member id: 1–128 characters of letters, digits and `._:-` (an account's public
 * key in hex fits).
 *
 * @throws StardustError INVALID_ARGUMENT otherwise.
 */
export function checkMemberId(memberId: unknown): string {
  if (typeof memberId !== 'string' || !MEMBER_ID.test(memberId)) {
    throw invalid(
      `Member id ${JSON.stringify(String(memberId).slice(0, 80))} is invalid: use 1–128 letters, digits or ._:-`,
    );
  }

  return memberId;
}

/**
 * Checks a room secret or a member token: 16–256 printable ASCII characters without spaces.
 * The value itself never appears in the message.
 *
 * @throws StardustError INVALID_ARGUMENT otherwise.
 */
export function checkCredential(value: unknown, name: 'secret' | 'token' | 'admin key'): string {
  if (typeof value !== 'string' || !CREDENTIAL.test(value)) {
    throw invalid(
      `The ${name} is invalid: use 16–256 printable ASCII characters without spaces, such as generateJanusSecret().`,
    );
  }

  return value;
}

/** Checks an optional display name: at most 64 characters. */
export function checkDisplay(display: unknown): string | undefined {
  if (display === undefined) return undefined;

  if (typeof display !== 'string' || display.length > MAX_DISPLAY_LENGTH) {
    throw invalid(`Display name must be a string of at most ${MAX_DISPLAY_LENGTH} characters.`);
  }

  return display;
}

/**
 * Checks a browser's SDP offer before it goes to Janus.
 *
 * @throws StardustError INVALID_ARGUMENT when it is not an offer, is empty, too long, or
 *   not an SDP.
 */
export function checkOffer(offer: unknown): Jsep {
  const value = offer as { type?: unknown; sdp?: unknown } | null;

  if (typeof value !== 'object' || value === null || value.type !== 'offer') {
    throw invalid('The session description must be an object with type "offer".');
  }

  if (typeof value.sdp !== 'string' || !value.sdp.startsWith('v=0')) {
    throw invalid('The offer has no SDP (it must start with "v=0").');
  }

  if (value.sdp.length > MAX_SDP_LENGTH) {
    throw invalid(
      `The offer SDP has ${value.sdp.length} characters; at most ${MAX_SDP_LENGTH} are accepted.`,
    );
  }

  return { type: 'offer', sdp: value.sdp };
}

/**
 * Checks a trickled ICE candidate; `null`, or an empty candidate string, ends the
 * candidates. Only the fields Janus reads are kept, plus the username fragment that ties
 * the candidate to one negotiation.
 *
 * @throws StardustError INVALID_ARGUMENT for malformed candidates.
 */
export function checkCandidate(candidate: unknown): IceCandidate | null {
  if (candidate === null || candidate === undefined) return null;

  const value = candidate as {
    candidate?: unknown;
    sdpMid?: unknown;
    sdpMLineIndex?: unknown;
    usernameFragment?: unknown;
  };

  if (typeof value !== 'object' || typeof value.candidate !== 'string') {
    throw invalid('An ICE candidate must be an object with a "candidate" string.');
  }

  if (value.candidate === '') return null;

  if (!value.candidate.startsWith('candidate:') || value.candidate.length > MAX_CANDIDATE_LENGTH) {
    throw invalid(
      `ICE candidate is malformed: it must start with "candidate:" and have at most ${MAX_CANDIDATE_LENGTH} characters.`,
    );
  }

  const result: IceCandidate = { candidate: value.candidate };

  if (value.sdpMid !== undefined && value.sdpMid !== null) {
    if (typeof value.sdpMid !== 'string' || value.sdpMid.length > MAX_SDP_MID_LENGTH) {
      throw invalid('ICE candidate sdpMid must be a short string.');
    }

    result.sdpMid = value.sdpMid;
  }

  if (value.sdpMLineIndex !== undefined && value.sdpMLineIndex !== null) {
    const index = value.sdpMLineIndex;

    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index > MAX_M_LINE_INDEX
    ) {
      throw invalid(
        `ICE candidate sdpMLineIndex must be an integer from 0 to ${MAX_M_LINE_INDEX}.`,
      );
    }

    result.sdpMLineIndex = index;
  }

  if (value.usernameFragment !== undefined && value.usernameFragment !== null) {
    if (
      typeof value.usernameFragment !== 'string' ||
      value.usernameFragment.length > MAX_UFRAG_LENGTH
    ) {
      throw invalid('ICE candidate usernameFragment must be a short string.');
    }

    result.usernameFragment = value.usernameFragment;
  }

  if (result.sdpMid === undefined && result.sdpMLineIndex === undefined) {
    throw invalid('ICE candidate needs sdpMid or sdpMLineIndex.');
  }

  return result;
}

/** Returns a fresh random secret or token: 32 random bytes in base64url (43 characters). */
export function generateJanusSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Checks talking detection settings: a threshold from 1 to 127 and 1 to 1000 packets.
 *
 * @throws StardustError INVALID_ARGUMENT otherwise.
 */
export function checkTalking(talking: TalkingOptions): TalkingOptions {
  const { audioLevelAverage, audioActivePackets } = talking ?? {};

  if (!Number.isInteger(audioLevelAverage) || audioLevelAverage < 1 || audioLevelAverage > 127) {
    throw invalid(
      `talking.audioLevelAverage must be an integer from 1 to 127, got ${audioLevelAverage}.`,
    );
  }

  if (
    !Number.isInteger(audioActivePackets) ||
    audioActivePackets < 1 ||
    audioActivePackets > 1000
  ) {
    throw invalid(
      `talking.audioActivePackets must be an integer from 1 to 1000, got ${audioActivePackets}.`,
    );
  }

  return { audioLevelAverage, audioActivePackets };
}

/** Returns the first `a=ice-ufrag` value of an SDP, or undefined. */
export function iceUfragOf(sdp: string): string | undefined {
  return /^a=ice-ufrag:(\S+)\r?$/m.exec(sdp)?.[1];
}
