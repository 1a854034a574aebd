/**
 * One-to-one call routing. The server keeps a record of each call (in the bus, so every
 * instance sees it): an invite rings every socket of the callee or is answered with
 * CALL_BUSY; accept, reject, cancel and hangup reach both parties, including the parties'
 * other tabs, which stop ringing; SDP and ICE pass only between the two parties of a known
 * call. Messages are relayed as the original signed frames.
 */
import {
  decodePayload,
  encodePayload,
  type SignalMessage,
  SignalType,
  signalTypeName,
} from '../../src/shared/codec.js';
import { StardustError } from '../../src/shared/errors.js';
import { accountKey, normalizeAddress } from '../../src/shared/ss58.js';
import type { CallRecord } from './bus.js';
import type { SignalConnection } from './connection.js';
import type { SignalingCore } from './core.js';
import { requireField } from './router.js';
import type { EndedCall } from './settler.js';

const CALL_ID = /^[0-9A-Za-z_-]{1,64}$/;

/** Routes CALL_INVITE … CALL_CHAIN_LINK. */
export async function routeCall(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  frame: Uint8Array,
): Promise<void> {
  const callId = requireField(message.callId, 'call_id', message);

  if (!CALL_ID.test(callId)) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      'call_id must be 1 to 64 letters, digits, "-" or "_".',
    );
  }

  if (message.type === SignalType.CALL_INVITE) return invite(core, connection, message, frame);

  const call = await core.bus.getCall(callId);

  if (call === undefined)
    throw new StardustError('CALL_NOT_FOUND', `Call ${callId} is not known or already ended.`);

  const self = connection.identity!.accountKey;
  const isCaller = call.caller === self;
  const isCallee = call.callee === self;
  const calleeOnly = new Set<number>([
    SignalType.CALL_ACCEPT,
    SignalType.CALL_REJECT,
    SignalType.CALL_BUSY,
  ]);

  if (
    (!isCaller && !isCallee) ||
    (calleeOnly.has(message.type!) && !isCallee) ||
    (message.type === SignalType.CALL_CANCEL && !isCaller)
  ) {
    throw new StardustError(
      'NOT_CALL_PARTY',
      `${signalTypeName(message.type)} on call ${callId} is not allowed from this account.`,
    );
  }

  const other = isCaller ? call.callee : call.caller;

  checkAddressee(message, isCaller ? call.calleeAddress : call.callerAddress);

  switch (message.type) {
    case SignalType.CALL_ACCEPT:
      return accept(core, connection, message, frame, call);
    case SignalType.CALL_CHAIN_LINK:
      await recordChainLink(core, message, call);
      await core.bus.deliver(other, { kind: 'frame', frame });

      return;
    default: {
      const reason = endReason(message.type!);

      await core.bus.endCall(callId);
      await deliverToBoth(core, connection, other, frame);
      settle(core, call, reason);
    }
  }
}

/** Relays SDP_OFFER, SDP_ANSWER and ICE_CANDIDATE between the parties of a known call. */
export async function relayNegotiation(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  frame: Uint8Array,
): Promise<void> {
  const callId = requireField(message.callId, 'call_id', message);
  const to = requireField(message.to, 'to', message);
  const call = await core.bus.getCall(callId);
  const self = connection.identity!.accountKey;
  const isCaller = call?.caller === self;
  const isCallee = call?.callee === self;
  const other = isCaller ? call!.callee : isCallee ? call!.caller : undefined;
  // The common case names the party as the server stored it: no need to decode the address.
  const otherAddress = isCaller ? call!.calleeAddress : isCallee ? call!.callerAddress : undefined;
  const addressed = to === otherAddress || (other !== undefined && accountKey(to) === other);

  if (other === undefined || !addressed) {
    throw new StardustError(
      'NOT_CALL_PARTY',
      `${signalTypeName(message.type)} is relayed only to the other party of a known call.`,
    );
  }

  const delivered = await core.bus.deliver(other, { kind: 'frame', frame });

  if (delivered === 0 && message.requestId !== 0) {
    core.sendError(connection, message, 'PEER_NOT_FOUND', `${to} has no live session right now.`);
  }
}

