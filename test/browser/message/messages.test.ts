import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from 'chai';

import { voice } from '../../../proto/gen/voice.js';
import {
  generateDeviceKeys,
  generatePrekeys,
  type PrekeyPublic,
} from '../../../src/message/device-keys.js';
import { sealVoiceMessage, type RecipientDevice } from '../../../src/message/envelope.js';
import { IpfsClient } from '../../../src/message/ipfs-client.js';
import { VoiceMessageReader } from '../../../src/message/message-reader.js';
import { Outbox, type OutboxClock } from '../../../src/message/outbox.js';
import { VoicePlayer } from '../../../src/message/player.js';
import { CiphertextCache } from '../../../src/message/store/ciphertext-cache.js';
import { MessageStore } from '../../../src/message/store/message-store.js';
import { CanonicalWriter } from '../../../src/shared/bytes.js';
import { encodeAddress } from '../../../src/shared/ss58.js';
import { recordSpeech } from './record-speech.js';

interface StackUrls {
  ipfsApi: string;
  ipfsGateway: string;
}

// Test encoding of the prekey statement; the product binds the directory's canonical one.
const signingBytes = (deviceId: Uint8Array, prekey: PrekeyPublic) =>
  new CanonicalWriter().bytes(deviceId).u32(prekey.id).bytes(prekey.publicKey).finish();

function randomAccount(): string {
  return encodeAddress(crypto.getRandomValues(new Uint8Array(32)));
}

/** One device of an account: its own store (IndexedDB, or memory for extra devices). */
interface Device {
  account: string;
  store: MessageStore;
  cache: CiphertextCache;
  reader: VoiceMessageReader;
  published: RecipientDevice;
}

