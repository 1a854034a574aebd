// Runs opus-recorder 8.0.5's own Ogg Opus encoder (the WASM build the browser recorder
// loads) in Node, so that tests can check streams exactly as that encoder writes them.
import { createRequire } from 'node:module';

interface EncoderPage {
  page: Uint8Array;
  samplePosition: number;
}

interface OggOpusEncoder {
  generateIdPage(): EncoderPage;
  generateCommentPage(): EncoderPage;
  encode(buffers: Float32Array[]): EncoderPage[];
  encodeFinalFrame(): EncoderPage[];
  destroy(): void;
}

interface EncoderModule {
  Module: { calledRun?: boolean; onRuntimeInitialized?: () => void };
  OggOpusEncoder: new (config: Record<string, unknown>, module: unknown) => OggOpusEncoder;
}

let loaded: Promise<EncoderModule> | undefined;

function loadEncoder(): Promise<EncoderModule> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const before = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
    const encoder = require('opus-recorder/dist/encoderWorker.min.js') as EncoderModule;

    // The Emscripten runtime installs process handlers that rethrow; the test runner's own
    // handlers must stay in charge.
    for (const listener of process.listeners('uncaughtException')) {
      if (!before.uncaughtException.includes(listener)) {
        process.removeListener('uncaughtException', listener);
      }
    }

    for (const listener of process.listeners('unhandledRejection')) {
      if (!before.unhandledRejection.includes(listener)) {
        process.removeListener('unhandledRejection', listener);
      }
    }

    if (!encoder.Module.calledRun) {
      await new Promise<void>((resolve) => {
        encoder.Module.onRuntimeInitialized = resolve;
      });
    }

    return encoder;
  })();

  return loaded;
}

/** Options of {@link encodeWithOpusRecorder}. */
export interface NodeEncodeOptions {
  sampleRate?: number;
  bitRate?: number;
  /** Samples per `encode` call; a whole 20 ms frame by default. */
  chunkSamples?: number;
  maxFramesPerPage?: number;
}

/** Encodes mono PCM with opus-recorder's encoder and returns the Ogg Opus stream. */
export async function encodeWithOpusRecorder(
  pcm: Float32Array,
  options: NodeEncodeOptions = {},
): Promise<Uint8Array> {
  const { Module, OggOpusEncoder } = await loadEncoder();
  const sampleRate = options.sampleRate ?? 48_000;
  const encoder = new OggOpusEncoder(
    {
      originalSampleRate: sampleRate,
      encoderSampleRate: 48_000,
      numberOfChannels: 1,
      encoderApplication: 2048,
      encoderBitRate: options.bitRate ?? 24_000,
      maxFramesPerPage: options.maxFramesPerPage ?? 40,
    },
    Module,
  );
  const chunk = options.chunkSamples ?? (sampleRate * 20) / 1000;
  const pages: EncoderPage[] = [encoder.generateIdPage(), encoder.generateCommentPage()];

  for (let offset = 0; offset < pcm.length; offset += chunk) {
    const part = new Float32Array(chunk);

    part.set(pcm.subarray(offset, Math.min(pcm.length, offset + chunk)));
    pages.push(...encoder.encode([part]));
  }

  pages.push(...encoder.encodeFinalFrame());
  encoder.destroy();

  const total = pages.reduce((sum, page) => sum + page.page.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;

  for (const { page } of pages) {
    out.set(page, offset);
    offset += page.length;
  }

  return out;
}

/** A tone with a slow amplitude wobble, so the encoder spends real bits on it. */
export function testTone(seconds: number, sampleRate = 48_000): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));

  for (let i = 0; i < out.length; i += 1) {
    const t = i / sampleRate;

    out[i] = 0.3 * Math.sin(2 * Math.PI * 440 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t));
  }

  return out;
}
