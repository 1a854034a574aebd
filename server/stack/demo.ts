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
  const server = await createServer({
    configFile: `${root}vite.config.ts`,
    root,
    server: { host: options.host ?? '127.0.0.1', port: options.port ?? 5173, strictPort: true },
    logLevel: 'warn',
  });

  await server.listen();

  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/demo/`,
    close: () => server.close(),
  };
}
