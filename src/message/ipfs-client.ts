/**
 * IPFS for voice messages: uploads through a Kubo-compatible RPC API, downloads through a
 * list of path gateways. Downloads are verified against the CID before they are returned:
 * raw-leaf CIDs by their sha-256, dag-pb roots through a trustless CAR response whose every
 * block is hashed. A gateway that fails, times out, returns an HTML page or
 * wrong bytes is skipped for the next one.
 */
import type { CID } from 'multiformats/cid';
import { CID as CidClass } from 'multiformats/cid';

import type { Logger } from '../client/logger.js';
import { silentLogger } from '../client/logger.js';
import { StardustError } from '../shared/errors.js';
import { blockMatches, DAG_PB_CODE, RAW_CODE } from './cid.js';

/** Options of {@link IpfsClient}. */
export interface IpfsClientOptions {
  /** Base URL of a Kubo-compatible RPC API, such as `http://127.0.0.1:5001`. */
  apiUrl: string;
  /** Path gateways tried in order, such as `http://127.0.0.1:8080`. */
  gateways: string[];
  /** Time each gateway gets for a whole download; 10 s by default. */
  gatewayTimeoutMs?: number;
  /** Time an upload may take; 60 s by default. */
  uploadTimeoutMs?: number;
  /** Largest download accepted, in bytes; 16 MiB by default. */
  maxDownloadBytes?: number;
  /** `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
  /**
   * `XMLHttpRequest` to use for uploads with progress; the global one by default. Without
   * it (in Node), uploads use `fetch` and report progress only at the end.
   */
  XMLHttpRequest?: typeof XMLHttpRequest;
  logger?: Logger;
}

/** Options of {@link IpfsClient.upload}. */
export interface UploadOptions {
  /** Called as bytes go out: `loaded` of `total` bytes of the request body. */
  onProgress?: (progress: { loaded: number; total: number }) => void;
  signal?: AbortSignal;
}

/** Result of {@link IpfsClient.upload}. */
export interface UploadResult {
  cid: string;
  /** Cumulative DAG size the node reported. */
  size: number;
}

/** One gateway's failure, as collected for MESSAGE_UNAVAILABLE. */
export interface GatewayFailure {
  gateway: string;
  reason: 'http-status' | 'html' | 'timeout' | 'cid-mismatch' | 'too-large' | 'network';
  detail: string;
}

const RAW_TYPE = 'application/vnd.ipld.raw';
const CAR_TYPE = 'application/vnd.ipld.car';

/** Uploads to and downloads from IPFS. */
export class IpfsClient {
  readonly #apiUrl: string;
  readonly #gateways: string[];
  readonly #gatewayTimeoutMs: number;
  readonly #uploadTimeoutMs: number;
  readonly #maxDownloadBytes: number;
  readonly #fetch: typeof fetch;
  readonly #xhr: typeof XMLHttpRequest | undefined;
  readonly #logger: Logger;

  constructor(options: IpfsClientOptions) {
    if (options.gateways.length === 0) {
      throw new RangeError('IpfsClient needs at least one gateway URL');
    }

    this.#apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#gateways = options.gateways.map((gateway) => gateway.replace(/\/+$/, ''));
    this.#gatewayTimeoutMs = options.gatewayTimeoutMs ?? 10_000;
    this.#uploadTimeoutMs = options.uploadTimeoutMs ?? 60_000;
    this.#maxDownloadBytes = options.maxDownloadBytes ?? 16 * 1024 * 1024;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#xhr = options.XMLHttpRequest ?? globalThis.XMLHttpRequest;
    this.#logger = options.logger ?? silentLogger;
  }

  /**
   * Adds `bytes` as a CIDv1 file with raw leaves and returns its CID.
   * @throws StardustError IPFS_UPLOAD_FAILED when the request fails or is rejected.
   */
  async upload(bytes: Uint8Array, options: UploadOptions = {}): Promise<UploadResult> {
    const url = `${this.#apiUrl}/api/v0/add?cid-version=1&raw-leaves=true&pin=true`;
    const form = new FormData();

    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'voice-message');

    const text =
      this.#xhr === undefined
        ? await this.#uploadWithFetch(url, form, bytes.length, options)
        : await this.#uploadWithXhr(url, form, options);
    const lines = text.trim().split('\n').filter(Boolean);
    const last = lines.length > 0 ? (JSON.parse(lines[lines.length - 1]!) as AddLine) : {};

    if (typeof last.Hash !== 'string') {
      throw uploadError(`the API response has no CID: ${text.slice(0, 200)}`);
    }

