// `client.messages` of StardustClient across the real servers (devnet, signaling, embedded
// IPFS): two clients, Alice and Bob, each with its own wallet, in one process.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { pino } from 'pino';
import WebSocket from 'ws';

import { startDevnet, type DevnetHandle } from '../../../server/devnet/index.js';
import { startIpfs, type IpfsHandle } from '../../../server/ipfs/ipfs-server.js';
import {
  startSignalingServer,
  type SignalingServerHandle,
} from '../../../server/signaling/server.js';
import type {
  ClientMessagesOptions,
  IncomingVoiceMessage,
} from '../../../src/client/client-messages.js';
import { StardustClient } from '../../../src/client/stardust-client.js';
import { computeCid } from '../../../src/message/cid.js';
import { audioDurationMs } from '../../../src/message/duration.js';
import type { OutboxRecord } from '../../../src/message/store/message-store.js';
import { accountKey } from '../../../src/shared/ss58.js';
import { exponentialBackoff } from '../../../src/signaling/reconnect-policy.js';
import type { WebSocketFactory } from '../../../src/signaling/signaling-client.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import { memorySessionStorage } from '../../../src/wallet/session.js';
import { encodeWithOpusRecorder, testTone } from '../../support/opus-recorder-node.js';

const silent = pino({ level: 'silent' });

