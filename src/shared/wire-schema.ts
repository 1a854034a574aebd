/**
 * Field numbers of the signaling messages in proto/voice.proto, with the message type of
 * each nested message field.
 *
 * The generated decoders treat a known field number that arrives with the wrong wire type
 * as an unknown field and skip it. The codec keeps unknown fields and checks them against
 * this table: a field number the schema knows is a malformed frame (PROTOCOL_DECODE), while
 * a number it does not know is a field from a newer sender and is accepted.
 * test/node/codec.test.ts compares this table with the parsed schema.
 */

/** One message: its field numbers, and the property names of nested message fields. */
export interface WireMessage {
  fields: readonly number[];
  nested?: Readonly<Record<string, string>>;
}

const range = (last: number): number[] => Array.from({ length: last }, (_, index) => index + 1);

/** Every message the signaling codec decodes, by protobuf message name. */
export const WIRE_SCHEMA: Readonly<Record<string, WireMessage>> = {
  SignalMessage: { fields: range(11) },
  CallInvite: { fields: range(5), nested: { delegation: 'SessionDelegation' } },
  CallAccept: { fields: [1], nested: { delegation: 'SessionDelegation' } },
  CallReject: { fields: [1] },
  CallBusy: { fields: [1] },
  CallHangup: { fields: range(2) },
  CallChainLink: { fields: [1] },
  SdpMessage: { fields: range(3) },
  IceCandidate: { fields: range(4) },
  RoomStateUpdate: { fields: range(8), nested: { members: 'RoomMemberState', turn: 'RoomTurn' } },
  RoomMemberState: { fields: range(9) },
  RoomJoin: { fields: range(2) },
  RoomMute: { fields: range(2) },
  RoomRole: { fields: range(2) },
  RoomKick: { fields: [1] },
  RoomRaiseHand: { fields: range(3) },
  RoomSpeaking: { fields: [1] },
  RoomTurn: { fields: range(4) },
  RoomModeration: { fields: range(4) },
  RoomMode: { fields: range(2) },
  RoomJsep: { fields: range(2) },
  RoomTrickle: { fields: range(2), nested: { candidate: 'IceCandidate' } },
  RoomTip: { fields: range(3) },
  AuthChallenge: { fields: range(4) },
  AuthResponse: { fields: range(2), nested: { delegation: 'SessionDelegation' } },
  AuthOk: { fields: range(7), nested: { iceServers: 'IceServer' } },
  IceServer: { fields: range(3) },
  TurnCredentials: { fields: range(2), nested: { iceServers: 'IceServer' } },
  SessionDelegation: { fields: range(9) },
  DelegationLookup: { fields: range(2) },
  DelegationResult: { fields: [1], nested: { delegations: 'SessionDelegation' } },
  DeviceKeyBundle: { fields: range(8), nested: { prekeys: 'SignedPrekey' } },
  SignedPrekey: { fields: range(4) },
  KeysPublish: { fields: [1], nested: { bundle: 'DeviceKeyBundle' } },
  KeysLookup: { fields: range(2) },
  KeysResult: { fields: range(2), nested: { devices: 'DeviceKeyBundle' } },
  ErrorMessage: { fields: range(4) },
  VoiceMessageNotice: { fields: range(6) },
};
