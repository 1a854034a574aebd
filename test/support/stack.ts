// The test fixture that starts the servers a test needs, on port 0 inside the test
// namespace, each with its own temporary state directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pino } from 'pino';

import { startDevnet } from '../../server/devnet/index.js';
import { startIpfs } from '../../server/ipfs/ipfs-server.js';
import { startCoturn } from './coturn.js';
import { startJanus } from './janus.js';

/** Which servers to start. Later layers add their servers here. */
export interface StackOptions {
  /** Keep state here instead of a fresh temporary directory. */
  stateDir?: string;
  /** Start coturn with a random REST secret (TURN over UDP and TCP on 127.0.0.1). */
  coturn?: boolean;
  /**
   * Start Janus with the AudioBridge (only inside the test namespace; check
   * `janusSkipReason()` from ./janus.js, or the `test-env` command in browser tests).
   */
  janus?: boolean;
  /**
   * Start a devnet: `true` for instant seal with no extra accounts, or options (block time
   * in ms, 0 = instant seal; `//MemberN` accounts; persist under the state directory).
   */
  devnet?: boolean | { blockTimeMs?: number; devAccounts?: number; persist?: boolean };
  /** Start the embedded IPFS node (RPC API and gateway). */
  ipfs?: boolean;
}

/** URLs of the servers a stack started; absent servers have no URL. */
export interface StackUrls {
  stateDir: string;
  /** coturn's `turn:` URLs, when started. */
  turnUrls?: string[];
  /** Janus's WebSocket API, for Node-side clients; pages never talk to Janus. */
  janusUrl?: string;
  /** WebSocket JSON-RPC URL of the devnet. */
  devnetUrl?: string;
  /** HTTP JSON-RPC URL of the devnet. */
  devnetHttpUrl?: string;
  /** Genesis hash of the devnet, 0x-hex. */
  devnetGenesisHash?: string;
  /** Kubo-compatible RPC API of the embedded IPFS node. */
  ipfsApi?: string;
  /** Path gateway of the embedded IPFS node. */
  ipfsGateway?: string;
}

export interface Stack {
  urls: StackUrls;
  /** Janus's URL and AudioBridge admin key, kept out of `urls`, which pages receive. */
  janus?: { wsUrl: string; adminKey: string };
  /** coturn's URLs and REST secret (for the signaling server's TURN credentials). */
  coturn?: { urls: string[]; secret: string; port: number };
  close(): Promise<void>;
}

/** Starts the servers named in `options` and returns their URLs and one close(). */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const ownsState = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'stardust-stack-'));
  const closers: Array<() => Promise<void>> = [];
  const urls: StackUrls = { stateDir };
  let janus: Stack['janus'];
  let coturn: Stack['coturn'];

  if (options.coturn === true) {
    const started = await startCoturn({ stateDir });

    closers.push(() => started.close());
    urls.turnUrls = started.urls;
    coturn = { urls: started.urls, secret: started.secret, port: started.port };
  }

  if (options.janus === true) {
    const started = await startJanus({ stateDir: join(stateDir, 'janus') });

    closers.push(() => started.close());
    urls.janusUrl = started.wsUrl;
    janus = { wsUrl: started.wsUrl, adminKey: started.adminKey };
  }

  if (options.devnet !== undefined && options.devnet !== false) {
    const settings = options.devnet === true ? {} : options.devnet;
    const devnet = await startDevnet({
      port: 0,
      blockTimeMs: settings.blockTimeMs ?? 0,
      devAccounts: settings.devAccounts ?? 0,
      stateFile: settings.persist === true ? join(stateDir, 'devnet', 'chain.json') : undefined,
    });

    closers.push(() => devnet.close());
    urls.devnetUrl = devnet.url;
    urls.devnetHttpUrl = devnet.httpUrl;
    urls.devnetGenesisHash = devnet.genesisHash;
  }

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
    janus,
    coturn,
    async close() {
      for (const close of closers.reverse()) await close();

      if (ownsState) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
