// Signaling clients for the fault suites: real SignalingClients over `ws`, each with its own
// wallet and session, sharing one fake clock so reconnect delays can be checked exactly.
import WebSocket from 'ws';

import { encodePayload, SignalType } from '../../../src/shared/codec.js';
import type { Clock } from '../../../src/signaling/clock.js';
import type { ReconnectPolicy } from '../../../src/signaling/reconnect-policy.js';
import {
  type SignalEvent,
  SignalingClient,
  type SignalingEvents,
  type WebSocketFactory,
} from '../../../src/signaling/signaling-client.js';
import { memorySessionStorage, SessionManager } from '../../../src/wallet/session.js';
import { TEST_GENESIS, TEST_ORIGIN } from '../../support/raw-signal-client.js';
import { ed25519Wallet, type TestWallet } from '../../support/signers.js';

/** A client with what the fault tests record about it. */
export interface SoakClient {
  client: SignalingClient;
  wallet: TestWallet;
  address: string;
  /** Every `reconnecting` event, in order. */
  reconnects: Array<SignalingEvents['reconnecting']>;
  /** Fake time at which each socket of this client was opened. */
  socketsOpenedAt: number[];
}

/** Options of {@link soakClient}. */
export interface SoakClientOptions {
  urls: string[];
  clock?: Clock;
  reconnect?: ReconnectPolicy;
}

/** Makes a client (not connected yet) that records its reconnects and socket openings. */
export function soakClient(options: SoakClientOptions): SoakClient {
  const wallet = ed25519Wallet();
  const clock = options.clock;
  const socketsOpenedAt: number[] = [];
  const Recorded = class extends WebSocket {
    constructor(url: string) {
      super(url);
      socketsOpenedAt.push(clock?.now() ?? Date.now());
    }
  } as unknown as WebSocketFactory;
  const session = new SessionManager({
    wallet,
    genesisHash: TEST_GENESIS,
    origin: TEST_ORIGIN,
    storage: memorySessionStorage(),
    ...(clock === undefined ? {} : { now: () => clock.now() }),
  });
  const client = new SignalingClient({
    url: options.urls,
    session,
    WebSocket: Recorded,
    ...(clock === undefined ? {} : { clock }),
    ...(options.reconnect === undefined ? {} : { reconnect: options.reconnect }),
  });
  const reconnects: SoakClient['reconnects'] = [];

  client.on('reconnecting', (event) => reconnects.push(event));

  return { client, wallet, address: wallet.address, reconnects, socketsOpenedAt };
}

/** Resolves with the next message of `type` (on call `callId`, when given). */
export function nextSignal(
  client: SignalingClient,
  type: number,
  callId?: string,
): Promise<SignalEvent> {
  return client.once(
    'message',
    (event) =>
      event.message.type === type && (callId === undefined || event.message.callId === callId),
  );
}

/** Rings `callee` from `caller` and has it accept: a connected call on record at the server. */
export async function connectCall(
  caller: SoakClient,
  callee: SoakClient,
  callId: string,
): Promise<void> {
  const ringing = nextSignal(callee.client, SignalType.CALL_INVITE, callId);

  await caller.client.request({
    type: SignalType.CALL_INVITE,
    to: callee.address,
    callId,
    payload: encodePayload(SignalType.CALL_INVITE, { callerName: 'soak' }),
  });
  await ringing;

  const accepted = nextSignal(caller.client, SignalType.CALL_ACCEPT, callId);

  await callee.client.send({ type: SignalType.CALL_ACCEPT, to: caller.address, callId });
  await accepted;
}

/**
 * Sends an ICE-restart offer from `from`, the answer back, and one candidate each way, and
 * resolves once all four arrived verified at the other side: the call's negotiation path
 * works.
 */
export async function renegotiate(from: SoakClient, to: SoakClient, callId: string): Promise<void> {
  const offer = nextSignal(to.client, SignalType.SDP_OFFER, callId);

  await from.client.send({
    type: SignalType.SDP_OFFER,
    to: to.address,
    callId,
    payload: encodePayload(SignalType.SDP_OFFER, {
      sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n',
      type: 'offer',
      iceRestart: true,
    }),
  });
  assertPeer(await offer, from);

  const answer = nextSignal(from.client, SignalType.SDP_ANSWER, callId);

  await to.client.send({
    type: SignalType.SDP_ANSWER,
    to: from.address,
    callId,
    payload: encodePayload(SignalType.SDP_ANSWER, {
      sdp: 'v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\n',
      type: 'answer',
    }),
  });
  assertPeer(await answer, to);

  for (const [sender, receiver] of [
    [from, to],
    [to, from],
  ] as const) {
    const candidate = nextSignal(receiver.client, SignalType.ICE_CANDIDATE, callId);

    await sender.client.send({
      type: SignalType.ICE_CANDIDATE,
      to: receiver.address,
      callId,
      payload: encodePayload(SignalType.ICE_CANDIDATE, {
        candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
        sdpMid: '0',
        sdpMlineIndex: 0,
      }),
    });
    assertPeer(await candidate, sender);
  }
}

function assertPeer(event: SignalEvent, sender: SoakClient): void {
  if (!event.fromPeer || event.message.from !== sender.address) {
    throw new Error(`expected a verified message from ${sender.address}`);
  }
}
