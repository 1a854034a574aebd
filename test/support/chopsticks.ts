// Starts chopsticks 1.5.1 fully offline: the Rococo Asset Hub genesis that
// @substrate/connect-known-chains ships (with its runtime code), on a free port on
// 127.0.0.1, stopped by its PID. Never give chopsticks `-c NAME`: it fetches configs online.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHOPSTICKS = fileURLToPath(
  new URL('../../node_modules/@acala-network/chopsticks/chopsticks.cjs', import.meta.url),
);
/** Chopsticks compiles the runtime and builds genesis before it listens; give it time. */
const START_TIMEOUT_MS = 120_000;

/** A running chopsticks process. */
export interface ChopsticksHandle {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** Returns a port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();

    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;

      server.close(() => resolve(port));
    });
  });
}

/** Starts chopsticks with instant block building and resolves once its RPC listens. */
export async function startChopsticks(): Promise<ChopsticksHandle> {
  const { chainSpec } = await import('@substrate/connect-known-chains/rococo_v2_2_asset_hub');
  const folder = mkdtempSync(join(tmpdir(), 'stardust-chopsticks-'));
  const specFile = join(folder, 'rococo_v2_2_asset_hub.json');
  const port = await freePort();

  writeFileSync(specFile, chainSpec);

  const child = spawn(
    process.execPath,
    [
      CHOPSTICKS,
      `--genesis=${specFile}`,
      '--host=127.0.0.1',
      `--port=${port}`,
      '--build-block-mode=Instant',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } },
  );
  const stop = () =>
    stopProcess(child).finally(() => rmSync(folder, { recursive: true, force: true }));

  try {
    await waitForListening(child);
  } catch (error) {
    await stop();
    throw error;
  }

  return { url: `ws://127.0.0.1:${port}`, pid: child.pid!, close: stop };
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `chopsticks did not listen within ${START_TIMEOUT_MS} ms:\n${output.slice(-2000)}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();

      if (/RPC listening on/.test(output)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve();
      }
    };

    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chopsticks exited with code ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/** Stops the process by its PID: SIGTERM, then SIGKILL if it lingers. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);

    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(child.pid!, 'SIGTERM');
  });
}
