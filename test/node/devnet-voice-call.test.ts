// VoiceCall, VoiceMining and Contacts on the devnet, through an unmodified ApiPromise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { TREASURY_ACCOUNT } from '../../server/devnet/index.js';
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  chainNow,
  DUST,
  eventData,
  freeBalance,
  rpc,
  startDevnetClient,
  submit,
  type DevnetFixture,
  type Inclusion,
} from '../support/devnet-client.js';

const FEE_PER_MINUTE = DUST / 100n;
const REWARD_PER_MINUTE = (DUST * 5n) / 1000n;

let chain: DevnetFixture;
let nextMember = 1;

/** Returns a fresh `//MemberN` account, so tests never share call state. */
function member() {
  const pair = chain.pair(`//Member${nextMember}`);

  nextMember += 1;

  return pair;
}

function callIdOf(inclusion: Inclusion): string {
  assert.equal(inclusion.error, undefined);

  return eventData(inclusion, 'voiceCall.CallInitiated').callId as string;
}

async function blockTimestamp(blockHash: string): Promise<number> {
  const at = await chain.api.at(blockHash);

  return Number((await at.query.timestamp.now()).toPrimitive());
}

async function startCall(caller = member(), callee = member()) {
  const initiated = await submit(
    chain,
    chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
    caller,
  );
  const callId = callIdOf(initiated);
  const accepted = await submit(chain, chain.api.tx.voiceCall.acceptCall(callId), callee);

  return { caller, callee, callId, startedAt: await blockTimestamp(accepted.blockHash) };
}

/**
 * Places a call nobody accepts and moves chain time past the ring timeout. Returns the hash of
 * the block whose `on_initialize` ends the call.
 */
async function timedOutCall() {
  const [caller, callee] = [member(), member()];
  const initiated = await submit(
    chain,
    chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
    caller,
  );
  const callId = callIdOf(initiated);

  await rpc(chain, 'dev_timeTravel', [(await blockTimestamp(initiated.blockHash)) + 60_000]);
  await rpc(chain, 'dev_newBlock', [{ count: 1 }]);

  const hash = await rpc<string>(chain, 'dev_newBlock', [{ count: 1 }]);

  return { caller, callee, callId, hash };
}

async function history(address: string, callId: string) {
  return (await chain.api.query.voiceCall.callHistory(address, callId)).toJSON() as Record<
    string,
    unknown
  > | null;
}

interface Reward {
  who: string;
  amount: bigint;
  callId: string;
}

/** Lists the `voiceMining.RewardPaid` events among `records`, in emission order. */
function rewardsIn(records: Inclusion['events']): Reward[] {
  return records
    .filter(({ event }) => event.section === 'voiceMining' && event.method === 'RewardPaid')
    .map(({ event }) => ({
      who: event.data[0]!.toString(),
      amount: BigInt(event.data[1]!.toString()),
      callId: event.data[2]!.toHex(),
    }));
}

/** Returns the events of the block `blockHash`, such as those `on_initialize` deposited. */
async function blockEvents(blockHash: string): Promise<Inclusion['events']> {
  const at = await chain.api.at(blockHash);

  return (await at.query.system.events()) as unknown as Inclusion['events'];
}

async function endAfter(
  call: { caller: ReturnType<typeof member>; callId: string; startedAt: number },
  seconds: number,
) {
  await rpc(chain, 'dev_timeTravel', [call.startedAt + seconds * 1000]);

  return submit(chain, chain.api.tx.voiceCall.endCall(call.callId), call.caller);
}

before(async () => {
  chain = await startDevnetClient({ devAccounts: 80 });
});

after(async () => {
  await chain.close();
});

