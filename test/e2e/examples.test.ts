// The runnable examples in demo/examples: plain HTML with only the CDN file, React 19 and
// Vue 3, each built by Vite and used in Chromium the way a visitor would.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Browser } from 'playwright-core';
import { build } from 'vite';

import { buildCdn, CDN_INPUT, ROOT } from '../../scripts/cdn-build.js';
import { launchChromium } from '../support/browser.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

const EXAMPLES = [
  { name: 'plain HTML', path: '/demo/examples/plain-html/' },
  { name: 'React', path: '/react/' },
  { name: 'Vue', path: '/vue/' },
];

describe('examples', () => {
  let work: string;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'stardust-examples-'));
    await buildCdn(CDN_INPUT, join(work, 'cdn'));

    for (const framework of ['react', 'vue']) {
      await build({
        configFile: join(ROOT, `demo/examples/${framework}/vite.config.ts`),
        logLevel: 'warn',
        build: { outDir: join(work, framework) },
      });
    }

    server = await startStaticServer({
      folders: {
        '/dist/cdn/': join(work, 'cdn'),
        '/demo/examples/plain-html/': join(ROOT, 'demo/examples/plain-html'),
        '/react/': join(work, 'react'),
        '/vue/': join(work, 'vue'),
      },
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const example of EXAMPLES) {
    it(`${example.name} configures the client and shows a broken attribute`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];

      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}${example.path}`);

      const status = page.locator('#status');

      await status.filter({ hasText: 'Ready' }).waitFor();
      assert.equal(await status.innerText(), 'Ready: signaling at ws://127.0.0.1:8888/signal');

      await page.locator('#break').click();

      const error = page.locator('stardust-voice-config [part="error"]');

      await error.waitFor();
      assert.match(
        await error.innerText(),
        /The ipfs-api attribute is not a valid URL: "not a url"\./,
      );
      await page.locator('#status[data-code="CONFIG_INVALID"]').waitFor();
      assert.match(await status.innerText(), /^Not configured/);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
