// Voice rooms end to end: Chromium pages whose RoomSessions join rooms on the devnet (their
// own extrinsics, signed with dev accounts) and through the signaling server, with real
// Janus (in the test namespace) or the peer mesh. Speakers send tones of their own
// frequencies so that a listener can tell who it hears.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type { KeyringPair } from '@polkadot/keyring/types';

import { accountKey } from '../../src/shared/ss58.js';
import { DUST, freeBalance } from '../support/devnet-client.js';
import { janusSkipReason } from '../support/janus.js';
import type { HarnessSource } from './support/room-harness.browser.js';
import type { RoomPage } from './support/room-pages.js';
import { startRoomStack, type RoomStack } from './support/room-stack.js';
import { waitFor } from './support/peer-pages.js';

const skip = janusSkipReason();

if (skip !== undefined) console.log(`# Janus room tests skipped: ${skip}`);

const TEST = { timeout: 120_000 };
// An analyser bin holding a tone at gain 0.5 reads about -10 dBFS through Opus; without it,
// below -90.
const AUDIBLE_DB = -50;
const SILENT_DB = -75;
// While another tone plays, Opus leaves the analyser a few bins of spread around -70 dBFS;
// a member heard at all reads above -30.
const LEAK_DB = -55;
const HOST_TONE = 330;
const SPEAKER_TONE = 600;
const LISTENER_TONE = 900;

/** A dev account: its keyring pair (for Node's own chain calls) and its derivation path. */
interface Account {
  pair: KeyringPair;
  seed: string;
  address: string;
}

/** A room on chain and the members of one test, all in one page. */
interface RoomFixture {
  roomId: string;
  page: RoomPage;
  host: Account;
  speaker: Account;
  listener: Account;
  observer: Account;
}

let nextAccount = 1;

function takeAccount(stack: RoomStack): Account {
  const seed = `//Member${nextAccount}`;
  const pair = stack.member(nextAccount);

  nextAccount += 1;

  return { pair, seed, address: pair.address };
}

/** Adds a member to a page, with its own signaling connection and chain client. */
async function addMember(
  stack: RoomStack,
  page: RoomPage,
  roomId: string,
  account: Account,
  source: HarnessSource,
): Promise<void> {
  const address = await page.create(account.address, {
    roomId,
    seed: account.seed,
    source,
    ...stack.urls,
  });

  assert.equal(address, account.address);
}

/**
 * Creates a room with a host, a speaker, a listener who will try to speak and a listener
 * who observes, puts them in one page and joins them all: on chain from the page (join_room),
 * then through signaling. The host's page makes the speaker a speaker on chain.
 */
async function roomWithMembers(stack: RoomStack, mode = 'FreeSpeak'): Promise<RoomFixture> {
  const host = takeAccount(stack);
  const speaker = takeAccount(stack);
  const listener = takeAccount(stack);
  const observer = takeAccount(stack);
  const roomId = await stack.createRoom(host.pair, { speakingMode: mode });
  const page = await stack.browser.newPage();
  const sources = new Map<Account, HarnessSource>([
    [host, { frequency: HOST_TONE }],
    [speaker, { frequency: SPEAKER_TONE }],
    [listener, { frequency: LISTENER_TONE }],
    [observer, 'silence'],
  ]);

  for (const [account, source] of sources) {
    await addMember(stack, page, roomId, account, source);
    assert.deepEqual(await page.join(account.address), { ok: true }, `join of ${account.seed}`);
  }

  assert.deepEqual(await page.run('setRole', host.address, speaker.address, 'Speaker'), {
    ok: true,
  });

  return { roomId, page, host, speaker, listener, observer };
}

/** Waits until `listener` hears (true) or does not hear (false) each frequency. */
function waitForTones(page: RoomPage, listener: string, heard: Record<number, boolean>) {
  const frequencies = Object.keys(heard).map(Number);

  return waitFor(
    `tones ${JSON.stringify(heard)} at ${listener}`,
    () => page.spectrum(listener, frequencies),
    (levels) =>
      frequencies.every((frequency, index) =>
        heard[frequency] ? levels[index]! > AUDIBLE_DB : levels[index]! < SILENT_DB,
      ),
    { timeoutMs: 30_000 },
  );
}

/**
 * Checks that `listener` never hears `frequency` while `sender` sends at least `packets`
 * more packets: the audio leaves the sender's browser and the server drops it.
 */
