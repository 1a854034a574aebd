// A call to an account with no signaling session, on the devnet and the real signaling
// server: the server replies to the invite with CALL_BUSY { OFFLINE }, the call ends with
// CALL_OFFLINE, and the caller's recorder submits no initiate_call, so the caller's nonce
// and balance stay as they were. The same callee, once connected, rings on the next try.
// Media is the fake from call-fakes.ts; the chain and the signaling server are real.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { CallChainRecorder, type VoiceCallCalls } from '../../src/call/call-chain.js';
import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { SignalingCallAdapter } from '../../src/call/signaling-adapter.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { fromHex } from '../../src/shared/bytes.js';
import { SignalingClient, type WebSocketFactory } from '../../src/signaling/signaling-client.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { memorySessionStorage, rawSignerOf, SessionManager } from '../../src/wallet/session.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { fakeMediaFactory } from '../support/call-fakes.js';
import { recordReaches } from '../support/call-chain-helpers.js';
import { ended, nextSessionEnded } from '../support/call-waits.js';
import { DEVNET_SKIP, startDevnetFixture, type ChainFixture } from '../support/chain-fixtures.js';
import { TEST_ORIGIN } from '../support/raw-signal-client.js';

const DUST = 10n ** 12n;

describe(
  'calling an offline account on the devnet',
  { skip: DEVNET_SKIP ?? false, timeout: 60_000 },
  () => {
    let fixture: ChainFixture;
    let chain: ChainClient;
    let server: SignalingServerHandle;
    const open: Array<() => Promise<void>> = [];

    before(async () => {
      fixture = await startDevnetFixture();
      chain = new ChainClient({ url: fixture.url });
      await chain.connect();
      server = await startSignalingServer({
        port: 0,
        genesisHash: fixture.genesisHash,
        logLevel: 'silent',
      });
    });

    after(async () => {
      for (const close of open.splice(0)) await close();

      await server?.close();
      await chain?.dispose();
      await fixture?.close();
    });

    /**
     * Returns a funded account with calls recorded on chain through its wallet. `initiated` counts
     * the initiate_call transactions its recorder built.
     */
    async function party(name: string) {
      const signer = await createDevSigner(`//${name}`);

      await fixture.fund(signer.account.address, 10n * DUST);

      const signaling = new SignalingClient({
        url: server.url,
        session: new SessionManager({
          wallet: rawSignerOf(signer),
          genesisHash: fromHex(fixture.genesisHash),
          origin: TEST_ORIGIN,
          storage: memorySessionStorage(),
        }),
        WebSocket: WebSocket as unknown as WebSocketFactory,
      });
      const adapter = new SignalingCallAdapter({ signaling, account: signer.account.address });
      const manager = new CallManager({
        signaling: adapter,
        createMedia: fakeMediaFactory().create,
        connect: () => signaling.connect(),
      });
      const counts = { initiated: 0 };
      const voiceCall: VoiceCallCalls = {
        initiateCall: (callee, callType) => {
          counts.initiated += 1;

          return chain.voiceCall.initiateCall(callee, callType);
        },
        acceptCall: (callId) => chain.voiceCall.acceptCall(callId),
        rejectCall: (callId, reason) => chain.voiceCall.rejectCall(callId, reason),
        endCall: (callId) => chain.voiceCall.endCall(callId),
      };
      const recorder = new CallChainRecorder({
        voiceCall,
        sender: new WalletSender(chain, signer),
        chain,
      });

      recorder.attachManager(manager);
      open.push(async () => {
        recorder.dispose();
        manager.dispose();
        adapter.dispose();
        await signaling.close();
      });

      return { address: signer.account.address, signaling, manager, recorder, counts };
    }

    it('submits no initiate_call to an offline callee', async () => {
      const caller = await party('OfflineCaller');
      const callee = await party('OfflineCallee');
      const before = await chain.balances.account(caller.address);
      const offline = nextSessionEnded(caller.manager);

      const session = await caller.manager.call(callee.address);
      const context = await offline;

      assert.equal(context.reason, 'rejected');
      assert.equal(context.rejectReason, 'offline');
      assert.equal(context.error?.code, 'CALL_OFFLINE');
      assert.equal(caller.counts.initiated, 0);
      assert.deepEqual(caller.recorder.record(session)!.finalized, []);
      assert.equal(caller.recorder.record(session)!.chainCallId, null);
      assert.equal(await chain.nextNonce(caller.address), before.nonce);
      const after = await chain.balances.account(caller.address);

      assert.equal(after.nonce, before.nonce);
      assert.equal(after.free, before.free);
      assert.equal(await chain.voiceCall.currentCall(caller.address), null);

      // The callee comes online: the next try rings, and only then is the call on chain.
      await callee.manager.listen();
      const ringing = new Promise<CallSession>((resolve) =>
        callee.manager.once('incoming', ({ session: incoming }) => resolve(incoming)),
      );

      const retry = await caller.manager.call(callee.address);
      const incoming = await ringing;
      const record = await recordReaches(caller.recorder, retry, (r) => r.chainCallId !== null);

      assert.equal(incoming.state, 'ringing');
      assert.equal(retry.state, 'ringing');
      assert.deepEqual(record.finalized, ['initiate']);
      assert.equal(caller.counts.initiated, 1);
      assert.equal((await chain.balances.account(caller.address)).nonce, before.nonce + 1);
      assert.equal(await chain.voiceCall.currentCall(caller.address), record.chainCallId);

      const rejected = ended(retry);

      await incoming.reject('decline');
      assert.equal((await rejected).reason, 'rejected');
    });
  },
);
