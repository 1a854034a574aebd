// The Janus fixture: starts a real Janus 1.1.2 with the AudioBridge inside the test
// namespace, configured from the templates beside this file.
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { launchJanus, type JanusProcess } from '../../server/signaling/janus/launcher.js';

const TEMPLATES = fileURLToPath(new URL('./janus/', import.meta.url));

/** Options of {@link startJanus}. */
export interface JanusFixtureOptions {
  /** Configs go to `<stateDir>/conf` and the log to `<stateDir>/janus.log`. */
  stateDir: string;
  /** The WebSocket port; 0 picks a free one. Pass a stopped instance's port to restart it in place. */
  port?: number;
  /** The AudioBridge admin key; random by default. Pass the old one when restarting in place. */
  adminKey?: string;
  /** Janus's log level; 4 (info) by default. */
  debugLevel?: number;
}

/** A running Janus for a test. */
export interface JanusFixture {
  /** `ws://127.0.0.1:<port>`. */
  wsUrl: string;
  /** The AudioBridge admin key this instance was configured with. */
  adminKey: string;
  port: number;
  pid: number;
  logFile: string;
  /** Stops Janus (SIGTERM, then SIGKILL) and waits for it to exit. */
  close(): Promise<void>;
  /** Kills Janus with SIGKILL, as a crash would. */
  kill(): Promise<void>;
}

// Each instance gets its own window of UDP ports, so that instances started by test files
// running in parallel in the same namespace do not compete for ports.
const RTP_WINDOW = 200;

/**
 * Returns why Janus tests cannot run here, or undefined when they can. The test runner sets
 * STARDUST_JANUS=1 when `janus` is installed and it made the network namespace with the
 * 127.0.0.2 veth that Janus needs for ICE.
 */
export function janusSkipReason(): string | undefined {
  if (process.env.STARDUST_JANUS === '1') return undefined;

  if (process.env.STARDUST_NETNS !== '1') {
    return 'Janus needs the test network namespace (run npm test as root)';
  }

  return 'Janus is not installed (apt-get install janus)';
}

/**
 * Starts Janus with a free WebSocket port on 127.0.0.1, a random admin key, two event
 * loops, ICE on the 127.0.0.2 veth only and a narrow RTP port range, and resolves once its
 * WebSocket responds to `info`.
 *
 * @throws Error when called outside the test namespace, or when Janus does not start.
 */
export async function startJanus(options: JanusFixtureOptions): Promise<JanusFixture> {
  const reason = janusSkipReason();

  if (reason !== undefined) throw new Error(`startJanus: ${reason}`);

  mkdirSync(options.stateDir, { recursive: true });

  const first = 20_000 + RTP_WINDOW * randomInt(0, 150);
  const process: JanusProcess = await launchJanus({
    stateDir: options.stateDir,
    templates: TEMPLATES,
    port: options.port ?? 0,
    adminKey: options.adminKey,
    eventLoops: 2,
    iceEnforceList: '127.0.0.2',
    rtpPortRange: [first, first + RTP_WINDOW - 1],
    debugLevel: options.debugLevel ?? 4,
  });

  return {
    wsUrl: process.wsUrl,
    adminKey: process.adminKey,
    port: process.port,
    pid: process.pid,
    logFile: process.logFile,
    close: () => process.close(),
    kill: () => process.kill('SIGKILL'),
  };
}
