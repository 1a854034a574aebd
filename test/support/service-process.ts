// The devnet or the embedded IPFS node in its own process, for fault tests: it can be
// killed (SIGKILL, as a crash), frozen (SIGSTOP) and thawed, and started again on the same
// port and state. See service-child.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { DevnetOptions } from '../../server/devnet/index.js';
import type { IpfsOptions } from '../../server/ipfs/ipfs-server.js';

const CHILD = fileURLToPath(new URL('./service-child.ts', import.meta.url));
const START_TIMEOUT_MS = 60_000;

/** A running service process with the URLs it reported. */
export interface ServiceProcess<Urls> {
  urls: Urls;
  pid: number;
  /** Sends `signal` to the process (SIGSTOP, SIGCONT, …). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (the service closes cleanly), then waits for the exit. */
  stop(): Promise<void>;
}

/** URLs of a devnet process. */
export interface DevnetUrls {
  url: string;
  httpUrl: string;
  genesisHash: string;
}

/** URLs of an IPFS process. */
export interface IpfsUrls {
  apiUrl: string;
  gatewayUrl: string;
}

/** Starts the devnet in a child process (no logger option: it logs errors only). */
export function startDevnetProcess(
  options: Omit<DevnetOptions, 'logger'>,
): Promise<ServiceProcess<DevnetUrls>> {
  return startService('devnet', options);
}

/** Starts the embedded IPFS node in a child process. */
export function startIpfsProcess(
  options: Omit<IpfsOptions, 'logger'>,
): Promise<ServiceProcess<IpfsUrls>> {
  return startService('ipfs', options);
}

async function startService<Urls>(kind: string, options: object): Promise<ServiceProcess<Urls>> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, kind, JSON.stringify(options)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urls = await new Promise<Urls>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} process did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);

    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${kind} process exited before it was ready`));
    });
    child.on('message', (message: { ready?: boolean; urls?: Urls }) => {
      if (message.ready !== true) return;

      clearTimeout(timer);
      resolve(message.urls!);
    });
  });
  const hasExited = (): boolean => child.exitCode !== null || child.signalCode !== null;

  return {
    urls,
    pid: child.pid!,
    signal(signal) {
      if (!hasExited()) process.kill(child.pid!, signal);
    },
    async kill() {
      if (!hasExited()) process.kill(child.pid!, 'SIGKILL');

      await exited;
    },
    async stop() {
      if (!hasExited()) process.kill(child.pid!, 'SIGTERM');

      await exited;
    },
  };
}
