// One-to-one calls end to end: Chromium pages with the fake microphone, each running one
// StardustClient, on the real signaling server, the devnet and coturn. Covers audio both
// ways with the chain settlement by chain time, every refusal, two tabs of the callee,
// glare, a signaling restart mid-call, a relay-only call, a tampered SDP and ICE candidates.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import WebSocket, { WebSocketServer } from 'ws';

import { ChainClient } from '../../src/chain/chain-client.js';
import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  SignalType,
} from '../../src/shared/codec.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { startStack, type Stack } from '../support/stack.js';
import type { HarnessOptions } from './support/call-harness.js';
import { startCallPages, type CallPage, type CallPages } from './support/call-pages.js';
import { devnetRpc } from '../support/call-chain-helpers.js';

const DUST = 10n ** 12n;
const FEE_PER_MINUTE = DUST / 100n;
const REWARD_PER_MINUTE = DUST / 200n;

let stack: Stack;
let pages: CallPages;
let chain: ChainClient;
const opened: CallPage[] = [];

before(async () => {
  stack = await startStack({ devnet: true, coturn: true, signaling: true });
  pages = await startCallPages();
  chain = new ChainClient({ url: stack.urls.devnetUrl! });
});

after(async () => {
  for (const page of opened.splice(0)) await page.close();

  await chain?.dispose();
  await pages?.close();
  await stack?.close();
});

let seedCounter = 0;

/** Opens a page for a fresh dev account funded with 10 DUST. */
async function party(name: string, options: Partial<HarnessOptions> = {}): Promise<CallPage> {
  const seed = options.seed ?? `//E2e${name}${Date.now()}${(seedCounter += 1)}`;

  if (options.seed === undefined && options.chainWrites !== 'off') {
    const signer = await createDevSigner(seed);
    const alice = await createDevSigner('//Alice');

    await chain.send(
      await chain.balances.transferKeepAlive(signer.account.address, 10n * DUST),
      alice,
    );
  }

  const page = await pages.open({
    chain: stack.urls.devnetUrl!,
    signaling: stack.urls.signaling!,
    ...options,
    seed,
  });

  opened.push(page);

  return page;
}

/** Rings `callee` from `caller` and returns once the callee's page rings. */
async function ring(caller: CallPage, callee: CallPage): Promise<string> {
  const callId = await caller.run('call', callee.address);

  await callee.until((view) => view.callId === callId && view.state === 'ringing', 'ringing');

  return callId;
}

async function connect(caller: CallPage, callee: CallPage): Promise<string> {
  const callId = await ring(caller, callee);

  await callee.run('accept');
  await Promise.all([
    caller.until((view) => view.state === 'connected', 'caller connected'),
    callee.until((view) => view.state === 'connected', 'callee connected'),
  ]);

  return callId;
}

/** Audio reaches `page`: inbound bytes grow between two reads and the level is above 0. */
async function hearsAudio(page: CallPage, what: string): Promise<void> {
  const first = await page.untilAudio((audio) => audio.packetsReceived > 10, `${what} packets`);

  await page.untilAudio(
    (audio) => audio.bytesReceived > first.bytesReceived + 2000 && audio.audioLevel > 0,
    `${what} growing audio`,
  );
}