async function assertSilentWhileSending(
  page: RoomPage,
  listener: string,
  sender: string,
  frequency: number,
  packets = 150,
): Promise<void> {
  const start = (await page.stats(sender)).packetsSent;

  await waitFor(
    `${sender} to send ${packets} packets while ${listener} hears no ${frequency} Hz`,
    async () => {
      const [level] = await page.spectrum(listener, [frequency]);

      assert.ok(level! < LEAK_DB, `${listener} heard ${frequency} Hz at ${level} dBFS`);

      return (await page.stats(sender)).packetsSent - start;
    },
    (sent) => sent >= packets,
    { timeoutMs: 30_000 },
  );
}

async function stateOf(page: RoomPage, member: Account) {
  return page.state(member.address);
}

describe('rooms with Janus', { skip }, () => {
  let stack: RoomStack;

  before(async () => {
    stack = await startRoomStack({ janus: true, devAccounts: 60 });
  });

  after(async () => {
    await stack?.close();
  });

  it('lets three members join a host and hear a speaker', TEST, async () => {
    const room = await roomWithMembers(stack);

    assert.deepEqual(await room.page.run('setMuted', room.speaker.address, false), { ok: true });
    await waitForTones(room.page, room.observer.address, {
      [SPEAKER_TONE]: true,
      [LISTENER_TONE]: false,
    });
    await waitForTones(room.page, room.listener.address, { [SPEAKER_TONE]: true });

    const observed = await waitFor(
      'the observer to see the speaker talking',
      () => stateOf(room.page, room.observer),
      (state) => state.activeSpeakers.includes(room.speaker.address),
    );

    assert.equal(observed.state, 'joined');
    assert.equal(observed.snapshot!.media, 'janus');
    assert.equal(observed.snapshot!.members.length, 4);
    assert.ok(observed.snapshot!.members.every((member) => member.connected));
  });

  it('keeps a listener who sends silent at the server', TEST, async () => {
    const room = await roomWithMembers(stack);
    const refused = await room.page.run('setMuted', room.listener.address, false);

    assert.deepEqual(refused, { ok: false, code: 'ROOM_NOT_ALLOWED' });
    assert.equal((await stateOf(room.page, room.listener)).sending, false);

    await room.page.run('setMuted', room.speaker.address, false);
    await waitForTones(room.page, room.observer.address, { [SPEAKER_TONE]: true });
    await room.page.forceSend(room.listener.address);
    await assertSilentWhileSending(
      room.page,
      room.observer.address,
      room.listener.address,
      LISTENER_TONE,
    );
  });

  it('silences a member a host mutes, even when it keeps sending', TEST, async () => {
    const room = await roomWithMembers(stack);

    await room.page.run('setMuted', room.speaker.address, false);
    await waitForTones(room.page, room.observer.address, { [SPEAKER_TONE]: true });

    assert.deepEqual(
      await room.page.run('muteMember', room.host.address, room.speaker.address, true),
      { ok: true },
    );

    const muted = await waitFor(
      'the speaker to see itself muted by the host',
      () => stateOf(room.page, room.speaker),
      (state) => state.self?.serverMuted === true,
    );

    assert.equal(muted.sending, false);
    assert.equal(
      muted.snapshot!.members.find((member) => member.account === room.speaker.address)!
        .moderatorMuted,
      true,
    );

    await room.page.forceSend(room.speaker.address);
    await waitForTones(room.page, room.observer.address, { [SPEAKER_TONE]: false });
    await assertSilentWhileSending(
      room.page,
      room.observer.address,
      room.speaker.address,
      SPEAKER_TONE,
    );
  });

  it('lets a host approve a raised hand', TEST, async () => {
    const room = await roomWithMembers(stack, 'RaiseHand');

    assert.deepEqual(await room.page.run('raiseHand', room.listener.address, true), { ok: true });
    await waitFor(
      'the host to see the raised hand',
      () => stateOf(room.page, room.host),
      (state) => state.snapshot?.handQueue.includes(room.listener.address) === true,
    );

    assert.deepEqual(
      await room.page.run('answerHand', room.host.address, room.listener.address, true),
      {
        ok: true,
      },
    );

    const approved = await waitFor(
      'the listener to become a speaker',
      () => stateOf(room.page, room.listener),
      (state) => state.self?.role === 'Speaker' && state.sending,
    );

    assert.equal(approved.self!.handRaised, false);
    assert.deepEqual(approved.snapshot!.handQueue, []);
    await waitForTones(room.page, room.observer.address, { [LISTENER_TONE]: true });
  });

  it('gives the floor to one speaker at a time', TEST, async () => {
    const room = await roomWithMembers(stack, 'Sequential');

    assert.deepEqual(
      await room.page.run('setRole', room.host.address, room.listener.address, 'Speaker'),
      { ok: true },
    );
    await waitFor(
      'the listener to be a speaker',
      () => stateOf(room.page, room.listener),
      (state) => state.self?.role === 'Speaker',
    );
    assert.deepEqual(
      await room.page.run('setSpeakingMode', room.host.address, 'Sequential', 5_000),
      {
        ok: true,
      },
    );

    for (const member of [room.speaker, room.listener]) {
      assert.deepEqual(await room.page.run('setMuted', member.address, false), { ok: true });
    }

    const first = (await stateOf(room.page, room.observer)).snapshot!.turn!.account;
    const second = first === room.speaker.address ? room.listener.address : room.speaker.address;
    const tone = (account: string) =>
      account === room.speaker.address ? SPEAKER_TONE : LISTENER_TONE;

    await waitForTones(room.page, room.observer.address, {
      [tone(first)]: true,
      [tone(second)]: false,
    });
    await waitForTones(room.page, room.observer.address, {
      [tone(second)]: true,
      [tone(first)]: false,
    });

    const rotated = await stateOf(room.page, room.observer);

    assert.equal(rotated.snapshot!.turn!.account, second);
    assert.deepEqual(rotated.snapshot!.turn!.queue, [first]);
    await waitForTones(room.page, room.observer.address, {
      [tone(first)]: true,
      [tone(second)]: false,
    });
  });

  it('ends the media of a kicked member', TEST, async () => {
    const room = await roomWithMembers(stack);

    assert.deepEqual(await room.page.run('kick', room.host.address, room.listener.address), {
      ok: true,
    });

    const kicked = await waitFor(
      'the listener to see the kick',
      () => stateOf(room.page, room.listener),
      (state) => state.state === 'left',
    );
    const live = stack.service.rooms.get(room.roomId)!;

    assert.equal((await room.page.stats(room.listener.address)).connectionState, 'none');
    assert.equal(live.janus!.joined(accountKey(room.listener.address)), false);
    assert.equal(live.janus!.admitted(accountKey(room.listener.address)), false);
    assert.equal(
      kicked.snapshot!.members.some((m) => m.account === room.listener.address),
      true,
    );

    await waitFor(
      'the kick to reach the chain',
      async () =>
        (
          await stack.chain.api.query.voiceRoom.roomMembers(
            `0x${room.roomId}`,
            room.listener.address,
          )
        ).toJSON(),
      (member) => member === null,
    );

    const rejoin = await room.page.join(room.listener.address, { joinOnChain: false });

    assert.deepEqual(rejoin, { ok: false, code: 'ROOM_NOT_MEMBER' });
  });

  it('refuses a member the chain does not list', TEST, async () => {
    const room = await roomWithMembers(stack);
    const stranger = takeAccount(stack);

    await addMember(stack, room.page, room.roomId, stranger, 'silence');

    const joined = await room.page.join(stranger.address, { joinOnChain: false });

    assert.deepEqual(joined, { ok: false, code: 'ROOM_NOT_MEMBER' });
    assert.equal(
      stack.service.rooms.get(room.roomId)!.sessions.has(accountKey(stranger.address)),
      false,
    );
    assert.equal((await room.page.stats(stranger.address)).connectionState, 'none');
  });

  it('shows a tip to everyone in the room', TEST, async () => {
    const room = await roomWithMembers(stack);
    const before = await freeBalance(stack.chain, room.speaker.address);

    assert.deepEqual(
      await room.page.run('tip', room.listener.address, room.speaker.address, String(DUST / 10n)),
      { ok: true },
    );

    for (const member of [room.host, room.speaker, room.observer]) {
      const seen = await waitFor(
        `${member.seed} to see the tip`,
        () => stateOf(room.page, member),
        (state) => state.tips.length > 0,
      );

      assert.equal(seen.tips[0]!.from, room.listener.address);
      assert.equal(seen.tips[0]!.to, room.speaker.address);
      assert.equal(seen.tips[0]!.amount, String(DUST / 10n));
    }

    assert.equal((await freeBalance(stack.chain, room.speaker.address)) - before, DUST / 10n);
  });

  it('reports a Janus refusal with its code', TEST, async () => {
    const room = await roomWithMembers(stack);
    const live = stack.service.rooms.get(room.roomId)!;
    const late = takeAccount(stack);

    // Someone holding the room's secret destroys it behind the room service's back.
    await stack.pool!.room(room.roomId, live.janus!.secret).destroy();
    await addMember(stack, room.page, room.roomId, late, 'silence');

    const joined = await room.page.join(late.address);

    assert.deepEqual(joined, { ok: false, code: 'ROOM_MEDIA_REFUSED', detail: 485 });
    assert.equal((await room.page.stats(late.address)).connectionState, 'none');
  });

  it('closes the room for everyone and returns the deposit', TEST, async () => {
    const room = await roomWithMembers(stack);
    const reservedBefore = (
      (await stack.chain.api.query.system.account(room.host.address)) as unknown as {
        data: { reserved: { toBigInt(): bigint } };
      }
    ).data.reserved.toBigInt();

    assert.deepEqual(await room.page.run('close', room.host.address), { ok: true });

    for (const member of [room.speaker, room.listener, room.observer]) {
      await waitFor(
        `${member.address} to see the room closed`,
        () => stateOf(room.page, member),
        (state) => state.state === 'closed',
      );
    }

    const reservedAfter = (
      (await stack.chain.api.query.system.account(room.host.address)) as unknown as {
        data: { reserved: { toBigInt(): bigint } };
      }
    ).data.reserved.toBigInt();

    assert.equal(reservedBefore - reservedAfter, DUST);
    assert.equal(stack.service.rooms.has(room.roomId), false);

    const room_ = await stack.chain.api.query.voiceRoom.rooms(`0x${room.roomId}`);

    assert.equal((room_.toJSON() as { isActive: boolean }).isActive, false);

    const rejoin = await room.page.join(room.observer.address, { joinOnChain: false });

    assert.deepEqual(rejoin, { ok: false, code: 'ROOM_CLOSED' });
  });
});

