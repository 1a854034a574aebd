/**
 * The embedded IPFS node for development: in-process, no networking with other peers.
 *
 * - RPC API (Kubo-compatible subset): `POST /api/v0/add` (multipart, `cid-version`,
 *   `raw-leaves`, `progress`, `only-hash`), `POST /api/v0/cat` (`arg`, `offset`, `length`),
 *   `POST /api/v0/version`.
 * - Path gateway: `GET|HEAD /ipfs/<cid>` with the file's bytes, `?format=raw` or
 *   `Accept: application/vnd.ipld.raw` for the root block and `?format=car` or
 *   `Accept: application/vnd.ipld.car` for every block of the DAG (trustless responses).
 *
 * Blocks persist under `<stateDir>/blocks`. CIDs equal kubo's for the same bytes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { CID } from 'multiformats/cid';
import { pino, type Logger } from 'pino';

import { encodeCar } from '../../src/shared/car.js';
import { FileBlockstore } from './file-blockstore.js';
import { parseMultipartFile } from './multipart.js';
import { addFile, CHUNK_SIZE, collectBlocks, readFile } from './unixfs.js';

/** Options of {@link startIpfs}. */
export interface IpfsOptions {
  /** Address both servers listen on; 127.0.0.1 by default. */
  host?: string;
  /** RPC API port; 5001 by default, 0 for any free port. */
  apiPort?: number;
  /** Gateway port; 8080 by default, 0 for any free port. */
  gatewayPort?: number;
  /** Folder for the blocks; created when missing. */
  stateDir: string;
  /** Largest accepted upload in bytes; 32 MiB by default. */
  maxUploadBytes?: number;
  /**
   * Web origins allowed to call the RPC API from a page, besides loopback origins
   * (http://127.0.0.1:*, http://localhost:*, http://[::1]:*), which are always allowed.
   * `["*"]` allows every origin. The gateway allows every origin, as public gateways do.
   */
  apiCorsOrigins?: string[];
  /** pino logger; JSON lines at info level on stdout by default. */
  logger?: Logger;
}

/** A running embedded IPFS node. */
export interface IpfsHandle {
  /** Base URL of the RPC API, such as `http://127.0.0.1:5001`. */
  apiUrl: string;
  /** Base URL of the path gateway, such as `http://127.0.0.1:8080`. */
  gatewayUrl: string;
  /** Stops both servers. */
  close(): Promise<void>;
}

/** The version the RPC API reports. */
const NODE_VERSION = 'stardust-embedded-0.1.0';
const RAW_TYPE = 'application/vnd.ipld.raw';
const CAR_TYPE = 'application/vnd.ipld.car';

/** Starts the embedded IPFS node: the RPC API and the gateway, each on its own port. */
export async function startIpfs(options: IpfsOptions): Promise<IpfsHandle> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? pino({ name: 'ipfs' });
  const blockstore = new FileBlockstore(join(options.stateDir, 'blocks'));

  await blockstore.open();

  const context: Context = {
    blockstore,
    logger,
    maxUploadBytes: options.maxUploadBytes ?? 32 * 1024 * 1024,
    corsOrigins: options.apiCorsOrigins ?? [],
  };
  const api = createServer((request, response) => {
    handleApi(context, request, response).catch((error: unknown) =>
      failRequest(context, response, 'api', request, error),
    );
  });
  const gateway = createServer((request, response) => {
    handleGateway(context, request, response).catch((error: unknown) =>
      failRequest(context, response, 'gateway', request, error),
    );
  });

  await listen(api, host, options.apiPort ?? 5001);

  try {
    await listen(gateway, host, options.gatewayPort ?? 8080);
  } catch (error) {
    await closeServer(api);
    throw error;
  }

  const apiUrl = urlOf(api, host);
  const gatewayUrl = urlOf(gateway, host);

  logger.info({ apiUrl, gatewayUrl, stateDir: options.stateDir }, 'ipfs node started');

  return {
    apiUrl,
    gatewayUrl,
    async close() {
      await Promise.all([closeServer(api), closeServer(gateway)]);
      logger.info({ apiUrl, gatewayUrl }, 'ipfs node stopped');
    },
  };
}

interface Context {
  blockstore: FileBlockstore;
  logger: Logger;
  maxUploadBytes: number;
  corsOrigins: string[];
}