async function makeDevice(account: string, ipfs: IpfsClient, persistent: boolean): Promise<Device> {
  const store = await MessageStore.open({ indexedDB: persistent ? indexedDB : null });
  const keys = await generateDeviceKeys();
  const prekeys = await generatePrekeys(keys, { count: 3, firstId: 1, signingBytes });

  await store.putDevice(account, keys);
  await store.putPrekeys(account, prekeys);

  const cache = new CiphertextCache(store);

  return {
    account,
    store,
    cache,
    reader: new VoiceMessageReader({ account, store, cache, ipfs }),
    published: {
      account,
      deviceId: keys.deviceId,
      encryptionKey: keys.encryptionPublicKey,
      prekey: {
        id: prekeys[0]!.id,
        publicKey: prekeys[0]!.publicKey,
        expiresAt: prekeys[0]!.expiresAt,
      },
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }

  throw new Error('expected a rejection');
}

function fakeClock(start: number): OutboxClock & { set(now: number): void } {
  let now = start;

  return {
    now: () => now,
    setTimeout: () => null,
    clearTimeout: () => {},
    set(value) {
      now = value;
    },
  };
}

describe('voice messages in Chromium', function () {
  this.timeout(60_000);

  let urls: StackUrls;
  let ipfs: IpfsClient;
  let audio: Awaited<ReturnType<typeof recordSpeech>>;

  before(async () => {
    urls = (await executeServerCommand('stack-urls', { ipfs: true })) as StackUrls;
    ipfs = new IpfsClient({ apiUrl: urls.ipfsApi, gateways: [urls.ipfsGateway] });
    audio = await recordSpeech(1200);
  });

  function payload() {
    return {
      audio: audio.bytes.slice(),
      mimeType: audio.mimeType,
      durationMs: audio.durationMs,
      waveform: audio.waveform.slice(),
      recordedAt: audio.recordedAt,
    };
  }

  it('opens on every device of both accounts through IPFS', async () => {
    const alice = randomAccount();
    const bob = randomAccount();
    const aliceDevices = [
      await makeDevice(alice, ipfs, true),
      await makeDevice(alice, ipfs, false),
    ];
    const bobDevices = [await makeDevice(bob, ipfs, true), await makeDevice(bob, ipfs, false)];
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload: payload(),
      recipients: bobDevices.map((device) => device.published),
      senderDevices: aliceDevices.map((device) => device.published),
      burn: false,
    });
    const { cid } = await ipfs.upload(sealed);

    for (const device of [...aliceDevices, ...bobDevices]) {
      const first = await device.reader.open(cid);
      const second = await device.reader.open(cid);

      expect(first.payload.audio).to.deep.equal(audio.bytes);
      expect(first.payload.durationMs).to.equal(audio.durationMs);
      expect(first.sender).to.equal(alice);
      expect(first.fromCache).to.equal(false);
      expect(second.fromCache).to.equal(true);
    }
  });

  it('rejects a third account with DECRYPT_FAILED', async () => {
    const alice = randomAccount();
    const bob = await makeDevice(randomAccount(), ipfs, true);
    const carol = await makeDevice(randomAccount(), ipfs, true);
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload: payload(),
      recipients: [bob.published],
      burn: false,
    });
    const { cid } = await ipfs.upload(sealed);

    expect(await codeOf(carol.reader.open(cid))).to.equal('DECRYPT_FAILED');
  });

  it('rejects a tampered envelope under its new CID', async () => {
    const alice = randomAccount();
    const bob = await makeDevice(randomAccount(), ipfs, true);
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload: payload(),
      recipients: [bob.published],
      burn: false,
    });
    // decode() returns views into its input: work on a copy so `sealed` stays intact.
    const envelope = voice.VoiceEnvelope.decode(sealed.slice());

    envelope.ciphertext[100] = envelope.ciphertext[100]! ^ 0xff;

    const tampered = await ipfs.upload(voice.VoiceEnvelope.encode(envelope).finish());
    const original = await ipfs.upload(sealed);

    expect(await codeOf(bob.reader.open(tampered.cid))).to.equal('DECRYPT_FAILED');
    expect((await bob.reader.open(original.cid)).payload.audio).to.deep.equal(audio.bytes);
  });

  it('burns after one complete playback, on that device only', async () => {
    const alice = randomAccount();
    const bob = randomAccount();
    const aliceDevice = await makeDevice(alice, ipfs, true);
    const bobPhone = await makeDevice(bob, ipfs, true);
    const bobLaptop = await makeDevice(bob, ipfs, false);
    const sealed = await sealVoiceMessage({
      sender: alice,
      payload: payload(),
      recipients: [bobPhone.published, bobLaptop.published],
      senderDevices: [aliceDevice.published],
      burn: true,
    });
    const { cid } = await ipfs.upload(sealed);
    const created: string[] = [];
    const revoked: string[] = [];
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;

    URL.createObjectURL = (object) => {
      const url = create(object);

      created.push(url);

      return url;
    };

    URL.revokeObjectURL = (url) => {
      revoked.push(url);
      revoke(url);
    };

    const player = new VoicePlayer();
    const burned = new Promise((resolve) => bobPhone.reader.on('burned', resolve));

    try {
      player.setRate(2);
      await bobPhone.reader.play(player, cid);
      await burned;
    } finally {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      player.dispose();
    }

    expect(await codeOf(bobPhone.reader.open(cid))).to.equal('MESSAGE_BURNED');
    expect(await bobPhone.store.hasTombstone(bob, cid)).to.equal(true);
    expect(await bobPhone.cache.usageBytes(bob)).to.equal(0);
    expect(await bobPhone.store.getPrekey(bob, 1)).to.equal(null);
    expect(created.length).to.be.above(0);
    expect(revoked).to.include.members(created);
    expect((await bobLaptop.reader.open(cid)).payload.audio).to.deep.equal(audio.bytes);
    expect(await codeOf(aliceDevice.reader.open(cid))).to.equal('DECRYPT_FAILED');
  });

  it('zero-fills the decrypted audio when burning', async () => {
    const bob = await makeDevice(randomAccount(), ipfs, true);
    const sealed = await sealVoiceMessage({
      sender: randomAccount(),
      payload: payload(),
      recipients: [bob.published],
      burn: true,
    });
    const { cid } = await ipfs.upload(sealed);
    const message = await bob.reader.open(cid);

    await bob.reader.burn(message);

    expect(message.payload.audio.every((byte) => byte === 0)).to.equal(true);
    expect(message.payload.waveform.every((byte) => byte === 0)).to.equal(true);
  });

  it('keeps private keys non-extractable across store reopening', async () => {
    const account = randomAccount();
    const first = await MessageStore.open();

    await first.putDevice(account, await generateDeviceKeys());
    first.close();

    const second = await MessageStore.open();
    const device = await second.getDevice(account);
    const exportFailed = await crypto.subtle.exportKey('pkcs8', device!.encryption.privateKey).then(
      () => false,
      () => true,
    );

    expect(second.persistent).to.equal(true);
    expect(device!.encryption.privateKey.extractable).to.equal(false);
    expect(device!.signing.privateKey.extractable).to.equal(false);
    expect(exportFailed).to.equal(true);
    second.close();
  });

  it('runs in memory when indexedDB.open fails', async () => {
    const throwing = {
      open: () => {
        throw new DOMException('private mode', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const silent = {
      // A request that never fires any event, as some hardened browsers do.
      open: () => ({}) as IDBOpenDBRequest,
    } as unknown as IDBFactory;

    const thrown = await MessageStore.open({ indexedDB: throwing });
    const hung = await MessageStore.open({ indexedDB: silent, openTimeoutMs: 200 });
    const account = randomAccount();
    const reader = new VoiceMessageReader({
      account,
      store: thrown,
      cache: new CiphertextCache(thrown),
      ipfs,
    });
    const keys = await generateDeviceKeys();

    await thrown.putDevice(account, keys);

    const sealed = await sealVoiceMessage({
      sender: randomAccount(),
      payload: payload(),
      recipients: [{ account, deviceId: keys.deviceId, encryptionKey: keys.encryptionPublicKey }],
      burn: false,
    });
    const { cid } = await ipfs.upload(sealed);

    expect(thrown.persistent).to.equal(false);
    expect(hung.persistent).to.equal(false);
    expect((await reader.open(cid)).payload.audio).to.deep.equal(audio.bytes);
  });

  it('evicts the least recently used ciphertext under the quota', async () => {
    const store = await MessageStore.open();
    const cache = new CiphertextCache(store, { quotaBytes: 1000, estimate: async () => ({}) });
    const account = randomAccount();
    const other = randomAccount();
    const bytes = (fill: number) => new Uint8Array(400).fill(fill);

    await cache.put(account, 'cid-a', bytes(1));
    await cache.put(other, 'cid-b', bytes(2));
    await cache.get(account, 'cid-a');
    await cache.put(account, 'cid-c', bytes(3));

    const tooBig = await cache.put(account, 'cid-d', new Uint8Array(1001));

    expect(await cache.get(account, 'cid-a')).to.deep.equal(bytes(1));
    expect(await cache.get(other, 'cid-b')).to.equal(null);
    expect(await cache.get(account, 'cid-c')).to.deep.equal(bytes(3));
    expect(await cache.get(other, 'cid-a')).to.equal(null);
    expect(tooBig).to.equal(false);
    expect(await cache.usageBytes(account)).to.equal(800);
    await cache.delete(account, 'cid-a');
    await cache.delete(account, 'cid-c');
    store.close();
  });

  it('lowers the cache limit when the origin is short of space', async () => {
    const store = await MessageStore.open({ indexedDB: null });
    const cache = new CiphertextCache(store, {
      quotaBytes: 50 * 1024 * 1024,
      estimate: async () => ({ quota: 10_000, usage: 9_000 }),
    });
    const account = randomAccount();

    const limit = await cache.limitBytes();
    const stored = await cache.put(account, 'cid', new Uint8Array(900));

    expect(limit).to.equal(800);
    expect(stored).to.equal(false);
    expect(await new CiphertextCache(store).limitBytes()).to.be.at.most(50 * 1024 * 1024);
  });

  it('keeps the outbox across a reload while IPFS is down, then sends', async () => {
    const node = (await executeServerCommand('ipfs-node-start', {})) as {
      apiUrl: string;
      gatewayUrl: string;
      apiPort: number;
    };

    await executeServerCommand('ipfs-node-stop', { apiPort: node.apiPort });

    const account = randomAccount();
    const delivered: string[] = [];
    const delivery = {
      deliver: async (item: { id: string }) => {
        delivered.push(item.id);

        return { blockHash: '0xabc' };
      },
    };
    const downIpfs = new IpfsClient({ apiUrl: node.apiUrl, gateways: [node.gatewayUrl] });
    const beforeStore = await MessageStore.open();
    const clock = fakeClock(Date.now());
    const before = new Outbox({
      account,
      store: beforeStore,
      ipfs: downIpfs,
      delivery,
      clock,
      locks: null,
    });
    const item = await before.enqueue({
      envelope: audio.bytes.slice(),
      to: randomAccount(),
      burn: false,
      durationMs: 1,
    });

    await before.processNow();

    const waiting = await before.get(item.id);

    before.dispose();
    beforeStore.close();

    const restarted = (await executeServerCommand('ipfs-node-start', {
      apiPort: node.apiPort,
    })) as {
      apiUrl: string;
    };
    const afterStore = await MessageStore.open();

    clock.set(Date.now() + 120_000);

    const after = new Outbox({
      account,
      store: afterStore,
      ipfs: new IpfsClient({ apiUrl: restarted.apiUrl, gateways: [node.gatewayUrl] }),
      delivery,
      clock,
    });

    try {
      await after.processNow();

      const sent = await after.get(item.id);

      expect(waiting?.state).to.equal('pending');
      expect(waiting?.lastError).to.equal('IPFS_UPLOAD_FAILED');
      expect(sent?.state).to.equal('sent');
      expect(sent?.receipt).to.deep.equal({ blockHash: '0xabc' });
      expect(delivered).to.deep.equal([item.id]);
    } finally {
      after.dispose();
      afterStore.close();
      await executeServerCommand('ipfs-node-stop', { apiPort: node.apiPort });
    }
  });

  it('sends an item once from two outboxes under a Web Lock', async () => {
    const account = randomAccount();
    const store = await MessageStore.open();
    let deliveries = 0;
    const make = () =>
      new Outbox({
        account,
        store,
        ipfs,
        delivery: {
          deliver: async () => {
            deliveries += 1;

            return {};
          },
        },
        clock: fakeClock(Date.now()),
      });
    const tabA = make();
    const tabB = make();

    await tabA.enqueue({
      envelope: crypto.getRandomValues(new Uint8Array(500)),
      to: account,
      burn: false,
      durationMs: 1,
    });
    await Promise.all([tabA.processNow(), tabB.processNow(), tabB.processNow()]);
    await tabB.processNow();

    expect(deliveries).to.equal(1);
    tabA.dispose();
    tabB.dispose();
    store.close();
  });
});