    return { cid: last.Hash, size: Number(last.Size ?? bytes.length) };
  }

  /**
   * Downloads and verifies the content of `cid`, trying each gateway in order.
   * @throws StardustError MESSAGE_UNAVAILABLE when every gateway failed; INVALID_ARGUMENT
   *   when `cid` is not a CID this client can verify.
   */
  async download(cid: string, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const parsed = parseCid(cid);
    const failures: GatewayFailure[] = [];

    for (const gateway of this.#gateways) {
      options.signal?.throwIfAborted();

      const result = await this.#tryGateway(gateway, parsed, options.signal);

      if (result instanceof Uint8Array) return result;

      failures.push(result);
      this.#logger.warn('gateway failed, trying the next one', {
        cid,
        gateway,
        reason: result.reason,
        code: result.reason === 'cid-mismatch' ? 'CID_MISMATCH' : undefined,
      });
    }

    const summary = failures.map((failure) => `${failure.gateway}: ${failure.detail}`).join('; ');
    const error = new StardustError(
      'MESSAGE_UNAVAILABLE',
      `Voice message ${cid} is unavailable from every gateway (${summary}). Retry later.`,
    );

    (error as StardustError & { failures?: GatewayFailure[] }).failures = failures;
    throw error;
  }

  async #tryGateway(
    gateway: string,
    cid: CID,
    signal: AbortSignal | undefined,
  ): Promise<Uint8Array | GatewayFailure> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#gatewayTimeoutMs);
    const onAbort = () => controller.abort();
    const car = cid.code === DAG_PB_CODE;
    const fail = (reason: GatewayFailure['reason'], detail: string): GatewayFailure => ({
      gateway,
      reason,
      detail,
    });

    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      const response = await this.#fetch(
        `${gateway}/ipfs/${cid.toString()}?format=${car ? 'car' : 'raw'}`,
        { headers: { accept: car ? CAR_TYPE : RAW_TYPE }, signal: controller.signal },
      );

      if (!response.ok) return fail('http-status', `HTTP ${response.status}`);

      const type = response.headers.get('content-type') ?? '';

      if (/text\/html/i.test(type)) return fail('html', `an HTML page (${type})`);

      const length = Number(response.headers.get('content-length') ?? 0);

      if (length > this.#maxDownloadBytes) return fail('too-large', `${length} bytes`);

      const bytes = new Uint8Array(await response.arrayBuffer());

      if (bytes.length > this.#maxDownloadBytes) return fail('too-large', `${bytes.length} bytes`);

      const content = car ? await verifiedCarContent(cid, bytes) : await verifiedRaw(cid, bytes);

      return content ?? fail('cid-mismatch', 'bytes that do not match the CID');
    } catch (error) {
      signal?.throwIfAborted();

      if (controller.signal.aborted) {
        return fail('timeout', `timed out after ${this.#gatewayTimeoutMs} ms`);
      }

      return fail('network', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  #uploadWithXhr(url: string, form: FormData, options: UploadOptions): Promise<string> {
    const Xhr = this.#xhr!;

    return new Promise((resolve, reject) => {
      const request = new Xhr();
      const onAbort = () => request.abort();

      request.open('POST', url);
      request.timeout = this.#uploadTimeoutMs;
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) {
          options.onProgress?.({ loaded: event.loaded, total: event.total });
        }
      };

      request.onload = () => {
        options.signal?.removeEventListener('abort', onAbort);

        if (request.status >= 200 && request.status < 300) resolve(request.responseText);
        else reject(uploadError(`HTTP ${request.status}: ${apiMessage(request.responseText)}`));
      };

      request.onerror = () => reject(uploadError(`the RPC API at ${this.#apiUrl} is unreachable`));
      request.ontimeout = () =>
        reject(
          uploadError(`the request to ${this.#apiUrl} timed out after ${this.#uploadTimeoutMs} ms`),
        );
      request.onabort = () =>
        reject(options.signal?.reason ?? uploadError('the upload was aborted'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      request.send(form);
    });
  }

  async #uploadWithFetch(
    url: string,
    form: FormData,
    total: number,
    options: UploadOptions,
  ): Promise<string> {
    const signals = [AbortSignal.timeout(this.#uploadTimeoutMs)];

    if (options.signal !== undefined) signals.push(options.signal);

    let response: Response;

    try {
      response = await this.#fetch(url, {
        method: 'POST',
        body: form,
        signal: AbortSignal.any(signals),
      });
    } catch (error) {
      options.signal?.throwIfAborted();
      throw uploadError(`the RPC API at ${this.#apiUrl} is unreachable`, error);
    }

    const text = await response.text();

    if (!response.ok) throw uploadError(`HTTP ${response.status}: ${apiMessage(text)}`);

    options.onProgress?.({ loaded: total, total });

    return text;
  }
}

interface AddLine {
  Hash?: string;
  Size?: string;
}

async function verifiedRaw(cid: CID, bytes: Uint8Array): Promise<Uint8Array | null> {
  return (await blockMatches(cid, bytes)) ? bytes : null;
}

/** Verifies every block of a CAR response and reassembles the UnixFS file under `root`. */
async function verifiedCarContent(root: CID, bytes: Uint8Array): Promise<Uint8Array | null> {
  const { fileFromCar } = await import('./unixfs-file.js');

  return fileFromCar(root, bytes);
}

function parseCid(cid: string): CID {
  let parsed: CID;

  try {
    parsed = CidClass.parse(cid);
  } catch (error) {
    throw new StardustError('INVALID_ARGUMENT', `"${cid}" is not a valid CID.`, { cause: error });
  }

  if (parsed.code !== RAW_CODE && parsed.code !== DAG_PB_CODE) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `CID ${cid} uses codec 0x${parsed.code.toString(16)}; voice messages are raw or dag-pb.`,
    );
  }

  return parsed;
}

function apiMessage(text: string): string {
  try {
    return (JSON.parse(text) as { Message?: string }).Message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

function uploadError(reason: string, cause?: unknown): StardustError {
  return new StardustError('IPFS_UPLOAD_FAILED', `IPFS upload failed: ${reason}.`, { cause });
}
