// Calls over the real signaling server through SignalingCallAdapter: invites carry the
// delegation, the server answers busy and offline, the callee's other tabs stop ringing,
// crossing invites leave one call, every ICE candidate kind passes unchanged, and an SDP
// altered in transit ends the call with CALL_TAMPERED. Media is the in-page fake from
// call-fakes.ts: real media runs in the end-to-end tests.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import type { IceCandidateWire } from '../../src/call/ice.js';
import { SignalingCallAdapter } from '../../src/call/signaling-adapter.js';
import type { ReceivedCallSignal } from '../../src/call/signals.js';
import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  SignalType,
} from '../../src/shared/codec.js';
import { compareKeys } from '../../src/call/call-media.js';
import { decodeAddress } from '../../src/shared/ss58.js';
import { exponentialBackoff } from '../../src/signaling/reconnect-policy.js';
import { SignalingClient, type WebSocketFactory } from '../../src/signaling/signaling-client.js';
import { memorySessionStorage, SessionManager } from '../../src/wallet/session.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { fakeMediaFactory } from '../support/call-fakes.js';
import { ended, nextSessionEnded } from '../support/call-waits.js';
import { TEST_GENESIS, TEST_ORIGIN } from '../support/raw-signal-client.js';
import { sr25519Wallet, type TestWallet } from '../support/signers.js';

let server: SignalingServerHandle;
const open: Array<{ close(): Promise<void> | void }> = [];

before(async () => {
  server = await startSignalingServer({ port: 0, genesisHash: TEST_GENESIS, logLevel: 'silent' });
});

after(async () => {
  for (const item of open.splice(0)) await item.close();

  await server.close();
});

/**
 * A WebSocket that rewrites the SDP of outgoing SDP_OFFER frames after they were signed, as
 * a signaling server in the middle would to swap the DTLS fingerprint.
 */
class TamperingWebSocket extends WebSocket {
  override send(data: unknown, ...rest: unknown[]): void {
    let frame = data as Uint8Array;

    try {
      const message = decodeSignal(frame);

      if (message.type === SignalType.SDP_OFFER) {
        const sdp = decodePayload(SignalType.SDP_OFFER, message.payload);

        message.payload = encodePayload(SignalType.SDP_OFFER, {
          ...sdp,
          sdp: `${sdp.sdp ?? ''}a=fingerprint:sha-256 00:11\r\n`,
        });
        frame = encodeSignal(message);
      }
    } catch {
      // Not a frame this test alters.
    }

    (super.send as (...args: unknown[]) => void)(frame, ...rest);
  }
}

interface Party {
  wallet: TestWallet;
  signaling: SignalingClient;
  adapter: SignalingCallAdapter;
  manager: CallManager;
  media: ReturnType<typeof fakeMediaFactory>;
}

function party(
  wallet: TestWallet = sr25519Wallet(),
  options: { tamper?: boolean; ringTimeoutMs?: number } = {},
): Party {
  const signaling = new SignalingClient({
    url: server.url,
    session: new SessionManager({
      wallet,
      genesisHash: TEST_GENESIS,
      origin: TEST_ORIGIN,
      storage: memorySessionStorage(),
    }),
    WebSocket: (options.tamper === true
      ? TamperingWebSocket
      : WebSocket) as unknown as WebSocketFactory,
    reconnect: exponentialBackoff({ baseMs: 20, maxMs: 200, restartBaseMs: 50 }),
  });
  const adapter = new SignalingCallAdapter({ signaling, account: wallet.address });
  const media = fakeMediaFactory();
  const manager = new CallManager({
    signaling: adapter,
    createMedia: media.create,
    connect: () => signaling.connect(),
    ringTimeoutMs: options.ringTimeoutMs,
  });
  const result = { wallet, signaling, adapter, manager, media };

  open.push({
    close: async () => {
      manager.dispose();
      adapter.dispose();
      await signaling.close();
    },
  });

  return result;
}

function incoming(manager: CallManager): Promise<CallSession> {
  return new Promise((resolve) => manager.once('incoming', ({ session }) => resolve(session)));
}

function reaches(session: CallSession, state: string): Promise<void> {
  if (session.state === state) return Promise.resolve();

  return new Promise((resolve) => {
    const off = session.on('stateChange', (context) => {
      if (context.state !== state) return;

      off();
      resolve();
    });
  });
}

function nextSignal(
  adapter: SignalingCallAdapter,
  match: (message: ReceivedCallSignal) => boolean,
): Promise<ReceivedCallSignal> {
  return new Promise((resolve) => {
    const off = adapter.onSignal((message) => {
      if (!match(message)) return;

      off();
      resolve(message);
    });
  });
}

