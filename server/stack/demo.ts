import { createServer as createNetServer } from 'node:net';

import { packageRoot } from './package-root.js';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** Address to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Port to listen on; 5173 by default, 0 for any free port. */
  port?: number;
}

/** A running demo server. */
export interface DemoHandle {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the demo page from the sources with Vite's dev server. Vite is a development
 * dependency, so this works in a clone of the repository, not from an installed package.
 */
export async function startDemo(options: DemoOptions = {}): Promise<DemoHandle> {
  const { createServer } = await import('vite');
  const root = packageRoot();
  const host = options.host ?? '127.0.0.1';
  // Vite 7 reads port 0 as "unset" and listens on 5173, so two servers asked for port 0
  // would collide there. A free port picked here keeps the "any free port" meaning.
  const port = options.port === 0 ? await freePort(host) : (options.port ?? 5173);
  const server = await createServer({
    configFile: `${root}vite.config.ts`,
    root,
    server: { host, port, strictPort: true },
    logLevel: 'warn',
  });

  await server.listen();

  const address = server.httpServer?.address();
  const listening = typeof address === 'object' && address !== null ? address.port : port;

  return {
    url: `http://${host}:${listening}/demo/`,
    close: () => server.close(),
  };
}

/** Returns a port that is free on `host` now; another process may take it before Vite does. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();

    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();

      probe.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}
