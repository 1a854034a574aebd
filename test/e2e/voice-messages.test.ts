// Voice messages through the elements in two real Chromium pages with the fake microphone:
// Alice records and sends on the devnet through the embedded IPFS node, Bob's page gets the
// notice and plays the message; and the outbox keeps a message across a reload while IPFS
// is down, until it is up again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';

import { startIpfs } from '../../server/ipfs/ipfs-server.js';
import { BASE_FLAGS, CHROMIUM_PATH, fakeMicrophoneFlags } from '../support/chromium.mjs';
import { servePage, type PageServer } from '../support/page-server.js';
import { freePort } from '../support/redis.js';
import { startStack, type Stack } from '../support/stack.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface PageOptions {
  uri: string;
  chain: string;
  signaling: string;
  ipfsApi: string;
  gateways: string[];
  to?: string;
  burn?: boolean;
}

interface VoicePage {
  open(options: PageOptions): Promise<string>;
  seen: { sent: Array<{ cid: string; blockHash: string }>; errors: string[]; messages: string[] };
}

describe('voice messages between two pages', { timeout: 240_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let page: PageServer;

  before(async () => {
    stack = await startStack({ devnet: true, signaling: true, ipfs: true });
    page = await servePage({ root, entry: 'test/e2e/pages/voice-page.ts' });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...BASE_FLAGS, ...fakeMicrophoneFlags(root)],
    });
  });

  after(async () => {
    await browser?.close();
    await page?.close();
    await stack?.close();
  });

  async function openPage(options: Partial<PageOptions> & { uri: string }) {
    const tab = await browser.newPage();

    await tab.goto(page.url);
    await tab.waitForFunction(() => 'voicePage' in window);

    const address = await tab.evaluate(
      (settings) => (window as unknown as { voicePage: VoicePage }).voicePage.open(settings),
      {
        chain: stack.urls.devnetUrl!,
        signaling: stack.urls.signaling!,
        ipfsApi: stack.urls.ipfsApi!,
        gateways: [stack.urls.ipfsGateway!],
        ...options,
      },
    );

    return { tab, address };
  }

  /** Records about 1.5 s hands-free with the recorder and sends it. */
  async function recordAndSend(tab: Page): Promise<void> {
    await tab.locator('stardust-voice-recorder [part="lock-button"]').click();
    await tab.waitForFunction(
      () => (document.querySelector('stardust-voice-recorder')?.elapsedMs ?? 0) >= 1500,
    );
    await tab.locator('stardust-voice-recorder [part="stop-button"]').click();
    await tab.locator('stardust-voice-recorder [part="send-button"]').click();
  }

  function outboxText(tab: Page): Promise<string> {
    return tab.locator('stardust-voice-recorder [part="outbox"]').innerText();
  }

  it('records on one page and plays on the other', async () => {
    const bob = await openPage({ uri: '//Bob' });
    const alice = await openPage({ uri: '//Alice', to: bob.address });

    await recordAndSend(alice.tab);
    await alice.tab.waitForFunction(
      () => (window as unknown as { voicePage: VoicePage }).voicePage.seen.sent.length === 1,
    );

    const sent = await alice.tab.evaluate(
      () => (window as unknown as { voicePage: VoicePage }).voicePage.seen.sent[0]!,
    );
    const message = bob.tab.locator('stardust-voice-message');

    await message.locator('[part="base"][data-status="ready"]').waitFor();
    await message.locator('[part="play-button"]').click();
    await message.locator('[part="base"][data-player="ended"]').waitFor({ timeout: 30_000 });

    const received = await bob.tab.evaluate(
      () => (window as unknown as { voicePage: VoicePage }).voicePage.seen.messages,
    );
    const duration = await message.locator('[part="duration"]').innerText();

    assert.deepEqual(received, [sent.cid]);
    assert.match(sent.blockHash, /^0x[0-9a-f]{64}$/);
    assert.match(duration, /^0:0[12] \/ 0:0[12]$/);
    assert.equal(await outboxText(alice.tab), 'Sent');
    await alice.tab.close();
    await bob.tab.close();
  });

  it('keeps a message across a reload while IPFS is down', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'stardust-e2e-voice-ipfs-'));
    const apiPort = await freePort();
    const gatewayPort = await freePort();
    const ipfsApi = `http://127.0.0.1:${apiPort}`;
    // Bob downloads from the node that is down now and holds the message once it is up.
    const bob = await openPage({ uri: '//Bob', gateways: [`http://127.0.0.1:${gatewayPort}`] });
    const alice = await openPage({ uri: '//Charlie', to: bob.address, ipfsApi });

    await recordAndSend(alice.tab);
    await alice.tab.locator('stardust-voice-recorder [part="retry-button"]').waitFor();

    const before = await outboxText(alice.tab);

    await alice.tab.reload();
    await alice.tab.waitForFunction(() => 'voicePage' in window);
    await alice.tab.evaluate(
      (settings) => (window as unknown as { voicePage: VoicePage }).voicePage.open(settings),
      {
        uri: '//Charlie',
        to: bob.address,
        chain: stack.urls.devnetUrl!,
        signaling: stack.urls.signaling!,
        ipfsApi,
        gateways: [stack.urls.ipfsGateway!],
      },
    );

    const outbox = alice.tab.locator('stardust-voice-recorder [part="outbox"]');

    await outbox.waitFor();

    const afterReload = await outboxText(alice.tab);
    const node = await startIpfs({
      stateDir,
      apiPort,
      gatewayPort,
      logger: pino({ level: 'silent' }),
    });

    try {
      await alice.tab.locator('stardust-voice-recorder [part="retry-button"]').click();
      await alice.tab
        .locator('stardust-voice-recorder [part="outbox"][data-state="sent"]')
        .waitFor({
          timeout: 60_000,
        });
      await bob.tab.locator('stardust-voice-message [part="base"][data-status="ready"]').waitFor({
        timeout: 60_000,
      });
    } finally {
      await node.close();
      rmSync(stateDir, { recursive: true, force: true });
    }

    assert.match(before, /IPFS_UPLOAD_FAILED/);
    assert.match(afterReload, /IPFS_UPLOAD_FAILED|Uploading/);
    assert.equal(await outboxText(alice.tab), 'Sent');
    await alice.tab.close();
    await bob.tab.close();
  });
});
