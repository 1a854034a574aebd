// Chopsticks 1.5.1 running the Rococo Asset Hub genesis from @substrate/connect-known-chains,
// fully offline: a real Substrate runtime (Wasm) behind the same JSON-RPC a node serves.
// Started on a free loopback port and stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'node_modules/@acala-network/chopsticks/chopsticks.cjs');
// Generous: the runtime compiles its Wasm on start, on two shared cores.
const START_TIMEOUT_MS = 120_000;

export interface Chopsticks {
  url: string;
  pid: number;
  /** Sends one JSON-RPC request over HTTP and returns its result. */
  rpc(method: string, params?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** Returns a TCP port that was free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const address = server.address();

  await new Promise((resolve) => server.close(resolve));

  if (address === null || typeof address === 'string') throw new Error('no port');

  return address.port;
}

/** Options of {@link startChopsticks}. */
export interface ChopsticksOptions {
  /** When blocks are built; chopsticks' default is Batch (shortly after transactions arrive). */
  buildBlockMode?: 'Batch' | 'Instant' | 'Manual';
}

/** Starts chopsticks with the Rococo Asset Hub chain spec in a temporary directory. */
export async function startChopsticks(options: ChopsticksOptions = {}): Promise<Chopsticks> {
  const dir = mkdtempSync(join(tmpdir(), 'stardust-chopsticks-'));
  const { chainSpec } = await import('@substrate/connect-known-chains/rococo_v2_2_asset_hub');
  const specPath = join(dir, 'spec.json');

  writeFileSync(specPath, chainSpec as string);

  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      CLI,
      `--genesis=${specPath}`,
      '--host=127.0.0.1',
      `--port=${port}`,
      ...(options.buildBlockMode === undefined
        ? []
        : [`--build-block-mode=${options.buildBlockMode}`]),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const close = async () => {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForRpc(child, port);
  } catch (error) {
    await close();
    throw error;
  }

  const httpUrl = `http://127.0.0.1:${port}`;

  return {
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    rpc: (method, params = []) => rpc(httpUrl, method, params),
    close,
  };
}

async function rpc(url: string, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };

  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`);

  return body.result;
}

function waitForRpc(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () =>
        fail(new Error(`chopsticks did not listen on ${port} in time:\n${output.slice(-2000)}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();

      if (output.includes(`RPC listening on http://127.0.0.1:${port}`)) {
        cleanup();
        resolve();
      }
    };

    const onExit = (code: number | null) =>
      fail(new Error(`chopsticks exited with ${code} before listening:\n${output.slice(-2000)}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      // Keep draining output so the child never blocks on a full pipe.
      child.stdout!.resume();
      child.stderr!.resume();
    };

    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };

    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;

  const exited = new Promise((resolve) => child.once('exit', resolve));

  process.kill(child.pid!, 'SIGTERM');

  const timer = setTimeout(() => {
    if (child.exitCode === null) process.kill(child.pid!, 'SIGKILL');
  }, 5_000);

  await exited;
  clearTimeout(timer);
}
