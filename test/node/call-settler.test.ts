// The signaling server's built-in settler on the devnet: when both parties of a connected
// call lose their sockets, the server ends the call and its CallSettler account submits
// settle_call with the duration the server observed, which the pallet caps by chain time.
// Media is the fake from call-fakes.ts; the chain and the signaling server are real.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import WebSocket from 'ws';

import { CallChainRecorder } from '../../src/call/call-chain.js';
import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { SignalingCallAdapter } from '../../src/call/signaling-adapter.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { fromHex } from '../../src/shared/bytes.js';
import { SignalingClient, type WebSocketFactory } from '../../src/signaling/signaling-client.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { memorySessionStorage, rawSignerOf, SessionManager } from '../../src/wallet/session.js';
import type { SettlementOutcome } from '../../server/signaling/chain-settler.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { fakeMediaFactory } from '../support/call-fakes.js';
import { DEVNET_SKIP, startDevnetFixture, type ChainFixture } from '../support/chain-fixtures.js';
import { TEST_ORIGIN } from '../support/raw-signal-client.js';
import { devnetRpc, recordReaches } from '../support/call-chain-helpers.js';

const DUST = 10n ** 12n;
const FEE_PER_MINUTE = DUST / 100n;

describe(
  'settling vanished calls on the devnet',
  { skip: DEVNET_SKIP ?? false, timeout: 60_000 },
  () => {
    let fixture: ChainFixture;
    let chain: ChainClient;
    let server: SignalingServerHandle;
    /** The signaling server's clock: real time until a test moves it. */
    let serverNow: number | null = null;

    before(async () => {
      fixture = await startDevnetFixture();
      chain = new ChainClient({ url: fixture.url });
      await chain.connect();
      server = await startSignalingServer({
        port: 0,
        genesisHash: fixture.genesisHash,
        logLevel: 'silent',
        settlerSeed: '//CallSettler',
        chainUrl: fixture.url,
        vanishGraceMs: 50,
        now: () => serverNow ?? Date.now(),
      });
    });

    after(async () => {
      await server?.close();
      await chain?.dispose();
      await fixture?.close();
    });

    /** Places a call from `//<a>` to `//<b>`, accepted and recorded on chain by both. */
    async function connectedCall(a: string, b: string) {
      const parties = await Promise.all(
        [a, b].map(async (name) => {
          const signer = await createDevSigner(`//${name}`);

          await fixture.fund(signer.account.address, 100n * DUST);

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
          const media = fakeMediaFactory();
          const manager = new CallManager({
            signaling: adapter,
            createMedia: media.create,
            connect: () => signaling.connect(),
          });
          const recorder = new CallChainRecorder({
            voiceCall: chain.voiceCall,
            sender: new WalletSender(chain, signer),
            chain,
          });

          recorder.attachManager(manager);

          return { signer, signaling, adapter, manager, media, recorder };
        }),
      );
      const [caller, callee] = parties as [(typeof parties)[0], (typeof parties)[0]];

      await callee.manager.listen();
      const ringing = new Promise<CallSession>((resolve) =>
        callee.manager.once('incoming', ({ session }) => resolve(session)),
      );
      const outgoing = await caller.manager.call(callee.signer.account.address);
      const incoming = await ringing;

      await incoming.accept();

      for (const made of [...caller.media.made, ...callee.media.made])
        made.setConnectionState('connected');

      await recordReaches(caller.recorder, outgoing, (r) => r.chainCallId !== null);
      await recordReaches(callee.recorder, incoming, (r) => r.finalized.includes('accept'));
      const active = await chain.voiceCall.activeCall(outgoing.chainCallId!);

      return {
        caller,
        callee,
        outgoing,
        incoming,
        chainCallId: outgoing.chainCallId!,
        startedAt: active!.startedAt!,
        async vanish() {
          for (const party of parties) {
            party.recorder.dispose();
            party.manager.dispose();
            party.adapter.dispose();
            await party.signaling.close();
          }
        },
      };
    }

    function nextSettlement(): Promise<SettlementOutcome> {
      return new Promise((resolve) => {
        const off = server.chainSettler!.onSettlement((outcome) => {
          off();
          resolve(outcome);
        });
      });
    }

    it('settles a vanished call by the observed duration', async () => {
      serverNow = Date.now();
      const call = await connectedCall('SettleA', 'SettleB');
      const settled = nextSettlement();

      await devnetRpc(fixture.url, 'dev_timeTravel', [call.startedAt + 200_000]);
      serverNow += 125_000;
      await call.vanish();
      const outcome = await settled;
      const history = await chain.voiceCall.callHistory(call.caller.signer.account.address);
      const record = history.find((entry) => entry.callId === call.chainCallId);

      assert.equal(outcome.outcome, 'settled');
      assert.equal(outcome.observedSeconds, 125);
      assert.equal(outcome.chainCallId, call.chainCallId);
      assert.equal(record?.duration, 125);
      assert.equal(record?.feePaid, 3n * FEE_PER_MINUTE);
      assert.equal(await chain.voiceCall.activeCall(call.chainCallId), null);
      serverNow = null;
    });

    it('reports fee and reward to the side that did not hang up', async () => {
      const call = await connectedCall('SettleE', 'SettleF');

      await devnetRpc(fixture.url, 'dev_timeTravel', [call.startedAt + 125_000]);
      await call.outgoing.hangup();
      const [callerRecord, calleeRecord] = await Promise.all([
        recordReaches(call.caller.recorder, call.outgoing, (r) => r.ended !== null),
        recordReaches(call.callee.recorder, call.incoming, (r) => r.ended !== null),
      ]);

      assert.equal(calleeRecord.finalized.includes('end'), false);
      assert.equal(calleeRecord.ended!.duration, 125);
      assert.equal(calleeRecord.ended!.fee, 3n * FEE_PER_MINUTE);
      assert.deepEqual(calleeRecord.ended!.reason, { type: 'Normal' });
      assert.equal(calleeRecord.reward, 2n * (DUST / 200n));
      assert.equal(callerRecord.reward, 2n * (DUST / 200n));
      await call.vanish();
    });

    it('caps the settled duration by chain time', async () => {
      serverNow = Date.now();
      const call = await connectedCall('SettleC', 'SettleD');
      const settled = nextSettlement();

      await devnetRpc(fixture.url, 'dev_timeTravel', [call.startedAt + 90_000]);
      serverNow += 125_000;
      await call.vanish();
      const outcome = await settled;
      const history = await chain.voiceCall.callHistory(call.callee.signer.account.address);
      const record = history.find((entry) => entry.callId === call.chainCallId);

      assert.equal(outcome.observedSeconds, 125);
      assert.equal(record?.duration, 90);
      assert.equal(record?.feePaid, 2n * FEE_PER_MINUTE);
      serverNow = null;
    });
  },
);
