/**
 * Loads opus-recorder's Opus decoder worker (its WebAssembly inlined, about 220 KB) on first
 * use, for browsers whose `<audio>` cannot play Ogg Opus. The source travels as a string in
 * its own chunk (`opus-decoder-worker.js`), loaded with `import()` relative to this module,
 * and starts from a Blob URL, which is same-origin wherever the chunk came from. The page's
 * CSP must allow `worker-src blob:` and `script-src 'wasm-unsafe-eval'`.
 */
import { StardustError } from '../shared/errors.js';

let pending: Promise<string> | undefined;

/**
 * Returns a Blob URL of the decoder worker, loading its chunk on the first call.
 * @throws StardustError PLAYBACK_FAILED when the chunk cannot be fetched; a later call
 *   tries again.
 */
export function decoderWorkerUrl(): Promise<string> {
  pending ??= import('./opus-decoder-worker.js').then(
    ({ DECODER_WORKER_SOURCE }) =>
      URL.createObjectURL(new Blob([DECODER_WORKER_SOURCE], { type: 'text/javascript' })),
    (cause: unknown) => {
      pending = undefined;

      throw new StardustError(
        'PLAYBACK_FAILED',
        'Loading the Opus decoder chunk failed: serve the chunks folder next to the Stardust Voice bundle, with CORS when it is on another origin.',
        { cause },
      );
    },
  );

  return pending;
}
