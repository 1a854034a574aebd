// The ICE_CANDIDATE payload codec. Kept out of ice.ts so the core entry does not pull the
// protobuf runtime; the signaling adapter imports it.
import { voice } from '../../proto/gen/voice.js';
import { StardustError } from '../shared/errors.js';
import type { IceCandidateWire } from './ice.js';

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
