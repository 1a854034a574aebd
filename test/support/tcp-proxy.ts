// A TCP relay on 127.0.0.1 for fault tests. It forwards to a target and can drop every
// connection at once, or stall them: keep the sockets open but forward nothing, as a dead
// peer behind a half-open TCP connection does.
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A running relay. */
export interface TcpProxy {
  /** The port the relay listens on. */
  port: number;
  /** Closes every relayed connection; new ones are still accepted. */
  dropConnections(): void;
  /** Stops forwarding in both directions without closing anything, until {@link resume}. */
  stall(): void;
  /** Forwards again and accepts new connections normally. */
  resume(): void;
  /** The number of connections accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

/** Starts a relay from a free port on 127.0.0.1 to `targetPort` on 127.0.0.1. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let stalled = false;
  let accepted = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];

    accepted += 1;
    pairs.add(pair);

    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk) => {
        if (!stalled) to.write(chunk);
      });
      from.on('close', () => {
        to.destroy();
        pairs.delete(pair);
      });
      from.on('error', () => to.destroy());
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const address = server.address();

  const dropConnections = () => {
    for (const [client, upstream] of pairs) {
      client.destroy();
      upstream.destroy();
    }

    pairs.clear();
  };

  return {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    get accepted() {
      return accepted;
    },
    dropConnections,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
    },
    close() {
      dropConnections();

      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
