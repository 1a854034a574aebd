// Pending invites when the caller's signaling instance dies, at the level of the call
// sessions: CallManagers over SignalingCallAdapter over SignalingClient, two signaling
// instances (child processes) sharing Redis, and the fake media of call-fakes.ts.
//
// - An invite that rang: the caller's call ends at once with SIGNAL_DISCONNECTED, and once
//   the caller is back on the other instance its cancel stops the callee's ringing.
// - The callee accepts while the caller is away: the accept is answered PEER_NOT_FOUND and
//   the callee's call ends with that code instead of waiting for an offer.
// - An invite the dying instance never read: `call()` rejects with SIGNAL_DISCONNECTED.
//
// In every case both parties can call each other again at once: nobody stays busy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { SignalingCallAdapter } from '../../src/call/signaling-adapter.js';
import { hasErrorCode } from '../../src/shared/errors.js';
import { fakeMediaFactory } from '../support/call-fakes.js';
import { FakeClock } from '../support/fake-clock.js';
import { TEST_GENESIS } from '../support/raw-signal-client.js';
import { startRedis, type RedisHandle } from '../support/redis.js';
import { startSignalingProcess, type SignalingProcess } from '../support/signaling-process.js';
import { soakClient, type SoakClient } from './support/soak-clients.js';

const GENESIS_HEX = `0x${Buffer.from(TEST_GENESIS).toString('hex')}`;

let redis: RedisHandle;
let first: SignalingProcess;
let second: SignalingProcess;
/** The callers' signaling clients share this clock, so their reconnect waits for the test. */
const clock = new FakeClock(Date.now());
const parties: Party[] = [];

interface Party {
  client: SoakClient;
  manager: CallManager;
  address: string;
}

function startInstance(serverId: string): Promise<SignalingProcess> {
  return startSignalingProcess({ genesisHash: GENESIS_HEX, redisUrl: redis.url, serverId });
}

/** Connects a party whose calls use fake media. */
async function party(urls: string[], fakeClock = false): Promise<Party> {
  const client = soakClient({ urls, ...(fakeClock ? { clock } : {}) });
  const adapter = new SignalingCallAdapter({ signaling: client.client, account: client.address });
  const manager = new CallManager({ signaling: adapter, createMedia: fakeMediaFactory().create });

  await client.client.connect();

  const created = { client, manager, address: client.address };

  parties.push(created);

  return created;
}

function incoming(callee: Party): Promise<CallSession> {
  return new Promise((resolve) =>
    callee.manager.once('incoming', ({ session }) => resolve(session)),
  );
}

function ended(session: CallSession) {
  if (session.state === 'ended') return Promise.resolve(session.summary!);

  return new Promise<NonNullable<CallSession['summary']>>((resolve) =>
    session.on('stateChange', ({ state }) => {
      if (state === 'ended') resolve(session.summary!);
    }),
  );
}

/** Moves the fake clock past the first reconnect delay and waits for the new socket. */
async function reconnect(caller: Party): Promise<void> {
  const back = caller.client.client.once('authenticated');

  clock.advance(600);
  await back;
}

/** Calls `callee` from `caller` and has the callee reject: both are free again. */
async function callsAgain(caller: Party, callee: Party): Promise<void> {
  const ringing = incoming(callee);
  const session = await caller.manager.call(callee.address);
  const rung = await ringing;

  await rung.reject('decline');
  assert.equal((await ended(session)).rejectReason, 'decline');
}

before(async () => {
  redis = await startRedis();
  [first, second] = await Promise.all([startInstance('first'), startInstance('second')]);
});

after(async () => {
  for (const { manager, client } of parties) {
    manager.dispose();
    await client.client.close();
  }

  await Promise.all([first.kill(), second.stop()]);
  await redis.close();
});

describe('pending invites when the instance dies', { timeout: 120_000 }, () => {
  it('fails a ringing invite and stops the callee ringing', async () => {
    const caller = await party([first.url, second.url], true);
    const callee = await party([second.url]);
    const ringing = incoming(callee);
    const outgoing = await caller.manager.call(callee.address);
    const rung = await ringing;

    await first.kill();

    const callerEnd = await ended(outgoing);

    assert.equal(callerEnd.reason, 'network_error');
    assert.equal(outgoing.summary?.endedBy, 'local');
    assert.ok(rung.state === 'ringing', 'the callee stopped ringing before the caller was back');

    await reconnect(caller);

    const calleeEnd = await ended(rung);

    assert.equal(calleeEnd.reason, 'cancelled');
    assert.equal(calleeEnd.endedBy, 'remote');
    await callsAgain(caller, callee);
    first = await startInstance('first');
  });

  it('ends an accept for a caller who is away with PEER_NOT_FOUND', async () => {
    const caller = await party([first.url, second.url], true);
    const callee = await party([second.url]);
    const ringing = incoming(callee);
    const outgoing = await caller.manager.call(callee.address);
    const rung = await ringing;
    const errors: string[] = [];

    rung.on('stateChange', (context) => {
      if (context.error !== null) errors.push(context.error.code);
    });
    await first.kill();
    await ended(outgoing);
    await rung.accept();

    const calleeEnd = await ended(rung);

    assert.equal(calleeEnd.reason, 'network_error');
    assert.deepEqual(errors, ['PEER_NOT_FOUND']);

    await reconnect(caller);
    await callsAgain(caller, callee);
    first = await startInstance('first');
  });

  it('rejects an invite the dying instance never read', async () => {
    const caller = await party([first.url, second.url], true);
    const callee = await party([second.url]);
    let rang = false;

    callee.manager.on('incoming', () => (rang = true));
    first.signal('SIGSTOP');

    const placing = caller.manager.call(callee.address).then(
      () => undefined,
      (error: unknown) => error,
    );

    await first.kill();

    const failure = await placing;

    assert.ok(hasErrorCode(failure, 'SIGNAL_DISCONNECTED'), String(failure));
    await reconnect(caller);
    assert.equal(rang, false);
    await callsAgain(caller, callee);
    first = await startInstance('first');
  });
});
