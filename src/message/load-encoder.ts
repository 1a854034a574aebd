/**
 * Loads opus-recorder's Opus encoder (an AudioWorklet processor with its WebAssembly
 * inlined, about 385 KB) on first use. The encoder's source travels as a string in its own
 * chunk (`opus-encoder-worklet.js`), loaded with `import()` relative to this module. It is
 * handed to `audioWorklet.addModule()` as a Blob URL, because a worklet must be same-origin
 * and a Blob URL is same-origin wherever the chunk came from. The page's CSP must allow
 * `script-src blob: 'wasm-unsafe-eval'`.
 *
 * NOTE: the recorder replaces or extends this file; keep the encoder reachable only
 * through `import()` so it never lands in the main bundle.
 */
import { StardustError } from '../shared/errors.js';

/** The processor name opus-recorder registers, for `new AudioWorkletNode(context, …)`. */
export const ENCODER_PROCESSOR = 'encoder-worklet';

let pending: Promise<string> | undefined;

/**
 * Returns a Blob URL of the encoder worklet, loading its chunk on the first call.
 * @throws StardustError ENCODER_LOAD_FAILED when the chunk cannot be fetched; a later call
 *   tries again.
 */
export function encoderWorkletUrl(): Promise<string> {
  pending ??= import('./opus-encoder-worklet.js').then(
    ({ ENCODER_WORKLET_SOURCE }) =>
      URL.createObjectURL(new Blob([ENCODER_WORKLET_SOURCE], { type: 'text/javascript' })),
    (cause: unknown) => {
      pending = undefined;

      throw new StardustError(
        'ENCODER_LOAD_FAILED',
        'Loading the Opus encoder chunk failed: serve the chunks folder next to the Stardust Voice bundle, with CORS when it is on another origin.',
        { cause },
      );
    },
  );

  return pending;
}

/**
 * Adds the encoder processor to `context`, so `new AudioWorkletNode(context,
 * ENCODER_PROCESSOR)` works.
 * @throws StardustError ENCODER_LOAD_FAILED when the chunk or the worklet fails to load,
 *   for example when the page's CSP `script-src` lacks `blob:` or `'wasm-unsafe-eval'`.
 */
export async function addEncoderWorklet(context: BaseAudioContext): Promise<void> {
  const url = await encoderWorkletUrl();

  try {
    await context.audioWorklet.addModule(url);
    // An error while the worklet script runs does not reject addModule: the script stops
    // before registering its processor, which only creating a node reveals. Without
    // 'wasm-unsafe-eval' the CSP blocks the encoder's WebAssembly exactly that way.
    new AudioWorkletNode(context, ENCODER_PROCESSOR, { numberOfOutputs: 0 });
  } catch (cause) {
    throw new StardustError(
      'ENCODER_LOAD_FAILED',
      "Starting the Opus encoder worklet failed: allow blob: and 'wasm-unsafe-eval' in the script-src of the page's Content-Security-Policy.",
      { cause },
    );
  }
}
