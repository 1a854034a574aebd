/**
 * Decodes Ogg Opus to PCM with opus-recorder 8.0.5's WASM decoder worker, for browsers whose
 * `<audio>` cannot play Ogg Opus (older Safari versions). The decoder does not apply the
 * stream's pre-skip, so it is removed here, and the output is cut to the stream's duration.
 */
import { StardustError } from '../shared/errors.js';
import { decoderWorkerUrl } from './load-decoder.js';
import { inspectOggOpus, OPUS_GRANULE_RATE } from './ogg.js';

/** Options of {@link decodeOggOpus}. */
export interface DecodeOptions {
  /** Output sample rate, such as the AudioContext's. */
  sampleRate: number;
  /** How long decoding may take; 30 s by default. */
  timeoutMs?: number;
}

/** Decoded audio: one Float32Array per channel at `sampleRate`. */
export interface DecodedAudio {
  channels: Float32Array[];
  sampleRate: number;
}

/**
 * Decodes a whole Ogg Opus stream.
 * @throws StardustError PLAYBACK_FAILED when the decoder cannot load or the stream is invalid.
 */
export async function decodeOggOpus(
  bytes: Uint8Array,
  options: DecodeOptions,
): Promise<DecodedAudio> {
  const info = inspectOggOpus(bytes);
  const url = await decoderWorkerUrl();
  const worker = new Worker(url);
  const chunks: Float32Array[][] = [];

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new StardustError('PLAYBACK_FAILED', 'The Opus decoder did not finish in time.')),
        options.timeoutMs ?? 30_000,
      );

      worker.onmessage = ({ data }: MessageEvent<Float32Array[] | null>) => {
        // The worker posts buffers of samples per channel, then null at the end of the stream.
        if (data === null) {
          clearTimeout(timer);
          resolve();
        } else {
          chunks.push(data);
        }
      };

      worker.onerror = (event) => {
        clearTimeout(timer);
        event.preventDefault();
        reject(new StardustError('PLAYBACK_FAILED', `The Opus decoder failed: ${event.message}.`));
      };

      worker.postMessage({
        command: 'init',
        decoderSampleRate: OPUS_GRANULE_RATE,
        outputBufferSampleRate: options.sampleRate,
        bufferLength: 4096,
      });

      const copy = bytes.slice();

      worker.postMessage({ command: 'decode', pages: copy }, [copy.buffer]);
      worker.postMessage({ command: 'done' });
    });
  } finally {
    worker.terminate();
  }

  const channelCount = Math.max(1, info.head.channels);
  const scale = options.sampleRate / OPUS_GRANULE_RATE;
  const skip = Math.round(info.head.preSkip * scale);
  const length = Math.round((info.durationMs / 1000) * options.sampleRate);
  const channels: Float32Array[] = [];

  for (let channel = 0; channel < channelCount; channel += 1) {
    const total = chunks.reduce((sum, chunk) => sum + (chunk[channel]?.length ?? 0), 0);
    const joined = new Float32Array(total);
    let offset = 0;

    for (const chunk of chunks) {
      const part = chunk[channel] ?? new Float32Array(0);

      joined.set(part, offset);
      offset += part.length;
    }

    channels.push(joined.slice(skip, skip + length));
    joined.fill(0);
  }

  for (const chunk of chunks) for (const part of chunk) part.fill(0);

  return { channels, sampleRate: options.sampleRate };
}
