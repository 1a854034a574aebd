// Janus is killed and started again on the same port while three members sit in a room,
// each shown by a <stardust-room> element in Chromium (one of them in zh-CN). The members
// join and the host unmutes through the elements' buttons. After the restart every element
// shows the reconnecting state, caused by the media server, on its status line (a
// role="status" live region) in its own locale. Then every member is back in the room with
// its role, and the listeners hear the host's tone again. Whether the element's second,
// visually hidden live region speaks the element's locale is a separate test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { janusSkipReason } from '../support/janus.js';
import type { RenderedState } from '../e2e/support/room-element-harness.browser.js';
import type { HarnessSource } from '../e2e/support/room-harness.browser.js';
import type { RoomPage } from '../e2e/support/room-pages.js';
import { startRoomStack, type RoomStack } from '../e2e/support/room-stack.js';
import { waitFor } from '../e2e/support/peer-pages.js';

const skip = janusSkipReason();

if (skip !== undefined) console.log(`# Janus restart soak test skipped: ${skip}`);

const ELEMENT_HARNESS = 'test/e2e/support/room-element-harness.browser.ts';
const HOST_TONE = 330;
// An analyser bin holding a tone at gain 0.5 reads about -10 dBFS through Opus; without it,
// below -90.
const AUDIBLE_DB = -50;
// Packets a listener must receive beyond a starting count: about three seconds of 20 ms
// Opus frames, so a few stray packets do not count as hearing the host.
const PACKETS_HEARD = 150;

/** The status line of each locale the test uses, written out rather than read from the code. */
const STATUS = {
  en: { joined: 'In the room', reconnecting: 'Reconnecting…' },
  'zh-CN': { joined: '已在房间中', reconnecting: '正在重新连接…' },
} as const;

type Locale = keyof typeof STATUS;

/** A member: its harness id (its address), dev account and the locale of its element. */
interface Member {
  seed: string;
  address: string;
  locale: Locale;
  source: HarnessSource;
}

function elementState(page: RoomPage, member: Member): Promise<RenderedState> {
  return page.page.evaluate((id) => window.roomElements.current(id), member.address);
}

function renderedStates(page: RoomPage, member: Member): Promise<RenderedState[]> {
  return page.page.evaluate((id) => window.roomElements.rendered(id), member.address);
}

function click(page: RoomPage, member: Member, part: string): Promise<void> {
  return page.page.evaluate(([id, name]) => window.roomElements.click(id, name), [
    member.address,
    part,
  ] as const);
}

function elementError(page: RoomPage, member: Member): Promise<string> {
  return page.page.evaluate((id) => window.roomElements.error(id), member.address);
}

/** Waits until the member's element shows the joined state and its media is connected. */
async function waitForJoined(page: RoomPage, member: Member): Promise<void> {
  await waitFor(
    `${member.seed} to show ${STATUS[member.locale].joined}`,
    () => elementState(page, member),
    (shown) => shown.state === 'joined' && shown.status === STATUS[member.locale].joined,
    { timeoutMs: 60_000 },
  );
  await waitFor(
    `${member.seed} to have its media connected`,
    () => page.state(member.address),
    (state) => state.self?.connected === true,
    { timeoutMs: 60_000 },
  );
}

/** Waits until `listener` hears the host's tone and receives {@link PACKETS_HEARD} more packets. */
async function waitForHost(page: RoomPage, listener: Member): Promise<void> {
  await waitFor(
    `${listener.seed} to hear the host's ${HOST_TONE} Hz tone`,
    () => page.spectrum(listener.address, [HOST_TONE]),
    ([level]) => level! > AUDIBLE_DB,
    { timeoutMs: 30_000 },
  );

  const start = (await page.stats(listener.address)).packetsReceived;

  await waitFor(
    `${listener.seed} to receive ${PACKETS_HEARD} packets beyond ${start}`,
    () => page.stats(listener.address),
    (stats) => stats.packetsReceived - start >= PACKETS_HEARD,
    { timeoutMs: 30_000 },
  );
}

