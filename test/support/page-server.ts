// Serves a TypeScript entry bundled with esbuild (the Opus worker chunks included) as a page
// on loopback, for benchmarks and end-to-end tests that drive Chromium with
// playwright-core. http://127.0.0.1 is a secure context, so AudioWorklet and WebCrypto work.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { build } from 'esbuild';

/** A running page server. */
export interface PageServer {
  /** URL of the page, ending with a slash. */
  url: string;
  close(): Promise<void>;
}

/** Options of {@link servePage}. */
export interface PageServerOptions {
  /** Repository root. */
  root: string;
  /** The page's TypeScript entry, relative to the root. */
  entry: string;
  /** Extra files to serve: URL path → file path. */
  files?: Record<string, string>;
}

export async function servePage(options: PageServerOptions): Promise<PageServer> {
  const bundle = await build({
    entryPoints: [join(options.root, options.entry)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const extra = options.files?.[path];

    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><script type="module" src="/page.js"></script>');
    } else if (path === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
    } else if (extra !== undefined) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(readFileSync(extra));
    } else {
      response.writeHead(404).end();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
