// The devnet dies during a call. The call goes on over signaling, because it never waits
// for a block. The chain recorder's transaction fails with a code and the record turns
// pending. Once the devnet is back from its state file, the recorder's retry (on a fake
// clock) settles the call on chain. The second case loses the result of `end_call` after it was
// included, which a retry must recognise instead of failing.
//
// NOTE: the calls run over the fake signaling hub and fake media until the call layer is
// wired to the signaling client; the chain side is the real devnet process.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { CallChainRecorder } from '../../src/call/call-chain.js';
import { CallManager } from '../../src/call/call-manager.js';
import type { CallSession } from '../../src/call/call-session.js';
import { ChainClient } from '../../src/chain/chain-client.js';
import type { TxProgress, TxSender } from '../../src/chain/types.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { FakeClock, fakeMediaFactory, FakeSignalingHub } from '../support/call-fakes.js';
import { freePort } from '../support/redis.js';
import {
  startDevnetProcess,
  type DevnetUrls,
  type ServiceProcess,
} from '../support/service-process.js';
import { recordReaches } from '../support/call-chain-helpers.js';

/** The recorder's first retry delay after an unreachable chain. */
const FIRST_RETRY_MS = 2_000;

let stateDir: string;
let port: number;
let devnet: ServiceProcess<DevnetUrls>;
let chain: ChainClient;
const clock = new FakeClock();
/** Called with every progress event of the caller's transactions. */
let onCallerProgress: ((progress: TxProgress) => void) | undefined;

function startChain(): Promise<ServiceProcess<DevnetUrls>> {
  return startDevnetProcess({
    port,
    blockTimeMs: 0,
    stateFile: join(stateDir, 'devnet', 'chain.json'),
  });
}

async function chainConnected(): Promise<void> {
  const api = await chain.api();

  if (api.isConnected) return;

  await new Promise<void>((resolve) => api.once('connected', () => resolve()));
}

/** Two parties with chain recorders; the caller's transactions pass through a hook. */
async function parties(callerSeed: string, calleeSeed: string) {
  const callerSigner = await createDevSigner(callerSeed);
  const calleeSigner = await createDevSigner(calleeSeed);
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
  const wallet = new WalletSender(chain, callerSigner);
  const hooked: TxSender = {
    account: wallet.account,
    send: (call, options = {}) =>
      wallet.send(call, {
        ...options,
        onProgress: (progress) => {
          onCallerProgress?.(progress);
          options.onProgress?.(progress);
        },
      }),
  };
  const callerRecorder = new CallChainRecorder({
    voiceCall: chain.voiceCall,
    sender: hooked,
    chain,
    clock,
  });
  const calleeRecorder = new CallChainRecorder({
    voiceCall: chain.voiceCall,
    sender: new WalletSender(chain, calleeSigner),
    chain,
    clock,
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

  await recordReaches(callerRecorder, outgoing, (record) => record.finalized.includes('initiate'));
  await recordReaches(calleeRecorder, incoming, (record) => record.finalized.includes('accept'));

  return {
    caller,
    callee,
    outgoing,
    incoming,
    callerRecorder,
    callerAccount: callerSigner.account.address,
    dispose() {
      caller.dispose();
      callee.dispose();
      callerRecorder.dispose();
      calleeRecorder.dispose();
    },
  };
}

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'stardust-call-faults-'));
  port = await freePort();
  devnet = await startChain();
  chain = new ChainClient({ url: devnet.urls.url });
  await chain.connect();
});

after(async () => {
  await chain?.dispose();
  await devnet?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('devnet restart during a call', { timeout: 180_000 }, () => {
  it('keeps the call and settles it on chain once the devnet is back', async () => {
    const call = await parties('//Alice', '//Bob');

    await devnet.kill();
    assert.equal(call.outgoing.state, 'connected');
    assert.equal(call.incoming.state, 'connected');

    const pending = recordReaches(call.callerRecorder, call.outgoing, (record) => record.pending);

    await call.outgoing.hangup();

    const waiting = await pending;

    assert.equal(call.outgoing.summary?.reason, 'normal');
    assert.equal(call.incoming.state, 'ended');
    assert.ok(
      waiting.error?.code === 'TX_DROPPED' || waiting.error?.code === 'CHAIN_UNREACHABLE',
      `the tracker reported ${waiting.error?.code}`,
    );

    devnet = await startChain();
    await chainConnected();

    const settled = recordReaches(
      call.callerRecorder,
      call.outgoing,
      (record) => record.ended !== null,
    );

    clock.advance(FIRST_RETRY_MS);

    const record = await settled;

    assert.deepEqual(record.finalized, ['initiate', 'end']);
    assert.equal(record.pending, false);
    assert.equal(await chain.voiceCall.currentCall(call.callerAccount), null);
    call.dispose();
  });

  it('recognises an end_call that landed before the devnet died', async () => {
    const call = await parties('//Charlie', '//Dave');

    // end_call is in a block (written to the state file) when the devnet dies.
    onCallerProgress = (progress) => {
      if (progress.stage !== 'inBlock') return;

      onCallerProgress = undefined;
      devnet.signal('SIGSTOP');
      setImmediate(() => void devnet.kill());
    };

    const pending = recordReaches(call.callerRecorder, call.outgoing, (record) => record.pending);

    await call.outgoing.hangup();
    await pending;

    devnet = await startChain();
    await chainConnected();

    // Done once `end` is final, or once a retry failed for good.
    const done = recordReaches(
      call.callerRecorder,
      call.outgoing,
      (record) =>
        record.finalized.includes('end') ||
        (record.error !== null && !['TX_DROPPED', 'CHAIN_UNREACHABLE'].includes(record.error.code)),
    );

    clock.advance(FIRST_RETRY_MS);

    const record = await done;

    assert.equal(await chain.voiceCall.currentCall(call.callerAccount), null);
    assert.deepEqual(
      record.finalized,
      ['initiate', 'end'],
      `the retry ended with ${record.error?.code}`,
    );
    assert.equal(record.pending, false);
    assert.ok(record.ended !== null, 'the settlement of the call was lost');
    call.dispose();
  });
});
