// SignalingClient against a real server on port 0: authentication, signing, verification
// of peer messages, requests, queueing across a reconnect, the backoff reset, logout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { encodePayload, SignalType } from '../../src/shared/codec.js';
import { hasErrorCode } from '../../src/shared/errors.js';
import { exponentialBackoff } from '../../src/signaling/reconnect-policy.js';
import {
  type SignalEvent,
  SignalingClient,
  type WebSocketFactory,
} from '../../src/signaling/signaling-client.js';
import { memorySessionStorage, SessionManager } from '../../src/wallet/session.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { FakeClock } from '../support/fake-clock.js';
import { RawClient, TEST_GENESIS, TEST_ORIGIN } from '../support/raw-signal-client.js';
import { randomBytes, sr25519Wallet, type TestWallet } from '../support/signers.js';

let server: SignalingServerHandle;

before(async () => {
  server = await startSignalingServer({ port: 0, genesisHash: TEST_GENESIS, logLevel: 'silent' });
});

after(() => server.close());

function clientFor(
  wallet: TestWallet = sr25519Wallet(),
  url: string | string[] = server.url,
  storage = memorySessionStorage(),
) {
  const session = new SessionManager({
    wallet,
    genesisHash: TEST_GENESIS,
    origin: TEST_ORIGIN,
    storage,
  });
  const client = new SignalingClient({
    url,
    session,
    WebSocket: WebSocket as unknown as WebSocketFactory,
    reconnect: exponentialBackoff({ baseMs: 20, maxMs: 200, restartBaseMs: 50 }),
  });

  return { client, session, wallet };
}

function nextMessage(client: SignalingClient, type: number): Promise<SignalEvent> {
  return client.once('message', (event) => event.message.type === type);
}

/**
 * Builds a client on a fake clock whose sockets the test can cut. Its backoff of
 * 100 ms × 2^(n−1) is halved by a fixed jitter of 0.5, so its delays are 50, 100, 200 … ms.
 */
function droppableClient(stablePeriodMs: number) {
  const clock = new FakeClock(Date.now());
  const sockets: WebSocket[] = [];
  const session = new SessionManager({
    wallet: sr25519Wallet(),
    genesisHash: TEST_GENESIS,
    origin: TEST_ORIGIN,
    storage: memorySessionStorage(),
    now: () => clock.now(),
  });
  const client = new SignalingClient({
    url: server.url,
    session,
    clock,
    stablePeriodMs,
    reconnect: exponentialBackoff({ baseMs: 100, maxMs: 10_000, random: () => 0.5 }),
    WebSocket: class extends WebSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
      }
    } as unknown as WebSocketFactory,
  });

  /** Cuts the open socket and returns the delay the client chose before reconnecting. */
  const drop = async (): Promise<number> => {
    const reconnecting = client.once('reconnecting');

    sockets.at(-1)!.terminate();

    return (await reconnecting).delayMs;
  };

  /** Runs the pending reconnect on the fake clock and waits until it is authenticated. */
  const reconnect = async (delayMs: number): Promise<void> => {
    const authenticated = client.once('authenticated');

    clock.advance(delayMs);
    await authenticated;
  };

  return { client, clock, drop, reconnect };
}