describe('voiceCall success paths', () => {
  it('initiates a ringing call', async () => {
    const [caller, callee] = [member(), member()];

    const inclusion = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(callee.address, 'Video'),
      caller,
    );

    const callId = callIdOf(inclusion);
    const record = (await chain.api.query.voiceCall.activeCalls(callId)).toJSON() as Record<
      string,
      unknown
    >;

    assert.equal(inclusion.error, undefined);
    assert.equal(record.state, 'Ringing');
    assert.equal(record.callType, 'Video');
    assert.equal(record.startedAt, null);
    assert.equal(record.initiatedAt, await blockTimestamp(inclusion.blockHash));
    assert.equal((await chain.api.query.voiceCall.userCurrentCall(caller.address)).toHex(), callId);
    assert.equal((await chain.api.query.voiceCall.userCurrentCall(callee.address)).toHex(), callId);
  });

  it('accept connects and starts the clock', async () => {
    const call = await startCall();

    const record = (await chain.api.query.voiceCall.activeCalls(call.callId)).toJSON() as Record<
      string,
      unknown
    >;

    assert.equal(record.state, 'Connected');
    assert.equal(record.startedAt, call.startedAt);
  });

  it('charges the caller per started minute', async () => {
    const call = await startCall();
    const treasuryBefore = await freeBalance(chain, TREASURY_ACCOUNT);
    const callerBefore = await freeBalance(chain, call.caller.address);

    const ended = await endAfter(call, 90);

    const fee = eventData(ended, 'transactionPayment.TransactionFeePaid');
    const callEnded = eventData(ended, 'voiceCall.CallEnded');
    const txFee = BigInt(fee.actualFee as number);
    const record = await history(call.caller.address, call.callId);

    assert.equal(callEnded.duration, 90);
    assert.equal(BigInt(callEnded.fee as number), 2n * FEE_PER_MINUTE);
    assert.deepEqual(callEnded.reason, { normal: null });
    assert.equal(
      await freeBalance(chain, call.caller.address),
      callerBefore - txFee - 2n * FEE_PER_MINUTE + REWARD_PER_MINUTE,
    );
    assert.equal(
      await freeBalance(chain, TREASURY_ACCOUNT),
      treasuryBefore + txFee + 2n * FEE_PER_MINUTE - 2n * REWARD_PER_MINUTE,
    );
    assert.equal(record?.state, 'Ended');
    assert.equal(BigInt(record?.feePaid as number), 2n * FEE_PER_MINUTE);
    assert.deepEqual(await history(call.callee.address, call.callId), record);
    assert.equal((await chain.api.query.voiceCall.activeCalls(call.callId)).isEmpty, true);
    assert.equal(
      (await chain.api.query.voiceCall.userCurrentCall(call.caller.address)).isEmpty,
      true,
    );
    assert.equal(
      (await chain.api.query.voiceCall.userCurrentCall(call.callee.address)).isEmpty,
      true,
    );
  });

  it('charges one minute for a 60 s call', async () => {
    const call = await startCall();

    const ended = await endAfter(call, 60);

    assert.equal(BigInt(eventData(ended, 'voiceCall.CallEnded').fee as number), FEE_PER_MINUTE);
  });

  it('callee may end the call', async () => {
    const call = await startCall();

    await rpc(chain, 'dev_timeTravel', [call.startedAt + 5000]);

    const ended = await submit(chain, chain.api.tx.voiceCall.endCall(call.callId), call.callee);

    assert.equal(eventData(ended, 'voiceCall.CallEnded').duration, 5);
    assert.equal(BigInt(eventData(ended, 'voiceCall.CallEnded').fee as number), FEE_PER_MINUTE);
  });

  it('caller cancels a ringing call for free', async () => {
    const [caller, callee] = [member(), member()];
    const callId = callIdOf(
      await submit(chain, chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'), caller),
    );

    const ended = await submit(chain, chain.api.tx.voiceCall.endCall(callId), caller);

    const data = eventData(ended, 'voiceCall.CallEnded');

    assert.equal(data.duration, 0);
    assert.equal(data.fee, 0);
    assert.equal(ended.names.includes('balances.Transfer'), false);
  });

  it('reject ends a ringing call with the reason', async () => {
    const [caller, callee] = [member(), member()];
    const callId = callIdOf(
      await submit(chain, chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'), caller),
    );

    const rejected = await submit(chain, chain.api.tx.voiceCall.rejectCall(callId, 'Busy'), callee);

    assert.deepEqual(eventData(rejected, 'voiceCall.CallRejected').reason, 'Busy');
    assert.deepEqual(eventData(rejected, 'voiceCall.CallEnded').reason, { rejected: 'Busy' });
    assert.equal((await history(caller.address, callId))?.state, 'Ended');
  });

  it('either party updates the call quality', async () => {
    const call = await startCall();
    const quality = { avgBitrate: 24000, packetLoss: 2, jitter: 15, latency: 80 };

    const updated = await submit(
      chain,
      chain.api.tx.voiceCall.updateCallQuality(call.callId, quality),
      call.callee,
    );

    const record = (await chain.api.query.voiceCall.activeCalls(call.callId)).toJSON() as Record<
      string,
      unknown
    >;

    assert.deepEqual(eventData(updated, 'voiceCall.CallQualityUpdated').quality, quality);
    assert.deepEqual(record.quality, quality);
  });

  it('gives two calls of one pair in one block distinct ids', async () => {
    const [caller, callee] = [member(), member()];
    const nonce = Number((await chain.api.query.voiceCall.callNonce()).toPrimitive());
    // Call ids are blake2_128(caller ++ callee ++ CallNonce as u64 LE).
    const expectedFirst = blake2AsHex(
      new Uint8Array([
        ...caller.publicKey,
        ...callee.publicKey,
        ...chain.api.createType('u64', nonce).toU8a(),
      ]),
      128,
    );

    const batch = await submit(
      chain,
      chain.api.tx.utility.batchAll([
        chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
        chain.api.tx.voiceCall.endCall(expectedFirst),
        chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
      ]),
      caller,
    );

    const ids = batch.events
      .filter(({ event }) => event.method === 'CallInitiated')
      .map(({ event }) => event.data[0]!.toHex());

    assert.equal(batch.error, undefined);
    assert.equal(ids.length, 2);
    assert.equal(ids[0], expectedFirst);
    assert.notEqual(ids[0], ids[1]);
  });

  it('settler settles with the observed duration', async () => {
    const call = await startCall();

    await rpc(chain, 'dev_timeTravel', [call.startedAt + 200_000]);

    const settled = await submit(
      chain,
      chain.api.tx.voiceCall.settleCall(call.callId, 130),
      chain.pair('//CallSettler'),
    );

    const data = eventData(settled, 'voiceCall.CallEnded');

    assert.equal(data.duration, 130);
    assert.equal(BigInt(data.fee as number), 3n * FEE_PER_MINUTE);
    assert.deepEqual(data.reason, { settled: null });
  });

  it('pays mining rewards on a settled call', async () => {
    const call = await startCall();

    await rpc(chain, 'dev_timeTravel', [call.startedAt + 200_000]);

    const settled = await submit(
      chain,
      chain.api.tx.voiceCall.settleCall(call.callId, 130),
      chain.pair('//CallSettler'),
    );

    // 130 s settled is two full minutes for each party.
    assert.deepEqual(rewardsIn(settled.events), [
      { who: call.caller.address, amount: 2n * REWARD_PER_MINUTE, callId: call.callId },
      { who: call.callee.address, amount: 2n * REWARD_PER_MINUTE, callId: call.callId },
    ]);
  });

  it('caps a settled duration by chain time', async () => {
    const call = await startCall();

    await rpc(chain, 'dev_timeTravel', [call.startedAt + 45_000]);

    const settled = await submit(
      chain,
      chain.api.tx.voiceCall.settleCall(call.callId, 4000),
      chain.pair('//CallSettler'),
    );

    assert.equal(eventData(settled, 'voiceCall.CallEnded').duration, 45);
  });

  it("deletes only the sender's own history", async () => {
    const call = await startCall();

    await endAfter(call, 10);

    const deleted = await submit(
      chain,
      chain.api.tx.voiceCall.deleteCallHistory([call.callId, '0x' + '11'.repeat(16)]),
      call.caller,
    );

    assert.equal(eventData(deleted, 'voiceCall.CallHistoryDeleted').count, 1);
    assert.equal(await history(call.caller.address, call.callId), null);
    assert.notEqual(await history(call.callee.address, call.callId), null);
  });
});

describe('voiceCall timeouts', () => {
  it('ends an unanswered call after CallTimeout', async () => {
    const [caller, callee] = [member(), member()];
    const initiated = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
      caller,
    );
    const callId = callIdOf(initiated);
    const initiatedAt = await blockTimestamp(initiated.blockHash);

    // The second block starts with Timestamp.Now at 59 s: not yet expired.
    await rpc(chain, 'dev_timeTravel', [initiatedAt + 59_000]);
    await rpc(chain, 'dev_newBlock', [{ count: 2 }]);

    const stillRinging = (await chain.api.query.voiceCall.activeCalls(callId)).toJSON() as Record<
      string,
      unknown
    >;

    await rpc(chain, 'dev_timeTravel', [initiatedAt + 60_000]);

    // on_initialize reads the previous block's time, so the block after the deadline ends it.
    await rpc<string>(chain, 'dev_newBlock', [{ count: 2 }]);

    const record = await history(caller.address, callId);

    assert.equal(stillRinging.state, 'Ringing');
    assert.equal((await chain.api.query.voiceCall.activeCalls(callId)).isEmpty, true);
    assert.equal(record?.state, 'Ended');
    assert.equal(record?.duration, 0);
    assert.equal(BigInt(record?.feePaid as number), 0n);
    assert.equal((await chain.api.query.voiceCall.userCurrentCall(callee.address)).isEmpty, true);
  });

  it('reports CallTimeout and CallEnded in the ending block', async () => {
    const { callId, hash } = await timedOutCall();

    const events = (await (await chain.api.at(hash)).query.system.events()).toJSON() as Array<{
      phase: unknown;
      event: { index: string; data: unknown[] };
    }>;
    const initialization = events.filter(
      (record) =>
        record.phase === null || JSON.stringify(record.phase) === '{"initialization":null}',
    );
    const decoded = (
      (await (await chain.api.at(hash)).query.system.events()) as unknown as Array<{
        event: {
          section: string;
          method: string;
          data: Array<{ toHex(): string; toJSON(): unknown }>;
        };
      }>
    ).map(({ event }) => ({ name: `${event.section}.${event.method}`, data: event.data }));
    const timeout = decoded.find((event) => event.name === 'voiceCall.CallTimeout');
    const ended = decoded.find((event) => event.name === 'voiceCall.CallEnded');

    assert.ok(initialization.length >= 2);
    assert.equal(timeout?.data[0]?.toHex(), callId);
    assert.equal(ended?.data[0]?.toHex(), callId);
    assert.deepEqual(ended?.data[3]?.toJSON(), { timeout: null });
  });

  it('pays no reward for a timed-out call', async () => {
    const { caller, callee, callId, hash } = await timedOutCall();
    const events = await blockEvents(hash);
    const ended = events.find(
      ({ event }) => event.method === 'CallEnded' && event.data[0]!.toHex() === callId,
    );

    assert.equal(ended?.event.data[0]?.toHex(), callId);
    assert.equal(ended?.event.data[1]?.toString(), '0');

    // A call that never connected lasts 0 s, below the one-minute minimum for a reward.
    assert.deepEqual(rewardsIn(events), []);

    for (const party of [caller, callee]) {
      const stats = (await chain.api.query.voiceMining.userStats(party.address)).toJSON() as Record<
        string,
        unknown
      >;

      assert.equal(stats.totalCalls, 1, `totalCalls of ${party.address}`);
      assert.equal(BigInt(stats.earnedRewards as number), 0n, `earnedRewards of ${party.address}`);
    }
  });

  it('ends a call at MaxCallDuration', async () => {
    const call = await startCall();

    await rpc(chain, 'dev_timeTravel', [call.startedAt + 4 * 3600 * 1000]);
    await rpc(chain, 'dev_newBlock', [{ count: 1 }]);

    const hash = await rpc<string>(chain, 'dev_newBlock', [{ count: 1 }]);
    const events = await blockEvents(hash);
    const ended = events.find(
      ({ event }) => event.method === 'CallEnded' && event.data[0]!.toHex() === call.callId,
    );
    const record = await history(call.caller.address, call.callId);

    assert.equal(record?.state, 'Ended');
    assert.equal(record?.duration, 4 * 3600);
    assert.equal(BigInt(record?.feePaid as number), 240n * FEE_PER_MINUTE);
    assert.equal((await chain.api.query.voiceCall.activeCalls(call.callId)).isEmpty, true);
    assert.equal(ended?.event.data[0]?.toHex(), call.callId);
    assert.deepEqual(ended?.event.data[3]?.toJSON(), { maxDuration: null });

    // 240 full minutes would earn 1.2 DUST, so each party gets its whole daily cap of 0.5 DUST.
    // Calls that earlier tests left connected end in the same block, so keep only this one's.
    assert.ok(240n * REWARD_PER_MINUTE > DUST / 2n);
    assert.deepEqual(
      rewardsIn(events).filter((reward) => reward.callId === call.callId),
      [
        { who: call.caller.address, amount: DUST / 2n, callId: call.callId },
        { who: call.callee.address, amount: DUST / 2n, callId: call.callId },
      ],
    );
  });
});

