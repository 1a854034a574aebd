// A signaling instance is killed with SIGKILL while two instances share one Redis. Its
// clients, given both URLs, reconnect to the other instance on their first attempt and
// within the reconnect policy's first delay (checked on a fake clock); connected calls
// keep their negotiation path; pending invites fail with a code instead of hanging; the
// clients of the surviving instance never notice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { decodePayload, encodePayload, SignalType } from '../../src/shared/codec.js';
import { hasErrorCode, type StardustError } from '../../src/shared/errors.js';
import { startSignalingProcess, type SignalingProcess } from '../support/signaling-process.js';
import { FakeClock } from '../support/fake-clock.js';
import { startRedis, type RedisHandle } from '../support/redis.js';
import { TEST_GENESIS } from '../support/raw-signal-client.js';
import {
  connectCall,
  nextSignal,
  renegotiate,
  soakClient,
  type SoakClient,
} from './support/soak-clients.js';

/** Clients per instance. */
const PER_INSTANCE = 50;
/** Connected calls whose caller is on the instance that dies, callee on the survivor. */
const CROSS_CALLS = 10;
/** The product default: the first reconnect waits at most 500 ms (full jitter). */
const FIRST_DELAY_CAP_MS = 500;

let redis: RedisHandle;
let doomed: SignalingProcess;
let survivor: SignalingProcess;
const clock = new FakeClock(Date.now());
const onDoomed: SoakClient[] = [];
const onSurvivor: SoakClient[] = [];

before(async () => {
  redis = await startRedis();

  const options = {
    genesisHash: `0x${Buffer.from(TEST_GENESIS).toString('hex')}`,
    redisUrl: redis.url,
  };

  [doomed, survivor] = await Promise.all([
    startSignalingProcess({ ...options, serverId: 'doomed' }),
    startSignalingProcess({ ...options, serverId: 'survivor' }),
  ]);

  for (let i = 0; i < PER_INSTANCE; i += 1) {
    onDoomed.push(soakClient({ urls: [doomed.url, survivor.url], clock }));
    onSurvivor.push(soakClient({ urls: [survivor.url, doomed.url], clock }));
  }

  await Promise.all([...onDoomed, ...onSurvivor].map(({ client }) => client.connect()));
});

after(async () => {
  await Promise.all([...onDoomed, ...onSurvivor].map(({ client }) => client.close()));
  await Promise.all([doomed.kill(), survivor.stop()]);
  await redis.close();
});

describe('signaling instance killed', { timeout: 120_000 }, () => {
  let killedAt = 0;
  let inFlightError: StardustError;
  let acceptError: unknown;
  let servers: string[] = [];
  const ringingCaller = (): SoakClient => onDoomed[CROSS_CALLS]!;
  const ringingCallee = (): SoakClient => onSurvivor[CROSS_CALLS]!;
  const frozenCaller = (): SoakClient => onDoomed[CROSS_CALLS + 1]!;
  const frozenCallee = (): SoakClient => onSurvivor[CROSS_CALLS + 1]!;

  before(async () => {
    for (let i = 0; i < CROSS_CALLS; i += 1) {
      await connectCall(onDoomed[i]!, onSurvivor[i]!, `kept${i}`);
    }

    // An invite the doomed instance rang; its callee answers while the caller is away.
    await ringingCaller().client.request({
      type: SignalType.CALL_INVITE,
      to: ringingCallee().address,
      callId: 'ringing1',
      payload: encodePayload(SignalType.CALL_INVITE, {}),
    });

    // An invite still unread by the frozen instance when it dies.
    doomed.signal('SIGSTOP');

    const inFlight = frozenCaller()
      .client.request({
        type: SignalType.CALL_INVITE,
        to: frozenCallee().address,
        callId: 'inflight1',
        payload: encodePayload(SignalType.CALL_INVITE, {}),
      })
      .then(
        () => assert.fail('the invite sent to the dead instance resolved'),
        (error: StardustError) => error,
      );
    const lost = Promise.all(onDoomed.map(({ client }) => client.once('reconnecting')));

    killedAt = clock.now();
    await doomed.kill();
    await lost;

    // Every client of the dead instance has noticed; the fake clock has not moved yet.
    inFlightError = await inFlight;
    acceptError = await ringingCallee()
      .client.request({
        type: SignalType.CALL_ACCEPT,
        to: ringingCaller().address,
        callId: 'ringing1',
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    const back = Promise.all(onDoomed.map(({ client }) => client.once('authenticated')));

    while (clock.now() - killedAt <= FIRST_DELAY_CAP_MS) clock.advance(10);

    servers = (await back).map((event) => event.serverId);
  });

  it('reconnects its clients within the first delay', () => {
    for (const [index, { reconnects, socketsOpenedAt }] of onDoomed.entries()) {
      assert.equal(reconnects.length, 1, `client ${index} needed ${reconnects.length} attempts`);
      assert.equal(reconnects[0]!.attempt, 1);
      assert.ok(reconnects[0]!.delayMs <= FIRST_DELAY_CAP_MS, `delay ${reconnects[0]!.delayMs}`);
      assert.ok(socketsOpenedAt.at(-1)! - killedAt <= FIRST_DELAY_CAP_MS);
      assert.equal(servers[index], 'survivor');
    }
  });

  it('leaves clients of the survivor connected', () => {
    for (const { reconnects, client } of onSurvivor) {
      assert.equal(reconnects.length, 0, 'a client of the surviving instance reconnected');
      assert.equal(client.state, 'connected');
    }
  });

  it('keeps connected calls negotiating', async () => {
    for (let i = 0; i < CROSS_CALLS; i += 1) {
      await renegotiate(onDoomed[i]!, onSurvivor[i]!, `kept${i}`);
      await renegotiate(onSurvivor[i]!, onDoomed[i]!, `kept${i}`);
    }
  });

  it('fails an unanswered invite with SIGNAL_DISCONNECTED', () => {
    assert.equal(inFlightError.code, 'SIGNAL_DISCONNECTED');
  });

  it('answers an accept for a vanished caller with PEER_NOT_FOUND', () => {
    assert.ok(hasErrorCode(acceptError, 'PEER_NOT_FOUND'), String(acceptError));
  });

  it('leaves nobody busy after the failed invites', async () => {
    for (const [caller, callee, callId] of [
      [ringingCaller(), ringingCallee(), 'ringing2'],
      [frozenCaller(), frozenCallee(), 'inflight2'],
    ] as const) {
      const ringing = nextSignal(callee.client, SignalType.CALL_INVITE, callId);
      const answer = await caller.client.request({
        type: SignalType.CALL_INVITE,
        to: callee.address,
        callId,
        payload: encodePayload(SignalType.CALL_INVITE, {}),
      });

      assert.equal(answer.type, SignalType.ACK, `${callId}: ${answerName(answer)}`);
      await ringing;
    }
  });
});

function answerName(message: { type?: number; payload: Uint8Array }): string {
  return message.type === SignalType.CALL_BUSY
    ? `CALL_BUSY ${decodePayload(SignalType.CALL_BUSY, message.payload).reason}`
    : `type ${message.type}`;
}
