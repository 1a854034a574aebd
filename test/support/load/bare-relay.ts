// Starts the bare relay of bare-relay-child.ts in its own process (see there).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./bare-relay-child.ts', import.meta.url));

/** A running bare relay process. */
export interface BareRelay {
  url: string;
  stop(): Promise<void>;
}

/** Starts one bare relay instance sharing `redisUrl` with its siblings. */
export async function startBareRelay(redisUrl: string): Promise<BareRelay> {
  const command = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "${process.execPath}" --import tsx "${CHILD}" "$1"`;
  const child = spawn('sh', ['-c', command, 'sh', redisUrl], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    void exited.then(() => reject(new Error('the bare relay exited before it was ready')));
    child.on('message', (message: { ready?: boolean; url?: string }) => {
      if (message.ready === true) resolve(message.url!);
    });
  });

  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGTERM');

      await exited;
    },
  };
}
