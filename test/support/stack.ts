// The test fixture that starts the servers a test needs, on port 0 inside the test
// namespace, each with its own temporary state directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Which servers to start. Later layers add their servers here. */
export interface StackOptions {
  /** Keep state here instead of a fresh temporary directory. */
  stateDir?: string;
}

/** URLs of the servers a stack started; absent servers have no URL. */
export interface StackUrls {
  stateDir: string;
}

export interface Stack {
  urls: StackUrls;
  close(): Promise<void>;
}

/** Starts the servers named in `options` and returns their URLs and one close(). */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const ownsState = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'stardust-stack-'));
  const closers: Array<() => Promise<void>> = [];

  return {
    urls: { stateDir },
    async close() {
      for (const close of closers.reverse()) await close();

      if (ownsState) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
