/**
 * `startDevnet`: the devnet's WebSocket and HTTP JSON-RPC server on one port.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { cryptoWaitReady } from '@polkadot/util-crypto';
import { pino, type Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';

import { Chain } from './chain.js';
import { IMPL_NAME } from './constants.js';
import { createMethods, RpcError, type RpcSession } from './rpc.js';

/** Options of {@link startDevnet}. */
export interface DevnetOptions {
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Port for both WebSocket and HTTP; 9944 by default, 0 for any free port. */
  port?: number;
  /** Milliseconds between blocks; 0 (the default here) seals one block per extrinsic. */
  blockTimeMs?: number;
  /** JSON file the chain is persisted to (atomically, after each block) and resumed from. */
  stateFile?: string;
  /** How many `//MemberN` accounts genesis endows with 1,000 DUST; 0 by default. */
  devAccounts?: number;
  /** Secret URI of the genesis `CallSettler` account; `//CallSettler` by default. */
  settlerSeed?: string;
  /** pino logger; silent by default. */
  logger?: Logger;
  /** Largest JSON-RPC request in bytes; 15 MiB by default, as a Substrate node. */
  maxRequestBytes?: number;
}

/** A running devnet. */
export interface DevnetHandle {
  /** WebSocket URL for ApiPromise, e.g. ws://127.0.0.1:9944. */
  url: string;
  /** HTTP JSON-RPC URL on the same port. */
  httpUrl: string;
  /** Genesis hash, 0x-hex. */
  genesisHash: string;
  /** Stops block production, writes the state file, closes every connection. */
  close(): Promise<void>;
}

const DEFAULT_MAX_REQUEST_BYTES = 15 * 1024 * 1024;
const NODE_VERSION = '0.1.0';

/** Starts the devnet and resolves once it listens. */
export async function startDevnet(options: DevnetOptions = {}): Promise<DevnetHandle> {
  const host = options.host ?? '127.0.0.1';
  const blockTimeMs = options.blockTimeMs ?? 0;
  const devAccounts = options.devAccounts ?? 0;
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const logger = options.logger ?? pino({ level: 'silent' });

  if (!Number.isInteger(blockTimeMs) || blockTimeMs < 0)
    throw new RangeError(`blockTimeMs must be a non-negative integer, got ${blockTimeMs}`);

  if (!Number.isInteger(devAccounts) || devAccounts < 0 || devAccounts > 10_000)
    throw new RangeError(`devAccounts must be 0..=10000, got ${devAccounts}`);

  await cryptoWaitReady();

  const chain = Chain.open({
    blockTimeMs,
    stateFile: options.stateFile,
    devAccounts,
    settlerSeed: options.settlerSeed ?? '//CallSettler',
    logger,
  });
  const methods = createMethods(chain, { name: IMPL_NAME, version: NODE_VERSION });
  const sockets = new Set<WebSocket>();
  const rpc = new JsonRpc(methods, logger, maxRequestBytes);
  const http = createServer((request, response) => void rpc.handleHttp(request, response));
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxRequestBytes * 2 });

  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      rpc.serveSocket(ws, () => sockets.delete(ws));
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 9944, host, () => resolve());
  });

  const { port } = http.address() as AddressInfo;
  const url = `ws://${host}:${port}`;

  logger.info(
    {
      url,
      genesisHash: chain.genesisHash,
      head: chain.head.header.number,
      blockTimeMs,
      stateFile: options.stateFile,
    },
    'devnet started',
  );

  return {
    url,
    httpUrl: `http://${host}:${port}`,
    genesisHash: chain.genesisHash,
    async close() {
      chain.close();

      for (const socket of sockets) socket.terminate();

      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      logger.info({ url, head: chain.head.header.number }, 'devnet stopped');
    },
  };
}

type Method = ReturnType<typeof createMethods> extends Map<string, infer M> ? M : never;

interface Outcome {
  response: Record<string, unknown> | undefined;
  /** Subscriptions to start once the response carrying their id was sent. */
  starts: Array<() => void>;
}

/** JSON-RPC 2.0 framing, errors and subscriptions over WebSocket and HTTP. */
class JsonRpc {
  constructor(
    readonly methods: Map<string, Method>,
    readonly logger: Logger,
    readonly maxRequestBytes: number,
  ) {}

  serveSocket(ws: WebSocket, onClose: () => void): void {
    const subscriptions = new Map<string, () => void>();
    const send = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };

    const session: RpcSession = {
      subscribe: (notification, start) => {
        const id = randomBytes(12).toString('base64url');

        this.#pendingStarts.push(() => {
          if (ws.readyState !== ws.OPEN) return;

          subscriptions.set(
            id,
            start((result) =>
              send({ jsonrpc: '2.0', method: notification, params: { subscription: id, result } }),
            ),
          );
        });

