// Every bad input of the signaling protocol against a real server on port 0: each gets its
// own error code (or close code), and the server keeps serving a healthy client throughout. The
// server logs are captured and checked for secrets and for per-message lines at the end.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { pino } from 'pino';

import {
  decodePayload,
  decodeSignal,
  encodePayload,
  encodeSignal,
  SignalType,
} from '../../src/shared/codec.js';
import { createDelegation } from '../../src/shared/delegation.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import {
  defaultDelegation,
  RawClient,
  TEST_GENESIS,
  TEST_ORIGIN,
} from '../support/raw-signal-client.js';
import { ed25519KeyPair, randomBytes, sr25519Wallet } from '../support/signers.js';

const TURN_SECRET = 'turn-secret-5f1c0a9e7d3b';

let server: SignalingServerHandle;
let healthy: RawClient;
/** Every line the server logged, at debug level and above, while the suite ran. */
const logLines: string[] = [];

before(async () => {
  server = await startSignalingServer({
    port: 0,
    genesisHash: TEST_GENESIS,
    logger: pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) }),
    turnSecret: TURN_SECRET,
    turnUrls: ['turn:127.0.0.1:3478'],
    socketRate: { perSecond: 50, burst: 200 },
    abuseLimit: 300,
  });
  healthy = await RawClient.connect(server.url);
});

after(async () => {
  await healthy.close();
  await server.close();
});

/** Checks that the healthy client still gets replies, so the server survived the bad input. */
async function assertServing(): Promise<void> {
  const requestId = Math.floor(Math.random() * 1e9) + 1;

  healthy.send({ type: SignalType.HEARTBEAT, requestId });

  const ack = await healthy.nextMatching(
    (m) => m.type === SignalType.HEARTBEAT_ACK && m.requestId === requestId,
  );

  assert.equal(ack.requestId, requestId);
}

async function connected(): Promise<RawClient> {
  return RawClient.connect(server.url);
}

