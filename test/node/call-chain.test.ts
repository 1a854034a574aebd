import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  CallChainRecorder,
  type CallChainOutcome,
  type VoiceCallCalls,
} from '../../src/call/call-chain.js';
import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { ChainError } from '../../src/chain/chain-error.js';
import type {
  ChainCall,
  ChainEvent,
  Hex,
  SendOptions,
  TxResult,
  TxSender,
} from '../../src/chain/types.js';
import { StardustError } from '../../src/shared/errors.js';
import {
  ALICE,
  BOB,
  FakeClock,
  fakeMediaFactory,
  FakeSignalingHub,
  settle,
} from '../support/call-fakes.js';

const CHAIN_ID: Hex = '0x00112233445566778899aabbccddeeff';
const BOB_CHAIN_ID: Hex = '0xffeeddccbbaa99887766554433221100';

/**
 * A fake VoiceCall pallet and sender, named as fakes: each built call is a plain record, and
 * the sender answers from a script the test controls. The real pallet runs in the e2e tests.
 */
function fakeChain(account: string) {
  const sent: Array<{ name: string; args: unknown[]; options?: SendOptions }> = [];
  let failNext: Array<StardustError | null> = [];
  const gates: Array<() => void> = [];
  let gated = false;
  const build = <T>(name: string, args: unknown[], decode: (events: readonly ChainEvent[]) => T) =>
    Promise.resolve({ name, extrinsic: args, decode } as unknown as ChainCall<T>);
  const voiceCall: VoiceCallCalls = {
    initiateCall: (callee) =>
      build('voiceCall.initiateCall', [callee], () => ({
        callId: account === ALICE ? CHAIN_ID : BOB_CHAIN_ID,
      })),
    acceptCall: (id) => build('voiceCall.acceptCall', [id], () => undefined),
    rejectCall: (id, reason) => build('voiceCall.rejectCall', [id, reason], () => null),
    endCall: (id) => build('voiceCall.endCall', [id], () => null),
  };
  const sender: TxSender = {
    account,
    async send<T>(call: ChainCall<T>, options?: SendOptions): Promise<TxResult<T>> {
      sent.push({ name: call.name, args: call.extrinsic as unknown as unknown[], options });

      if (gated) await new Promise<void>((resolve) => gates.push(resolve));

      const failure = failNext.shift();

      if (failure) throw failure;

      const events: ChainEvent[] =
        call.name === 'voiceCall.endCall'
          ? [
              {
                pallet: 'voiceCall',
                name: 'CallEnded',
                fields: { callId: CHAIN_ID, duration: 65, fee: 20_000_000_000n, reason: 'Normal' },
              },
              {
                pallet: 'voiceMining',
                name: 'RewardPaid',
                fields: { who: ALICE, amount: 5_000_000_000n, callId: CHAIN_ID },
              },
            ]
          : [];

      return {
        stage: 'finalized',
        txHash: '0x01',
        blockHash: '0x02',
        events,
        value: call.decode(events),
      };
    },
  };

  return {
    voiceCall,
    sender,
    sent,
    names: () => sent.map((entry) => entry.name),
    fail(...errors: Array<StardustError | null>) {
      failNext = errors;
    },
    gate(on: boolean) {
      gated = on;
    },
    release() {
      for (const open of gates.splice(0)) open();
    },
  };
}

function setup() {
  const hub = new FakeSignalingHub();
  const clock = new FakeClock();
  const media = fakeMediaFactory();
  const chains: Record<string, ReturnType<typeof fakeChain>> = {
    [ALICE]: fakeChain(ALICE),
    [BOB]: fakeChain(BOB),
  };
  const managers = {} as Record<string, CallManager>;
  const recorders = {} as Record<string, CallChainRecorder>;

  for (const account of [ALICE, BOB]) {
    managers[account] = new CallManager({
      signaling: hub.connect(account),
      clock,
      createMedia: media.create,
    });
    recorders[account] = new CallChainRecorder({ ...chains[account]!, clock });
    recorders[account].attachManager(managers[account]);
  }

  return { hub, clock, media, chains, managers, recorders };
}

function incoming(manager: CallManager): Promise<CallSession> {
  return new Promise((resolve) => manager.once('incoming', ({ session }) => resolve(session)));
}

