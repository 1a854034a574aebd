/**
 * Loads the Opus encoder worklet from a URL the page chose (`encoderUrl`), instead of the
 * bundled chunk that `load-encoder.ts` imports. The script is fetched and handed to
 * `audioWorklet.addModule()` as a Blob URL, so it may come from another origin with CORS.
 */
import { StardustError } from '../shared/errors.js';

const blobUrls = new Map<string, Promise<string>>();

/**
 * Fetches the encoder script at `url` once and returns a Blob URL of it. A failed load is
 * forgotten, so a later call tries again.
 * @throws StardustError ENCODER_LOAD_FAILED when the script cannot be fetched.
 */
export function encoderBlobUrlFrom(url: string | URL): Promise<string> {
  const key = String(url);
  let pending = blobUrls.get(key);

  if (pending === undefined) {
    pending = fetchScript(key).then((source) =>
      URL.createObjectURL(new Blob([source], { type: 'text/javascript' })),
    );
    pending.catch(() => blobUrls.delete(key));
    blobUrls.set(key, pending);
  }

  return pending;
}

async function fetchScript(url: string): Promise<string> {
  let response: Response;

  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new StardustError(
      'ENCODER_LOAD_FAILED',
      `Cannot load the Opus encoder from ${url}: the request failed.`,
      { cause: error },
    );
  }

  if (!response.ok) {
    throw new StardustError(
      'ENCODER_LOAD_FAILED',
      `Cannot load the Opus encoder from ${url}: HTTP ${response.status}.`,
    );
  }

  return response.text();
}
