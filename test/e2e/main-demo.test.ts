// The main demo page (demo/index.html) in Chromium, as a visitor uses it. Alice's pane and
// Bob's pane have voice messages, a call and a room each, and Bob joins a room Alice
// creates. "Use my wallet" puts a fake extension's account in Alice's place, or reports
// that no extension is installed. The page runs from sources on Vite's dev server against
// the devnet, the embedded IPFS node and a signaling server whose rooms use the peer mesh,
// as `npm start` without `--janus` does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { Browser, Locator, Page } from 'playwright-core';

import { startDevnet, type DevnetHandle } from '../../server/devnet/index.js';
import { startRoomHandler } from '../../server/signaling/rooms/start.js';
import { startSignalingServer, type SignalingServerHandle } from '../../server/signaling/server.js';
import { startDemo, type DemoHandle } from '../../server/stack/demo.js';
import { createDevSigner } from '../../src/wallet/dev-signer.js';
import { launchChromium } from '../support/browser.js';
import { fakeMicrophoneFlags } from '../support/chromium.mjs';
import { startStack, type Stack } from '../support/stack.js';
import { injectFakeExtension } from './support/fake-extension.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TEST = { timeout: 240_000 };
const SLOW = { timeout: 90_000 };

describe('main demo page', () => {
  let stack: Stack;
  let devnet: DevnetHandle;
  let signaling: SignalingServerHandle;
  let demo: DemoHandle;
  let browser: Browser;

  before(async () => {
    stack = await startStack({ ipfs: true });
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
    await stack?.close();
  });

  /** Opens the demo page on this test's servers; `prepare` runs before it loads. */
  async function openDemo(prepare?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await browser.newPage();
    const query = new URLSearchParams({
      chain: devnet.url,
      signaling: signaling.url,
      'ipfs-api': stack.urls.ipfsApi!,
      gateways: stack.urls.ipfsGateway!,
    });

    await prepare?.(page);
    await page.goto(`${demo.url}?${query}`);

    return page;
  }

  function pane(page: Page, id: string): Locator {
    return page.getByTestId(`pane-${id}`);
  }

  async function joinShownRoom(section: Locator): Promise<void> {
    await section.locator('stardust-room [part="join-button"]').click();
    await section.locator('stardust-room [part="status"]').getByText('In the room').waitFor(SLOW);
  }

  it('shows Alice and Bob with three sections each', TEST, async () => {
    const page = await openDemo();
    const expected = {
      alice: (await createDevSigner('//Alice')).account.address,
      bob: (await createDevSigner('//Bob')).account.address,
    };

    for (const [id, address] of Object.entries(expected)) {
      const side = pane(page, id);

      await side.getByTestId(`room-section-${id}`).locator('stardust-room-list').waitFor(SLOW);
      assert.equal(await side.locator('header h2').innerText(), id === 'alice' ? 'Alice' : 'Bob');
      assert.equal(await side.getByTestId(`address-${id}`).innerText(), address);
      assert.equal(
        await side.getByTestId(`message-section-${id}`).locator('stardust-voice-recorder').count(),
        1,
      );
      assert.equal(
        await side.getByTestId(`call-section-${id}`).locator('stardust-call').count(),
        1,
      );
    }

    assert.equal(
      await pane(page, 'alice').locator('stardust-voice-recorder').getAttribute('to'),
      expected.bob,
    );
    assert.equal(
      await pane(page, 'alice').locator('stardust-call').getAttribute('peer'),
      expected.bob,
    );
    await page.close();
  });

  it('lets Bob join a room Alice creates', TEST, async () => {
    const page = await openDemo();
    const aliceRooms = pane(page, 'alice').getByTestId('room-section-alice');
    const bobRooms = pane(page, 'bob').getByTestId('room-section-bob');

    const limit = aliceRooms.locator('stardust-room-list input[name="maxMembers"]');

    // This signaling server has no Janus, so the form offers the peer mesh's 6 members.
    assert.equal(await limit.getAttribute('max'), '6');
    assert.equal(await limit.inputValue(), '6');
    await aliceRooms.locator('stardust-room-list input[name="name"]').fill('Tea room');
    await aliceRooms.locator('stardust-room-list [part="create-button"]').click();
    await aliceRooms.locator('stardust-room').waitFor(SLOW);

    const roomId = await aliceRooms.locator('stardust-room').getAttribute('room-id');

    assert.match(roomId!, /^0x[0-9a-f]{32}$/);
    await joinShownRoom(aliceRooms);
    await bobRooms
      .locator('stardust-room-list [part="room"]', { hasText: 'Tea room' })
      .waitFor(SLOW);
    await bobRooms.locator('stardust-room-list [part="open-button"]').click();
    assert.equal(await bobRooms.locator('stardust-room').getAttribute('room-id'), roomId);
    await joinShownRoom(bobRooms);

    const accounts = {
      alice: (await createDevSigner('//Alice')).account.address,
      bob: (await createDevSigner('//Bob')).account.address,
    };

    for (const section of [aliceRooms, bobRooms]) {
      const members = section.locator('stardust-room [part~="member"]');

      await members.nth(1).waitFor(SLOW);
      assert.deepEqual(
        (await members.evaluateAll((items) => items.map((item) => item.dataset.account))).sort(),
        [accounts.alice, accounts.bob].sort(),
      );
    }

    const names = async (section: Locator) =>
      (await section.locator('stardust-room [part~="member-name"]').allInnerTexts()).sort();

    assert.deepEqual(await names(aliceRooms), ['Alice (you)', 'Bob']);
    assert.deepEqual(await names(bobRooms), ['Alice', 'Bob (you)']);
    await page.close();
  });

  it('sends a message signed by the wallet account', TEST, async () => {
    let fake: Awaited<ReturnType<typeof injectFakeExtension>> | undefined;
    const page = await openDemo(async (tab) => {
      fake = await injectFakeExtension(tab, { accountName: 'Mallory' });
    });
    const accounts = page.getByTestId('wallet-accounts');

    await page.getByTestId('wallet-connect').click();
    await page.getByTestId('wallet-form').waitFor(SLOW);
    assert.deepEqual(
      await accounts
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
      [fake!.address],
    );
    await page.getByTestId('wallet-form').getByRole('button').click();
    await pane(page, 'wallet').waitFor(SLOW);
    assert.equal(await pane(page, 'alice').count(), 0);
    assert.equal(await pane(page, 'wallet').locator('header h2').innerText(), 'Mallory');
    assert.equal(
      await pane(page, 'wallet').getByTestId('address-wallet').innerText(),
      fake!.address,
    );
    assert.equal(
      await pane(page, 'bob').locator('stardust-voice-recorder').getAttribute('to'),
      fake!.address,
    );

    await page
      .locator('[data-testid="message-inbox-bob"][data-ready]')
      .waitFor({ ...SLOW, state: 'attached' });
    await page
      .locator('[data-testid="message-inbox-wallet"][data-ready]')
      .waitFor({ ...SLOW, state: 'attached' });

    const recorder = pane(page, 'wallet').locator('stardust-voice-recorder');

    await recorder.locator('[part="lock-button"]').click();
    await page.waitForFunction(
      (element) => (element as HTMLElement & { elapsedMs: number }).elapsedMs >= 1500,
      await recorder.elementHandle(),
    );
    await recorder.locator('[part="stop-button"]').click();
    await recorder.locator('[part="send-button"]').click();

    const received = page.getByTestId('message-inbox-bob').locator('stardust-voice-message');

    await received.waitFor(SLOW);
    assert.equal(await received.getAttribute('from'), fake!.address);
    assert.ok(fake!.raws >= 1, 'the wallet signed the session or device binding');
    assert.ok(fake!.payloads >= 1, 'the wallet signed an extrinsic');
    await page.close();
  });

  it('says so when no wallet extension is installed', TEST, async () => {
    const page = await openDemo();
    const status = page.getByTestId('wallet-status');

    await page.getByTestId('wallet-connect').click();
    await status.getByText('No wallet extension found').waitFor(SLOW);
    assert.match(await status.innerText(), /Install polkadot-js, Talisman or SubWallet/);
    assert.equal(await page.getByTestId('wallet-form').isVisible(), false);
    assert.equal(await pane(page, 'alice').count(), 1);
    await page.close();
  });
});
