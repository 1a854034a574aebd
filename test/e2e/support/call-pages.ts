// Node side of the call end-to-end tests and the call_setup benchmark: builds
// call-harness.ts for the browser, serves it on 127.0.0.1, and wraps each Chromium page as
// a CallPage whose methods run the harness in the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';

import { ROOT } from '../../../scripts/cdn-build.js';
import { launchChromium } from '../../support/browser.js';
import { fakeMicrophoneFlags } from '../../support/chromium.mjs';
import { startStaticServer, type StaticServer } from '../../support/static-server.js';
import type { AudioView, CallHarness, CallView, HarnessOptions } from './call-harness.js';

/** The built harness, its server and a browser with the fake microphone. */
export interface CallPages {
  browser: Browser;
  /** Opens a page in a fresh browser context (its own storage, like another device). */
  open(options: HarnessOptions): Promise<CallPage>;
  close(): Promise<void>;
}

type Harness = CallHarness;

/** One page that runs the harness for one account. */
export class CallPage {
  readonly page: Page;
  readonly address: string;

  constructor(page: Page, address: string) {
    this.page = page;
    this.address = address;
  }

  run<K extends keyof Harness>(
    name: K,
    ...args: Parameters<Harness[K]>
  ): Promise<Awaited<ReturnType<Harness[K]>>> {
    return this.page.evaluate(
      ([method, values]) =>
        (window as unknown as { callHarness: Record<string, (...a: unknown[]) => unknown> })
          .callHarness[method as string]!(...(values as unknown[])) as never,
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<Harness[K]>>>;
  }

  view(): Promise<CallView> {
    return this.run('view');
  }

  audio(): Promise<AudioView> {
    return this.run('audio');
  }

  /** Resolves with the view once `done` accepts it; checks every 50 ms, up to `timeoutMs`. */
  async until(
    done: (view: CallView) => boolean,
    what: string,
    timeoutMs = 60_000,
  ): Promise<CallView> {
    return this.#poll(() => this.view(), done, what, timeoutMs);
  }

  /** Resolves with the audio statistics once `done` accepts them. */
  async untilAudio(
    done: (audio: AudioView) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<AudioView> {
    return this.#poll(() => this.audio(), done, what, timeoutMs);
  }

  async #poll<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    what: string,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;

    while (Date.now() < deadline) {
      last = await read();

      if (done(last)) return last;

      // Polls the page: the state lives in the browser, so Node waits between reads.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
  }

  async close(): Promise<void> {
    await this.run('dispose').catch(() => undefined);
    await this.page.context().close();
  }
}

/** Builds the harness, serves it and launches Chromium with the fake microphone. */
export async function startCallPages(): Promise<CallPages> {
  const work = mkdtempSync(join(tmpdir(), 'stardust-call-e2e-'));

  await build({
    absWorkingDir: ROOT,
    entryPoints: ['test/e2e/support/call-harness.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    alias: { 'protobufjs/minimal.js': './proto/lite-runtime/index.ts' },
    outfile: join(work, 'harness.js'),
    logLevel: 'silent',
  });

  const server: StaticServer = await startStaticServer({
    folders: { '/call/': work },
    pages: {
      '/call/index.html': {
        body: '<!doctype html><title>call</title><script type="module" src="harness.js"></script>',
        headers: { 'content-type': 'text/html' },
      },
    },
  });
  const browser = await launchChromium(fakeMicrophoneFlags(ROOT));

  return {
    browser,
    async open(options) {
      const context = await browser.newContext();
      const page = await context.newPage();

      await page.goto(`${server.origin}/call/index.html`);
      await page.waitForFunction(() => 'callHarness' in window);

      const address = await page.evaluate(
        (values) => (window as unknown as { callHarness: Harness }).callHarness.setup(values),
        options,
      );

      return new CallPage(page, address);
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
