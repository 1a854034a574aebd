// Voice messages through the embedded IPFS node and the devnet's Chat pallet: the outbox
// uploads and sends with chat.send_message, the receiver finds the message in its chain
// inbox and in block events, and opens it from IPFS.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { pino } from 'pino';

import { startDevnet, type DevnetHandle } from '../../../server/devnet/index.js';
import { startIpfs, type IpfsHandle } from '../../../server/ipfs/ipfs-server.js';
import { ChainClient } from '../../../src/chain/chain-client.js';
import { WalletSender } from '../../../src/chain/wallet-sender.js';
import { chainDelivery } from '../../../src/message/chain-delivery.js';
import { generateDeviceKeys } from '../../../src/message/device-keys.js';
import { sealVoiceMessage } from '../../../src/message/envelope.js';
import { IpfsClient } from '../../../src/message/ipfs-client.js';
import { VoiceMessageReader } from '../../../src/message/message-reader.js';
import { Outbox, type OutboxClock } from '../../../src/message/outbox.js';
import { CiphertextCache } from '../../../src/message/store/ciphertext-cache.js';
import { MessageStore } from '../../../src/message/store/message-store.js';
import { VoiceInbox, type InboxEntry } from '../../../src/message/voice-inbox.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import { encodeWithOpusRecorder, testTone } from '../../support/opus-recorder-node.js';

const silent = pino({ level: 'silent' });

function fakeClock(): OutboxClock {
  return { now: () => Date.now(), setTimeout: () => null, clearTimeout: () => {} };
}

describe('voice messages on the devnet', () => {
  let stateDir: string;
  let ipfsNode: IpfsHandle;
  let devnet: DevnetHandle;
  let chain: ChainClient;
  let ipfs: IpfsClient;
  let audio: Uint8Array;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-devnet-voice-'));
    ipfsNode = await startIpfs({ stateDir, apiPort: 0, gatewayPort: 0, logger: silent });
    devnet = await startDevnet({ port: 0, blockTimeMs: 0, logger: silent });
    chain = new ChainClient({ url: devnet.url });
    await chain.connect();
    ipfs = new IpfsClient({ apiUrl: ipfsNode.apiUrl, gateways: [ipfsNode.gatewayUrl] });
    audio = await encodeWithOpusRecorder(testTone(1.5));
  });

  after(async () => {
    await chain?.dispose();
    await devnet?.close();
    await ipfsNode?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** Bob's device: keys in a memory store, and his reader. */
  async function bobDevice(bob: string) {
    const store = await MessageStore.open({ indexedDB: null });
    const keys = await generateDeviceKeys();

    await store.putDevice(bob, keys);

    const reader = new VoiceMessageReader({
      account: bob,
      store,
      cache: new CiphertextCache(store),
      ipfs,
    });

    return { keys, reader };
  }

  async function sealFor(
    sender: string,
    bob: string,
    keys: Awaited<ReturnType<typeof generateDeviceKeys>>,
  ) {
    return sealVoiceMessage({
      sender,
      payload: {
        audio,
        mimeType: 'audio/ogg; codecs=opus',
        durationMs: 1420,
        waveform: new Uint8Array([1, 2, 3]),
        recordedAt: Date.now(),
      },
      recipients: [
        { account: bob, deviceId: keys.deviceId, encryptionKey: keys.encryptionPublicKey },
      ],
      burn: false,
    });
  }

  it('sends with only the CID and burn flag on chain', async () => {
    const alice = await createDevSigner('//Alice');
    const bob = (await createDevSigner('//Bob')).account.address;
    const device = await bobDevice(bob);
    const inbox = new VoiceInbox({ account: bob, chain });
    const live = new Promise<InboxEntry>((resolve) =>
      inbox.on('message', ({ entry }) => resolve(entry)),
    );
    const unwatch = await inbox.watch();
    const outbox = new Outbox({
      account: alice.account.address,
      store: await MessageStore.open({ indexedDB: null }),
      ipfs,
      delivery: chainDelivery({ chat: chain.chat, sender: new WalletSender(chain, alice) }),
      clock: fakeClock(),
      locks: null,
    });

    const item = await outbox.enqueue({
      envelope: await sealFor(alice.account.address, bob, device.keys),
      to: bob,
      burn: false,
      durationMs: 1420,
    });

    await outbox.processNow();

    const sent = await outbox.get(item.id);
    const event = await live;
    const entries = await inbox.list();
    const stored = entries.find((entry) => entry.cid === item.id);
    const message = await chain.chat.message(BigInt(sent!.receipt!.messageId!));
    const opened = await device.reader.open(stored!.cid);

    unwatch();

    assert.equal(sent?.state, 'sent');
    assert.match(sent!.receipt!.blockHash!, /^0x[0-9a-f]{64}$/);
    assert.equal(event.cid, item.id);
    assert.equal(event.burn, false);
    assert.equal(event.publicMetadata, null);
    assert.ok(stored !== undefined);
    assert.equal(stored.sender, alice.account.address);
    assert.deepEqual(message?.messageType, {
      type: 'Voice',
      metadata: {
        cid: item.id,
        duration: 0,
        waveform: new Uint8Array(0),
        transcription: null,
        burnAfterReading: false,
      },
    });
    assert.deepEqual(opened.payload.audio, audio);
    assert.equal(opened.sender, alice.account.address);
  });

  it('does not send twice after a lost result', async () => {
    const charlie = await createDevSigner('//Charlie');
    const dave = (await createDevSigner('//Dave')).account.address;
    const device = await bobDevice(dave);
    const delivery = chainDelivery({ chat: chain.chat, sender: new WalletSender(chain, charlie) });
    let lost = true;
    const outbox = new Outbox({
      account: charlie.account.address,
      store: await MessageStore.open({ indexedDB: null }),
      ipfs,
      delivery: {
        async deliver(item) {
          const receipt = await delivery.deliver(item);

          // The transaction is in a block, but the connection drops before the result.
          if (lost) {
            lost = false;
            throw new Error('connection lost after submission');
          }

          return receipt;
        },
        findDelivered: delivery.findDelivered,
      },
      retryPolicy: () => 0,
      clock: fakeClock(),
      locks: null,
    });
    const before = (await chain.chat.outbox(charlie.account.address)).length;

    const item = await outbox.enqueue({
      envelope: await sealFor(charlie.account.address, dave, device.keys),
      to: dave,
      burn: false,
      durationMs: 1420,
    });

    await outbox.processNow();
    await outbox.processNow();

    const after = await chain.chat.outbox(charlie.account.address);
    const sent = await outbox.get(item.id);

    assert.equal(after.length - before, 1);
    assert.equal(sent?.state, 'sent');
    assert.equal(sent?.attempts, 2);
    assert.equal(sent?.receipt?.messageId, String(after[after.length - 1]));
  });
});
