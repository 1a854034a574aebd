// A throwaway redis-server for tests: loopback only, no persistence, on a free port the
// fixture picks. Stopped by its PID.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisHandle {
  url: string;
  port: number;
  pid: number;
  close(): Promise<void>;
  /** Kills Redis with SIGKILL, as a crash would, and waits for it to exit. */
  kill(): Promise<void>;
}

/** Options of {@link startRedis}. */
export interface RedisOptions {
  /** Port to listen on; a free one by default. Pass a stopped server's port to restart it. */
  port?: number;
  /** Folder for the append-only file. Persistence is on only when this is given. */
  dir?: string;
}

/**
 * Starts `redis-server --bind 127.0.0.1 --save ''` on the port, without persistence unless
 * `dir` is given, and resolves once it accepts connections.
 */
export async function startRedis(options: RedisOptions = {}): Promise<RedisHandle> {
  const port = options.port ?? (await freePort());
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
    pid: child.pid!,
    close: () => stop(child, 'SIGTERM'),
    kill: () => stop(child, 'SIGKILL'),
  };
}

/** Resolves once redis-server logs that it is ready, then stops buffering its output. */
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
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)),
    );
    child.once('error', reject);
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(child.pid!, signal);
  });
}

/** Returns a port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();

    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };

      server.close(() => resolve(port));
    });
  });
}