describe('voiceCall errors', () => {
  it('rejects a busy callee with UserBusy', async () => {
    const call = await startCall();

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(call.callee.address, 'Audio'),
      member(),
    );

    assert.equal(failed.error, 'voiceCall.UserBusy');
  });

  it('rejects a busy caller with UserBusy', async () => {
    const call = await startCall();

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(member().address, 'Audio'),
      call.caller,
    );

    assert.equal(failed.error, 'voiceCall.UserBusy');
  });

  it('rejects an unknown call with CallNotFound', async () => {
    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.acceptCall('0x' + '42'.repeat(16)),
      member(),
    );

    assert.equal(failed.error, 'voiceCall.CallNotFound');
  });

  it('rejects a third party with Unauthorized', async () => {
    const call = await startCall();

    const failed = await submit(chain, chain.api.tx.voiceCall.endCall(call.callId), member());

    assert.equal(failed.error, 'voiceCall.Unauthorized');
  });

  it('rejects accept by the caller with Unauthorized', async () => {
    const [caller, callee] = [member(), member()];
    const callId = callIdOf(
      await submit(chain, chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'), caller),
    );

    const failed = await submit(chain, chain.api.tx.voiceCall.acceptCall(callId), caller);

    assert.equal(failed.error, 'voiceCall.Unauthorized');
  });

  it('rejects ending twice with CallAlreadyEnded', async () => {
    const call = await startCall();

    await endAfter(call, 1);

    const failed = await submit(chain, chain.api.tx.voiceCall.endCall(call.callId), call.caller);

    assert.equal(failed.error, 'voiceCall.CallAlreadyEnded');
  });

  it('rejects a caller who cannot pay a minute', async () => {
    const poor = chain.pair('//PoorCaller');

    await submit(
      chain,
      chain.api.tx.balances.transferKeepAlive(poor.address, DUST / 100n),
      chain.pair('//Alice'),
    );

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(member().address, 'Audio'),
      poor,
    );

    assert.equal(failed.error, 'voiceCall.InsufficientBalance');
    assert.equal((await chain.api.query.voiceCall.userCurrentCall(poor.address)).isEmpty, true);
  });

  it('rejects calling oneself', async () => {
    const caller = member();

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(caller.address, 'Audio'),
      caller,
    );

    assert.equal(failed.error, 'voiceCall.CannotCallSelf');
  });

  it('rejects reject after accept', async () => {
    const call = await startCall();

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.rejectCall(call.callId, 'Decline'),
      call.callee,
    );

    assert.equal(failed.error, 'voiceCall.InvalidCallState');
    assert.equal(
      (
        (await chain.api.query.voiceCall.activeCalls(call.callId)).toJSON() as Record<
          string,
          unknown
        >
      ).state,
      'Connected',
    );
  });

  it('rejects quality updates before connect', async () => {
    const [caller, callee] = [member(), member()];
    const callId = callIdOf(
      await submit(chain, chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'), caller),
    );

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.updateCallQuality(callId, {
        avgBitrate: 1,
        packetLoss: 0,
        jitter: 0,
        latency: 0,
      }),
      caller,
    );

    assert.equal(failed.error, 'voiceCall.InvalidCallState');
  });

  it('rejects over 100 history ids with TooManyCallIds', async () => {
    const ids = Array.from(
      { length: 101 },
      (_, index) => `0x${index.toString(16).padStart(32, '0')}`,
    );

    const failed = await submit(chain, chain.api.tx.voiceCall.deleteCallHistory(ids), member());

    assert.equal(failed.error, 'voiceCall.TooManyCallIds');
  });

  it('rejects settle_call from others with NotSettler', async () => {
    const call = await startCall();

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.settleCall(call.callId, 10),
      call.caller,
    );

    assert.equal(failed.error, 'voiceCall.NotSettler');
  });

  it('rejects a blocked caller with UserBlocked', async () => {
    const [caller, callee] = [member(), member()];

    await submit(chain, chain.api.tx.contacts.block(caller.address), callee);

    const failed = await submit(
      chain,
      chain.api.tx.voiceCall.initiateCall(callee.address, 'Audio'),
      caller,
    );

    assert.equal(failed.error, 'voiceCall.UserBlocked');
  });
});