describe('room through a Janus restart', { skip }, () => {
  let stack: RoomStack;
  /** What each member's element rendered on entering reconnecting, and its last render. */
  const announced: Array<{ member: Member; reconnecting: RenderedState; last: RenderedState }> = [];

  before(async () => {
    stack = await startRoomStack({ janus: true, devAccounts: 3 });
  });

  after(async () => {
    await stack?.close();
  });

  it('shows reconnecting and rejoins every element', { timeout: 240_000 }, async () => {
    const hostPair = stack.member(1);
    const roomId = await stack.createRoom(hostPair);
    const page = await stack.browser.newPage(ELEMENT_HARNESS);
    const host: Member = {
      seed: '//Member1',
      address: hostPair.address,
      locale: 'en',
      source: { frequency: HOST_TONE },
    };
    const listeners: Member[] = [
      { seed: '//Member2', address: stack.member(2).address, locale: 'zh-CN', source: 'silence' },
      { seed: '//Member3', address: stack.member(3).address, locale: 'en', source: 'silence' },
    ];
    const members = [host, ...listeners];

    for (const member of members) {
      const address = await page.create(member.address, {
        roomId,
        seed: member.seed,
        source: member.source,
        ...stack.urls,
      });

      assert.equal(address, member.address);
      await page.page.evaluate(
        ([id, room, locale]) => window.roomElements.mount(id, room, locale),
        [member.address, roomId, member.locale] as const,
      );
      await click(page, member, 'join-button');
      await waitForJoined(page, member);
    }

    await click(page, host, 'mute-button');
    await waitFor(
      'the host to send its tone',
      () => page.state(host.address),
      (state) => state.sending,
    );

    for (const listener of listeners) await waitForHost(page, listener);

    await stack.restartJanus();

    for (const member of members) {
      const reconnecting = await waitFor(
        `${member.seed}'s element to render the reconnecting state`,
        () => renderedStates(page, member),
        (rendered) => rendered.some((shown) => shown.state === 'reconnecting'),
        { timeoutMs: 60_000 },
      );
      const shown = reconnecting.find((entry) => entry.state === 'reconnecting')!;

      assert.equal(shown.reason, 'media', `${member.seed} reconnecting reason`);
      assert.equal(shown.status, STATUS[member.locale].reconnecting, `${member.seed} status`);
    }

    for (const member of members) {
      await waitForJoined(page, member);

      const rendered = await renderedStates(page, member);
      const last = rendered.at(-1)!;

      assert.equal(last.state, 'joined', `${member.seed} last rendered state`);
      assert.equal(last.status, STATUS[member.locale].joined, `${member.seed} last status`);
      assert.equal(await elementError(page, member), '', `${member.seed} error line`);
      announced.push({
        member,
        reconnecting: rendered.find((entry) => entry.state === 'reconnecting')!,
        last,
      });
    }

    const snapshot = (await page.state(host.address)).snapshot!;

    assert.equal(snapshot.mediaState, 'ready');
    assert.equal(snapshot.members.length, 3);
    assert.ok(snapshot.members.every((member) => member.connected));
    assert.equal((await page.state(host.address)).sending, true);

    for (const listener of listeners) {
      const state = await page.state(listener.address);

      assert.equal(state.self!.role, 'Listener', `${listener.seed} role`);
      assert.equal(state.sending, false, `${listener.seed} sending`);
    }

    for (const listener of listeners) await waitForHost(page, listener);
  });

  it('announces both states in the element locale', () => {
    assert.equal(announced.length, 3, 'the restart test recorded every member');

    for (const { member, reconnecting, last } of announced) {
      const expected = STATUS[member.locale];

      assert.equal(reconnecting.announcement, expected.reconnecting, `${member.seed} reconnecting`);
      assert.equal(last.announcement, expected.joined, `${member.seed} joined`);
    }
  });
});
