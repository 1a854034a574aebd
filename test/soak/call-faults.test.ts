// Calls in real Chromium pages when their servers fail: two signaling instances (child
// processes) share one Redis, and a coturn relays the media of relay-only calls.
//
// - A signaling instance is killed with SIGKILL mid-call: audio keeps flowing (the media
//   is peer to peer), the page reconnects to the other instance, and the call's signaling
//   still works (the hangup reaches the other side).
// - The TURN relay of a relay-only call dies and comes back: ICE restarts recover the
//   call before the media gives up.
// - The relay dies for good: both sides end the call with `network_error`.
//
// These wait on generous real deadlines, as real ICE needs, and assert outcomes; the
// timings are printed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { startCoturn, type Coturn } from '../support/coturn.js';
import { startRedis, type RedisHandle } from '../support/redis.js';
import { startSignalingProcess, type SignalingProcess } from '../support/signaling-process.js';
import { startStack, type Stack } from '../support/stack.js';
import type { HarnessOptions } from '../e2e/support/call-harness.js';
import { startCallPages, type CallPage, type CallPages } from '../e2e/support/call-pages.js';

let stack: Stack;
let redis: RedisHandle;
let coturn: Coturn;
let instances: SignalingProcess[] = [];
let pages: CallPages;
const opened: CallPage[] = [];
let seedCounter = 0;

async function startSignalingPair(): Promise<SignalingProcess[]> {
  const options = {
    genesisHash: stack.urls.devnetGenesisHash!,
    redisUrl: redis.url,
    turnSecret: coturn.secret,
    turnUrls: coturn.urls,
  };

  return Promise.all([
    startSignalingProcess({ ...options, serverId: 'call-a' }),
    startSignalingProcess({ ...options, serverId: 'call-b' }),
  ]);
}

/** Opens a page for a fresh dev account that places calls without chain writes. */
async function party(name: string, options: Partial<HarnessOptions>): Promise<CallPage> {
  const page = await pages.open({
    chain: stack.urls.devnetUrl!,
    signaling: instances.map((instance) => instance.url),
    seed: `//Soak${name}${Date.now()}${(seedCounter += 1)}`,
    chainWrites: 'off',
    ...options,
  });

  opened.push(page);

  return page;
}

async function connect(caller: CallPage, callee: CallPage): Promise<void> {
  const callId = await caller.run('call', callee.address);

  await callee.until((view) => view.callId === callId && view.state === 'ringing', 'ringing');
  await callee.run('accept');
  await Promise.all([
    caller.until((view) => view.state === 'connected', 'caller connected'),
    callee.until((view) => view.state === 'connected', 'callee connected'),
  ]);
}

/** Resolves once `page` has received `bytes` more audio bytes than now. */
async function moreAudio(page: CallPage, bytes: number, what: string, timeoutMs = 30_000) {
  const before = await page.audio();

  return page.untilAudio(
    (audio) => audio.bytesReceived > before.bytesReceived + bytes && audio.audioLevel > 0,
    what,
    timeoutMs,
  );
}

/** Resolves once no audio bytes arrived at `page` for half a second. */
async function silent(page: CallPage): Promise<void> {
  let last = (await page.audio()).bytesReceived;

  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));

    const now = (await page.audio()).bytesReceived;

    if (now === last) return;

    last = now;
  }
}

before(async () => {
  stack = await startStack({ devnet: true });
  redis = await startRedis();
  coturn = await startCoturn({ stateDir: stack.urls.stateDir });
  instances = await startSignalingPair();
  pages = await startCallPages();
});

after(async () => {
  for (const page of opened.splice(0)) await page.close();

  await pages?.close();
  await Promise.all(instances.map((instance) => instance.kill()));
  await coturn?.close();
  await redis?.close();
  await stack?.close();
});

