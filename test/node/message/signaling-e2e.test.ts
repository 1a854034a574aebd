// Voice messages across the real servers: the signaling server's key directory (bundles
// verified there and by the sender with the canonical device binding), the devnet's Chat
// pallet, the embedded IPFS node, and the live VOICE_MESSAGE notice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { pino } from 'pino';
import WebSocket from 'ws';

import { voice } from '../../../proto/gen/voice.js';
import { startDevnet, type DevnetHandle } from '../../../server/devnet/index.js';
import { startIpfs, type IpfsHandle } from '../../../server/ipfs/ipfs-server.js';
import {
  startSignalingServer,
  type SignalingServerHandle,
} from '../../../server/signaling/server.js';
import { ChainClient } from '../../../src/chain/chain-client.js';
import { WalletSender } from '../../../src/chain/wallet-sender.js';
import { chainDelivery } from '../../../src/message/chain-delivery.js';
import { IpfsClient } from '../../../src/message/ipfs-client.js';
import { VoiceMessageReader } from '../../../src/message/message-reader.js';
import { Outbox } from '../../../src/message/outbox.js';
import {
  canonicalDeviceBinding,
  onVoiceNotice,
  signalingKeyDirectory,
  signalingNotifier,
  type ReceivedVoiceNotice,
} from '../../../src/message/signaling-keys.js';
import { CiphertextCache } from '../../../src/message/store/ciphertext-cache.js';
import { MessageStore } from '../../../src/message/store/message-store.js';
import { VoiceMessages, type KeyDirectoryClient } from '../../../src/message/voice-messages.js';
import { fromHex } from '../../../src/shared/bytes.js';
import { SignalType } from '../../../src/shared/codec.js';
import { exponentialBackoff } from '../../../src/signaling/reconnect-policy.js';
import { SignalingClient, type WebSocketFactory } from '../../../src/signaling/signaling-client.js';
import { createDevSigner } from '../../../src/wallet/dev-signer.js';
import { memorySessionStorage, SessionManager } from '../../../src/wallet/session.js';
import type { WalletSigner } from '../../../src/wallet/wallet-signer.js';
import { encodeWithOpusRecorder, testTone } from '../../support/opus-recorder-node.js';

const silent = pino({ level: 'silent' });

