// The page side of the voice_message benchmark, bundled with esbuild and served on loopback.
// It exposes its measurements on `window.voiceBench` for bench/voice-message.bench.ts.
import { generateDeviceKeys } from '../../src/message/device-keys.js';
import { sealVoiceMessage } from '../../src/message/envelope.js';
import { computeCid } from '../../src/message/cid.js';
import { encoderWorkletUrl } from '../../src/message/load-encoder.js';
import { IpfsClient } from '../../src/message/ipfs-client.js';
import { VoiceMessageReader } from '../../src/message/message-reader.js';
import { inspectOggOpus } from '../../src/message/ogg.js';
import { VoicePlayer, type PlayableAudio } from '../../src/message/player.js';
import { CiphertextCache } from '../../src/message/store/ciphertext-cache.js';
import { MessageStore } from '../../src/message/store/message-store.js';
import { encodeAddress } from '../../src/shared/ss58.js';

/** Reads 16-bit PCM mono samples from a WAV file. */
function wavSamples(bytes: ArrayBuffer): { samples: Float32Array; sampleRate: number } {
  const view = new DataView(bytes);
  let offset = 12;
  let sampleRate = 48_000;

  while (offset + 8 <= view.byteLength) {
    const id = String.fromCharCode(...new Uint8Array(bytes, offset, 4));
    const size = view.getUint32(offset + 4, true);

    if (id === 'fmt ') sampleRate = view.getUint32(offset + 12, true);

    if (id === 'data') {
      const samples = new Float32Array(size / 2);

      for (let i = 0; i < samples.length; i += 1) {
        samples[i] = view.getInt16(offset + 8 + i * 2, true) / 32768;
      }

      return { samples, sampleRate };
    }

    offset += 8 + size + (size % 2);
  }

  throw new Error('WAV file has no data chunk');
}

/** Encodes a WAV with opus-recorder's WASM encoder in a worker, in 20 ms frames. */
async function encodeWav(url: string): Promise<{ ms: number; bytes: number; durationMs: number }> {
  const { samples, sampleRate } = wavSamples(await (await fetch(url)).arrayBuffer());
  const worker = new Worker(await encoderWorkletUrl());
  const pages: Uint8Array[] = [];
  const frame = (sampleRate * 20) / 1000;

  await new Promise<void>((resolve) => {
    worker.onmessage = ({ data }) => {
      if (data.message === 'ready') resolve();
    };

    worker.postMessage({
      command: 'init',
      originalSampleRate: sampleRate,
      encoderSampleRate: 48_000,
      encoderApplication: 2048,
      encoderBitRate: 24_000,
      encoderFrameSize: 20,
      numberOfChannels: 1,
      maxFramesPerPage: 40,
    });
  });

  const started = performance.now();
  const done = new Promise<void>((resolve) => {
    worker.onmessage = ({ data }) => {
      if (data.message === 'page') pages.push(data.page);
      else if (data.message === 'done') resolve();
    };
  });

  worker.postMessage({ command: 'getHeaderPages' });

  for (let offset = 0; offset < samples.length; offset += frame) {
    const chunk = new Float32Array(frame);

    chunk.set(samples.subarray(offset, Math.min(samples.length, offset + frame)));
    worker.postMessage({ command: 'encode', buffers: [chunk] }, [chunk.buffer]);
  }

  worker.postMessage({ command: 'done' });
  await done;

  const ms = performance.now() - started;

  worker.terminate();

  const bytes = new Uint8Array(pages.reduce((sum, page) => sum + page.length, 0));
  let offset = 0;

  for (const page of pages) {
    bytes.set(page, offset);
    offset += page.length;
  }

  lastEncoded = bytes;

  return { ms, bytes: bytes.length, durationMs: inspectOggOpus(bytes).durationMs };
}

let lastEncoded: Uint8Array | null = null;

function untilPlaying(player: VoicePlayer): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = player.on('stateChange', ({ state, error }) => {
      if (state === 'playing') {
        off();
        resolve();
      } else if (state === 'failed' || state === 'blocked') {
        off();
        reject(error);
      }
    });
  });
}

/**
 * Times playback start of a sealed message from the IndexedDB cache (read, decrypt, start
 * the element) against the same audio played from memory, `runs` times each.
 */
async function cachedPlay(runs: number): Promise<{ cached: number[]; memory: number[] }> {
  if (lastEncoded === null) throw new Error('run encodeWav first');

  const account = encodeAddress(crypto.getRandomValues(new Uint8Array(32)));
  const store = await MessageStore.open();
  const cache = new CiphertextCache(store);
  const keys = await generateDeviceKeys();
  const audio = lastEncoded;
  const durationMs = inspectOggOpus(audio).durationMs;

  await store.putDevice(account, keys);

  const sealed = await sealVoiceMessage({
    sender: account,
    payload: {
      audio,
      mimeType: 'audio/ogg; codecs=opus',
      durationMs,
      waveform: new Uint8Array(64),
      recordedAt: Date.now(),
    },
    recipients: [{ account, deviceId: keys.deviceId, encryptionKey: keys.encryptionPublicKey }],
    burn: false,
  });
  const cid = (await computeCid(sealed)).toString();

  await cache.put(account, cid, sealed);

  // Every gateway is unreachable: a playback that does not come from the cache fails.
  const reader = new VoiceMessageReader({
    account,
    store,
    cache,
    ipfs: new IpfsClient({ apiUrl: 'http://127.0.0.1:9', gateways: ['http://127.0.0.1:9'] }),
  });
  const cached: number[] = [];
  const memory: number[] = [];

  for (let run = 0; run < runs; run += 1) {
    const fromCache = new VoicePlayer();
    const started = performance.now();
    const playing = untilPlaying(fromCache);

    await reader.play(fromCache, cid);
    await playing;
    cached.push(performance.now() - started);
    fromCache.dispose();

    const fromMemory = new VoicePlayer();
    const source: PlayableAudio = {
      bytes: audio.slice(),
      mimeType: 'audio/ogg; codecs=opus',
      durationMs,
    };
    const memoryStarted = performance.now();
    const memoryPlaying = untilPlaying(fromMemory);

    await fromMemory.play(async () => source);
    await memoryPlaying;
    memory.push(performance.now() - memoryStarted);
    fromMemory.dispose();
  }

  store.close();

  return { cached, memory };
}

(window as unknown as { voiceBench: unknown }).voiceBench = { encodeWav, cachedPlay };