async function handleApi(
  context: Context,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');

  if (!applyApiCors(context, request, response)) {
    sendApiError(response, 403, `origin ${request.headers.origin} is not allowed`);

    return;
  }

  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();

    return;
  }

  // Kubo's RPC API accepts only POST, which keeps simple cross-site GETs from triggering it.
  if (request.method !== 'POST') {
    sendApiError(response, 405, `${request.method} is not allowed: use POST`);

    return;
  }

  switch (url.pathname) {
    case '/api/v0/add':
      await handleAdd(context, url, request, response);
      break;
    case '/api/v0/cat':
      await handleCat(context, url, response);
      break;
    case '/api/v0/version':
      sendJson(response, 200, {
        Version: NODE_VERSION,
        Commit: '',
        Repo: '',
        System: `${process.arch}/${process.platform}`,
        Golang: '',
      });
      break;
    default:
      sendApiError(response, 404, `${url.pathname} is not supported by the embedded node`);
  }
}

async function handleAdd(
  context: Context,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const cidVersion = url.searchParams.get('cid-version') ?? '0';

  if (cidVersion !== '0' && cidVersion !== '1') {
    sendApiError(response, 400, `cid-version must be 0 or 1, got ${cidVersion}`);

    return;
  }

  const hash = url.searchParams.get('hash') ?? 'sha2-256';

  if (hash !== 'sha2-256') {
    sendApiError(response, 400, `hash ${hash} is not supported: use sha2-256`);

    return;
  }

  // As in kubo, CIDv1 implies raw leaves unless raw-leaves is given.
  const rawLeaves = parseBool(url.searchParams.get('raw-leaves')) ?? cidVersion === '1';
  const progress = parseBool(url.searchParams.get('progress')) ?? false;
  const body = await readBody(request, context.maxUploadBytes);

  if (body === null) {
    sendApiError(response, 413, `upload exceeds ${context.maxUploadBytes} bytes`);

    return;
  }

  let file;

  try {
    file = parseMultipartFile(body, request.headers['content-type']);
  } catch (error) {
    sendApiError(response, 400, `invalid add request: ${(error as Error).message}`);

    return;
  }

  response.writeHead(200, {
    'content-type': 'application/json',
    'x-chunked-output': '1',
    'cache-control': 'no-cache',
  });

  const result = await addFile(context.blockstore, chunks(file.data, progress, response), {
    cidVersion: cidVersion === '1' ? 1 : 0,
    rawLeaves,
  });
  const name = file.name === '' ? result.cid.toString() : file.name;

  response.end(
    `${JSON.stringify({ Name: name, Hash: result.cid.toString(), Size: String(result.cumulativeSize) })}\n`,
  );
  context.logger.info(
    { cid: result.cid.toString(), bytes: file.data.length, rawLeaves, cidVersion },
    'ipfs add',
  );
}

async function* chunks(
  data: Buffer,
  progress: boolean,
  response: ServerResponse,
): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < data.length; offset += CHUNK_SIZE) {
    const chunk = data.subarray(offset, offset + CHUNK_SIZE);

    yield chunk;

    if (progress) {
      response.write(`${JSON.stringify({ Name: '', Bytes: offset + chunk.length })}\n`);
    }
  }
}

async function handleCat(context: Context, url: URL, response: ServerResponse): Promise<void> {
  const cid = parseCid(url.searchParams.get('arg') ?? '');

  if (cid === null) {
    sendApiError(response, 400, 'arg must be a CID');

    return;
  }

  const offset = Number(url.searchParams.get('offset') ?? 0);
  const lengthParam = url.searchParams.get('length');
  const length = lengthParam === null ? undefined : Number(lengthParam);

  if (!Number.isSafeInteger(offset) || offset < 0 || (length !== undefined && !(length >= 0))) {
    sendApiError(response, 400, 'offset and length must be non-negative integers');

    return;
  }

  const content = await collectFile(context, cid, { offset, length });

  if (content === null) {
    sendApiError(response, 500, `block ${cid.toString()} was not found locally`);

    return;
  }

  response.writeHead(200, {
    'content-type': 'text/plain',
    'x-content-length': String(content.length),
  });
  response.end(content);
}