describe('client.messages', { timeout: 90_000 }, () => {
  let stateDir: string;
  let devnet: DevnetHandle;
  let signaling: SignalingServerHandle;
  let ipfsNode: IpfsHandle;
  let audio: Uint8Array;
  const clients: StardustClient[] = [];

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-client-messages-'));
    devnet = await startDevnet({ port: 0, blockTimeMs: 0, logger: silent });
    signaling = await startSignalingServer({
      port: 0,
      genesisHash: devnet.genesisHash,
      logLevel: 'silent',
    });
    ipfsNode = await startIpfs({ stateDir, apiPort: 0, gatewayPort: 0, logger: silent });
    audio = await encodeWithOpusRecorder(testTone(1.2));
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await signaling?.close();
    await devnet?.close();
    await ipfsNode?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** A client for `uri` with its own memory store and session storage. */
  async function clientOf(uri: string, options: ClientMessagesOptions = {}) {
    const client = new StardustClient({
      chain: devnet.url,
      signaling: signaling.url,
      ipfsApi: ipfsNode.apiUrl,
      gateways: [ipfsNode.gatewayUrl],
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const wallet = await createDevSigner(uri);

    clients.push(client);
    client.useWallet(wallet, {
      origin: 'http://127.0.0.1:5173',
      storage: memorySessionStorage(),
      WebSocket: WebSocket as unknown as WebSocketFactory,
      reconnect: exponentialBackoff({ baseMs: 20, maxMs: 200, restartBaseMs: 50 }),
    });
    client.configureMessages({ indexedDB: null, locks: null, ...options });

    return { client, address: wallet.account.address };
  }

  function recording() {
    return {
      bytes: audio.slice(),
      mimeType: 'audio/ogg; codecs=opus' as const,
      durationMs: 1120,
      waveform: new Uint8Array([10, 200, 30]),
      recordedAt: Date.now(),
    };
  }

  function sentItem(client: StardustClient, id: string): Promise<OutboxRecord> {
    return new Promise((resolve) => {
      const off = client.messages.on('outbox', ({ item }) => {
        if (item.id !== id || item.state !== 'sent') return;

        off();
        resolve(item);
      });
    });
  }

  function nextMessage(client: StardustClient): Promise<IncomingVoiceMessage> {
    return new Promise((resolve) => {
      const off = client.messages.on('message', ({ message }) => {
        off();
        resolve(message);
      });
    });
  }

  it('sends through the session proxy and the receiver opens it', async () => {
    const alice = await clientOf('//Alice');
    const bob = await clientOf('//Bob');

    await bob.client.messages.ready();

    const heard = nextMessage(bob.client);
    const stages: string[] = [];

    alice.client.messages.on('delivery', ({ stage }) => stages.push(stage));

    const queued = await alice.client.messages.send({ to: bob.address, recording: recording() });
    const sent = await sentItem(alice.client, queued.id);
    const incoming = await heard;
    const opened = await bob.client.messages.open(incoming.cid);
    const summary = await bob.client.messages.summary(incoming.cid);
    const proxies = await alice.client.chain.proxy.proxies(alice.address);

    assert.equal(incoming.cid, queued.id);
    assert.equal(incoming.from, alice.address);
    assert.equal(incoming.burn, false);
    assert.equal(sent.receipt?.blockHash, incoming.blockHash ?? sent.receipt?.blockHash);
    assert.match(sent.receipt!.blockHash!, /^0x[0-9a-f]{64}$/);
    assert.deepEqual(opened.payload.audio, audio);
    assert.equal(summary.durationMs, 1120);
    assert.deepEqual([...summary.waveform], [10, 200, 30]);
    assert.ok(stages.includes('inBlock'));
    assert.equal(proxies.proxies.length, 1);
    assert.equal(alice.client.messages.persistent, false);
  });

  it('lists a received message in the chain inbox by id', async () => {
    const charlie = await clientOf('//Charlie', { chainWrites: 'confirm-each' });
    const dave = await clientOf('//Dave');

    await dave.client.messages.ready();

    const queued = await charlie.client.messages.send({ to: dave.address, recording: recording() });
    const sent = await sentItem(charlie.client, queued.id);
    const entries = await dave.client.messages.inbox();
    const entry = entries.find((candidate) => candidate.cid === queued.id);
    const byId = await dave.client.messages.message(BigInt(sent.receipt!.messageId!));

    assert.equal(entry?.sender, charlie.address);
    assert.equal(byId?.cid, queued.id);
    assert.equal(byId?.from, charlie.address);
  });

  it('asks the wallet once per account per device', async () => {
    let prompts = 0;
    const eve = await clientOf('//Eve');
    const signer = await createDevSigner('//Eve');
    const counting = {
      ...signer,
      async signRaw(bytes: Uint8Array) {
        prompts += 1;

        return signer.signRaw(bytes);
      },
    };

    eve.client.useWallet(counting, {
      origin: 'http://127.0.0.1:5173',
      storage: memorySessionStorage(),
      WebSocket: WebSocket as unknown as WebSocketFactory,
    });
    await eve.client.messages.ready();
    await eve.client.messages.ready();

    // One prompt for the signaling session, one for the device binding.
    assert.equal(prompts, 2);
  });

  it('keeps two accounts in one client apart', async () => {
    const ferdie = await clientOf('//Ferdie');
    const first = ferdie.client.messages;
    const other = await createDevSigner('//Alice');

    ferdie.client.useWallet(other, {
      origin: 'http://127.0.0.1:5173',
      storage: memorySessionStorage(),
      WebSocket: WebSocket as unknown as WebSocketFactory,
    });

    assert.notEqual(ferdie.client.messages, first);
    assert.equal(ferdie.client.messages.account, other.account.address);
    await assert.rejects(first.ready(), { code: 'DISPOSED' });
  });

  it('rejects a message whose envelope names another sender', async () => {
    const alice = await clientOf('//Alice');
    const bob = await clientOf('//Bob');

    await bob.client.messages.ready();

    const queued = await alice.client.messages.send({ to: bob.address, recording: recording() });

    await sentItem(alice.client, queued.id);

    await assert.rejects(bob.client.messages.open(queued.id, { from: bob.address }), {
      code: 'DECRYPT_FAILED',
    });
  });

  it('sends a public message that the receiver plays', async () => {
    const sender = await clientOf('//Charlie', { chainWrites: 'confirm-each' });
    // Notices only, so the message seen is the one signaling delivered before the block.
    const receiver = await clientOf('//Dave', { watchChain: false });

    await receiver.client.messages.ready();

    const heard = nextMessage(receiver.client);
    const stages: string[] = [];

    sender.client.messages.on('delivery', ({ stage }) => stages.push(stage));

    const queued = await sender.client.messages.send({
      to: receiver.address,
      recording: recording(),
      public: true,
    });
    const sent = await sentItem(sender.client, queued.id);
    const incoming = await heard;
    const cid = sent.cid!;
    const stored = await sender.client.chain.chat.message(BigInt(sent.receipt!.messageId!));
    const response = await fetch(new URL(`/ipfs/${cid}`, ipfsNode.gatewayUrl));
    const uploaded = new Uint8Array(await response.arrayBuffer());
    const opened = await receiver.client.messages.open(cid);
    const summary = await receiver.client.messages.summary(cid);
    const inbox = await receiver.client.messages.inbox();

    assert.equal(sent.public, true);
    assert.equal(queued.id, `${cid}:${accountKey(receiver.address)}`);
    assert.equal(stored?.messageType.type, 'Voice');
    assert.deepEqual(stored.messageType.type === 'Voice' && stored.messageType.metadata, {
      cid,
      duration: 2,
      waveform: new Uint8Array([10, 200, 30]),
      transcription: null,
      burnAfterReading: false,
    });
    assert.equal(new TextDecoder().decode(uploaded.subarray(0, 4)), 'OggS');
    assert.deepEqual(uploaded, audio);
    assert.equal(incoming.cid, cid);
    assert.equal(incoming.source, 'notice');
    assert.equal(incoming.blockHash, null);
    assert.equal(incoming.public?.durationMs, 1120);
    assert.deepEqual([...incoming.public.waveform], [10, 200, 30]);
    assert.ok(stages.indexOf('ready') < stages.indexOf('inBlock'));
    assert.equal(opened.public, true);
    assert.equal(opened.sender, sender.address);
    assert.equal(opened.burn, false);
    assert.deepEqual(opened.payload.audio, audio);
    assert.equal(opened.payload.mimeType, 'audio/ogg; codecs=opus');
    assert.equal(summary.public, true);
    assert.equal(summary.durationMs, audioDurationMs(audio));
    assert.deepEqual([...summary.waveform], [10, 200, 30]);
    assert.deepEqual(inbox.find((entry) => entry.cid === cid)?.publicMetadata, {
      durationS: 2,
      waveform: new Uint8Array([10, 200, 30]),
      transcription: null,
    });
  });

  it('opens a public message by chain id', async () => {
    const sender = await clientOf('//Charlie', { chainWrites: 'confirm-each' });
    const receiver = await clientOf('//Ferdie', { watchChain: false });
    const queued = await sender.client.messages.send({
      to: receiver.address,
      recording: recording(),
      public: true,
    });
    const sent = await sentItem(sender.client, queued.id);

    await assert.rejects(receiver.client.messages.open(sent.cid!), { code: 'INVALID_ARGUMENT' });

    const byId = await receiver.client.messages.message(BigInt(sent.receipt!.messageId!));
    const summary = await receiver.client.messages.summary(sent.cid!);

    assert.equal(byId?.public?.durationMs, 2000);
    assert.equal(summary.from, sender.address);
    assert.deepEqual([...summary.waveform], [10, 200, 30]);
  });

  it('queues one public audio per recipient', async () => {
    const sender = await clientOf('//Charlie', { chainWrites: 'confirm-each' });
    const first = await createDevSigner('//Member1');
    const second = await createDevSigner('//Member2');
    const bytes = recording();
    const firstKey = `${(await computeCid(bytes.bytes)).toString()}:${accountKey(first.account.address)}`;
    const secondKey = `${(await computeCid(bytes.bytes)).toString()}:${accountKey(second.account.address)}`;
    const sending = Promise.all([
      sentItem(sender.client, firstKey),
      sentItem(sender.client, secondKey),
    ]);
    const toFirst = await sender.client.messages.send({
      to: first.account.address,
      recording: bytes,
      public: true,
    });
    const toSecond = await sender.client.messages.send({
      to: second.account.address,
      recording: bytes,
      public: true,
    });
    const again = await sender.client.messages.send({
      to: first.account.address,
      recording: bytes,
      public: true,
    });
    const [sentFirst, sentSecond] = await sending;

    assert.equal(toFirst.id, firstKey);
    assert.equal(toSecond.id, secondKey);
    assert.equal(again.id, toFirst.id);
    assert.equal(sentFirst.cid, sentSecond.cid);
    assert.notEqual(sentFirst.receipt!.messageId, sentSecond.receipt!.messageId);
  });

  it('rejects invalid public sends', async () => {
    const sender = await clientOf('//Eve', { chainWrites: 'confirm-each' });
    const to = (await createDevSigner('//Bob')).account.address;
    const cases = [
      { code: 'PUBLIC_BURN_UNSUPPORTED', input: { burn: true } },
      { code: 'ADDRESS_INVALID', input: { to: 'not-an-address' } },
      {
        code: 'AUDIO_FORMAT_INVALID',
        input: { recording: { ...recording(), bytes: new Uint8Array([8, 1, 2, 3]) } },
      },
      {
        code: 'INVALID_ARGUMENT',
        input: { recording: { ...recording(), waveform: new Uint8Array(129) } },
      },
      { code: 'INVALID_ARGUMENT', input: { transcription: 'x'.repeat(1025) } },
    ];

    for (const { code, input } of cases) {
      await assert.rejects(
        sender.client.messages.send({ to, recording: recording(), public: true, ...input }),
        { code },
        code,
      );
    }

    assert.deepEqual(await sender.client.messages.outboxItems(), []);
  });
});
