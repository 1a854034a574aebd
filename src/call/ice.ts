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
