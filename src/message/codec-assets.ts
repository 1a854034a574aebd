/**
 * Lazy loading of opus-recorder 8.0.5's WASM Opus workers. The files sit next to this module
 * (`./assets/`), so bundlers that understand `new URL(…, import.meta.url)` (Vite, webpack 5,
 * esbuild with a plugin) emit them beside the bundle. Workers must be same-origin, so the
 * scripts are fetched and started from Blob URLs, and the SDK also works from a CDN. The CDN
 * then needs CORS, and the page's CSP needs `script-src blob:` for the encoder AudioWorklet
 * and `worker-src blob:` for the decoder worker.
 */
import { StardustError } from '../shared/errors.js';

/** Returns the default URL of the encoder worklet script, next to this module. */
export function defaultEncoderUrl(): URL {
  return new URL('./assets/opus-encoder-worker.min.js', import.meta.url);
}

/** Returns the default URL of the decoder worker script, next to this module. */
export function defaultDecoderUrl(): URL {
  return new URL('./assets/opus-decoder-worker.min.js', import.meta.url);
}

/** Returns the default URL of the decoder's WebAssembly binary, next to this module. */
export function defaultDecoderWasmUrl(): URL {
  return new URL('./assets/opus-decoder-worker.min.wasm', import.meta.url);
}

const blobUrls = new Map<string, Promise<string>>();

/**
 * Fetches the encoder script once and returns a Blob URL for `audioWorklet.addModule`.
 * A failed load is forgotten, so a later call tries again.
 * @throws StardustError ENCODER_LOAD_FAILED when the script cannot be fetched.
 */
export function loadEncoderBlobUrl(url: string | URL = defaultEncoderUrl()): Promise<string> {
  return loadBlobUrl(String(url), '');
}

/**
 * Fetches the decoder script once and returns a Blob URL for `new Worker`. The script is
 * prefixed with the absolute URL of its WebAssembly file, because inside a Blob URL worker
 * the Emscripten loader has no base URL to find it.
 * @throws StardustError PLAYBACK_FAILED when the script cannot be fetched.
 */
export function loadDecoderBlobUrl(
  url: string | URL = defaultDecoderUrl(),
  wasmUrl: string | URL = defaultDecoderWasmUrl(),
): Promise<string> {
  const absoluteWasm = new URL(String(wasmUrl), globalThis.location?.href).href;
  const prelude = `var Module={locateFile:function(){return ${JSON.stringify(absoluteWasm)};}};\n`;

  return loadBlobUrl(String(url), prelude);
}

function loadBlobUrl(url: string, prelude: string): Promise<string> {
  const key = `${url}\n${prelude}`;
  let pending = blobUrls.get(key);

  if (pending === undefined) {
    pending = fetchScript(url, prelude !== '').then((source) =>
      URL.createObjectURL(new Blob([prelude, source], { type: 'text/javascript' })),
    );
    pending.catch(() => blobUrls.delete(key));
    blobUrls.set(key, pending);
  }

  return pending;
}

async function fetchScript(url: string, decoder: boolean): Promise<string> {
  const code = decoder ? 'PLAYBACK_FAILED' : 'ENCODER_LOAD_FAILED';
  const assetName = decoder ? 'Opus decoder' : 'Opus encoder';
  let response: Response;

  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new StardustError(code, `Cannot load the ${assetName} from ${url}: the request failed.`, {
      cause: error,
    });
  }

  if (!response.ok) {
    throw new StardustError(
      code,
      `Cannot load the ${assetName} from ${url}: HTTP ${response.status}. Serve it next to the bundle.`,
    );
  }

  return response.text();
}
