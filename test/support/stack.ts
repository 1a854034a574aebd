// The test fixture that starts the servers a test needs, on port 0 inside the test
// namespace, each with its own temporary state directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startCoturn } from './coturn.js';

/** Which servers to start. Later layers add their servers here. */
export interface StackOptions {
  /** Keep state here instead of a fresh temporary directory. */
  stateDir?: string;
  /** Start coturn with a random REST secret (TURN over UDP and TCP on 127.0.0.1). */
  coturn?: boolean;
}

/** URLs of the servers a stack started; absent servers have no URL. */
export interface StackUrls {
  stateDir: string;
  /** coturn's `turn:` URLs, when started. */
  turnUrls?: string[];
  /** coturn's REST `static-auth-secret`, so tests can issue credentials. */
  turnSecret?: string;
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
  const urls: StackUrls = { stateDir };

  if (options.coturn === true) {
    const coturn = await startCoturn({ stateDir });

    closers.push(() => coturn.close());
    urls.turnUrls = coturn.urls;
    urls.turnSecret = coturn.secret;
  }

  return {
    urls,
    async close() {
      for (const close of closers.reverse()) await close();

      if (ownsState) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