describe('signaling server bad input', () => {
  it('answers random bytes with PROTOCOL_DECODE', async () => {
    const client = await connected();
    // 0xff… is an invalid varint tag: never a valid SignalMessage.
    const frame = Uint8Array.of(
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      0xff,
      ...randomBytes(40),
    );

    client.sendRaw(frame);

    assert.equal(await client.nextError(), 'PROTOCOL_DECODE');
    await assertServing();
    await client.close();
  });

  it('answers a truncated frame with PROTOCOL_DECODE', async () => {
    const client = await connected();
    const frame = client.frame({ type: SignalType.HEARTBEAT, payload: randomBytes(50) });

    client.sendRaw(frame.subarray(0, frame.length - 30));

    assert.equal(await client.nextError(), 'PROTOCOL_DECODE');
    await assertServing();
    await client.close();
  });

  it('answers a wrong field type with PROTOCOL_DECODE', async () => {
    const client = await connected();

    // type = HEARTBEAT, then field 2 (from, a string) as a varint.
    client.sendRaw(Uint8Array.of(0x08, 30, 0x10, 0x07));

    assert.equal(await client.nextError(), 'PROTOCOL_DECODE');
    await client.close();
  });

  it('answers a text frame with PROTOCOL_DECODE', async () => {
    const client = await connected();

    client.sendRaw('{"type":"HEARTBEAT"}');

    assert.equal(await client.nextError(), 'PROTOCOL_DECODE');
    await client.close();
  });

  it('answers an oversized frame with FRAME_TOO_LARGE and stays open', async () => {
    const client = await connected();

    client.send({ type: SignalType.HEARTBEAT, payload: new Uint8Array(64 * 1024 + 1) });

    assert.equal(await client.nextError(), 'FRAME_TOO_LARGE');

    client.send({ type: SignalType.HEARTBEAT, requestId: 9 });

    assert.equal((await client.next(SignalType.HEARTBEAT_ACK)).requestId, 9);
    await client.close();
  });

  it('closes with 1009 on a frame beyond the hard limit', async () => {
    const client = await connected();

    client.sendRaw(new Uint8Array(4 * 64 * 1024 + 1));

    assert.equal(await client.closed, 1009);
    await assertServing();
  });

  it('answers an unknown type with UNKNOWN_TYPE', async () => {
    const client = await connected();

    client.send({ type: 999 });

    assert.equal(await client.nextError(), 'UNKNOWN_TYPE');
    await client.close();
  });

  it('answers a missing type with UNKNOWN_TYPE', async () => {
    const client = await connected();

    client.sendRaw(encodeSignal({ from: client.address, timestamp: BigInt(Date.now()) }));

    assert.equal(await client.nextError(), 'UNKNOWN_TYPE');
    await client.close();
  });

  it('answers a server-only type with UNKNOWN_TYPE', async () => {
    const client = await connected();

    client.send({ type: SignalType.AUTH_OK });

    assert.equal(await client.nextError(), 'UNKNOWN_TYPE');
    await client.close();
  });

  it('rejects an unknown key type with DELEGATION_INVALID', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });
    const answer = await client.authenticate(async (wallet, key) => ({
      ...(await defaultDelegation(wallet, key)),
      keyType: 77,
    }));

    assert.equal(code(answer), 'DELEGATION_INVALID');
    assert.equal(await client.closed, 1008);
    await assertServing();
  });

  it('relays an unknown call type unchanged', async () => {
    const caller = await connected();
    const callee = await connected();

    caller.send({
      type: SignalType.CALL_INVITE,
      to: callee.address,
      callId: 'newtype',
      payload: encodePayload(SignalType.CALL_INVITE, {
        callType: 42 as never,
        delegation: caller.delegation,
      }),
    });

    const invite = await callee.nextOf([SignalType.CALL_INVITE, SignalType.ERROR]);

    assert.equal(invite.type, SignalType.CALL_INVITE);
    assert.equal(decodePayload(SignalType.CALL_INVITE, invite.payload).callType, 42);
    assert.equal(caller.received.filter((message) => message.type === SignalType.ERROR).length, 0);
    await assertServing();
    await Promise.all([caller.close(), callee.close()]);
  });

  it('answers a missing nonce with MISSING_FIELD', async () => {
    const client = await connected();

    client.send({ type: SignalType.HEARTBEAT, nonce: new Uint8Array(0) });

    assert.equal(await client.nextError(), 'MISSING_FIELD');
    await client.close();
  });

  it('answers an invite without callee with MISSING_FIELD', async () => {
    const client = await connected();

    client.send({ type: SignalType.CALL_INVITE, callId: 'a1b2' });

    assert.equal(await client.nextError(), 'MISSING_FIELD');
    await client.close();
  });

  it('answers an auth response without delegation with MISSING_FIELD', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });

    client.sendRaw(
      encodeSignal({
        type: SignalType.AUTH_RESPONSE,
        payload: encodePayload(SignalType.AUTH_RESPONSE, {}),
      }),
    );

    assert.equal(await client.nextError(), 'MISSING_FIELD');
    assert.equal(await client.closed, 1008);
  });

  it('answers messages before auth with NOT_AUTHENTICATED', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });

    client.send({ type: SignalType.HEARTBEAT });

    assert.equal(await client.nextError(), 'NOT_AUTHENTICATED');
    await client.close();
  });

  it('answers another account in from with FROM_MISMATCH', async () => {
    const client = await connected();

    client.send({ type: SignalType.HEARTBEAT, from: sr25519Wallet().address });

    assert.equal(await client.nextError(), 'FROM_MISMATCH');
    await assertServing();
    await client.close();
  });

  it('answers a replayed nonce with NONCE_REPLAYED', async () => {
    const client = await connected();
    const frame = client.send({ type: SignalType.HEARTBEAT, requestId: 1 });

    await client.next(SignalType.HEARTBEAT_ACK);
    client.sendRaw(frame);

    assert.equal(await client.nextError(), 'NONCE_REPLAYED');
    await client.close();
  });

  it('answers stale and future timestamps with TIMESTAMP_OUT_OF_WINDOW', async () => {
    const client = await connected();

    client.send({ type: SignalType.HEARTBEAT, timestamp: BigInt(Date.now() - 31_000) });
    assert.equal(await client.nextError(), 'TIMESTAMP_OUT_OF_WINDOW');

    client.send({ type: SignalType.HEARTBEAT, timestamp: BigInt(Date.now() + 31_000) });
    assert.equal(await client.nextError(), 'TIMESTAMP_OUT_OF_WINDOW');
    await client.close();
  });

  it('rejects an expired delegation with DELEGATION_EXPIRED', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });
    const answer = await client.authenticate((wallet, key) =>
      defaultDelegation(wallet, key, Date.now() - 25 * 3600_000),
    );

    assert.equal(code(answer), 'DELEGATION_EXPIRED');
    assert.equal(await client.closed, 1008);
    await assertServing();
  });

  it('rejects another genesis with DELEGATION_WRONG_GENESIS', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });
    const answer = await client.authenticate((wallet, sessionPublicKey) =>
      createDelegation({
        wallet,
        sessionPublicKey,
        genesisHash: randomBytes(32),
        origin: TEST_ORIGIN,
        now: Date.now(),
      }),
    );

    assert.equal(code(answer), 'DELEGATION_WRONG_GENESIS');
    assert.equal(await client.closed, 1008);
  });

  it('rejects another origin with DELEGATION_WRONG_ORIGIN', async () => {
    const client = await RawClient.connect(server.url, {
      skipAuth: true,
      origin: 'https://evil.example',
    });
    const answer = await client.authenticate();

    assert.equal(code(answer), 'DELEGATION_WRONG_ORIGIN');
    assert.equal(await client.closed, 1008);
  });

  it('rejects a delegation signed by another account with DELEGATION_BAD_SIGNATURE', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });
    const other = sr25519Wallet();
    const answer = await client.authenticate(async (wallet, key) => ({
      ...(await defaultDelegation(wallet, key)),
      walletSignature: (await other.signRaw(new Uint8Array(0))).signature,
    }));

    assert.equal(code(answer), 'DELEGATION_BAD_SIGNATURE');
    assert.equal(await client.closed, 1008);
  });

  it('rejects a challenge signed by another key with AUTH_FAILED', async () => {
    const client = await RawClient.connect(server.url, { skipAuth: true });
    const delegation = await defaultDelegation(client.wallet, randomBytes(32));
    const answer = client.next(SignalType.ERROR);

    client.sendRaw(
      encodeSignal({
        type: SignalType.AUTH_RESPONSE,
        payload: encodePayload(SignalType.AUTH_RESPONSE, {
          delegation,
          challengeSignature: randomBytes(64),
        }),
      }),
    );

    assert.equal(code(await answer), 'AUTH_FAILED');
    assert.equal(await client.closed, 1008);
  });

  it('answers SDP to a non-party with NOT_CALL_PARTY', async () => {
    const client = await connected();
    const stranger = await connected();

    client.send({
      type: SignalType.SDP_OFFER,
      to: stranger.address,
      callId: 'nocall',
      payload: encodePayload(SignalType.SDP_OFFER, { sdp: 'v=0', type: 'offer' }),
    });

    assert.equal(await client.nextError(), 'NOT_CALL_PARTY');
    assert.equal(stranger.received.filter((m) => m.type === SignalType.SDP_OFFER).length, 0);
    await client.close();
    await stranger.close();
  });

  it('answers a flood with RATE_LIMITED, then closes with 1008', async () => {
    const client = await connected();

    for (let i = 0; i < 600; i += 1) client.send({ type: SignalType.HEARTBEAT });

    assert.equal(await client.nextError(), 'RATE_LIMITED');
    assert.equal(await client.closed, 1008);
    assert.equal(client.closeReason, 'RATE_LIMITED');
    await assertServing();
  });

  it('serves the healthy client after every case', async () => {
    await assertServing();
    assert.equal(healthy.closeCode, undefined);
  });
});

