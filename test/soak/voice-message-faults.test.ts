// Voice messages when their servers fail. The IPFS node and the devnet run in their own
// processes and are frozen and killed in the middle of a send:
//
// - IPFS dies while the envelope is being uploaded: the outbox keeps the message, retries
//   within its policy's first delay (checked on a fake clock), and delivers it once the node
//   is back on the same blocks;
// - the devnet dies while the chain transaction is being submitted: the transaction tracker
//   reports the failure with a code, the message stays in the outbox, and it is sent exactly
//   once after the devnet restarts from its state file.
//
// Each time the receiver finds the message in its chain inbox and opens it from the gateway.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { ChainClient } from '../../src/chain/chain-client.js';
import type { TxProgress, TxSender } from '../../src/chain/types.js';
import { WalletSender } from '../../src/chain/wallet-sender.js';
import { chainDelivery } from '../../src/message/chain-delivery.js';
import { generateDeviceKeys } from '../../src/message/device-keys.js';
import { sealVoiceMessage } from '../../src/message/envelope.js';
import { IpfsClient } from '../../src/message/ipfs-client.js';
import { VoiceMessageReader } from '../../src/message/message-reader.js';
import { Outbox } from '../../src/message/outbox.js';
import { CiphertextCache } from '../../src/message/store/ciphertext-cache.js';
import { MessageStore, type OutboxRecord } from '../../src/message/store/message-store.js';
import { type ErrorCode, hasErrorCode } from '../../src/shared/errors.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { FakeClock } from '../support/fake-clock.js';
import { encodeWithOpusRecorder, testTone } from '../support/opus-recorder-node.js';
import { freePort } from '../support/redis.js';
import {
  startDevnetProcess,
  startIpfsProcess,
  type DevnetUrls,
  type IpfsUrls,
  type ServiceProcess,
} from '../support/service-process.js';

/** The outbox's default policy: the first retry waits at most 1 s (full jitter). */
const FIRST_RETRY_CAP_MS = 1000;

let stateDir: string;
let ipfsPorts: { apiPort: number; gatewayPort: number };
let devnetPort: number;
let ipfsNode: ServiceProcess<IpfsUrls>;
let devnet: ServiceProcess<DevnetUrls>;
let chain: ChainClient;
let ipfs: IpfsClient;
let audio: Uint8Array;
let alice: Awaited<ReturnType<typeof createDevSigner>>;
let bob: string;
let bobKeys: Awaited<ReturnType<typeof generateDeviceKeys>>;
let bobReader: VoiceMessageReader;
const clock = new FakeClock(Date.now());
/** Progress of every transaction the outbox submitted. */
const progress: TxProgress[] = [];
/** Set by a test to act at the moment the outbox submits its transaction. */
let onSubmit: (() => void) | undefined;
/** Set by a test to act at the moment the outbox starts an upload. */
let onUpload: (() => void) | undefined;
let outbox: Outbox;

function startIpfsNode(): Promise<ServiceProcess<IpfsUrls>> {
  return startIpfsProcess({ stateDir: join(stateDir, 'ipfs'), ...ipfsPorts });
}

function startChain(): Promise<ServiceProcess<DevnetUrls>> {
  return startDevnetProcess({
    port: devnetPort,
    blockTimeMs: 0,
    stateFile: join(stateDir, 'devnet', 'chain.json'),
  });
}

/** Resolves once the chain client's connection to the node is up again. */
async function chainConnected(): Promise<void> {
  const api = await chain.api();

  if (api.isConnected) return;

  await new Promise<void>((resolve) => api.once('connected', () => resolve()));
}

async function seal(label: string): Promise<Uint8Array> {
  return sealVoiceMessage({
    sender: alice.account.address,
    payload: {
      audio,
      mimeType: 'audio/ogg; codecs=opus',
      durationMs: 1420,
      waveform: new TextEncoder().encode(label),
      recordedAt: clock.now(),
    },
    recipients: [
      { account: bob, deviceId: bobKeys.deviceId, encryptionKey: bobKeys.encryptionPublicKey },
    ],
    burn: false,
  });
}

/** Chain messages from Alice to Bob carrying `cid`. */
async function onChain(cid: string): Promise<number> {
  let count = 0;

  for (const id of await chain.chat.outbox(alice.account.address)) {
    const message = await chain.chat.message(id);

    if (message?.messageType.type === 'Voice' && message.messageType.metadata.cid === cid) {
      count += 1;
    }
  }

  return count;
}

/** Moves the fake clock to the item's next attempt and waits for the pass it starts. */
async function retryDue(item: OutboxRecord): Promise<OutboxRecord> {
  clock.advance(Math.max(0, item.nextAttemptAt - clock.now()));
  await outbox.processNow();

  return (await outbox.get(item.id))!;
}

