// Starts a real redis-server on a free loopback port for a test, and stops it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running redis-server started by a test. */
export interface RedisProcess {
  url: string;
  port: number;
  /** Stops it with SIGTERM (Redis then flushes its append-only file) and waits for exit. */
  stop(): Promise<void>;
}

/** Options of {@link startRedis}. */
export interface RedisProcessOptions {
  /** Folder for the append-only file; persistence is on when given. */
  dir?: string;
  /** Port to use; a free one by default. */
  port?: number;
}

export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;

  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}

/** Starts redis-server and resolves once it accepts connections. */
export async function startRedis(options: RedisProcessOptions = {}): Promise<RedisProcess> {
  const port = options.port ?? (await freeLoopbackPort());
  const persistence =
    options.dir === undefined
      ? ['--appendonly', 'no']
      : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.dir];
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', ...persistence],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  await waitForReady(child);

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode !== null) return;

      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

      process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();

      if (output.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve();
      }
    };

    child.stdout!.on('data', onData);
    child.stderr!.resume();
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
}