describe('calls end to end', { timeout: 600_000 }, () => {
  it('connects with audio both ways and settles by chain time', async () => {
    const alice = await party('Alice');
    const bob = await party('Bob');

    await connect(alice, bob);
    await Promise.all([hearsAudio(bob, 'Bob hears Alice'), hearsAudio(alice, 'Alice hears Bob')]);
    const accepted = await bob.until(
      (view) => view.record?.finalized.includes('accept') === true,
      'accept_call final',
    );
    const active = await chain.voiceCall.activeCall(accepted.chainCallId!);

    await devnetRpc(stack.urls.devnetUrl!, 'dev_timeTravel', [active!.startedAt! + 125_000]);
    await alice.run('hangup');
    const [caller, callee] = await Promise.all([
      alice.until((view) => view.record?.ended !== null && view.record?.ended !== undefined, 'end'),
      bob.until((view) => view.record?.ended !== null && view.record?.ended !== undefined, 'end'),
    ]);
    const history = await chain.voiceCall.callHistory(alice.address);
    const record = history.find((entry) => entry.callId === accepted.chainCallId);

    assert.equal(active!.state, 'Connected');
    assert.equal(caller.chainCallId, accepted.chainCallId);
    assert.equal(caller.record!.ended!.duration, 125);
    assert.equal(caller.record!.ended!.fee, String(3n * FEE_PER_MINUTE));
    assert.equal(caller.record!.reward, String(2n * REWARD_PER_MINUTE));
    assert.equal(callee.reason, 'normal');
    assert.equal(callee.endedBy, 'remote');
    assert.equal(callee.record!.ended!.duration, 125);
    assert.equal(callee.record!.ended!.fee, String(3n * FEE_PER_MINUTE));
    assert.equal(callee.record!.reward, String(2n * REWARD_PER_MINUTE));
    assert.equal(callee.record!.finalized.includes('end'), false);
    assert.equal(record?.duration, 125);
    assert.equal(record?.startedAt, active!.startedAt);
    assert.equal(record?.endedAt, active!.startedAt! + 125_000);
  });

  it('reports a rejected call to the caller', async () => {
    const alice = await party('Alice');
    const bob = await party('Bob');

    await ring(alice, bob);
    await bob.run('reject');
    const view = await alice.until((v) => v.state === 'ended', 'ended');

    assert.equal(view.reason, 'rejected');
    assert.equal(view.rejectReason, 'decline');
    assert.equal(view.errorCode, 'CALL_REJECTED');
  });

  it('reports busy when the callee is in a call', async () => {
    const alice = await party('Alice', { chainWrites: 'off' });
    const bob = await party('Bob', { chainWrites: 'off' });
    const carol = await party('Carol', { chainWrites: 'off' });

    await connect(carol, bob);
    await alice.run('call', bob.address);
    const view = await alice.until((v) => v.state === 'ended', 'ended');

    assert.equal(view.reason, 'rejected');
    assert.equal(view.rejectReason, 'busy');
    assert.equal(view.errorCode, 'CALL_BUSY');
    assert.equal((await bob.view()).state, 'connected');
  });

  it('times out an unanswered call on both sides', async () => {
    // A shortened ring timeout: the assertion is about the outcome, not the 60 s default.
    const alice = await party('Alice', { chainWrites: 'off', ringTimeoutMs: 2000 });
    const bob = await party('Bob', { chainWrites: 'off', ringTimeoutMs: 60_000 });

    await ring(alice, bob);
    const [caller, callee] = await Promise.all([
      alice.until((v) => v.state === 'ended', 'caller ended'),
      bob.until((v) => v.state === 'ended', 'callee ended'),
    ]);

    assert.equal(caller.reason, 'timeout');
    assert.equal(caller.errorCode, 'CALL_TIMEOUT');
    assert.equal(callee.reason, 'timeout');
    assert.equal(callee.endedBy, 'remote');
  });

  it('stops ringing at the callee when the caller cancels', async () => {
    const alice = await party('Alice');
    const bob = await party('Bob');

    await ring(alice, bob);
    await alice.run('hangup');
    const [caller, callee] = await Promise.all([
      alice.until((v) => v.state === 'ended', 'caller ended'),
      bob.until((v) => v.state === 'ended', 'callee ended'),
    ]);

    assert.equal(caller.reason, 'cancelled');
    assert.equal(callee.reason, 'cancelled');
    assert.equal(callee.endedBy, 'remote');
    assert.deepEqual(callee.states, ['idle', 'ringing', 'ended']);
  });

  it('reports an offline callee', async () => {
    const alice = await party('Alice', { chainWrites: 'off' });
    const absent = await createDevSigner(`//E2eAbsent${Date.now()}`);

    await alice.run('call', absent.account.address);
    const view = await alice.until((v) => v.state === 'ended', 'ended');

    assert.equal(view.reason, 'rejected');
    assert.equal(view.rejectReason, 'offline');
    assert.equal(view.errorCode, 'CALL_OFFLINE');
  });

  it('lets the first of two callee tabs answer', async () => {
    const seed = `//E2eTwoTabs${Date.now()}`;
    const alice = await party('Alice', { chainWrites: 'off' });
    const tab1 = await party('Bob', { chainWrites: 'off', seed });
    const tab2 = await party('Bob', { chainWrites: 'off', seed });
    const callId = await alice.run('call', tab1.address);

    await Promise.all([
      tab1.until((v) => v.callId === callId && v.state === 'ringing', 'tab 1 rings'),
      tab2.until((v) => v.callId === callId && v.state === 'ringing', 'tab 2 rings'),
    ]);
    await tab1.run('accept');
    const [other] = await Promise.all([
      tab2.until((v) => v.state === 'ended', 'tab 2 stops ringing'),
      tab1.until((v) => v.state === 'connected', 'tab 1 connected'),
      alice.until((v) => v.state === 'connected', 'caller connected'),
    ]);

    assert.equal(other.reason, 'cancelled');
    assert.equal(other.answeredElsewhere, true);
    await hearsAudio(tab1, 'the answering tab');
  });

  it('ends each of 20 crossing calls as one connected call', async () => {
    const alice = await party('Alice', { chainWrites: 'off' });
    const bob = await party('Bob', { chainWrites: 'off' });

    for (let run = 0; run < 20; run += 1) {
      const [aliceId, bobId] = await Promise.all([
        alice.run('call', bob.address),
        bob.run('call', alice.address),
      ]);
      const [a, b] = await Promise.all([
        alice.until((v) => v.state === 'connected', `run ${run}: Alice connected`),
        bob.until((v) => v.state === 'connected', `run ${run}: Bob connected`),
      ]);

      assert.equal(a.callId, b.callId, `run ${run}: one call`);
      assert.ok([aliceId, bobId].includes(a.callId!), `run ${run}: a placed call survived`);
      await alice.run('hangup');
      await Promise.all([
        alice.until((v) => v.state === 'ended', `run ${run}: Alice ended`),
        bob.until((v) => v.state === 'ended', `run ${run}: Bob ended`),
      ]);
    }
  });

  it('keeps audio while the signaling server restarts', async () => {
    const first = await startSignalingServer({
      port: 0,
      genesisHash: stack.urls.devnetGenesisHash!,
      logLevel: 'silent',
    });
    const port = Number(new URL(first.url).port);
    const alice = await party('Alice', { chainWrites: 'off', signaling: first.url });
    const bob = await party('Bob', { chainWrites: 'off', signaling: first.url });
    let second: SignalingServerHandle | undefined;

    try {
      await connect(alice, bob);
      await first.close();
      const before = await bob.audio();

      await bob.untilAudio(
        (audio) => audio.bytesReceived > before.bytesReceived + 4000,
        'audio after the server stopped',
      );
      second = await startSignalingServer({
        port,
        genesisHash: stack.urls.devnetGenesisHash!,
        logLevel: 'silent',
      });
      await Promise.all(
        [alice, bob].map(async (page) => {
          for (;;) {
            if ((await page.run('signalingState')) === 'connected') return;

            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }),
      );

      assert.equal((await alice.view()).state, 'connected');
      assert.equal((await bob.view()).state, 'connected');
      await hearsAudio(alice, 'audio after the reconnect');
    } finally {
      await second?.close();
    }
  });

  it('connects relay-only through coturn', async () => {
    const alice = await party('Alice', { chainWrites: 'off', iceTransportPolicy: 'relay' });
    const bob = await party('Bob', { chainWrites: 'off', iceTransportPolicy: 'relay' });

    await connect(alice, bob);
    await hearsAudio(bob, 'relayed audio');
    const audio = await alice.audio();

    assert.equal(audio.localCandidateType, 'relay');
    assert.equal((await bob.audio()).localCandidateType, 'relay');
  });

  it('ends with CALL_TAMPERED when an SDP is altered in transit', async () => {
    const proxy = await startTamperingProxy(stack.urls.signaling!);
    const alice = await party('Alice', { chainWrites: 'off', signaling: proxy.url });
    const bob = await party('Bob', { chainWrites: 'off' });

    try {
      await ring(alice, bob);
      await bob.run('accept');
      const [caller, callee] = await Promise.all([
        alice.until((v) => v.state === 'ended', 'caller ended'),
        bob.until((v) => v.state === 'ended', 'callee ended'),
      ]);

      assert.ok(proxy.altered > 0, 'the proxy altered an SDP');
      assert.equal(callee.reason, 'tampered');
      assert.equal(callee.errorCode, 'CALL_TAMPERED');
      assert.equal(caller.reason, 'tampered');
      assert.ok(!caller.states.includes('connected'));
    } finally {
      await proxy.close();
    }
  });

  it('delivers every ICE candidate kind intact', async () => {
    const alice = await party('Alice', { chainWrites: 'off' });
    const bob = await party('Bob', { chainWrites: 'off' });
    const kinds = [
      {
        candidate:
          'candidate:1 1 udp 2122260223 4a1e5f0a-1d3c-4f7e-9d2b-8c6f0e1a2b3c.local 54321 typ host generation 0',
        sdpMid: '0',
        sdpMLineIndex: 0,
        usernameFragment: 'Ab+/',
      },
      { candidate: 'candidate:2 1 udp 2122262783 2001:db8::1 50000 typ host', sdpMid: '0' },
      {
        candidate: 'candidate:3 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active',
        sdpMLineIndex: 0,
      },
      {
        candidate:
          'candidate:4 1 udp 41885439 127.0.0.1 50002 typ relay raddr 0.0.0.0 rport 0 generation 0',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
      { candidate: '', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'Ab+/' },
      { candidate: '' },
    ];

    await bob.run('recordCandidates');
    await ring(alice, bob);
    await alice.run('sendCandidates', bob.address, kinds);
    const received = await (async () => {
      for (;;) {
        const list = await bob.run('candidates');

        if (list.length >= kinds.length) return list;

        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    assert.deepEqual(received, kinds);
  });
});

/**
 * A WebSocket proxy between one page and the signaling server. It rewrites the first byte
 * of the DTLS fingerprint in every SDP_OFFER and SDP_ANSWER the page sends, after the page
 * signed it, as a malicious server would to sit in the middle of the call.
 */
async function startTamperingProxy(
  target: string,
): Promise<{ url: string; altered: number; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const state = { altered: 0 };

  server.on('connection', (client, request) => {
    const upstream = new WebSocket(target, {
      headers: request.headers.origin === undefined ? {} : { origin: request.headers.origin },
    });
    const pending: Buffer[] = [];

    upstream.on('open', () => {
      for (const frame of pending.splice(0)) upstream.send(frame);
    });
    upstream.on('message', (data: Buffer) => client.send(data));
    upstream.on('close', () => client.close());
    client.on('close', () => upstream.close());
    client.on('message', (data: Buffer) => {
      const frame = tamper(data, state);

      if (upstream.readyState === WebSocket.OPEN) upstream.send(frame);
      else pending.push(frame);
    });
  });

  await new Promise((resolve) => server.once('listening', resolve));

  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/signal`,
    get altered() {
      return state.altered;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate();

        server.close(() => resolve());
      }),
  };
}

function tamper(data: Buffer, state: { altered: number }): Buffer {
  try {
    const message = decodeSignal(data);

    if (message.type !== SignalType.SDP_OFFER && message.type !== SignalType.SDP_ANSWER) {
      return data;
    }

    const sdp = decodePayload(message.type, message.payload);

    message.payload = encodePayload(message.type, {
      ...sdp,
      sdp: (sdp.sdp ?? '').replace(
        /a=fingerprint:sha-256 ([0-9A-F]{2})/,
        'a=fingerprint:sha-256 00',
      ),
    });
    state.altered += 1;

    return Buffer.from(encodeSignal(message));
  } catch {
    return data;
  }
}
