/**
 * The signaling server: WebSocket on `path` (default `/signal`) and Prometheus metrics on
 * `/metrics`, on one HTTP port.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { pino } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';

import { type BusHealth, MemoryBus, type SignalBus } from './bus.js';
import { SignalingCore } from './core.js';
import { openKeyDirectory } from './open-key-directory.js';
import { resolveOptions, type SignalingServerOptions } from './options.js';
import { RedisBus } from './redis-bus.js';
import { noRoomHandler } from './room-handler.js';
import { ChainCallSettler } from './chain-settler.js';
import { settlerAddress, type CallSettler } from './settler.js';

/** A running signaling server. */
export interface SignalingServerHandle {
  /** WebSocket URL, such as `ws://127.0.0.1:8888/signal`. */
  url: string;
  /** Prometheus metrics URL on the same port. */
  metricsUrl: string;
  /** Name of this instance. */
  serverId: string;
  /** Hex genesis hash that delegations must name, with 0x. */
  genesisHash: string;
  /** Address of the CallSettler account from `settlerSeed`, when one was given. */
  settlerAddress: string | undefined;
  /** The built-in settler, when `settlerSeed` and `chainUrl` started one. */
  chainSettler: ChainCallSettler | undefined;
  /** Number of open sockets. */
  connections(): number;
  /**
   * Calls `listener` when the connection to Redis is lost and when it is back with presence,
   * subscriptions and records written back; never without Redis. Returns the unsubscribe.
   */
  onBusHealth(listener: (health: BusHealth) => void): () => void;
  /**
   * Stops accepting, closes every socket with 1012 (service restart), and releases Redis
   * and the key directory. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Starts a signaling server.
 * @throws TypeError or RangeError for invalid options, and the listen or Redis error when
 * the port is taken or Redis cannot be reached.
 */
export async function startSignalingServer(
  options: SignalingServerOptions,
): Promise<SignalingServerHandle> {
  const resolved = resolveOptions(options);
  const logger =
    options.logger ??
    pino({ level: resolved.logLevel, base: { service: 'signaling', server: resolved.serverId } });
  const bus: SignalBus =
    resolved.redisUrl === undefined
      ? new MemoryBus({ instanceId: resolved.serverId, now: resolved.now })
      : await RedisBus.connect({
          url: resolved.redisUrl,
          instanceId: resolved.serverId,
          now: resolved.now,
          prefix: resolved.redisPrefix,
          presenceTtlMs: resolved.deadAfterMs * 2,
          logger,
        });
  const chainSettler =
    options.settler === undefined &&
    resolved.settlerSeed !== undefined &&
    resolved.chainUrl !== undefined
      ? await ChainCallSettler.start({
          chainUrl: resolved.chainUrl,
          seed: resolved.settlerSeed,
          graceMs: resolved.settleGraceMs,
          logger: logger.child({ part: 'settler' }),
        })
      : undefined;
  const callSettler: CallSettler | undefined = options.settler ?? chainSettler;
  const core = new SignalingCore({
    options: resolved,
    bus,
    directory: options.keyDirectory ?? (await openKeyDirectory(resolved)).directory,
    rooms: options.roomHandler ?? noRoomHandler,
    settler: callSettler,
    logger,
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: resolved.hardFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  let closing = false;
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;

    if (request.method === 'GET' && path === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(core.metrics.render(gauges(core), redisUp(resolved.redisUrl, bus)));

      return;
    }

    if (request.method === 'GET' && path === '/healthz') {
      const status = closing ? 'closing' : bus.healthy ? 'ok' : 'redis unreachable';

      response.writeHead(status === 'ok' ? 200 : 503, { 'content-type': 'text/plain' });
      response.end(`${status}\n`);

      return;
    }

    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found\n');
  });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;

    if (closing || path !== resolved.path) {
      socket.end(
        closing ? 'HTTP/1.1 503 Service Unavailable\r\n\r\n' : 'HTTP/1.1 404 Not Found\r\n\r\n',
      );

      return;
    }

    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, request));
  });

  function serve(ws: WebSocket, request: IncomingMessage): void {
    if (core.connections.size >= resolved.maxConnections) {
      core.metrics.rejection('SERVER_RESTARTING');
      ws.close(1013, 'OVERLOADED');

      return;
    }

    const origin = request.headers.origin;
    const connection = core.accept(ws, typeof origin === 'string' ? origin : undefined);

    ws.on(
      'message',
      (data: Buffer, isBinary: boolean) => void core.receive(connection, data, isBinary),
    );
    ws.on('close', () => void core.closed(connection));
    ws.on('error', (error) => {
      // Protocol errors from ws (bad frames, frames over the hard limit) end in a close.
      core.metrics.rejection(
        error.message.includes('Max payload') ? 'FRAME_TOO_LARGE' : 'PROTOCOL_DECODE',
      );
    });
  }

  const settler =
    resolved.settlerSeed === undefined ? undefined : await settlerAddress(resolved.settlerSeed);

  if (settler !== undefined && callSettler === undefined) {
    logger.warn(
      { settler },
      'CallSettler account configured without a chain URL: calls are not settled on chain',
    );
  }

  const sweep = setInterval(() => core.sweep(), resolved.sweepIntervalMs);

  sweep.unref();
  await listen(http, resolved.host, resolved.port);

  const port = (http.address() as AddressInfo).port;
  const hostForUrl = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  let closed: Promise<void> | undefined;

  logger.info(
    {
      host: resolved.host,
      port,
      path: resolved.path,
      redis: resolved.redisUrl !== undefined,
      strict: resolved.verifyEveryMessage,
    },
    'signaling server listening',
  );

  return {
    url: `ws://${hostForUrl}:${port}${resolved.path}`,
    metricsUrl: `http://${hostForUrl}:${port}/metrics`,
    serverId: resolved.serverId,
    settlerAddress: settler,
    chainSettler,
    genesisHash: `0x${Buffer.from(resolved.genesisHash).toString('hex')}`,
    connections: () => core.connections.size,
    onBusHealth: (listener) => bus.onHealth(listener),
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(sweep);
        core.stop();

        const sockets = [...core.connections.values()];
        const allClosed = Promise.all(sockets.map((connection) => socketClosed(connection.socket)));

        for (const connection of sockets) connection.close(1012, 'SERVER_RESTARTING');

        await Promise.race([allClosed, delay(2000)]);

        for (const connection of sockets) connection.socket.terminate();

        await new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeAllConnections();
        await Promise.allSettled([
          core.rooms.close(),
          core.directory.close(),
          bus.close(),
          chainSettler?.close(),
        ]);
        logger.info({ port }, 'signaling server stopped');
      })();

      return closed;
    },
  };
}

function gauges(core: SignalingCore): { pending: number; authenticated: number; accounts: number } {
  let authenticated = 0;

  for (const connection of core.connections.values())
    if (connection.state === 'open') authenticated += 1;

  return {
    pending: core.connections.size - authenticated,
    authenticated,
    accounts: core.accounts.size,
  };
}

/** 1 or 0 for the metrics gauge; undefined without Redis. */
function redisUp(redisUrl: string | undefined, bus: SignalBus): number | undefined {
  if (redisUrl === undefined) return undefined;

  return bus.healthy ? 1 : 0;
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

function socketClosed(socket: WebSocket): Promise<void> {
  if (socket.readyState === 3) return Promise.resolve();

  return new Promise((resolve) => socket.once('close', () => resolve()));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
