// Redis is killed and restarted empty (no persistence) under two signaling instances. The
// instances survive, answer with SERVER_UNAVAILABLE while it is gone, and once it is back
// they rebuild presence, delegations, revocations and calls from what they hold: a client
// on one instance reaches a client on the other, a call in progress still negotiates, and a
// logged-out session stays refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { decodePayload, encodePayload, SignalType } from '../../src/shared/codec.js';
import { hasErrorCode } from '../../src/shared/errors.js';
import { exponentialBackoff } from '../../src/signaling/reconnect-policy.js';
import { startSignalingProcess, type SignalingProcess } from '../support/signaling-process.js';
import { startRedis, type RedisHandle } from '../support/redis.js';
import { RawClient, TEST_GENESIS } from '../support/raw-signal-client.js';
import { ed25519KeyPair, sr25519Wallet } from '../support/signers.js';
import {
  connectCall,
  nextSignal,
  renegotiate,
  soakClient,
  type SoakClient,
} from './support/soak-clients.js';

let redis: RedisHandle;
let first: SignalingProcess;
let second: SignalingProcess;
let clients: SoakClient[] = [];
/** A session that logged out before the restart, kept to try it again afterwards. */
const loggedOut = { wallet: sr25519Wallet(), session: ed25519KeyPair() };
let outageAnswer: unknown;
let refused: { error: string; closeCode: number | undefined };

function voiceNotice(to: string) {
  return {
    type: SignalType.VOICE_MESSAGE,
    to,
    payload: encodePayload(SignalType.VOICE_MESSAGE, { cid: 'bafkreitestcid', durationMs: 1000 }),
  };
}

before(async () => {
  redis = await startRedis();

  const options = {
    genesisHash: `0x${Buffer.from(TEST_GENESIS).toString('hex')}`,
    redisUrl: redis.url,
  };

  [first, second] = await Promise.all([
    startSignalingProcess({ ...options, serverId: 'first' }),
    startSignalingProcess({ ...options, serverId: 'second' }),
  ]);

  // Clients keep their sockets through the outage; a fast policy is only a safety net.
  const reconnect = exponentialBackoff({ baseMs: 50, maxMs: 500, restartBaseMs: 100 });

  clients = [
    soakClient({ urls: [first.url], reconnect }),
    soakClient({ urls: [second.url], reconnect }),
    soakClient({ urls: [first.url], reconnect }),
    soakClient({ urls: [second.url], reconnect }),
    soakClient({ urls: [first.url], reconnect }),
  ];
  await Promise.all(clients.map(({ client }) => client.connect()));
  await connectCall(clients[2]!, clients[3]!, 'through-restart');

  const leaving = await RawClient.connect(first.url, loggedOut);

  leaving.send({ type: SignalType.LOGOUT, requestId: 1 });
  await leaving.closed;

  const lost = Promise.all([first, second].map((server) => server.nextBusHealth()));

  await redis.kill();
  await lost;

  outageAnswer = await clients[0]!.client.request(voiceNotice(clients[1]!.address)).then(
    () => undefined,
    (error: unknown) => error,
  );

  // A client that leaves during the outage: its instance cannot unsubscribe from its channel.
  await clients[4]!.client.close();

  const newcomer = await RawClient.connect(second.url, { skipAuth: true });
  const answer = await newcomer.authenticate();

  refused = {
    error: answer.type === SignalType.ERROR ? errorCode(answer) : 'AUTH_OK',
    closeCode: await newcomer.closed,
  };

  const repaired = Promise.all([first, second].map((server) => server.nextBusHealth()));

  redis = await startRedis({ port: redis.port });
  await repaired;
});

after(async () => {
  await Promise.all(clients.map(({ client }) => client.close()));
  await Promise.all([first.stop(), second.stop()]);
  await redis.close();
});

describe('redis restart under signaling', { timeout: 120_000 }, () => {
  it('answers SERVER_UNAVAILABLE while redis is gone', () => {
    assert.ok(hasErrorCode(outageAnswer, 'SERVER_UNAVAILABLE'), String(outageAnswer));
  });

  it('refuses new sessions with 1013 while redis is gone', () => {
    assert.equal(refused.error, 'SERVER_UNAVAILABLE');
    assert.equal(refused.closeCode, 1013);
  });

  it('keeps every process and socket alive', async () => {
    for (const server of [first, second]) {
      const health = await fetch(server.metricsUrl.replace('/metrics', '/healthz'));

      assert.equal(health.status, 200);
    }

    for (const { client, reconnects } of clients.slice(0, 4)) {
      assert.equal(client.state, 'connected');
      assert.equal(reconnects.length, 0);
    }
  });

  it('reaches a client on the other instance afterwards', async () => {
    const [sender, receiver] = clients as [SoakClient, SoakClient];
    const notice = nextSignal(receiver.client, SignalType.VOICE_MESSAGE);
    const answer = await sender.client.request(voiceNotice(receiver.address));

    assert.equal(answer.type, SignalType.ACK);

    const delivered = await notice;

    // Verified against the sender's delegation, which the receiver had to look up again.
    assert.equal(delivered.fromPeer, true);
    assert.equal(delivered.message.from, sender.address);
  });

  it('reports a client that left in the outage as offline', async () => {
    const answer = await clients[1]!.client.request({
      type: SignalType.CALL_INVITE,
      to: clients[4]!.address,
      callId: 'to-departed',
      payload: encodePayload(SignalType.CALL_INVITE, {}),
    });

    assert.equal(answer.type, SignalType.CALL_BUSY);
    assert.equal(decodePayload(SignalType.CALL_BUSY, answer.payload).reason, 3, 'offline');
  });

  it('keeps a call in progress negotiating', async () => {
    await renegotiate(clients[2]!, clients[3]!, 'through-restart');
    await renegotiate(clients[3]!, clients[2]!, 'through-restart');
  });

  it('still refuses a session that logged out', async () => {
    const again = await RawClient.connect(second.url, { ...loggedOut, skipAuth: true });
    const answer = await again.authenticate();

    assert.equal(answer.type, SignalType.ERROR);
    assert.equal(errorCode(answer), 'DELEGATION_REVOKED');
    await again.closed;
  });

  it('accepts new sessions again', async () => {
    const newcomer = await RawClient.connect(first.url);

    assert.equal(newcomer.socket.readyState, 1);
    await newcomer.close();
  });
});

function errorCode(message: { payload: Uint8Array }): string {
  return decodePayload(SignalType.ERROR, message.payload).code ?? '';
}
