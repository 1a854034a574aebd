import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CallManager } from '../../src/call/call-manager.js';
import { CallSession, type CallStateContext } from '../../src/call/call-session.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  ALICE,
  BOB,
  CHARLIE,
  FakeClock,
  fakeMediaFactory,
  FakeSignalingHub,
  settle,
} from '../support/call-fakes.js';

/** Two or three accounts with a CallManager each on one fake hub and one fake clock. */
function setup(options: { ringTimeoutMs?: number; accounts?: string[] } = {}) {
  const hub = new FakeSignalingHub();
  const clock = new FakeClock();
  const media = fakeMediaFactory();
  const managers = new Map<string, CallManager>();

  for (const account of options.accounts ?? [ALICE, BOB]) {
    managers.set(
      account,
      new CallManager({
        signaling: hub.connect(account),
        clock,
        createMedia: media.create,
        ringTimeoutMs: options.ringTimeoutMs,
      }),
    );
  }

  return { hub, clock, media, manager: (account: string) => managers.get(account)! };
}

/** Records every stateChange of a session. */
function record(session: CallSession): CallStateContext[] {
  const seen: CallStateContext[] = [];

  session.on('stateChange', (context) => seen.push(context));

  return seen;
}

/** Resolves with the next incoming session of `manager`, recording it from ringing on. */
function nextIncoming(
  manager: CallManager,
): Promise<{ session: CallSession; seen: CallStateContext[] }> {
  return new Promise((resolve) => {
    manager.once('incoming', ({ session }) => resolve({ session, seen: record(session) }));
  });
}

/** Places Alice's call to Bob and has Bob accept; both media report connected. */
async function connectedCall(env: ReturnType<typeof setup>) {
  const incoming = nextIncoming(env.manager(BOB));
  const caller = await env.manager(ALICE).call(BOB);
  const callerSeen = record(caller);
  const { session: callee, seen: calleeSeen } = await incoming;

  await callee.accept();
  await settle();

  for (const media of env.media.made) media.setConnectionState('connected');

  return { caller, callee, callerSeen, calleeSeen };
}

