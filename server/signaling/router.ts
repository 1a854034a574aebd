/**
 * Routing of checked messages by type: calls (calls.ts), voice message notices, the key
 * directory, delegation lookup, TURN credentials, logout, heartbeats and rooms.
 */
import $protobuf from 'protobufjs/minimal.js';

import { voice } from '../../proto/gen/voice.js';
import { toHex } from '../../src/shared/bytes.js';
import {
  decodePayload,
  encodePayload,
  type SignalMessage,
  SignalType,
} from '../../src/shared/codec.js';
import { verifyDeviceBundle } from '../../src/shared/device-keys.js';
import { StardustError } from '../../src/shared/errors.js';
import { accountKey, normalizeAddress, sameAccount } from '../../src/shared/ss58.js';
import { relayNegotiation, routeCall } from './calls.js';
import type { SignalConnection } from './connection.js';
import type { SignalingCore } from './core.js';
import { verifyEd25519Native } from './ed25519.js';

const ROOM_TYPES = new Set<number>([
  SignalType.ROOM_JOIN,
  SignalType.ROOM_LEAVE,
  SignalType.ROOM_MUTE,
  SignalType.ROOM_ROLE,
  SignalType.ROOM_KICK,
  SignalType.ROOM_STATE,
  SignalType.ROOM_RAISE_HAND,
  SignalType.ROOM_SPEAKING,
  SignalType.ROOM_TURN,
  SignalType.ROOM_MODERATION,
  SignalType.ROOM_JSEP,
  SignalType.ROOM_TRICKLE,
  SignalType.ROOM_TIP,
  SignalType.ROOM_CLOSE,
  SignalType.ROOM_MODE,
]);

/** Handles one message that passed every check. Throws StardustError for typed answers. */
export async function routeMessage(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  frame: Uint8Array,
): Promise<void> {
  const type = message.type!;

  if (type <= SignalType.CALL_CHAIN_LINK) return routeCall(core, connection, message, frame);

  if (
    type === SignalType.SDP_OFFER ||
    type === SignalType.SDP_ANSWER ||
    type === SignalType.ICE_CANDIDATE
  ) {
    return relayNegotiation(core, connection, message, frame);
  }

  if (ROOM_TYPES.has(type)) {
    requireField(message.roomId, 'room_id', message);

    return core.rooms.handle(core.member(connection), message, frame, core.roomServer);
  }

  switch (type) {
    case SignalType.HEARTBEAT:
      connection.send(core.serverFrame(SignalType.HEARTBEAT_ACK, { requestId: message.requestId }));

      return;
    case SignalType.VOICE_MESSAGE:
      return voiceMessage(core, connection, message, frame);
    case SignalType.KEYS_PUBLISH:
      return publishKeys(core, connection, message);
    case SignalType.KEYS_LOOKUP:
      return lookupKeys(core, connection, message);
    case SignalType.DELEGATION_LOOKUP:
      return lookupDelegations(core, connection, message);
    case SignalType.TURN_REFRESH:
      return refreshTurn(core, connection, message);
    case SignalType.LOGOUT:
      return logout(core, connection, message);
    default:
      throw new StardustError('UNKNOWN_TYPE', `No route for signal type ${type}.`);
  }
}

/**
 * @throws StardustError MISSING_FIELD when `value` is empty.
 */
export function requireField(
  value: string | undefined,
  name: string,
  message: SignalMessage,
): string {
  if (value === undefined || value.length === 0) {
    throw new StardustError('MISSING_FIELD', `${voice.SignalType[message.type!]} needs ${name}.`);
  }

  return value;
}

async function voiceMessage(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  frame: Uint8Array,
): Promise<void> {
  const to = requireField(message.to, 'to', message);
  const notice = decodePayload(SignalType.VOICE_MESSAGE, message.payload);

  requireField(notice.cid, 'payload.cid', message);

  const delivered = await core.bus.deliver(accountKey(to), { kind: 'frame', frame });

  if (delivered === 0) {
    core.sendError(
      connection,
      message,
      'PEER_NOT_FOUND',
      `${to} has no live session; the message waits on chain.`,
    );

    return;
  }

  core.sendAck(connection, message);
}

async function publishKeys(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
): Promise<void> {
  const { bundle } = decodePayload(SignalType.KEYS_PUBLISH, message.payload);

  if (bundle === undefined)
    throw new StardustError('MISSING_FIELD', 'KEYS_PUBLISH needs payload.bundle.');

  if (!sameAccount(bundle.account ?? '', connection.identity!.account)) {
    throw new StardustError('FROM_MISMATCH', 'A socket publishes keys only for its own account.');
  }

  await verifyDeviceBundle(bundle, { now: core.now(), verifyEd25519: verifyEd25519Native });

  const generated = voice.KeysPublish.decode(message.payload).bundle!;

  await core.directory.publish({ ...generated, account: normalizeAddress(bundle.account ?? '') });
  core.sendAck(connection, message);
}

async function lookupKeys(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
): Promise<void> {
  const lookup = decodePayload(SignalType.KEYS_LOOKUP, message.payload);
  const account = normalizeAddress(requireField(lookup.account, 'payload.account', message));
  const result = await core.directory.lookup(account, lookup.claimPrekeys ?? false);
  const payload = voice.KeysResult.encode({
    devices: result.devices,
    prekeysLeft: result.prekeysLeft,
  }).finish();

  connection.send(
    core.serverFrame(SignalType.KEYS_RESULT, { requestId: message.requestId }, payload),
  );
}

async function lookupDelegations(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
): Promise<void> {
  const lookup = decodePayload(SignalType.DELEGATION_LOOKUP, message.payload);
  const account = requireField(lookup.account, 'payload.account', message);
  const sessionKey =
    lookup.sessionKey !== undefined && lookup.sessionKey.length > 0
      ? toHex(lookup.sessionKey)
      : undefined;
  const found = await core.bus.delegations(accountKey(account), sessionKey);

  if (found.length === 0) {
    core.sendError(
      connection,
      message,
      'DELEGATION_NOT_FOUND',
      `No live session of ${account}${sessionKey === undefined ? '' : ' with that session key'}.`,
    );

    return;
  }

  // The stored delegations are encoded already: write them as DelegationResult field 1.
  const writer = $protobuf.Writer.create();

  for (const encoded of found) writer.uint32(0x0a).bytes(encoded);

  connection.send(
    core.serverFrame(
      SignalType.DELEGATION_RESULT,
      { requestId: message.requestId },
      writer.finish(),
    ),
  );
}

async function refreshTurn(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
): Promise<void> {
  const grant = core.turnGrant(connection.identity!.account);
  const payload = encodePayload(SignalType.TURN_CREDENTIALS, {
    iceServers: grant?.iceServers ?? [],
    expiresAt: BigInt(grant?.expiresAt ?? 0),
  });

  connection.send(
    core.serverFrame(SignalType.TURN_CREDENTIALS, { requestId: message.requestId }, payload),
  );
}

async function logout(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
): Promise<void> {
  const identity = connection.identity!;

  core.sendAck(connection, message);
  connection.close(1000, 'LOGOUT');
  await core.bus.revoke(identity.accountKey, identity.sessionKeyHex, identity.expiresAt);
  core.logger.info({ account: identity.account }, 'session logged out');
}
