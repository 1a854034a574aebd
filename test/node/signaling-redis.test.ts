// Two signaling instances sharing a real redis-server on loopback: routing across
// instances, and clients resuming on the other instance when one stops.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { decodePayload, encodePayload, SignalType } from '../../src/shared/codec.js';
import { exponentialBackoff } from '../../src/signaling/reconnect-policy.js';
import { SignalingClient, type WebSocketFactory } from '../../src/signaling/signaling-client.js';
import { memorySessionStorage, SessionManager } from '../../src/wallet/session.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { RawClient, TEST_GENESIS, TEST_ORIGIN } from '../support/raw-signal-client.js';
import { startRedis, type RedisHandle } from '../support/redis.js';
import { sr25519Wallet } from '../support/signers.js';

let redis: RedisHandle;
let first: SignalingServerHandle;
let second: SignalingServerHandle;

before(async () => {
  redis = await startRedis();

  const options = { port: 0, genesisHash: TEST_GENESIS, logLevel: 'silent', redisUrl: redis.url };

  first = await startSignalingServer({ ...options, serverId: 'first' });
  second = await startSignalingServer({ ...options, serverId: 'second' });
});

after(async () => {
  await Promise.all([first.close(), second.close()]);
  await redis.close();
});

function clientOn(urls: string[]) {
  const wallet = sr25519Wallet();
  const session = new SessionManager({
    wallet,
    genesisHash: TEST_GENESIS,
    origin: TEST_ORIGIN,
    storage: memorySessionStorage(),
  });
  const client = new SignalingClient({
    url: urls,
    session,
    WebSocket: WebSocket as unknown as WebSocketFactory,
    reconnect: exponentialBackoff({ baseMs: 20, maxMs: 200, restartBaseMs: 50 }),
  });

  return { client, session, wallet };
}

describe('signaling over redis', () => {
  it('rings a callee on the other instance', async () => {
    const alice = await RawClient.connect(first.url);
    const bob = await RawClient.connect(second.url);

    alice.send({
      type: SignalType.CALL_INVITE,
      to: bob.address,
      callId: 'across1',
      payload: encodePayload(SignalType.CALL_INVITE, {
        callerName: 'Alice',
        delegation: alice.delegation,
      }),
    });

    assert.equal((await bob.next(SignalType.CALL_INVITE)).from, alice.address);

    bob.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: 'across1' });
    assert.equal((await alice.next(SignalType.CALL_ACCEPT)).from, bob.address);
    await Promise.all([alice.close(), bob.close()]);
  });

  it('answers busy and offline across instances', async () => {
    const alice = await RawClient.connect(first.url);
    const bob = await RawClient.connect(second.url);
    const carol = await RawClient.connect(first.url);
    const invite = (from: RawClient, to: string, callId: string) =>
      from.send({
        type: SignalType.CALL_INVITE,
        to,
        callId,
        payload: encodePayload(SignalType.CALL_INVITE, { delegation: from.delegation }),
      });

    invite(alice, bob.address, 'across2');
    await bob.next(SignalType.CALL_INVITE);
    invite(carol, bob.address, 'across3');
    assert.equal(
      decodePayload(SignalType.CALL_BUSY, (await carol.next(SignalType.CALL_BUSY)).payload).reason,
      0,
    );

    invite(carol, sr25519Wallet().address, 'across4');
    assert.equal(
      decodePayload(SignalType.CALL_BUSY, (await carol.next(SignalType.CALL_BUSY)).payload).reason,
      3,
    );
    await Promise.all([alice.close(), bob.close(), carol.close()]);
  });

  it('resumes a call on the other instance when one stops', async () => {
    const third = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      redisUrl: redis.url,
      serverId: 'third',
    });
    const alice = clientOn([third.url, second.url]);
    const bob = clientOn([second.url]);

    await Promise.all([alice.client.connect(), bob.client.connect()]);

    const ringing = bob.client.once(
      'message',
      (event) => event.message.type === SignalType.CALL_INVITE,
    );
    const aliceSession = await alice.session.get();

    await alice.client.send({
      type: SignalType.CALL_INVITE,
      to: bob.wallet.address,
      callId: 'resume1',
      payload: encodePayload(SignalType.CALL_INVITE, { delegation: aliceSession.delegation }),
    });
    await ringing;

    const accepted = alice.client.once(
      'message',
      (event) => event.message.type === SignalType.CALL_ACCEPT,
    );

    await bob.client.send({
      type: SignalType.CALL_ACCEPT,
      to: alice.wallet.address,
      callId: 'resume1',
    });
    await accepted;

    const resumed = alice.client.once('authenticated');

    await third.close();
    assert.equal((await resumed).serverId, 'second');

    const candidate = bob.client.once(
      'message',
      (event) => event.message.type === SignalType.ICE_CANDIDATE,
    );

    await alice.client.send({
      type: SignalType.ICE_CANDIDATE,
      to: bob.wallet.address,
      callId: 'resume1',
      payload: encodePayload(SignalType.ICE_CANDIDATE, {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
      }),
    });

    const event = await candidate;

    assert.equal(event.fromPeer, true);
    assert.equal(event.message.from, alice.wallet.address);
    assert.equal(alice.wallet.prompts, 1);
    await Promise.all([alice.client.close(), bob.client.close()]);
  });
});
