import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { CallChainRecorder } from '../../src/call/call-chain.js';
import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { fakeMediaFactory, FakeSignalingHub } from '../support/call-fakes.js';
import { DEVNET_SKIP, startDevnetFixture, type ChainFixture } from '../support/chain-fixtures.js';
import { devnetRpc, recordReaches } from '../support/call-chain-helpers.js';

const DUST = 10n ** 12n;

describe('CallChainRecorder on the devnet', { skip: DEVNET_SKIP ?? false }, () => {
  let fixture: ChainFixture;
  let chain: ChainClient;

  before(async () => {
    fixture = await startDevnetFixture();
    chain = new ChainClient({ url: fixture.url });
    await chain.connect();
  });

  after(async () => {
    await chain?.dispose();
    await fixture?.close();
  });

  it('settles duration, fee and reward by chain time', async () => {
    const callerSigner = await createDevSigner('//CallRecorderA');
    const calleeSigner = await createDevSigner('//CallRecorderB');

    await fixture.fund(callerSigner.account.address, 100n * DUST);
    await fixture.fund(calleeSigner.account.address, 100n * DUST);
    const hub = new FakeSignalingHub();
    const media = fakeMediaFactory();
    const caller = new CallManager({
      signaling: hub.connect(callerSigner.account.address),
      createMedia: media.create,
    });
    const callee = new CallManager({
      signaling: hub.connect(calleeSigner.account.address),
      createMedia: media.create,
    });
    const callerRecorder = new CallChainRecorder({
      voiceCall: chain.voiceCall,
      sender: new WalletSender(chain, callerSigner),
    });
    const calleeRecorder = new CallChainRecorder({
      voiceCall: chain.voiceCall,
      sender: new WalletSender(chain, calleeSigner),
    });

    callerRecorder.attachManager(caller);
    calleeRecorder.attachManager(callee);
    const ringing = new Promise<CallSession>((resolve) =>
      callee.once('incoming', ({ session }) => resolve(session)),
    );

    const outgoing = await caller.call(calleeSigner.account.address);
    const incoming = await ringing;

    await incoming.accept();

    for (const made of media.made) made.setConnectionState('connected');
    await recordReaches(calleeRecorder, incoming, (r) => r.finalized.includes('accept'));
    const active = await chain.voiceCall.activeCall(outgoing.chainCallId!);

    await devnetRpc(fixture.url, 'dev_timeTravel', [active!.startedAt! + 125_000]);
    await outgoing.hangup();
    const record = await recordReaches(callerRecorder, outgoing, (r) => r.ended !== null);

    assert.equal(incoming.chainCallId, outgoing.chainCallId);
    assert.equal(active!.state, 'Connected');
    assert.equal(record.ended!.duration, 125);
    // Three started minutes at 0.01 DUST; two full minutes of mining at 0.005 DUST.
    assert.equal(record.ended!.fee, 3n * 10n ** 10n);
    assert.equal(record.reward, 2n * 5n * 10n ** 9n);
    assert.deepEqual(record.finalized, ['initiate', 'end']);
    assert.equal(await chain.voiceCall.currentCall(callerSigner.account.address), null);
    caller.dispose();
    callee.dispose();
  });
});