describe('signaling client', { timeout: 15_000 }, () => {
  it('authenticates with one wallet prompt', async () => {
    const { client, wallet } = clientFor();
    const authenticated = client.once('authenticated');

    await client.connect();

    assert.equal((await authenticated).account, wallet.address);
    assert.equal(client.state, 'connected');
    assert.equal(wallet.prompts, 1);
    await client.close();
  });

  it('delivers a verified invite between two clients', async () => {
    const alice = clientFor();
    const bob = clientFor();

    await Promise.all([alice.client.connect(), bob.client.connect()]);

    const ringing = nextMessage(bob.client, SignalType.CALL_INVITE);
    const session = await alice.session.get();

    await alice.client.send({
      type: SignalType.CALL_INVITE,
      to: bob.wallet.address,
      callId: 'c0ffee',
      payload: encodePayload(SignalType.CALL_INVITE, {
        callerName: 'Alice',
        delegation: session.delegation,
      }),
    });

    const event = await ringing;

    assert.equal(event.fromPeer, true);
    assert.equal(event.delegation?.account, alice.wallet.address);
    assert.equal((event.payload as { callerName: string }).callerName, 'Alice');

    const accepted = nextMessage(alice.client, SignalType.CALL_ACCEPT);

    await bob.client.send({
      type: SignalType.CALL_ACCEPT,
      to: alice.wallet.address,
      callId: 'c0ffee',
    });

    const acceptance = await accepted;
    const carried = (acceptance.payload as { delegation?: { sessionPublicKey: Uint8Array } })
      .delegation;

    assert.equal(acceptance.delegation?.account, bob.wallet.address);
    assert.deepEqual(carried?.sessionPublicKey, (await bob.session.get()).publicKey);
    await Promise.all([alice.client.close(), bob.client.close()]);
  });

  it('drops a forged peer message with SIGNATURE_INVALID', async () => {
    const bob = clientFor();

    await bob.client.connect();

    const mallory = await RawClient.connect(server.url);
    const rejected = bob.client.once('rejected');
    let delivered = 0;

    bob.client.on('message', (event) => {
      if (event.message.type === SignalType.VOICE_MESSAGE) delivered += 1;
    });
    mallory.send({
      type: SignalType.VOICE_MESSAGE,
      to: bob.wallet.address,
      payload: encodePayload(SignalType.VOICE_MESSAGE, { cid: 'bafkforged' }),
      signature: randomBytes(64),
    });

    const event = await rejected;

    assert.equal(event.code, 'SIGNATURE_INVALID');
    assert.equal(event.from, mallory.address);
    assert.equal(delivered, 0);
    await mallory.close();
    await bob.client.close();
  });

  it('answers requests and rejects with the server code', async () => {
    const { client, wallet } = clientFor();

    await client.connect();

    const own = await client.lookupDelegations(wallet.address);

    assert.equal(own.length, 1);
    assert.equal(own[0]!.account, wallet.address);
    await assert.rejects(client.lookupDelegations(sr25519Wallet().address), (error) =>
      hasErrorCode(error, 'DELEGATION_NOT_FOUND'),
    );
    await client.close();
  });

  it('resumes after a restart without a second prompt', async () => {
    const own = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
    });
    const port = Number(new URL(own.url).port);
    const alice = clientFor(sr25519Wallet(), own.url);

    await alice.client.connect();

    const reconnecting = alice.client.once('reconnecting');

    await own.close();
    assert.equal((await reconnecting).closeCode, 1012);

    const again = await startSignalingServer({
      port,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      serverId: 'second',
    });
    const authenticated = await alice.client.once('authenticated');

    assert.equal(authenticated.serverId, 'second');
    assert.equal(alice.wallet.prompts, 1);
    await alice.client.close();
    await again.close();
  });

  it('re-stamps queued messages and drops stale ones', async () => {
    const clock = new FakeClock(Date.now());
    const own = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      now: () => clock.now(),
    });
    const port = Number(new URL(own.url).port);
    const wallet = sr25519Wallet();
    const session = new SessionManager({
      wallet,
      genesisHash: TEST_GENESIS,
      origin: TEST_ORIGIN,
      storage: memorySessionStorage(),
      now: () => clock.now(),
    });
    const client = new SignalingClient({
      url: own.url,
      session,
      clock,
      WebSocket: WebSocket as unknown as WebSocketFactory,
      // Time jumps 40 s below: keep the request and the connection attempt alive across it.
      requestTimeoutMs: 3600_000,
      connectTimeoutMs: 3600_000,
    });

    await client.connect();

    const reconnecting = client.once('reconnecting');

    await own.close();
    await reconnecting;

    const lookup = client.lookupDelegations(wallet.address);
    const stale = client.send(
      { type: SignalType.CALL_HANGUP, to: wallet.address, callId: 'old' },
      { validForMs: 10_000 },
    );
    const dropped = client.once('dropped');
    const again = await startSignalingServer({
      port,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      now: () => clock.now(),
    });
    const authenticated = client.once('authenticated');
    // Each failed attempt schedules the next on the fake clock: move time on until one works.
    const off = client.on('reconnecting', () => queueMicrotask(() => clock.advance(60_000)));

    clock.advance(40_000);
    await authenticated;
    off();
    await stale;

    assert.equal((await dropped).type, SignalType.CALL_HANGUP);
    assert.equal((await lookup)[0]!.account, wallet.address);
    await client.close();
    await again.close();
  });

  it('reconnects when the server goes silent', async () => {
    const clock = new FakeClock(Date.now());
    const wallet = sr25519Wallet();
    const session = new SessionManager({
      wallet,
      genesisHash: TEST_GENESIS,
      origin: TEST_ORIGIN,
      storage: memorySessionStorage(),
      now: () => clock.now(),
    });
    const client = new SignalingClient({
      url: server.url,
      session,
      clock,
      WebSocket: WebSocket as unknown as WebSocketFactory,
    });

    await client.connect();

    const reconnecting = client.once('reconnecting');

    // Three heartbeat intervals pass in one step, before any answer can arrive.
    clock.advance(46_000);

    assert.equal((await reconnecting).closeCode, 4002);
    await client.close();
  });

  // The second connection lasts just under or exactly the 1,000 ms stable period before
  // it drops; only a connection that reached the period resets the backoff.
  const stableCases = [
    { name: 'keeps growing the backoff before the stable period', uptime: 999, third: 200 },
    { name: 'resets the backoff after the stable period', uptime: 1000, third: 50 },
  ];

  for (const { name, uptime, third } of stableCases) {
    it(name, async () => {
      const { client, clock, drop, reconnect } = droppableClient(1000);

      try {
        await client.connect();

        const first = await drop();

        await reconnect(first);
        clock.advance(999);

        const second = await drop();

        await reconnect(second);
        clock.advance(uptime);

        assert.deepEqual([first, second, await drop()], [50, 100, third]);
      } finally {
        await client.close();
      }
    });
  }

  it('revokes the delegation on logout', async () => {
    const { client, session, wallet } = clientFor();
    const other = clientFor();

    await Promise.all([client.connect(), other.client.connect()]);

    const before = await session.get();

    await client.logout();

    assert.equal(client.state, 'closed');
    await assert.rejects(other.client.lookupDelegations(wallet.address), (error) =>
      hasErrorCode(error, 'DELEGATION_NOT_FOUND'),
    );

    const after = await session.get();

    assert.notDeepEqual(after.publicKey, before.publicKey);
    assert.equal(wallet.prompts, 2);
    await other.client.close();
  });
});