describe('contacts', () => {
  it('blocks and unblocks', async () => {
    const [who, other] = [member(), member()];

    const blocked = await submit(chain, chain.api.tx.contacts.block(other.address), who);
    const stored = (await chain.api.query.contacts.blocked(who.address, other.address)).isEmpty;
    const unblocked = await submit(chain, chain.api.tx.contacts.unblock(other.address), who);

    assert.deepEqual(eventData(blocked, 'contacts.UserBlocked'), {
      who: who.address,
      blocked: other.address,
    });
    assert.equal(stored, false);
    assert.deepEqual(eventData(unblocked, 'contacts.UserUnblocked'), {
      who: who.address,
      unblocked: other.address,
    });
    assert.equal((await chain.api.query.contacts.blocked.keys(who.address)).length, 0);
  });

  it('rejects block errors by name', async () => {
    const [who, other] = [member(), member()];

    await submit(chain, chain.api.tx.contacts.block(other.address), who);

    assert.equal(
      (await submit(chain, chain.api.tx.contacts.block(other.address), who)).error,
      'contacts.AlreadyBlocked',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.contacts.block(who.address), who)).error,
      'contacts.CannotBlockSelf',
    );
    assert.equal(
      (await submit(chain, chain.api.tx.contacts.unblock(member().address), who)).error,
      'contacts.NotBlocked',
    );
  });
});