before(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'stardust-message-faults-'));
  ipfsPorts = { apiPort: await freePort(), gatewayPort: await freePort() };
  devnetPort = await freePort();
  [ipfsNode, devnet] = await Promise.all([startIpfsNode(), startChain()]);
  chain = new ChainClient({ url: devnet.urls.url });
  await chain.connect();
  ipfs = new IpfsClient({ apiUrl: ipfsNode.urls.apiUrl, gateways: [ipfsNode.urls.gatewayUrl] });
  audio = await encodeWithOpusRecorder(testTone(1.5));
  alice = await createDevSigner('//Alice');
  bob = (await createDevSigner('//Bob')).account.address;
  bobKeys = await generateDeviceKeys();

  const bobStore = await MessageStore.open({ indexedDB: null });

  await bobStore.putDevice(bob, bobKeys);
  bobReader = new VoiceMessageReader({
    account: bob,
    store: bobStore,
    cache: new CiphertextCache(bobStore),
    ipfs,
  });

  const wallet = new WalletSender(chain, alice);
  const sender: TxSender = {
    account: wallet.account,
    send(call, options = {}) {
      onSubmit?.();

      return wallet.send(call, {
        ...options,
        onProgress: (event) => {
          progress.push(event);
          options.onProgress?.(event);
        },
      });
    },
  };

  outbox = new Outbox({
    account: alice.account.address,
    store: await MessageStore.open({ indexedDB: null }),
    ipfs: {
      upload(bytes, options) {
        onUpload?.();

        return ipfs.upload(bytes, options);
      },
    },
    delivery: chainDelivery({ chat: chain.chat, sender }),
    clock,
    locks: null,
  });
});

after(async () => {
  outbox?.dispose();
  await chain?.dispose();
  await Promise.all([ipfsNode?.stop(), devnet?.stop()]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('voice message faults', { timeout: 180_000 }, () => {
  it('keeps a message whose upload IPFS dropped and sends it on return', async () => {
    const sentBefore = await chain.chat.outbox(alice.account.address);

    // Frozen, IPFS accepts the connection and never responds; then it dies mid-request.
    ipfsNode.signal('SIGSTOP');
    onUpload = () => {
      onUpload = undefined;
      setImmediate(() => void ipfsNode.kill());
    };

    const item = await outbox.enqueue({
      envelope: await seal('ipfs'),
      to: bob,
      burn: false,
      durationMs: 1420,
    });

    await outbox.processNow();

    const waiting = (await outbox.get(item.id))!;

    assert.equal(waiting.state, 'pending');
    assert.equal(waiting.lastError, 'IPFS_UPLOAD_FAILED');
    assert.equal(waiting.uploaded, false);
    assert.ok(waiting.envelope !== null, 'the envelope was dropped');
    assert.ok(waiting.nextAttemptAt - clock.now() <= FIRST_RETRY_CAP_MS);
    assert.deepEqual(await chain.chat.outbox(alice.account.address), sentBefore);

    ipfsNode = await startIpfsNode();

    const sent = await retryDue(waiting);

    assert.equal(sent.state, 'sent', `still ${sent.state} after ${sent.lastError}`);
    assert.equal(sent.attempts, 2);
    assert.equal(await onChain(item.id), 1);

    const opened = await bobReader.open(item.id);

    assert.deepEqual(opened.payload.audio, audio);
  });

  it('keeps a message whose chain submission the devnet dropped', async () => {
    const item = await outbox.enqueue({
      envelope: await seal('devnet'),
      to: bob,
      burn: false,
      durationMs: 1420,
    });

    onSubmit = () => {
      onSubmit = undefined;
      devnet.signal('SIGSTOP');
      setImmediate(() => void devnet.kill());
    };

    progress.length = 0;
    await outbox.processNow();

    const waiting = (await outbox.get(item.id))!;
    const failed = progress.find((event) => event.stage === 'failed');

    assert.equal(waiting.state, 'pending');
    assert.equal(waiting.uploaded, true);
    assert.ok(
      waiting.lastError === 'TX_DROPPED' || waiting.lastError === 'CHAIN_UNREACHABLE',
      `lastError ${waiting.lastError}`,
    );
    assert.ok(waiting.nextAttemptAt - clock.now() <= FIRST_RETRY_CAP_MS);
    assert.ok(failed !== undefined, 'the transaction tracker reported no failure');
    assert.ok(
      hasErrorCode(failed.error, waiting.lastError as ErrorCode),
      `the tracker reported ${failed.error?.code}, the outbox ${waiting.lastError}`,
    );

    devnet = await startChain();
    await chainConnected();

    const sent = await retryDue(waiting);

    assert.equal(sent.state, 'sent', `still ${sent.state} after ${sent.lastError}`);
    assert.equal(await onChain(item.id), 1);

    const opened = await bobReader.open(item.id);

    assert.deepEqual(opened.payload.audio, audio);
  });
});
