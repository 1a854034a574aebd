// A signaling server in its own process, for fault and load tests: it can be killed
// (SIGKILL, as a crash), frozen (SIGSTOP) and thawed, and asked for its memory. The child
// runs under a raised `ulimit -n`, so one instance holds thousands of sockets.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { BusHealth } from '../../server/signaling/bus.js';
import type { SignalingChildOptions } from './signaling-child.js';

const CHILD = fileURLToPath(new URL('./signaling-child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** What the child reports about itself. */
export interface SignalingProcessStats {
  memory: NodeJS.MemoryUsage;
  connections: number;
}

/** A running signaling server process. */
export interface SignalingProcess {
  url: string;
  metricsUrl: string;
  serverId: string;
  pid: number;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** Memory after a forced GC, and open sockets. */
  stats(): Promise<SignalingProcessStats>;
  /** Resolves with the next report of the server's Redis connection that `match` takes. */
  nextBusHealth(match?: (health: BusHealth) => boolean): Promise<BusHealth>;
  /** Sends `signal` to the process (SIGKILL, SIGSTOP, SIGCONT, …). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes its sockets with 1012), then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `startSignalingServer(options)` in a child process on 127.0.0.1. */
export async function startSignalingProcess(
  options: SignalingChildOptions,
): Promise<SignalingProcess> {
  const command = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "${process.execPath}" --import tsx --expose-gc "${CHILD}" "$1"`;
  const child: ChildProcess = spawn(
    'sh',
    ['-c', command, 'sh', JSON.stringify({ port: 0, ...options })],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)),
  );
  const ready = await new Promise<{ url: string; metricsUrl: string; serverId: string }>(
    (resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`signaling process did not start within ${START_TIMEOUT_MS} ms`));
      }, START_TIMEOUT_MS);

      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`signaling process exited with ${code} before it was ready`));
      });
      child.on('message', (message: { ready?: boolean }) => {
        if (message.ready !== true) return;

        clearTimeout(timer);
        resolve(message as { url: string; metricsUrl: string; serverId: string });
      });
    },
  );
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;

  return {
    ...ready,
    pid: child.pid!,
    exited,
    stats: () =>
      new Promise((resolve) => {
        const listener = (message: { stats?: SignalingProcessStats }): void => {
          if (message.stats === undefined) return;

          child.off('message', listener);
          resolve(message.stats);
        };

        child.on('message', listener);
        child.send('stats');
      }),
    nextBusHealth: (match = () => true) =>
      new Promise((resolve) => {
        const listener = (message: { busHealth?: BusHealth }): void => {
          if (message.busHealth === undefined || !match(message.busHealth)) return;

          child.off('message', listener);
          resolve(message.busHealth);
        };

        child.on('message', listener);
      }),
    signal(signal) {
      if (!gone()) process.kill(child.pid!, signal);
    },
    async kill() {
      if (!gone()) process.kill(child.pid!, 'SIGKILL');

      await exited;
    },
    async stop() {
      if (!gone()) process.kill(child.pid!, 'SIGTERM');

      await exited;
    },
  };
}