async function invite(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  frame: Uint8Array,
): Promise<void> {
  const identity = connection.identity!;
  const calleeAddress = normalizeAddress(requireField(message.to, 'to', message));
  const callee = accountKey(calleeAddress);

  if (callee === identity.accountKey)
    throw new StardustError('INVALID_ARGUMENT', 'An account cannot call itself.');

  // The payload must decode; its delegation is for the callee to check, not the server.
  decodePayload(SignalType.CALL_INVITE, message.payload);

  const call: CallRecord = {
    id: message.callId,
    caller: identity.accountKey,
    callee,
    callerAddress: identity.account,
    calleeAddress,
    state: 'ringing',
    createdAt: core.now(),
  };
  const created = await core.bus.createCall(call, core.options.ringTimeoutMs);

  if (created === 'exists')
    throw new StardustError('INVALID_STATE', `Call id ${call.id} is already in use.`);

  if (created === 'busy') {
    if (!(await crossesInvite(core, call))) {
      busy(core, connection, message, 'BUSY');

      return;
    }

    // Glare: both parties invited each other. Both invites ring, and the clients keep the
    // call of the lower public key; the other is cancelled with `glare` set.
    await core.bus.updateCall(call, core.options.ringTimeoutMs);
  }

  const delivered = await core.bus.deliver(callee, { kind: 'frame', frame });

  if (delivered === 0) {
    await core.bus.endCall(call.id);
    busy(core, connection, message, 'OFFLINE');

    return;
  }

  if (message.requestId !== 0) core.sendAck(connection, message);
}

async function accept(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  frame: Uint8Array,
  call: CallRecord,
): Promise<void> {
  if (call.state !== 'ringing') {
    throw new StardustError(
      'INVALID_STATE',
      `Call ${call.id} was already answered on another device.`,
    );
  }

  await core.bus.updateCall(
    { ...call, state: 'connected', acceptedAt: core.now(), acceptedSocket: connection.id },
    core.options.maxCallMs,
  );

  const reached = await deliverToBoth(core, connection, call.caller, frame);

  if (reached > 0) {
    if (message.requestId !== 0) core.sendAck(connection, message);

    return;
  }

  // The caller has no socket anywhere (its instance died, or it closed the page): the call
  // cannot connect, so it ends here instead of leaving the callee waiting for an offer.
  await core.bus.endCall(call.id);
  settle(core, call, 'cancel');
  core.sendError(
    connection,
    message,
    'PEER_NOT_FOUND',
    `The caller of call ${call.id} has no live session; the call ended.`,
  );
}

/**
 * Sends `frame` to every socket of `other` and to the sender's other sockets. Returns how
 * many of `other`'s sockets (or instances, over Redis) it reached.
 */
async function deliverToBoth(
  core: SignalingCore,
  connection: SignalConnection,
  other: string,
  frame: Uint8Array,
): Promise<number> {
  const [reached] = await Promise.all([
    core.bus.deliver(other, { kind: 'frame', frame }),
    core.bus.deliver(connection.identity!.accountKey, {
      kind: 'frame',
      frame,
      exceptSocket: connection.id,
    }),
  ]);

  return reached;
}

function busy(
  core: SignalingCore,
  connection: SignalConnection,
  message: SignalMessage,
  reason: 'BUSY' | 'OFFLINE',
): void {
  const payload = encodePayload(SignalType.CALL_BUSY, { reason: reason === 'BUSY' ? 0 : 3 });

  connection.send(
    core.serverFrame(
      SignalType.CALL_BUSY,
      { to: connection.identity!.account, callId: message.callId, requestId: message.requestId },
      payload,
    ),
  );
}

/** True when the callee of `call` is ringing the caller of `call` right now (glare). */
async function crossesInvite(core: SignalingCore, call: CallRecord): Promise<boolean> {
  const otherId = await core.bus.callOf(call.callee);
  const other = otherId === undefined ? undefined : await core.bus.getCall(otherId);

  return other?.state === 'ringing' && other.caller === call.callee && other.callee === call.caller;
}