describe('signaling server account rate limit', () => {
  it('limits all sockets of one account together', async () => {
    // Sockets may send freely, but the account may send 5 messages and then 1 per 1000 s.
    const limited = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      socketRate: { perSecond: 1000, burst: 1000 },
      accountRate: { perSecond: 0.001, burst: 5 },
    });
    const wallet = sr25519Wallet();
    const first = await RawClient.connect(limited.url, { wallet });
    const second = await RawClient.connect(limited.url, { wallet });
    const other = await RawClient.connect(limited.url);

    try {
      for (let requestId = 1; requestId <= 5; requestId += 1) {
        first.send({ type: SignalType.HEARTBEAT, requestId });
        assert.equal((await first.next(SignalType.HEARTBEAT_ACK)).requestId, requestId);
      }

      second.send({ type: SignalType.HEARTBEAT, requestId: 6 });
      assert.equal(
        code(await second.nextOf([SignalType.HEARTBEAT_ACK, SignalType.ERROR])),
        'RATE_LIMITED',
      );

      other.send({ type: SignalType.HEARTBEAT, requestId: 7 });

      const answer = await other.nextOf([SignalType.HEARTBEAT_ACK, SignalType.ERROR]);

      assert.equal(answer.type, SignalType.HEARTBEAT_ACK);
      assert.equal(answer.requestId, 7);
      assert.equal(second.closeCode, undefined);
    } finally {
      await Promise.all([first.close(), second.close(), other.close()]);
      await limited.close();
    }
  });
});