        return id;
      },
      unsubscribe: (id) => {
        const stop = subscriptions.get(id);

        subscriptions.delete(id);
        stop?.();

        return stop !== undefined;
      },
      afterResponse: (task) => this.#pendingStarts.push(task),
    };

    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      const outcome = this.handleText(text, data.toString().length, session);

      if (outcome.response !== undefined) send(outcome.response);

      for (const start of outcome.starts) start();
    });
    ws.on('error', (error) => this.logger.debug({ err: error }, 'websocket error'));
    ws.on('close', () => {
      for (const stop of subscriptions.values()) stop();

      subscriptions.clear();
      onClose();
    });
  }

  async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') {
      response
        .writeHead(405, { allow: 'POST' })
        .end('Only POST is supported for JSON-RPC over HTTP.\n');

      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;

    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;

      if (size <= this.maxRequestBytes) chunks.push(chunk);
    }

    const session: RpcSession = {
      subscribe: () => {
        throw new RpcError(-32601, 'Method not found', 'subscriptions need a WebSocket connection');
      },
      unsubscribe: () => false,
      afterResponse: (task) => this.#pendingStarts.push(task),
    };
    const outcome = this.handleText(
      size > this.maxRequestBytes ? '' : Buffer.concat(chunks).toString('utf8'),
      size,
      session,
    );

    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(outcome.response ?? null));
  }

  #pendingStarts: Array<() => void> = [];

  /** Handles one request text (single or batch) and returns the response to send. */
  handleText(text: string, size: number, session: RpcSession): Outcome {
    this.#pendingStarts = [];

    const response = this.#respond(text, size, session);

    return { response, starts: this.#pendingStarts };
  }

  #respond(text: string, size: number, session: RpcSession): Record<string, unknown> | undefined {
    if (size > this.maxRequestBytes) {
      this.logger.info({ size, limit: this.maxRequestBytes }, 'request too big');

      return errorResponse(
        null,
        new RpcError(
          -32007,
          'Request is too big',
          `${size} bytes exceed the limit of ${this.maxRequestBytes}`,
        ),
      );
    }

    let request: unknown;

    try {
      request = JSON.parse(text);
    } catch {
      return errorResponse(null, new RpcError(-32700, 'Parse error'));
    }

    if (Array.isArray(request)) {
      if (request.length === 0)
        return errorResponse(null, new RpcError(-32600, 'Invalid request', 'empty batch'));

      const responses = request
        .map((item) => this.#call(item, session))
        .filter((item) => item !== undefined);

      return responses.length === 0 ? undefined : (responses as unknown as Record<string, unknown>);
    }

    return this.#call(request, session);
  }

  #call(request: unknown, session: RpcSession): Record<string, unknown> | undefined {
    if (request === null || typeof request !== 'object' || Array.isArray(request)) {
      return errorResponse(null, new RpcError(-32600, 'Invalid request'));
    }

    const { jsonrpc, method, params, id } = request as Record<string, unknown>;
    const validId =
      id === undefined || id === null || typeof id === 'string' || typeof id === 'number';

    if (
      jsonrpc !== '2.0' ||
      typeof method !== 'string' ||
      !validId ||
      (params !== undefined && !Array.isArray(params))
    ) {
      return errorResponse(validId ? (id ?? null) : null, new RpcError(-32600, 'Invalid request'));
    }

    const handler = this.methods.get(method);

    if (handler === undefined)
      return errorResponse(id ?? null, new RpcError(-32601, 'Method not found', method));

    try {
      const result = handler((params as unknown[] | undefined) ?? [], session);

      return id === undefined ? undefined : { jsonrpc: '2.0', id, result: result ?? null };
    } catch (error) {
      return errorResponse(id ?? null, this.#toRpcError(method, error));
    }
  }

  #toRpcError(method: string, error: unknown): RpcError {
    if (error instanceof RpcError) {
      if (error.code >= 1001 && error.code <= 1018) {
        this.logger.info(
          { method, code: error.code, reason: error.data ?? error.message },
          'transaction rejected',
        );
      }

      return error;
    }

    // The chain reports unknown and pruned blocks as RangeError, like a node's client errors.
    if (error instanceof RangeError) return new RpcError(4003, `Client error: ${error.message}`);

    this.logger.error({ err: error, method }, 'rpc method failed');

    return new RpcError(-32603, 'Internal error', (error as Error).message);
  }
}

function errorResponse(id: unknown, error: RpcError): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id,
    error: {
      code: error.code,
      message: error.message,
      ...(error.data === undefined ? {} : { data: error.data }),
    },
  };
}