describe('calls over the signaling server', { timeout: 20_000 }, () => {
  it('rings a verified invite and accepts it', async () => {
    const alice = party();
    const bob = party();

    await bob.manager.listen();
    const ringing = incoming(bob.manager);

    const call = await alice.manager.call(bob.wallet.address, { hd: true });
    const session = await ringing;

    assert.equal(session.callId, call.callId);
    assert.equal(session.peer, alice.wallet.address);
    assert.equal(session.hd, true);

    await session.accept();
    await reaches(call, 'connecting');

    assert.equal(call.state, 'connecting');
  });

  it('ends as busy when the server sees the callee in a call', async () => {
    const alice = party();
    const bob = party();
    const charlie = party();

    await Promise.all([bob.manager.listen(), charlie.manager.listen()]);
    const bobRings = incoming(bob.manager);

    await charlie.manager.call(bob.wallet.address);
    await (await bobRings).accept();

    // Bob's tab is not told about Alice's invite at all: the server answers for him.
    const end = nextSessionEnded(alice.manager);

    await alice.manager.call(bob.wallet.address);
    const context = await end;

    assert.equal(context.reason, 'rejected');
    assert.equal(context.rejectReason, 'busy');
    assert.equal(context.error?.code, 'CALL_BUSY');
  });

  it('ends as offline when the callee has no socket', async () => {
    const alice = party();
    const nobody = sr25519Wallet();

    const end = nextSessionEnded(alice.manager);

    await alice.manager.call(nobody.address);
    const context = await end;

    assert.equal(context.reason, 'rejected');
    assert.equal(context.rejectReason, 'offline');
    assert.equal(context.error?.code, 'CALL_OFFLINE');
  });

  it('stops ringing in the other tab once one accepts', async () => {
    const bobWallet = sr25519Wallet();
    const alice = party();
    const bobTab1 = party(bobWallet);
    const bobTab2 = party(bobWallet);

    await Promise.all([bobTab1.manager.listen(), bobTab2.manager.listen()]);
    const rings1 = incoming(bobTab1.manager);
    const rings2 = incoming(bobTab2.manager);

    const call = await alice.manager.call(bobWallet.address);
    const [first, second] = await Promise.all([rings1, rings2]);
    const secondEnded = ended(second);

    await first.accept();
    const context = await secondEnded;

    assert.equal(first.state, 'connecting');
    assert.equal(context.reason, 'cancelled');
    assert.equal(context.endedBy, 'remote');
    assert.equal(context.answeredElsewhere, true);
    await reaches(call, 'connecting');
  });

  it('leaves one call when invites cross', async () => {
    const alice = party();
    const bob = party();

    await Promise.all([alice.manager.listen(), bob.manager.listen()]);
    const [aliceCall, bobCall] = await Promise.all([
      alice.manager.call(bob.wallet.address),
      bob.manager.call(alice.wallet.address),
    ]);
    const aliceKey = decodeAddress(alice.wallet.address).publicKey;
    const bobKey = decodeAddress(bob.wallet.address).publicKey;
    const survivor = compareKeys(aliceKey, bobKey) < 0 ? aliceCall : bobCall;
    const yielder = survivor === aliceCall ? bobCall : aliceCall;
    const survivingId = survivor.callId;

    await Promise.all([reaches(aliceCall, 'connecting'), reaches(bobCall, 'connecting')]);

    assert.equal(yielder.callId, survivingId);
    assert.equal(survivor.callId, survivingId);
    assert.equal(yielder.currentDirection, 'incoming');
    assert.equal(survivor.currentDirection, 'outgoing');
  });

  it('passes every ICE candidate kind unchanged', async () => {
    const alice = party();
    const bob = party();

    await bob.manager.listen();
    const ringing = incoming(bob.manager);
    const call = await alice.manager.call(bob.wallet.address);

    await (await ringing).accept();
    const kinds: IceCandidateWire[] = [
      {
        candidate:
          'candidate:1 1 udp 2122260223 4a1e5f0a-1d3c-4f7e-9d2b-8c6f0e1a2b3c.local 54321 typ host generation 0',
        sdpMid: '0',
        sdpMLineIndex: 0,
        usernameFragment: 'abcd',
      },
      { candidate: 'candidate:2 1 udp 2122262783 2001:db8::1 50000 typ host', sdpMid: '0' },
      {
        candidate: 'candidate:3 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active',
        sdpMLineIndex: 0,
      },
      {
        candidate: 'candidate:4 1 tcp 1518214911 127.0.0.1 50001 typ host tcptype passive',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
      { candidate: '', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' },
      { candidate: '' },
    ];

    for (const candidate of kinds) {
      const arrived = nextSignal(bob.adapter, ({ signal }) => signal.type === 'candidate');

      await alice.adapter.send(bob.wallet.address, {
        type: 'candidate',
        callId: call.callId,
        candidate,
      });
      const { signal } = await arrived;

      assert.deepEqual(signal, { type: 'candidate', callId: call.callId, candidate });
    }
  });

  it('ends the call with CALL_TAMPERED on an altered SDP', async () => {
    const alice = party(undefined, { tamper: true });
    const bob = party();

    await bob.manager.listen();
    const ringing = incoming(bob.manager);
    const call = await alice.manager.call(bob.wallet.address);
    const session = await ringing;

    await session.accept();
    const bobEnded = ended(session);
    const aliceEnded = ended(call);

    // The caller's offer is signed, then altered on its way out.
    await alice.adapter.send(bob.wallet.address, {
      type: 'description',
      callId: call.callId,
      description: { type: 'offer', sdp: 'v=0\r\n' },
      iceRestart: false,
    });
    const [bobContext, aliceContext] = await Promise.all([bobEnded, aliceEnded]);

    assert.equal(bobContext.reason, 'tampered');
    assert.equal(bobContext.error?.code, 'CALL_TAMPERED');
    assert.equal(aliceContext.reason, 'tampered');
  });
});
