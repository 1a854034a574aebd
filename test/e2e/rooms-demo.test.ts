// The rooms demo page in two Chromium tabs, as a visitor uses it: Alice creates a room with
// <stardust-room-list> and joins it with <stardust-room>; Bob opens it and joins too. The
// page runs from sources on Vite's dev server against the devnet and a signaling server
// whose rooms use the peer mesh (no Janus needed).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Page } from 'playwright-core';

import { startRoomHandler } from '../../server/signaling/rooms/start.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { startDemo, type DemoHandle } from '../../server/stack/demo.js';
import { startDevnet, type DevnetHandle } from '../../server/devnet/index.js';
import { fakeMicrophoneFlags } from '../support/chromium.mjs';
import { launchChromium } from '../support/browser.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TEST = { timeout: 180_000 };

describe('rooms demo page', () => {
  let devnet: DevnetHandle;
  let signaling: SignalingServerHandle;
  let demo: DemoHandle;
  let browser: Browser;

  before(async () => {
    devnet = await startDevnet({ port: 0, blockTimeMs: 0 });
    signaling = await startSignalingServer({
      port: 0,
      genesisHash: devnet.genesisHash,
      roomHandler: await startRoomHandler({ chainUrl: devnet.url }),
      logLevel: 'silent',
    });
    demo = await startDemo({ port: 0 });
    browser = await launchChromium(fakeMicrophoneFlags(ROOT));
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await signaling?.close();
    await devnet?.close();
  });

  async function openDemo(account: string, roomId = ''): Promise<Page> {
    const page = await browser.newPage();
    const query = new URLSearchParams({ as: account, chain: devnet.url, signaling: signaling.url });

    await page.goto(`${demo.url}rooms.html?${query}${roomId === '' ? '' : `#${roomId}`}`);
    await page.locator('#status').getByText('Signed in as').waitFor({ timeout: 60_000 });

    return page;
  }

  async function joinShownRoom(page: Page): Promise<void> {
    await page.locator('stardust-room [part="join-button"]').click();
    await page
      .locator('stardust-room [part="status"]')
      .getByText('In the room')
      .waitFor({ timeout: 60_000 });
  }

  it('creates a room in one tab and joins it from another', TEST, async () => {
    const alice = await openDemo('//Alice');

    await alice.locator('stardust-room-list input[name="name"]').fill('Demo room');
    await alice.locator('stardust-room-list select[name="mode"]').selectOption('RaiseHand');
    await alice.locator('stardust-room-list [part="create-button"]').click();
    await alice.locator('stardust-room').waitFor({ timeout: 60_000 });

    const roomId = await alice.locator('stardust-room').getAttribute('room-id');

    assert.match(roomId!, /^0x[0-9a-f]{32}$/);
    await joinShownRoom(alice);

    const bob = await openDemo('//Bob', roomId!);

    await joinShownRoom(bob);

    for (const page of [alice, bob]) {
      await page.locator('stardust-room [part~="member"]').nth(1).waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('stardust-room [part~="member"]').count(), 2);
    }

    await bob.locator('stardust-room [part="hand-button"]').click();
    await alice
      .locator('stardust-room [part="hands"]')
      .getByText('Bob')
      .waitFor({ timeout: 30_000 });
    await alice.locator('stardust-room [part="hands"] button').first().click();
    await bob
      .locator('stardust-room [part="mute-button"]')
      .and(bob.locator(':enabled'))
      .waitFor({ timeout: 60_000 });

    const bobCard = alice.locator('stardust-room [part~="member"]', { hasText: 'Bob' });

    await bobCard.getByText('Speaker').waitFor({ timeout: 30_000 });
    assert.equal(await alice.locator('stardust-room-list [part="room"]').count(), 1);
    // The room handler has no Janus, so the page creates rooms of the peer mesh's 6.
    assert.match(
      (await alice.locator('stardust-room-list [part="room-meta"]').textContent())!,
      /2 of 6 members/,
    );
  });
});
