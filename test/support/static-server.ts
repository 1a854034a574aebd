// A static file server on 127.0.0.1 port 0 for browser tests: serves folders under URL
// prefixes and fixed pages, with extra headers per response (CORS, CSP).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** A page served at a fixed path. */
export interface StaticPage {
  body: string;
  headers?: Record<string, string>;
}

export interface StaticServerOptions {
  /** URL prefix (such as `/sdk/`) to folder. */
  folders?: Record<string, string>;
  /** Path to page. */
  pages?: Record<string, StaticPage>;
  /** Headers added to every response, such as `Access-Control-Allow-Origin`. */
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts a static server on 127.0.0.1 with a free port. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);

    requests.push(path);
    serve(options, path, request, response);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(
  options: StaticServerOptions,
  path: string,
  _request: IncomingMessage,
  response: ServerResponse,
): void {
  const common = options.headers ?? {};
  const page = options.pages?.[path];

  if (page !== undefined) {
    response.writeHead(200, { 'content-type': TYPES['.html']!, ...common, ...page.headers });
    response.end(page.body);

    return;
  }

  for (const [prefix, folder] of Object.entries(options.folders ?? {})) {
    if (!path.startsWith(prefix)) continue;

    let file = normalize(join(folder, path.slice(prefix.length)));

    if (!file.startsWith(normalize(folder))) break;

    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');

    if (!existsSync(file)) break;

    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...common,
    });
    createReadStream(file).pipe(response);

    return;
  }

  response.writeHead(404, { 'content-type': 'text/plain', ...common });
  response.end(`not found: ${path}`);
}
