// The test fixture that starts the servers a test needs, on port 0 inside the test
// namespace, each with its own temporary state directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pino } from 'pino';

import { startIpfs } from '../../server/ipfs/ipfs-server.js';

/** Which servers to start. Later layers add their servers here. */
export interface StackOptions {
  /** Keep state here instead of a fresh temporary directory. */
  stateDir?: string;
  /** Start the embedded IPFS node (RPC API and gateway). */
  ipfs?: boolean;
}

/** URLs of the servers a stack started; absent servers have no URL. */
export interface StackUrls {
  stateDir: string;
  /** Kubo-compatible RPC API of the embedded IPFS node. */
  ipfsApi?: string;
  /** Path gateway of the embedded IPFS node. */
  ipfsGateway?: string;
}

export interface Stack {
  urls: StackUrls;
  close(): Promise<void>;
}

/** Starts the servers named in `options` and returns their URLs and one close(). */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const ownsState = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'stardust-stack-'));
  const closers: Array<() => Promise<void>> = [];
  const urls: StackUrls = { stateDir };

  if (options.ipfs === true) {
    const ipfs = await startIpfs({
      stateDir: join(stateDir, 'ipfs'),
      apiPort: 0,
      gatewayPort: 0,
      logger: pino({ level: 'warn' }),
    });

    closers.push(() => ipfs.close());
    urls.ipfsApi = ipfs.apiUrl;
    urls.ipfsGateway = ipfs.gatewayUrl;
  }

  return {
    urls,
    async close() {
      for (const close of closers.reverse()) await close();

      if (ownsState) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