describe('rooms without Janus', () => {
  let stack: RoomStack;

  before(async () => {
    stack = await startRoomStack({ janus: false, devAccounts: 12 });
    nextAccount = 1;
  });

  after(async () => {
    await stack?.close();
  });

  it('connects three members in a peer mesh', TEST, async () => {
    const host = takeAccount(stack);
    const speaker = takeAccount(stack);
    const listener = takeAccount(stack);
    const roomId = await stack.createRoom(host.pair);
    const pages = [
      await stack.browser.newPage(),
      await stack.browser.newPage(),
      await stack.browser.newPage(),
    ];
    const members: Array<[Account, RoomPage, HarnessSource]> = [
      [host, pages[0]!, { frequency: HOST_TONE }],
      [speaker, pages[1]!, { frequency: SPEAKER_TONE }],
      [listener, pages[2]!, { frequency: LISTENER_TONE }],
    ];

    for (const [account, page, source] of members) {
      await addMember(stack, page, roomId, account, source);
      assert.deepEqual(await page.join(account.address), { ok: true });
    }

    assert.deepEqual(await pages[0]!.run('setRole', host.address, speaker.address, 'Speaker'), {
      ok: true,
    });
    await waitFor(
      'the speaker to be a speaker',
      () => pages[1]!.state(speaker.address),
      (state) => state.self?.role === 'Speaker',
    );
    assert.deepEqual(await pages[1]!.run('setMuted', speaker.address, false), { ok: true });
    await waitForTones(pages[2]!, listener.address, {
      [SPEAKER_TONE]: true,
      [LISTENER_TONE]: false,
    });
    await waitForTones(pages[0]!, host.address, { [SPEAKER_TONE]: true });

    const state = await pages[2]!.state(listener.address);
    const toSpeaker = await pages[2]!.stats(listener.address, speaker.address);

    assert.equal(state.snapshot!.media, 'mesh');
    assert.equal(state.snapshot!.members.filter((member) => member.connected).length, 3);
    assert.equal(toSpeaker.connectionState, 'connected');
    assert.equal(toSpeaker.packetsSent, 0);
  });
});