async function handleGateway(
  context: Context,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-allow-methods', 'GET, HEAD, OPTIONS');
  response.setHeader('access-control-allow-headers', 'Content-Type, Range, Accept');
  response.setHeader(
    'access-control-expose-headers',
    'Content-Length, Content-Range, X-Ipfs-Path, X-Ipfs-Roots',
  );

  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();

    return;
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, `${request.method} is not allowed`);

    return;
  }

  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = /^\/ipfs\/([^/]+)\/?$/.exec(url.pathname);
  const cid = match === null ? null : parseCid(decodeURIComponent(match[1]!));

  if (cid === null) {
    sendText(response, 400, 'expected /ipfs/<cid>; paths inside a DAG are not supported');

    return;
  }

  const format = responseFormat(url, request.headers.accept);
  const headers: Record<string, string> = {
    etag: `"${cid.toString()}${format === 'file' ? '' : `.${format}`}"`,
    'x-ipfs-path': url.pathname,
    'x-ipfs-roots': cid.toString(),
    'cache-control': 'public, max-age=29030400, immutable',
  };
  const body = await gatewayBody(context, cid, format);

  if (body === null) {
    sendText(response, 404, `${cid.toString()} is not stored on this node`);

    return;
  }

  headers['content-type'] =
    format === 'raw'
      ? RAW_TYPE
      : format === 'car'
        ? `${CAR_TYPE}; version=1`
        : 'application/octet-stream';
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

type GatewayFormat = 'file' | 'raw' | 'car';

function responseFormat(url: URL, accept: string | undefined): GatewayFormat {
  const format = url.searchParams.get('format');

  if (format === 'raw' || accept?.includes(RAW_TYPE)) return 'raw';

  if (format === 'car' || accept?.includes(CAR_TYPE)) return 'car';

  return 'file';
}

async function gatewayBody(
  context: Context,
  cid: CID,
  format: GatewayFormat,
): Promise<Uint8Array | null> {
  try {
    if (format === 'raw') return await context.blockstore.getBytes(cid);

    if (format === 'car') return encodeCar([cid], await collectBlocks(context.blockstore, cid));
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return null;

    throw error;
  }

  return collectFile(context, cid, {});
}

async function collectFile(
  context: Context,
  cid: CID,
  range: { offset?: number; length?: number },
): Promise<Buffer | null> {
  const parts: Uint8Array[] = [];

  try {
    for await (const part of readFile(context.blockstore, cid, range)) parts.push(part);
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return null;

    throw error;
  }

  return Buffer.concat(parts);
}

/** Sets the CORS headers of the RPC API; returns false when the origin is not allowed. */
function applyApiCors(
  context: Context,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const origin = request.headers.origin;

  if (origin === undefined) return true;

  const allowed =
    context.corsOrigins.includes('*') ||
    context.corsOrigins.includes(origin) ||
    isLoopbackOrigin(origin);

  if (!allowed) return false;

  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('vary', 'Origin');
  response.setHeader('access-control-allow-methods', 'POST, OPTIONS');
  response.setHeader('access-control-allow-headers', 'Content-Type, X-Requested-With');
  response.setHeader('access-control-expose-headers', 'X-Chunked-Output, X-Stream-Output');

  return true;
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const { hostname, protocol } = new URL(origin);

    return (
      (protocol === 'http:' || protocol === 'https:') &&
      (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
    );
  } catch {
    return false;
  }
}

/** Reads the whole body, or returns null as soon as it passes `limit` bytes. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let total = 0;

  for await (const part of request) {
    total += (part as Buffer).length;

    if (total > limit) {
      request.resume();

      return null;
    }

    parts.push(part as Buffer);
  }

  return Buffer.concat(parts);
}

function parseCid(text: string): CID | null {
  try {
    return CID.parse(text);
  } catch {
    return null;
  }
}

function parseBool(value: string | null): boolean | undefined {
  if (value === null) return undefined;

  return value === '' || value === 'true' || value === '1';
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(`${JSON.stringify(body)}\n`);
}

/** Kubo's error shape: `{ Message, Code, Type: "error" }`. */
function sendApiError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { Message: message, Code: 0, Type: 'error' });
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

function failRequest(
  context: Context,
  response: ServerResponse,
  server: 'api' | 'gateway',
  request: IncomingMessage,
  error: unknown,
): void {
  context.logger.error({ err: error, server, url: request.url }, 'ipfs request failed');

  if (response.headersSent) {
    response.destroy();

    return;
  }

  if (server === 'api') sendApiError(response, 500, 'internal error');
  else sendText(response, 500, 'internal error');
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlOf(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  const name = host.includes(':') ? `[${host}]` : host;

  return `http://${name}:${port}`;
}