describe('CallChainRecorder', () => {
  it('initiates, links, accepts and ends on chain', async () => {
    const env = setup();
    const ringing = incoming(env.managers[BOB]!);
    const caller = await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    await settle();

    await callee.accept();
    await settle();

    for (const media of env.media.made) media.setConnectionState('connected');
    await caller.hangup();
    await settle();

    assert.deepEqual(env.chains[ALICE]!.names(), ['voiceCall.initiateCall', 'voiceCall.endCall']);
    assert.deepEqual(env.chains[BOB]!.names(), ['voiceCall.acceptCall']);
    assert.deepEqual(env.chains[BOB]!.sent[0]!.args, [CHAIN_ID]);
    assert.equal(env.chains[ALICE]!.sent[0]!.options!.waitFor, 'finalized');
    assert.equal(callee.chainCallId, CHAIN_ID);
    const record = env.recorders[ALICE]!.record(caller)!;

    assert.equal(record.ended!.duration, 65);
    assert.equal(record.ended!.fee, 20_000_000_000n);
    assert.equal(record.reward, 5_000_000_000n);
    assert.deepEqual(record.finalized, ['initiate', 'end']);
  });

  it('rings before initiate_call is in a block', async () => {
    const env = setup();

    env.chains[ALICE]!.gate(true);
    const ringing = incoming(env.managers[BOB]!);

    const caller = await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    assert.equal(callee.state, 'ringing');
    assert.equal(caller.chainCallId, null);
    env.chains[ALICE]!.release();
  });

  it('accepts on chain once an early accept learns the call id', async () => {
    const env = setup();

    env.chains[ALICE]!.gate(true);
    const ringing = incoming(env.managers[BOB]!);

    await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    await callee.accept();
    await settle();

    for (const media of env.media.made) media.setConnectionState('connected');

    assert.equal(callee.state, 'connected');
    assert.deepEqual(env.chains[BOB]!.names(), []);

    env.chains[ALICE]!.release();
    await settle();

    assert.deepEqual(env.chains[BOB]!.names(), ['voiceCall.acceptCall']);
    assert.deepEqual(env.chains[BOB]!.sent[0]!.args, [CHAIN_ID]);
  });

  it('rejects on chain with the reason', async () => {
    const env = setup();
    const ringing = incoming(env.managers[BOB]!);

    await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    await settle();

    await callee.reject('decline');
    await settle();

    assert.deepEqual(env.chains[BOB]!.names(), ['voiceCall.rejectCall']);
    assert.deepEqual(env.chains[BOB]!.sent[0]!.args, [CHAIN_ID, 'Decline']);
  });

  for (const [module, code] of [
    ['InsufficientBalance', 'CALL_INSUFFICIENT_BALANCE'],
    ['UserBusy', 'CALL_CHAIN_BUSY'],
    ['UserBlocked', 'CALL_BLOCKED'],
  ] as const) {
    it(`ends the call on ${module} with ${code}`, async () => {
      const env = setup();
      const error = ChainError.dispatchFailed(
        'voiceCall.initiateCall',
        { pallet: 'voiceCall', name: module, docs: '' },
        '0x01',
        '0x02',
      );

      env.chains[ALICE]!.fail(error);
      const ringing = incoming(env.managers[BOB]!);

      const caller = await env.managers[ALICE]!.call(BOB);
      const callee = await ringing;

      await settle();

      assert.equal(caller.state, 'ended');
      assert.equal(
        caller.summary!.reason,
        code === 'CALL_INSUFFICIENT_BALANCE' ? 'cancelled' : 'rejected',
      );
      assert.equal(callee.state, 'ended');
      assert.deepEqual(env.chains[ALICE]!.names(), ['voiceCall.initiateCall']);
    });
  }

  it('keeps the call and retries when the chain is unreachable', async () => {
    const env = setup();

    env.chains[ALICE]!.fail(
      new StardustError('CHAIN_UNREACHABLE', 'down'),
      new StardustError('CHAIN_UNREACHABLE', 'down'),
    );
    const ringing = incoming(env.managers[BOB]!);
    const caller = await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    await settle();

    assert.equal(env.recorders[ALICE]!.record(caller)!.pending, true);
    assert.equal(caller.state, 'ringing');

    await callee.accept();
    await settle();

    for (const media of env.media.made) media.setConnectionState('connected');
    env.clock.advance(2_000);
    await settle();
    env.clock.advance(5_000);
    await settle();

    assert.equal(caller.state, 'connected');
    assert.equal(env.recorders[ALICE]!.record(caller)!.pending, false);
    assert.deepEqual(env.chains[ALICE]!.names(), [
      'voiceCall.initiateCall',
      'voiceCall.initiateCall',
      'voiceCall.initiateCall',
    ]);
    assert.deepEqual(env.chains[BOB]!.names(), ['voiceCall.acceptCall']);
  });

  it('emits one settled outcome after end_call', async () => {
    const env = setup();
    const outcomes: CallChainOutcome[] = [];

    env.recorders[ALICE]!.on('outcome', (outcome) => outcomes.push(outcome));
    const ringing = incoming(env.managers[BOB]!);
    const caller = await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    await settle();
    await callee.accept();
    await settle();

    for (const media of env.media.made) media.setConnectionState('connected');
    await caller.hangup();
    await settle();
    await settle();

    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]!.session, caller);
    assert.equal(outcomes[0]!.status, 'settled');
    assert.equal(outcomes[0]!.error, null);
    assert.deepEqual(outcomes[0]!.record.finalized, ['initiate', 'end']);
    assert.equal(outcomes[0]!.record.ended!.duration, 65);
    assert.equal(outcomes[0]!.record.ended!.fee, 20_000_000_000n);
    assert.equal(outcomes[0]!.record.reward, 5_000_000_000n);
  });

  it('reports a refused end_call as a failed outcome', async () => {
    const env = setup();
    const outcomes: CallChainOutcome[] = [];

    env.recorders[ALICE]!.on('outcome', (outcome) => outcomes.push(outcome));
    env.chains[ALICE]!.fail(null, new StardustError('TX_INVALID', 'cannot pay the fee'));
    const ringing = incoming(env.managers[BOB]!);
    const caller = await env.managers[ALICE]!.call(BOB);
    const callee = await ringing;

    await settle();
    await callee.accept();
    await settle();

    for (const media of env.media.made) media.setConnectionState('connected');
    await caller.hangup();
    await settle();
    await settle();

    assert.deepEqual(env.chains[ALICE]!.names(), ['voiceCall.initiateCall', 'voiceCall.endCall']);
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]!.status, 'failed');
    assert.equal(outcomes[0]!.error!.code, 'TX_INVALID');
    assert.equal(outcomes[0]!.record.ended, null);
    assert.deepEqual(outcomes[0]!.record.finalized, ['initiate']);
  });

  it('emits a none outcome for a call never on chain', async () => {
    const env = setup();
    const outcomes: CallChainOutcome[] = [];

    env.recorders[ALICE]!.on('outcome', (outcome) => outcomes.push(outcome));
    env.hub.offline.add(BOB);

    await assert.rejects(env.managers[ALICE]!.call(BOB), { code: 'CALL_OFFLINE' });
    await settle();

    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]!.status, 'none');
    assert.equal(outcomes[0]!.record.chainCallId, null);
  });

  it('starts no chain call when it yields in glare first', async () => {
    const env = setup();

    const [alice, bob] = await Promise.all([
      env.managers[ALICE]!.call(BOB),
      env.managers[BOB]!.call(ALICE),
    ]);

    await settle();
    await settle();

    // Bob's key sorts lower, so Alice yields before the server acknowledged her invite.
    assert.equal(alice.callId, bob.callId);
    assert.deepEqual(env.chains[ALICE]!.names(), ['voiceCall.acceptCall']);
    assert.deepEqual(env.chains[ALICE]!.sent[0]!.args, [BOB_CHAIN_ID]);
    assert.deepEqual(env.chains[BOB]!.names(), ['voiceCall.initiateCall']);
  });

  it('ends its own chain call when it yields in glare', async () => {
    const env = setup();
    const alice = await env.managers[ALICE]!.call(BOB);

    await settle();

    assert.deepEqual(env.chains[ALICE]!.names(), ['voiceCall.initiateCall']);

    // Bob's crossing invite arrives after Alice's initiate_call: her key sorts higher, so
    // she yields and ends the chain call she started.
    const crossing = '0123456789abcdef0123456789abcdef';

    env.hub.inject(BOB, ALICE, { type: 'invite', callId: crossing, hd: false, callType: 'audio' });
    await settle();
    await settle();

    assert.equal(alice.callId, crossing);
    assert.deepEqual(env.chains[ALICE]!.names(), ['voiceCall.initiateCall', 'voiceCall.endCall']);
    assert.deepEqual(env.chains[ALICE]!.sent[1]!.args, [CHAIN_ID]);
  });

  it('submits nothing when the callee is offline', async () => {
    const env = setup();

    env.hub.offline.add(BOB);

    await assert.rejects(env.managers[ALICE]!.call(BOB), { code: 'CALL_OFFLINE' });
    await settle();

    assert.deepEqual(env.chains[ALICE]!.names(), []);
  });
});
