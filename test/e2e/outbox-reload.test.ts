import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { pino } from 'pino';
import { chromium, type Browser } from 'playwright-core';

import { startIpfs } from '../../server/ipfs/ipfs-server.js';
import { encodeAddress } from '../../src/shared/ss58.js';
import { BASE_FLAGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { servePage, type PageServer } from '../support/page-server.js';
import { freePort } from '../support/redis.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface OutboxPage {
  enqueue(
    apiUrl: string,
    account: string,
  ): Promise<{ id: string; state: string; lastError: string }>;
  resume(
    apiUrl: string,
    account: string,
    id: string,
  ): Promise<{ before: string; state: string; receipt: unknown; delivered: string[] }>;
}

describe('outbox across a page reload', () => {
  let browser: Browser;
  let page: PageServer;
  let stateDir: string;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-e2e-outbox-'));
    page = await servePage({ root, entry: 'test/e2e/pages/outbox-page.ts' });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: BASE_FLAGS,
    });
  });

  after(async () => {
    await browser.close();
    await page.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('sends after a reload once IPFS is up', async () => {
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const account = encodeAddress(new Uint8Array(32).fill(9));
    const tab = await browser.newPage();

    await tab.goto(page.url);
    await tab.waitForFunction(() => 'outboxPage' in window);

    const queued = await tab.evaluate(
      ([url, who]) =>
        (window as unknown as { outboxPage: OutboxPage }).outboxPage.enqueue(url!, who!),
      [apiUrl, account],
    );

    await tab.reload();
    await tab.waitForFunction(() => 'outboxPage' in window);

    const node = await startIpfs({
      stateDir,
      apiPort,
      gatewayPort: 0,
      logger: pino({ level: 'silent' }),
    });

    try {
      const resumed = await tab.evaluate(
        ([url, who, id]) =>
          (window as unknown as { outboxPage: OutboxPage }).outboxPage.resume(url!, who!, id!),
        [apiUrl, account, queued.id],
      );
      const stored = await fetch(`${node.gatewayUrl}/ipfs/${queued.id}?format=raw`);

      assert.equal(queued.state, 'pending');
      assert.equal(queued.lastError, 'IPFS_UPLOAD_FAILED');
      assert.equal(resumed.before, 'pending');
      assert.equal(resumed.state, 'sent');
      assert.deepEqual(resumed.receipt, { blockHash: '0xfeed' });
      assert.deepEqual(resumed.delivered, [queued.id]);
      assert.equal(stored.status, 200);
    } finally {
      await tab.close();
      await node.close();
    }
  });
});