describe('CallSession', () => {
  it('goes through every state to a normal end', async () => {
    const env = setup();
    const { caller, callee, callerSeen, calleeSeen } = await connectedCall(env);

    env.clock.advance(65_000);
    await caller.hangup();
    await settle();

    assert.deepEqual(
      callerSeen.map((c) => c.state),
      ['connecting', 'connected', 'ended'],
    );
    assert.deepEqual(
      calleeSeen.map((c) => `${c.previous}>${c.state}`),
      ['idle>ringing', 'ringing>connecting', 'connecting>connected', 'connected>ended'],
    );
    assert.equal(callerSeen.at(-1)!.reason, 'normal');
    assert.equal(calleeSeen.at(-1)!.reason, 'normal');
    assert.equal(callerSeen.at(-1)!.callId, callee.callId);
    assert.equal(calleeSeen.at(-1)!.peer, ALICE);
    assert.equal(callerSeen.at(-1)!.direction, 'outgoing');
    assert.equal(caller.durationMs, 65_000);
    assert.equal(caller.summary!.reason, 'normal');
    assert.ok(env.media.made.every((media) => media.closed));
  });

  it('summarises the last and average quality', async () => {
    const env = setup();
    const { caller } = await connectedCall(env);
    const callerMedia = env.media.made.find((media) => media.role === 'offerer')!;
    const levels: number[] = [];

    caller.on('quality', (sample) => levels.push(sample.level));

    assert.equal(caller.averageQualityLevel, null);

    for (const level of [5, 4, 4]) callerMedia.reportQuality(level);

    await caller.hangup();
    await settle();

    assert.deepEqual(levels, [5, 4, 4]);
    assert.equal(caller.summary!.quality!.level, 4);
    assert.equal(caller.summary!.averageQualityLevel, 4.3);
  });

  it('summarises no quality when none was read', async () => {
    const env = setup();
    const caller = await env.manager(ALICE).call(BOB);

    await caller.hangup();
    await settle();

    assert.equal(caller.summary!.quality, null);
    assert.equal(caller.summary!.averageQualityLevel, null);
  });

  it('rings at once and opens the mic meanwhile', async () => {
    const env = setup();
    const caller = new CallSession({
      signaling: env.hub.connect(CHARLIE),
      peer: BOB,
      direction: 'outgoing',
      clock: env.clock,
      createMedia: env.media.create,
    });
    const seen = record(caller);
    const incoming = nextIncoming(env.manager(BOB));

    await caller.call();
    const { session } = await incoming;

    assert.deepEqual(
      seen.map((c) => c.state),
      ['ringing'],
    );
    assert.equal(session.state, 'ringing');
    assert.equal(env.media.made.length, 1);
    assert.equal(env.media.made[0]!.role, 'offerer');
    assert.match(caller.callId, /^[0-9a-f]{32}$/);
  });

  it('ends as rejected when the callee declines', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const seen = record(caller);
    const { session: callee } = await incoming;

    await callee.reject();
    await settle();

    assert.equal(seen.at(-1)!.state, 'ended');
    assert.equal(seen.at(-1)!.reason, 'rejected');
    assert.equal(seen.at(-1)!.rejectReason, 'decline');
    assert.equal(seen.at(-1)!.error!.code, 'CALL_REJECTED');
    assert.equal(callee.summary!.rejectReason, 'decline');
  });

  it('times out after 60 s by default on both sides', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const { session: callee } = await incoming;

    env.clock.advance(59_999);

    assert.equal(caller.state, 'ringing');
    assert.equal(callee.state, 'ringing');

    env.clock.advance(1);
    await settle();

    assert.equal(caller.summary!.reason, 'timeout');
    assert.equal(callee.summary!.reason, 'timeout');
    assert.equal(
      env.hub.sent('cancel')[0]!.signal.type === 'cancel' &&
        (env.hub.sent('cancel')[0]!.signal as { reason: string }).reason,
      'timeout',
    );
    assert.equal(env.clock.pending, 0);
  });

  it('takes a configured ring timeout', async () => {
    const env = setup({ ringTimeoutMs: 5_000 });
    const caller = await env.manager(ALICE).call(BOB);

    env.clock.advance(5_000);

    assert.equal(caller.summary!.reason, 'timeout');
    assert.equal(caller.summary!.durationMs, 0);
  });

  it('tells the callee when the caller cancels', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const { session: callee, seen } = await incoming;

    await caller.hangup();
    await settle();

    assert.equal(caller.summary!.reason, 'cancelled');
    assert.equal(seen.at(-1)!.reason, 'cancelled');
    assert.equal(callee.state, 'ended');
  });

  it('answers busy while a call is active', async () => {
    const env = setup({ accounts: [ALICE, BOB, CHARLIE] });
    const first = await connectedCall(env);
    const busy = new Promise((resolve) => env.manager(BOB).once('busy', resolve));
    const charlieCall = await env.manager(CHARLIE).call(BOB);

    await settle();

    assert.equal(charlieCall.summary!.reason, 'rejected');
    assert.equal(charlieCall.summary!.rejectReason, 'busy');
    assert.deepEqual(await busy, { from: CHARLIE, callId: charlieCall.callId });
    assert.equal(first.callee.state, 'connected');
  });

  it('refuses a second outgoing call with CALL_BUSY', async () => {
    const env = setup({ accounts: [ALICE, BOB, CHARLIE] });

    await env.manager(ALICE).call(BOB);

    await assert.rejects(
      env.manager(ALICE).call(CHARLIE),
      (error: StardustError) => error.code === 'CALL_BUSY',
    );
  });

  it('answers the ringing caller it calls back', async () => {
    const env = setup({ accounts: [ALICE, BOB, CHARLIE] });
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const { session: ringing } = await incoming;
    const answered = await env.manager(BOB).call(ALICE);

    await settle();

    assert.equal(answered, ringing);
    assert.equal(answered.callId, caller.callId);
    assert.notEqual(answered.state, 'ringing');
    assert.notEqual(caller.state, 'ended');
    await assert.rejects(
      env.manager(BOB).call(CHARLIE),
      (error: StardustError) => error.code === 'CALL_BUSY',
    );
  });

  it('ends as offline when the callee has no session', async () => {
    const env = setup();

    env.hub.offline.add(BOB);

    const error = await env
      .manager(ALICE)
      .call(BOB)
      .catch((e: StardustError) => e);

    assert.ok(error instanceof StardustError);
    assert.equal(env.manager(ALICE).activeSession, null);
  });

  it('keeps one call when both call at once', async () => {
    const env = setup();
    // Both invites leave before either arrives.
    const [alice, bob] = await Promise.all([
      env.manager(ALICE).call(BOB),
      env.manager(BOB).call(ALICE),
    ]);

    await settle();

    // Bob's key (0x8eaf…) sorts below Alice's (0xd435…), so Bob's call survives.
    assert.equal(alice.callId, bob.callId);
    assert.equal(alice.state, 'connecting');
    assert.equal(bob.state, 'connecting');
    assert.equal(alice.currentDirection, 'incoming');
    assert.equal(env.hub.sent('cancel').length, 1);
    assert.equal((env.hub.sent('cancel')[0]!.signal as { glare?: boolean }).glare, true);
    assert.equal(env.hub.sent('accept').length, 1);
    assert.equal(env.hub.sent('accept')[0]!.from, ALICE);
    assert.equal(env.media.made.find((m) => m.options.polite)!.role, 'answerer');
  });

  it('ends as tampered when an SDP fails verification', async () => {
    const env = setup();
    const { caller, callee, calleeSeen } = await connectedCall(env);

    env.hub.inject(BOB, ALICE, { type: 'tampered', callId: caller.callId });
    await settle();

    assert.equal(caller.summary!.reason, 'tampered');
    assert.equal(caller.summary && (caller as unknown as { state: string }).state, 'ended');
    assert.equal(calleeSeen.at(-1)!.reason, 'tampered');
    assert.equal(calleeSeen.at(-1)!.error!.code, 'CALL_TAMPERED');
    assert.equal(callee.state, 'ended');
  });

  it('ends with network_error when ICE restarts fail', async () => {
    const env = setup();
    const { caller, callee, callerSeen } = await connectedCall(env);
    const aliceMedia = env.media.made.find((m) => m.role === 'offerer')!;

    aliceMedia.fail(new StardustError('CALL_NETWORK_ERROR', 'restarts failed'));
    await settle();

    assert.equal(callerSeen.at(-1)!.reason, 'network_error');
    assert.equal(callerSeen.at(-1)!.error!.code, 'CALL_NETWORK_ERROR');
    assert.equal(callee.summary!.reason, 'network_error');
    assert.equal(caller.state, 'ended');
  });

  it('ends with network_error when media never connects', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const { session: callee } = await incoming;

    await callee.accept();
    await settle();
    env.clock.advance(30_000);

    assert.equal(caller.summary!.reason, 'network_error');
    assert.equal(callee.summary!.reason, 'network_error');
  });

  it('links the chain call id from the peer', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const { session: callee } = await incoming;
    const links: string[] = [];

    callee.on('chainLink', ({ chainCallId }) => links.push(chainCallId));

    await caller.linkChainCall('0x0123456789abcdef0123456789abcdef');
    env.hub.inject(ALICE, BOB, {
      type: 'chain-link',
      callId: caller.callId,
      chainCallId: '0xnot-hex' as `0x${string}`,
    });
    await settle();

    assert.equal(callee.chainCallId, '0x0123456789abcdef0123456789abcdef');
    assert.equal(caller.chainCallId, '0x0123456789abcdef0123456789abcdef');
    assert.deepEqual(links, ['0x0123456789abcdef0123456789abcdef']);
  });

  it('ignores messages of the call from another account', async () => {
    const env = setup({ accounts: [ALICE, BOB, CHARLIE] });
    const caller = await env.manager(ALICE).call(BOB);

    env.hub.inject(CHARLIE, ALICE, { type: 'accept', callId: caller.callId });
    env.hub.inject(CHARLIE, ALICE, { type: 'hangup', callId: caller.callId, reason: 'normal' });
    await settle();

    assert.equal(caller.state, 'ringing');
  });

  it('cancels when the microphone is refused', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const refused = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const session = new CallSession({
      signaling: env.hub.connect(ALICE),
      peer: BOB,
      direction: 'outgoing',
      clock: env.clock,
      createMedia: (options) => {
        const media = env.media.create(options);

        media.acquireError = new StardustError('MIC_PERMISSION_DENIED', 'denied', {
          cause: refused,
        });

        return media;
      },
    });

    await session.call();
    const { session: callee } = await incoming;

    await settle();

    assert.equal(session.summary!.reason, 'cancelled');
    assert.equal((session as unknown as { state: string }).state, 'ended');
    assert.equal(callee.summary!.reason, 'cancelled');
  });

  it('rejects actions in the wrong state with INVALID_STATE', async () => {
    const env = setup();
    const incoming = nextIncoming(env.manager(BOB));
    const caller = await env.manager(ALICE).call(BOB);
    const { session: callee } = await incoming;

    await assert.rejects(caller.accept(), (e: StardustError) => e.code === 'INVALID_STATE');
    await assert.rejects(callee.call(), (e: StardustError) => e.code === 'INVALID_STATE');
    await callee.reject();
    await assert.rejects(callee.accept(), (e: StardustError) => e.code === 'INVALID_STATE');
    await caller.hangup();
  });

  it('rejects a call to oneself and a malformed call id', () => {
    const hub = new FakeSignalingHub();
    const signaling = hub.connect(ALICE);

    assert.throws(
      () => new CallSession({ signaling, peer: ALICE, direction: 'outgoing' }),
      (e: StardustError) => e.code === 'INVALID_ARGUMENT',
    );
    assert.throws(
      () => new CallSession({ signaling, peer: BOB, direction: 'incoming', callId: 'xyz' }),
      (e: StardustError) => e.code === 'INVALID_ARGUMENT',
    );
    assert.throws(
      () => new CallSession({ signaling, peer: 'not-an-address', direction: 'outgoing' }),
      (e: StardustError) => e.code === 'ADDRESS_INVALID',
    );
  });
});