describe('signaling server strict mode', () => {
  it('answers a forged signature with SIGNATURE_INVALID', async () => {
    const strict = await startSignalingServer({
      port: 0,
      genesisHash: TEST_GENESIS,
      logLevel: 'silent',
      verifyEveryMessage: true,
    });
    const client = await RawClient.connect(strict.url);

    client.send({ type: SignalType.HEARTBEAT, signature: randomBytes(64) });
    assert.equal(await client.nextError(), 'SIGNATURE_INVALID');

    client.send({ type: SignalType.HEARTBEAT, requestId: 3 });
    assert.equal((await client.next(SignalType.HEARTBEAT_ACK)).requestId, 3);
    await client.close();
    await strict.close();
  });
});

function code(message: { type: number | undefined; payload: Uint8Array }): string {
  assert.equal(message.type, SignalType.ERROR);

  return decodePayload(SignalType.ERROR, message.payload).code!;
}

describe('signaling server logs', () => {
  it('logs no secrets and counts rejections', async () => {
    const aliceSeed = randomBytes(32);
    const alice = await RawClient.connect(server.url, {
      skipAuth: true,
      session: ed25519KeyPair(aliceSeed),
    });
    const authOk = await alice.authenticate();
    const bob = await RawClient.connect(server.url);
    const turn = decodePayload(SignalType.AUTH_OK, authOk.payload).iceServers![0]!;
    const sdp = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=secret-sdp-marker\r\n';

    alice.send({
      type: SignalType.CALL_INVITE,
      to: bob.address,
      callId: 'logcheck',
      payload: encodePayload(SignalType.CALL_INVITE, { delegation: alice.delegation }),
    });
    await bob.next(SignalType.CALL_INVITE);
    bob.send({ type: SignalType.CALL_ACCEPT, to: alice.address, callId: 'logcheck' });
    await alice.next(SignalType.CALL_ACCEPT);

    const offer = alice.send({
      type: SignalType.SDP_OFFER,
      to: bob.address,
      callId: 'logcheck',
      payload: encodePayload(SignalType.SDP_OFFER, { sdp, type: 'offer' }),
    });

    assert.equal(
      decodePayload(SignalType.SDP_OFFER, (await bob.next(SignalType.SDP_OFFER)).payload).sdp,
      sdp,
    );

    const answer = bob.send({
      type: SignalType.SDP_ANSWER,
      to: alice.address,
      callId: 'logcheck',
      payload: encodePayload(SignalType.SDP_ANSWER, { sdp, type: 'answer' }),
    });

    assert.equal(
      decodePayload(SignalType.SDP_ANSWER, (await alice.next(SignalType.SDP_ANSWER)).payload).sdp,
      sdp,
    );

    // Fifty rejections from one socket must not add a log line each. The periodic summary
    // line may fall in between, so it is left out of the comparison.
    const otherLines = (): number => logLines.filter((line) => !line.includes('"counts"')).length;
    const linesBeforeRejections = otherLines();

    for (let i = 0; i < 50; i += 1) alice.send({ type: 999 });

    for (let i = 0; i < 50; i += 1) assert.equal(await alice.nextError(), 'UNKNOWN_TYPE');

    assert.equal(otherLines(), linesBeforeRejections);

    // Stopping the server logs the rejection counts of the unfinished period.
    await server.close();

    const secrets = new Map<string, Uint8Array | string>([
      ['TURN secret', TURN_SECRET],
      ['TURN credential', turn.credential!],
      ['SDP', 'secret-sdp-marker'],
      ['session private key', aliceSeed],
      ['wallet signature', alice.delegation!.walletSignature],
      ['offer signature', decodeSignal(offer).signature],
      ['answer signature', decodeSignal(answer).signature],
    ]);
    const log = logLines.join('');

    assert.ok(logLines.length > 0, 'the server logged nothing');
    assert.ok(turn.credential!.length > 0, 'AUTH_OK carried no TURN credential');

    for (const [name, secret] of secrets) {
      const forms =
        typeof secret === 'string'
          ? [secret]
          : [Buffer.from(secret).toString('hex'), Buffer.from(secret).toString('base64')];

      for (const form of forms) assert.ok(!log.includes(form), `the log contains the ${name}`);
    }

    const records = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const counted = (code: string): number =>
      records
        .map((record) => (record.counts as Record<string, number> | undefined)?.[code] ?? 0)
        .reduce((sum, count) => sum + count, 0);

    // The flood alone is rate limited more than 300 times before its socket is closed.
    assert.ok(counted('RATE_LIMITED') > 300, `${counted('RATE_LIMITED')} RATE_LIMITED counted`);
    assert.ok(counted('UNKNOWN_TYPE') >= 50, `${counted('UNKNOWN_TYPE')} UNKNOWN_TYPE counted`);
    await Promise.all([alice.closed, bob.closed]);
  });
});
