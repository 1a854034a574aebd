// One wallet prompt per session in a real Chromium: the page makes a session key and a
// delegation, authenticates with a real signaling server, and after a reload reuses both
// from IndexedDB without asking the wallet again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { build } from 'esbuild';
import type { Browser } from 'playwright-core';

import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { ROOT } from '../../scripts/cdn-build.js';
import { launchChromium } from '../support/browser.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

const GENESIS = `0x${'42'.repeat(32)}`;

interface SessionResult {
  account?: string;
  sessionKey?: string;
  keyKind?: string;
  prompts?: number;
  error?: string;
}

describe('session reuse in Chromium', () => {
  let work: string;
  let pages: StaticServer;
  let signaling: SignalingServerHandle;
  let browser: Browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'stardust-session-'));
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['test/e2e/support/session-harness.ts'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      alias: { 'protobufjs/minimal.js': './proto/lite-runtime/index.ts' },
      outfile: join(work, 'harness.js'),
      logLevel: 'silent',
    });
    pages = await startStaticServer({
      folders: { '/session/': work },
      pages: {
        '/session/index.html': {
          body: '<!doctype html><title>session</title><script type="module" src="harness.js"></script>',
          headers: { 'content-type': 'text/html' },
        },
      },
    });
    signaling = await startSignalingServer({
      port: 0,
      genesisHash: GENESIS,
      logLevel: 'silent',
      origins: [pages.origin],
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await signaling?.close();
    await pages?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('reuses the delegation after a reload', async () => {
    const page = await browser.newPage();
    const url = `${pages.origin}/session/index.html?signaling=${encodeURIComponent(signaling.url)}&genesis=${GENESIS}`;
    const result = async (): Promise<SessionResult> =>
      page.evaluate(
        () => (window as unknown as { sessionResult: Promise<SessionResult> }).sessionResult,
      );

    await page.goto(url);

    const first = await result();

    await page.reload();

    const second = await result();

    assert.equal(first.error, undefined, first.error);
    assert.equal(second.error, undefined, second.error);
    assert.equal(first.prompts, 1);
    assert.equal(second.prompts, 1, 'the reload asked the wallet again');
    assert.equal(second.sessionKey, first.sessionKey);
    assert.equal(second.account, first.account);
    assert.equal(first.keyKind, 'webcrypto');
    await page.close();
  });
});
