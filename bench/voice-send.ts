/**
 * Stop-to-sent latency of a voice message on an instant-seal devnet with the embedded IPFS
 * node, measured in Node with the SDK's own classes. A run starts with the finished
 * recording and ends when the outbox item is `sent`: sealing for three devices, the CID, the
 * upload, and `chat.send_message` until it is in a block. The floor is a `balances.transferKeepAlive`
 * to inBlock on the same devnet: the chain round trip alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pino } from 'pino';

import { startDevnet } from '../server/devnet/index.js';
import { startIpfs } from '../server/ipfs/ipfs-server.js';
import { ChainClient } from '../src/chain/chain-client.js';
import { WalletSender } from '../src/chain/wallet-sender.js';
import { chainDelivery } from '../src/message/chain-delivery.js';
import { generateDeviceKeys } from '../src/message/device-keys.js';
import { sealVoiceMessage, type RecipientDevice } from '../src/message/envelope.js';
import { IpfsClient } from '../src/message/ipfs-client.js';
import { inspectOggOpus } from '../src/message/ogg.js';
import { Outbox } from '../src/message/outbox.js';
import { MessageStore } from '../src/message/store/message-store.js';
import { createDevSigner } from '../src/wallet/dev-signer.js';

/** Latencies of `runs` sends and as many transfers, in milliseconds. */
export interface SendLatency {
  send: number[];
  transfer: number[];
  audioBytes: number;
  audioDurationMs: number;
}

/** Measures `runs` sends of the speech recording at `wav`, alternating with transfers. */
export async function measureSendLatency(wav: string, runs: number): Promise<SendLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'stardust-bench-send-'));
  const silent = pino({ level: 'silent' });
  const ipfsNode = await startIpfs({ stateDir: dir, apiPort: 0, gatewayPort: 0, logger: silent });
  const devnet = await startDevnet({ port: 0, blockTimeMs: 0, logger: silent });
  const chain = new ChainClient({ url: devnet.url });

  try {
    const audio = encodeOpus(wav, dir);
    const alice = await createDevSigner('//Alice');
    const bob = (await createDevSigner('//Bob')).account.address;
    const sender = new WalletSender(chain, alice);
    const devices: RecipientDevice[] = [];

    for (const account of [bob, bob, alice.account.address]) {
      const keys = await generateDeviceKeys();

      devices.push({ account, deviceId: keys.deviceId, encryptionKey: keys.encryptionPublicKey });
    }

    const outbox = new Outbox({
      account: alice.account.address,
      store: await MessageStore.open({ indexedDB: null }),
      ipfs: new IpfsClient({ apiUrl: ipfsNode.apiUrl, gateways: [ipfsNode.gatewayUrl] }),
      delivery: chainDelivery({ chat: chain.chat, sender }),
      locks: null,
    });
    const durationMs = inspectOggOpus(audio).durationMs;
    const result: SendLatency = {
      send: [],
      transfer: [],
      audioBytes: audio.length,
      audioDurationMs: durationMs,
    };

    await chain.connect();

    // One warm-up round of each, so connection setup and JIT are not counted.
    for (let run = -1; run < runs; run += 1) {
      const started = performance.now();
      const envelope = await sealVoiceMessage({
        sender: alice.account.address,
        payload: {
          audio,
          mimeType: 'audio/ogg; codecs=opus',
          durationMs,
          waveform: new Uint8Array(64),
          recordedAt: Date.now(),
        },
        recipients: devices.slice(0, 2),
        senderDevices: devices.slice(2),
        burn: false,
      });
      const item = await outbox.enqueue({ envelope, to: bob, burn: false, durationMs });

      await outbox.processNow();

      const sent = await outbox.get(item.id);

      if (sent?.state !== 'sent')
        throw new Error(`send ${run} ended ${sent?.state} (${sent?.lastError})`);

      const sendMs = performance.now() - started;
      const transferStarted = performance.now();

      await sender.send(await chain.balances.transferKeepAlive(bob, 10n ** 10n));

      const transferMs = performance.now() - transferStarted;

      if (run >= 0) {
        result.send.push(sendMs);
        result.transfer.push(transferMs);
      }
    }

    outbox.dispose();

    return result;
  } finally {
    await chain.dispose();
    await devnet.close();
    await ipfsNode.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Encodes the speech WAV with opusenc at the recorder's settings (24 kbit/s, 20 ms). */
function encodeOpus(wav: string, dir: string): Uint8Array {
  const out = join(dir, 'speech.opus');
  const result = spawnSync('opusenc', [
    '--quiet',
    '--bitrate',
    '24',
    '--framesize',
    '20',
    wav,
    out,
  ]);

  if (result.status !== 0) throw new Error(`opusenc failed: ${result.stderr.toString()}`);

  return new Uint8Array(readFileSync(out));
}
