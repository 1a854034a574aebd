// The test fixture that starts the servers a test needs, on port 0 inside the test
// namespace, each with its own temporary state directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { SignalingServerOptions } from '../../server/signaling/options.js';
import { startJanus } from './janus.js';
import { startRedis } from './redis.js';

/** Which servers to start. Later layers add their servers here. */
export interface StackOptions {
  /** Keep state here instead of a fresh temporary directory. */
  stateDir?: string;
  /**
   * Start Janus with the AudioBridge (only inside the test namespace; check
   * `janusSkipReason()` from ./janus.js, or the `test-env` command in browser tests).
   */
  janus?: boolean;
  /** A throwaway redis-server on a free loopback port. */
  redis?: boolean;
  /**
   * A signaling server on port 0 (with the stack's Redis when `redis` is set). Options
   * override the test defaults: the test genesis, silent logs.
   */
  signaling?: boolean | Partial<SignalingServerOptions>;
}

/** URLs of the servers a stack started; absent servers have no URL. */
export interface StackUrls {
  stateDir: string;
  /** Janus's WebSocket API, for Node-side clients; pages never talk to Janus. */
  janusUrl?: string;
  redis?: string;
  signaling?: string;
  signalingMetrics?: string;
  /** Genesis hash (hex with 0x) the signaling server accepts. */
  genesisHash?: string;
}

export interface Stack {
  urls: StackUrls;
  /** Janus's URL and AudioBridge admin key, kept out of `urls`, which pages receive. */
  janus?: { wsUrl: string; adminKey: string };
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
  const close = async (): Promise<void> => {
    for (const stop of closers.reverse()) await stop();

    if (ownsState) rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    if (options.janus === true) {
      const started = await startJanus({ stateDir: join(stateDir, 'janus') });

      closers.push(() => started.close());
      urls.janusUrl = started.wsUrl;
      janus = { wsUrl: started.wsUrl, adminKey: started.adminKey };
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
        genesisHash: TEST_STACK_GENESIS,
        logLevel: 'silent',
        ...(urls.redis === undefined ? {} : { redisUrl: urls.redis }),
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

  return { urls, janus, close };
}