describe('voiceMining', () => {
  async function nextDay(): Promise<void> {
    const now = await chainNow(chain);

    await rpc(chain, 'dev_timeTravel', [(Math.floor(now / 86_400_000) + 1) * 86_400_000 + 1000]);
    await rpc(chain, 'dev_newBlock', [{ count: 1 }]);
  }

  it('pays each party per full minute', async () => {
    await nextDay();

    const call = await startCall();

    const ended = await endAfter(call, 150);

    const rewards = ended.events
      .filter(({ event }) => event.method === 'RewardPaid')
      .map(({ event }) => event.data.toJSON() as unknown[]);
    const stats = (
      await chain.api.query.voiceMining.userStats(call.callee.address)
    ).toJSON() as Record<string, unknown>;

    assert.equal(rewards.length, 2);
    assert.deepEqual(
      rewards.map((data) => BigInt(data[1] as number)),
      [2n * REWARD_PER_MINUTE, 2n * REWARD_PER_MINUTE],
    );
    assert.equal(rewards[0]![2], call.callId);
    assert.equal(stats.totalCalls, 1);
    assert.equal(stats.totalDuration, 150);
    assert.equal(BigInt(stats.earnedRewards as number), 2n * REWARD_PER_MINUTE);
  });

  it('pays nothing below a minute', async () => {
    const call = await startCall();

    const ended = await endAfter(call, 59);

    assert.equal(ended.names.includes('voiceMining.RewardPaid'), false);
  });

  it('rewards one call per pair per day', async () => {
    await nextDay();

    const [a, b] = [member(), member()];
    const first = await endAfter(await startCall(a, b), 120);
    const second = await endAfter(await startCall(b, a), 120);

    await nextDay();

    const nextDayCall = await endAfter(await startCall(a, b), 120);

    assert.equal(first.names.filter((name) => name === 'voiceMining.RewardPaid').length, 2);
    assert.equal(second.names.includes('voiceMining.RewardPaid'), false);
    assert.equal(nextDayCall.names.filter((name) => name === 'voiceMining.RewardPaid').length, 2);
  });

  it('caps rewards at the daily cap', async () => {
    await nextDay();

    const talker = member();
    const first = await endAfter(await startCall(talker, member()), 60 * 60);
    const second = await endAfter(await startCall(talker, member()), 60 * 60);
    const third = await endAfter(await startCall(talker, member()), 60 * 60);

    const paidTo = (inclusion: Inclusion) =>
      inclusion.events
        .filter(
          ({ event }) =>
            event.method === 'RewardPaid' && event.data[0]!.toString() === talker.address,
        )
        .map(({ event }) => BigInt(event.data[1]!.toString()));
    const stats = (await chain.api.query.voiceMining.userStats(talker.address)).toJSON() as Record<
      string,
      unknown
    >;

    assert.deepEqual(paidTo(first), [60n * REWARD_PER_MINUTE]);
    assert.deepEqual(paidTo(second), [DUST / 2n - 60n * REWARD_PER_MINUTE]);
    assert.deepEqual(paidTo(third), []);
    assert.equal(BigInt(stats.dailyEarned as number), DUST / 2n);
    assert.equal(stats.dailyDuration, 3 * 3600);
  });
});
