// The test fixture that starts the servers a test needs, on port 0 inside the test
// namespace, each with its own temporary state directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pino } from 'pino';

import { startDevnet } from '../../server/devnet/index.js';
import { startIpfs } from '../../server/ipfs/ipfs-server.js';
import type { SignalingServerOptions } from '../../server/signaling/options.js';
import { startCoturn } from './coturn.js';
import { startJanus } from './janus.js';
import { startRedis } from './redis.js';

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
  /** A throwaway redis-server on a free loopback port. */
  redis?: boolean;
  /**
   * A signaling server on port 0. It accepts the devnet's genesis when the stack runs a
   * devnet (else TEST_STACK_GENESIS), issues TURN credentials for the stack's coturn, and
   * uses the stack's Redis. Options given here override those defaults.
   */
  signaling?: boolean | Partial<SignalingServerOptions>;
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
  redis?: string;
  signaling?: string;
  signalingMetrics?: string;
  /** Genesis hash (hex with 0x) the signaling server accepts. */
  genesisHash?: string;
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

/** Genesis hash of the test stack's signaling server when no devnet names one. */
export const TEST_STACK_GENESIS = `0x${'42'.repeat(32)}`;

/** Starts the servers named in `options` and returns their URLs and one close(). */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const ownsState = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'stardust-stack-'));
  const closers: Array<() => Promise<void>> = [];
  const urls: StackUrls = { stateDir };
  let janus: Stack['janus'];
  let coturn: Stack['coturn'];
  const close = async (): Promise<void> => {
    for (const stop of closers.reverse()) await stop();

    if (ownsState) rmSync(stateDir, { recursive: true, force: true });
  };

  try {
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

    if (options.redis === true) {
      const redis = await startRedis();

      closers.push(() => redis.close());
      urls.redis = redis.url;
    }

    if (options.signaling !== undefined && options.signaling !== false) {
      const { startSignalingServer } = await import('../../server/signaling/server.js');
      const overrides = options.signaling === true ? {} : options.signaling;
      const signaling = await startSignalingServer({
        port: 0,
        genesisHash: urls.devnetGenesisHash ?? TEST_STACK_GENESIS,
        logLevel: 'silent',
        ...(urls.redis === undefined ? {} : { redisUrl: urls.redis }),
        ...(coturn === undefined ? {} : { turnSecret: coturn.secret, turnUrls: coturn.urls }),
        ...overrides,
      });

      closers.push(() => signaling.close());
      urls.signaling = signaling.url;
      urls.signalingMetrics = signaling.metricsUrl;
      urls.genesisHash = signaling.genesisHash;
    }
  } catch (error) {
    await close();
    throw error;
  }

  return { urls, janus, coturn, close };
}