/** Stores the chain call id of CALL_CHAIN_LINK, so a settlement can name it. */
async function recordChainLink(
  core: SignalingCore,
  message: SignalMessage,
  call: CallRecord,
): Promise<void> {
  const link = decodePayload(SignalType.CALL_CHAIN_LINK, message.payload);
  const id = link.chainCallId;

  if (id === undefined || id.length !== 16) {
    throw new StardustError('INVALID_ARGUMENT', 'chain_call_id must be 16 bytes.');
  }

  const now = core.now();
  const ttlMs =
    call.acceptedAt === undefined
      ? core.options.ringTimeoutMs - (now - call.createdAt)
      : core.options.maxCallMs - (now - call.acceptedAt);

  if (ttlMs <= 0) return;

  await core.bus.updateCall(
    { ...call, chainCallId: `0x${Buffer.from(id).toString('hex')}` },
    ttlMs,
  );
}

/**
 * Called when `account` lost a socket. When it has none left anywhere, is in a connected
 * call, and the other party has none either, the call is settled unless a party comes back
 * within `vanishGraceMs` (clients reconnect on their own after a network change).
 */
export async function partyLeft(core: SignalingCore, account: string): Promise<void> {
  if ((await core.bus.presence(account)) > 0) return;

  const callId = await core.bus.callOf(account);
  const call = callId === undefined ? undefined : await core.bus.getCall(callId);

  if (call?.state !== 'connected') return;

  const other = call.caller === account ? call.callee : call.caller;

  if ((await core.bus.presence(other)) > 0) return;

  const vanishedAt = core.now();
  const timer = setTimeout(() => {
    settleIfVanished(core, call.id, vanishedAt).catch((error: unknown) =>
      core.logger.error({ err: error, call: call.id }, 'settling a vanished call failed'),
    );
  }, core.options.vanishGraceMs);

  timer.unref();
}

async function settleIfVanished(
  core: SignalingCore,
  callId: string,
  vanishedAt: number,
): Promise<void> {
  const call = await core.bus.getCall(callId);

  if (call?.state !== 'connected') return;

  const present = await Promise.all([
    core.bus.presence(call.caller),
    core.bus.presence(call.callee),
  ]);

  if (present.some((count) => count > 0)) return;

  if ((await core.bus.endCall(callId)) === undefined) return;

  core.logger.info({ call: callId }, 'both parties of a connected call vanished');
  settle(core, call, 'vanished', vanishedAt);
}

function checkAddressee(message: SignalMessage, otherAddress: string): void {
  if (
    message.to.length > 0 &&
    message.to !== otherAddress &&
    accountKey(message.to) !== accountKey(otherAddress)
  ) {
    throw new StardustError(
      'NOT_CALL_PARTY',
      `${signalTypeName(message.type)} is addressed to an account outside call ${message.callId}.`,
    );
  }
}

function endReason(type: number): EndedCall['reason'] {
  if (type === SignalType.CALL_CANCEL) return 'cancel';

  if (type === SignalType.CALL_REJECT) return 'reject';

  if (type === SignalType.CALL_BUSY) return 'busy';

  return 'hangup';
}

function settle(
  core: SignalingCore,
  call: CallRecord,
  reason: EndedCall['reason'],
  endedAt = core.now(),
): void {
  if (core.settler === undefined) return;

  const ended: EndedCall = {
    callId: call.id,
    caller: call.callerAddress,
    callee: call.calleeAddress,
    reason,
    durationMs: call.acceptedAt === undefined ? 0 : Math.max(0, endedAt - call.acceptedAt),
    ...(call.chainCallId === undefined ? {} : { chainCallId: call.chainCallId }),
  };

  void Promise.resolve()
    .then(() => core.settler!.callEnded(ended))
    .catch((error: unknown) =>
      core.logger.error({ err: error, call: call.id }, 'call settler failed'),
    );
}
