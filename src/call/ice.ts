import { voice } from '../../proto/gen/voice.js';
import { StardustError } from '../shared/errors.js';

/**
 * One ICE candidate as it travels through signaling. `candidate` passes unchanged: mDNS
 * `.local` host candidates, IPv6, TCP, and the empty end-of-candidates string. Absent
 * fields stay absent (never `""` or `0`).
 */
export interface IceCandidateWire {
  candidate: string;
  sdpMid?: string;
  sdpMLineIndex?: number;
  usernameFragment?: string;
}

/**
 * Converts a candidate from `icecandidate` to its wire form. Returns null for the `null`
 * that ends gathering: that is a local event and is never sent.
 */
export function serializeCandidate(
  candidate: RTCIceCandidate | RTCIceCandidateInit | null,
): IceCandidateWire | null {
  if (candidate === null) return null;

  const wire: IceCandidateWire = { candidate: candidate.candidate ?? '' };

  if (typeof candidate.sdpMid === 'string') wire.sdpMid = candidate.sdpMid;

  if (typeof candidate.sdpMLineIndex === 'number') wire.sdpMLineIndex = candidate.sdpMLineIndex;

  if (typeof candidate.usernameFragment === 'string') {
    wire.usernameFragment = candidate.usernameFragment;
  }

  return wire;
}

/** Converts a received wire candidate to the `RTCIceCandidateInit` for `addIceCandidate`. */
export function parseCandidate(wire: IceCandidateWire): RTCIceCandidateInit {
  if (typeof wire !== 'object' || wire === null || typeof wire.candidate !== 'string') {
    throw new StardustError(
      'PROTOCOL_DECODE',
      'Invalid ICE candidate: expected a candidate string.',
    );
  }

  const init: RTCIceCandidateInit = { candidate: wire.candidate };

  if (wire.sdpMid !== undefined) init.sdpMid = wire.sdpMid;

  if (wire.sdpMLineIndex !== undefined) init.sdpMLineIndex = wire.sdpMLineIndex;

  if (wire.usernameFragment !== undefined) init.usernameFragment = wire.usernameFragment;

  return init;
}

/** Encodes a wire candidate as the `IceCandidate` payload of `ICE_CANDIDATE`. */
export function encodeCandidate(wire: IceCandidateWire): Uint8Array {
  const message: voice.IceCandidate.$Properties = { candidate: wire.candidate };

  if (wire.sdpMid !== undefined) message.sdpMid = wire.sdpMid;

  if (wire.sdpMLineIndex !== undefined) message.sdpMlineIndex = wire.sdpMLineIndex;

  if (wire.usernameFragment !== undefined) message.usernameFragment = wire.usernameFragment;

  return voice.IceCandidate.encode(message).finish();
}

/** Decodes the `IceCandidate` payload of `ICE_CANDIDATE`; absent optional fields stay absent. */
export function decodeCandidate(bytes: Uint8Array): IceCandidateWire {
  let message: voice.IceCandidate;

  try {
    message = voice.IceCandidate.decode(bytes);
  } catch (error) {
    throw new StardustError('PROTOCOL_DECODE', 'Invalid ICE_CANDIDATE payload.', { cause: error });
  }

  const wire: IceCandidateWire = { candidate: message.candidate ?? '' };

  if (Object.hasOwn(message, 'sdpMid')) wire.sdpMid = message.sdpMid!;

  if (Object.hasOwn(message, 'sdpMlineIndex')) wire.sdpMLineIndex = message.sdpMlineIndex!;

  if (Object.hasOwn(message, 'usernameFragment')) {
    wire.usernameFragment = message.usernameFragment!;
  }

  return wire;
}