describe('voice messages over signaling, chain and IPFS', { timeout: 60_000 }, () => {
  let stateDir: string;
  let devnet: DevnetHandle;
  let signaling: SignalingServerHandle;
  let ipfsNode: IpfsHandle;
  let chain: ChainClient;
  let ipfs: IpfsClient;
  let audio: Uint8Array;
  const clients: SignalingClient[] = [];

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-voice-e2e-'));
    devnet = await startDevnet({ port: 0, blockTimeMs: 0, logger: silent });
    signaling = await startSignalingServer({
      port: 0,
      genesisHash: devnet.genesisHash,
      logLevel: 'silent',
    });
    ipfsNode = await startIpfs({ stateDir, apiPort: 0, gatewayPort: 0, logger: silent });
    chain = new ChainClient({ url: devnet.url });
    ipfs = new IpfsClient({ apiUrl: ipfsNode.apiUrl, gateways: [ipfsNode.gatewayUrl] });
    audio = await encodeWithOpusRecorder(testTone(1.2));
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await chain?.dispose();
    await signaling?.close();
    await devnet?.close();
    await ipfsNode?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** Sets up one account on one device: its signaling client, store, outbox and service. */
  async function party(
    uri: string,
    wrapDirectory?: (directory: KeyDirectoryClient) => KeyDirectoryClient,
  ) {
    const wallet: WalletSigner = await createDevSigner(uri);
    const session = new SessionManager({
      wallet: {
        address: wallet.account.address,
        keyType: wallet.account.keyType,
        async signRaw(bytes) {
          const signed = await wallet.signRaw(bytes);

          return { signature: signed.signature, wrapped: signed.form === 'wrapped' };
        },
      },
      genesisHash: fromHex(devnet.genesisHash),
      origin: 'http://127.0.0.1:5173',
      storage: memorySessionStorage(),
    });
    const client = new SignalingClient({
      url: signaling.url,
      session,
      WebSocket: WebSocket as unknown as WebSocketFactory,
      reconnect: exponentialBackoff({ baseMs: 20, maxMs: 200, restartBaseMs: 50 }),
    });

    clients.push(client);
    await client.connect();

    const store = await MessageStore.open({ indexedDB: null });
    const directory = signalingKeyDirectory(client);
    const outbox = new Outbox({
      account: wallet.account.address,
      store,
      ipfs,
      delivery: chainDelivery({
        chat: chain.chat,
        sender: new WalletSender(chain, wallet),
        notify: signalingNotifier(client),
      }),
      locks: null,
    });
    const service = new VoiceMessages({
      wallet,
      store,
      directory: wrapDirectory?.(directory) ?? directory,
      binding: canonicalDeviceBinding,
      outbox,
      prekeyBatchSize: 4,
    });
    const reader = new VoiceMessageReader({
      account: wallet.account.address,
      store,
      cache: new CiphertextCache(store),
      ipfs,
    });

    return { wallet, client, service, outbox, reader, address: wallet.account.address };
  }

  const recording = () => ({
    bytes: audio.slice(),
    mimeType: 'audio/ogg; codecs=opus' as const,
    durationMs: 1120,
    waveform: new Uint8Array([9, 8, 7]),
    recordedAt: Date.now(),
  });

  it('delivers a sealed message with an early notice', async () => {
    const alice = await party('//Alice');
    const bob = await party('//Bob');

    await alice.service.setupDevice();
    await bob.service.setupDevice();

    const notice = bob.client.once(
      'message',
      (event) => event.message.type === SignalType.VOICE_MESSAGE,
    );
    const received = new Promise<ReceivedVoiceNotice>((resolve) => {
      const off = onVoiceNotice(bob.client, (value) => {
        off();
        resolve(value);
      });
    });
    const item = await alice.service.send({ to: bob.address, recording: recording() });

    await alice.outbox.processNow();

    const event = await notice;
    const payload = voice.VoiceMessageNotice.decode(event.message.payload);
    const sent = await alice.outbox.get(item.id);
    const heard = await received;
    const opened = await bob.reader.open(payload.cid);
    const replayed = await alice.reader.open(payload.cid);

    assert.equal(sent?.state, 'sent');
    assert.equal(event.message.from, alice.address);
    assert.equal(event.fromPeer, true);
    assert.equal(payload.cid, item.id);
    assert.equal(payload.burn, false);
    // The notice leaves when the transaction enters the pool, before any block.
    assert.equal(payload.blockHash, '');
    assert.equal(payload.public, false);
    assert.match(sent!.receipt!.blockHash!, /^0x[0-9a-f]{64}$/);
    assert.deepEqual(heard, {
      from: alice.address,
      cid: item.id,
      burn: false,
      blockHash: '',
      public: null,
    });
    assert.deepEqual(opened.payload.audio, audio);
    assert.deepEqual(replayed.payload.audio, audio);
  });

  it('wraps a burn message to claimed prekeys only', async () => {
    const charlie = await party('//Charlie');
    const dave = await party('//Dave');

    await charlie.service.setupDevice();
    await dave.service.setupDevice();

    const item = await charlie.service.send({
      to: dave.address,
      recording: recording(),
      burn: true,
    });

    await charlie.outbox.processNow();

    const opened = await dave.reader.open(item.id);
    const own = await charlie.reader.open(item.id).then(
      () => 'opened',
      (error: { code: string }) => error.code,
    );

    assert.equal(opened.burn, true);
    assert.ok(opened.prekeyId > 0);
    assert.equal(own, 'DECRYPT_FAILED');
  });

  it('detects a key the directory substituted', async () => {
    const eve = await party('//Eve');
    const mallory = (await crypto.subtle.generateKey({ name: 'X25519' }, true, [
      'deriveBits',
    ])) as CryptoKeyPair;
    const malloryKey = new Uint8Array(await crypto.subtle.exportKey('raw', mallory.publicKey));
    // The lookup result is rewritten between server and sender, as a compromised
    // server would: the wallet binding no longer covers the key.
    const ferdie = await party('//Ferdie', (directory) => ({
      publish: (bundle) => directory.publish(bundle),
      async lookup(account, claim) {
        const result = await directory.lookup(account, claim);

        return {
          ...result,
          devices: result.devices.map((bundle) => ({ ...bundle, encryptionKey: malloryKey })),
        };
      },
    }));

    await eve.service.setupDevice();
    await ferdie.service.setupDevice();

    await assert.rejects(ferdie.service.send({ to: eve.address, recording: recording() }), {
      code: 'KEY_BINDING_INVALID',
    });
    assert.deepEqual(await ferdie.outbox.list(), []);
  });
});