describe('call faults in Chromium', { timeout: 240_000 }, () => {
  it('keeps audio when a signaling instance dies', async (t) => {
    const alice = await party('Alice', {});
    const bob = await party('Bob', { signaling: [...instances].reverse().map((i) => i.url) });

    await connect(alice, bob);
    assert.equal(await alice.run('signalingServer'), 'call-a');
    assert.equal(await bob.run('signalingServer'), 'call-b');

    const killedAt = performance.now();

    await instances[0]!.kill();

    const moved = (async () => {
      while ((await alice.run('signalingServer')) !== 'call-b') {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      return performance.now() - killedAt;
    })();

    await moreAudio(bob, 8000, 'audio at Bob after the instance died');
    await moreAudio(alice, 8000, 'audio at Alice after the instance died');
    t.diagnostic(`Alice back on the other instance after ${Math.round(await moved)} ms`);
    assert.equal((await alice.view()).state, 'connected');
    assert.equal((await bob.view()).state, 'connected');

    await bob.run('hangup');

    const ended = await alice.until((view) => view.state === 'ended', 'Alice hears the hangup');

    assert.equal(ended.reason, 'normal');
    assert.equal(ended.endedBy, 'remote');
    instances[0] = await startSignalingProcess({
      genesisHash: stack.urls.devnetGenesisHash!,
      redisUrl: redis.url,
      turnSecret: coturn.secret,
      turnUrls: coturn.urls,
      serverId: 'call-a',
    });
  });

  it('recovers a relayed call by ICE restart when the relay returns', async (t) => {
    const alice = await party('Alice', { iceTransportPolicy: 'relay' });
    const bob = await party('Bob', { iceTransportPolicy: 'relay' });

    await connect(alice, bob);
    assert.equal((await alice.audio()).localCandidateType, 'relay');

    const port = coturn.port;
    const restart = { port, secret: coturn.secret, minRelayPort: coturn.minRelayPort };
    const lostAt = performance.now();

    await coturn.kill();
    await silent(bob);
    coturn = await startCoturn({ stateDir: stack.urls.stateDir, ...restart });
    await moreAudio(bob, 8000, 'audio at Bob through the new relay', 60_000);
    await moreAudio(alice, 8000, 'audio at Alice through the new relay', 60_000);
    t.diagnostic(
      `audio back ${Math.round(performance.now() - lostAt)} ms after the relay died; ICE restarts: Alice ${await alice.run('iceRestarts')}, Bob ${await bob.run('iceRestarts')}`,
    );

    assert.equal((await alice.view()).state, 'connected');
    assert.equal((await bob.view()).state, 'connected');
    assert.ok(
      (await alice.run('iceRestarts')) + (await bob.run('iceRestarts')) > 0,
      'no ICE restart happened',
    );
    await alice.run('hangup');
    await bob.until((view) => view.state === 'ended', 'Bob ended');
  });

  it('ends with network_error when the relay stays down', async (t) => {
    const alice = await party('Alice', { iceTransportPolicy: 'relay' });
    const bob = await party('Bob', { iceTransportPolicy: 'relay' });

    await connect(alice, bob);

    const restart = { port: coturn.port, secret: coturn.secret, minRelayPort: coturn.minRelayPort };
    const lostAt = performance.now();

    await coturn.kill();

    try {
      const [aliceEnd, bobEnd] = await Promise.all([
        alice.until((view) => view.state === 'ended', 'Alice ends', 90_000),
        bob.until((view) => view.state === 'ended', 'Bob ends', 90_000),
      ]);

      t.diagnostic(`both ended ${Math.round(performance.now() - lostAt)} ms after the relay died`);
      assert.equal(aliceEnd.reason, 'network_error');
      assert.equal(bobEnd.reason, 'network_error');

      // A side that gave up itself reports the media error; one informed by the other may not.
      for (const end of [aliceEnd, bobEnd]) {
        if (end.endedBy === 'local') assert.equal(end.errorCode, 'CALL_NETWORK_ERROR');
      }
    } finally {
      coturn = await startCoturn({ stateDir: stack.urls.stateDir, ...restart });
    }
  });
});
