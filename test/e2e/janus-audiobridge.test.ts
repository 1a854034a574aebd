// Members' browsers (Chromium pages with real WebRTC) join a real Janus AudioBridge through
// the Node driver, which relays their offers, answers and candidates as the signaling
// server will. Tones of distinct frequencies tell speakers apart at the listener.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { JanusAudioBridge } from '../../server/signaling/janus/audio-bridge.js';
import type { AudioBridgeRoom } from '../../server/signaling/janus/audio-bridge-room.js';
import { RoomMediaError } from '../../server/signaling/janus/errors.js';
import { backoffPolicy } from '../../server/signaling/janus/reconnect.js';
import type { JanusEvents } from '../../server/signaling/janus/types.js';
import { generateJanusSecret } from '../../server/signaling/janus/validate.js';
import { janusSkipReason, startJanus, type JanusFixture } from '../support/janus.js';
import { recordEvents, waitForEvent } from '../support/wait-event.js';
import { PeerBrowser, waitFor, type PeerPage } from './support/peer-pages.js';

const skip = janusSkipReason();

if (skip !== undefined) console.log(`# Janus media tests skipped: ${skip}`);

type MemberLeft = JanusEvents['memberLeft'][0];
type Talking = JanusEvents['talking'][0];

const LOW = 440;
const HIGH = 1000;
// An analyser bin holding a tone at gain 0.5 reads about -10 dBFS; without it, below -90.
const AUDIBLE_DB = -50;
const SILENT_DB = -80;
const TEST = { timeout: 90_000 };

function refusedWith(detail: number) {
  return (error: unknown) =>
    error instanceof RoomMediaError &&
    error.code === 'ROOM_MEDIA_REFUSED' &&
    error.detail === detail;
}

/** Creates a room with one admitted token per member name. */
async function roomWithTokens(
  bridge: JanusAudioBridge,
  names: string[],
): Promise<{ room: AudioBridgeRoom; tokens: Record<string, string> }> {
  const tokens = Object.fromEntries(names.map((name) => [name, generateJanusSecret()]));
  const room = await bridge.createRoom(randomBytes(16).toString('hex'), {
    secret: generateJanusSecret(),
    allowed: Object.values(tokens),
  });

  return { room, tokens };
}

/** Waits until `peerId` hears (or does not hear) each frequency. */
function waitForTones(page: PeerPage, peerId: string, heard: Record<number, boolean>) {
  const frequencies = Object.keys(heard).map(Number);

  return waitFor(
    `tones ${JSON.stringify(heard)} at ${peerId}`,
    () => page.spectrum(peerId, frequencies),
    ({ levels }) =>
      frequencies.every((frequency, index) =>
        heard[frequency] ? levels[index]! > AUDIBLE_DB : levels[index]! < SILENT_DB,
      ),
  );
}

/** Waits until a peer's received packet count stops growing for a second. */
async function waitForNoMoreMedia(page: PeerPage, peerId: string): Promise<void> {
  let last = -1;

  await waitFor(
    `media to stop at ${peerId}`,
    async () => {
      const { packetsReceived } = await page.stats(peerId);
      const stopped = packetsReceived === last;

      last = packetsReceived;

      return stopped;
    },
    (stopped) => stopped,
    { intervalMs: 1000 },
  );
}

describe('Janus AudioBridge with Chromium members', { skip }, () => {
  let stateDir: string;
  let janus: JanusFixture;
  let bridge: JanusAudioBridge;
  let browser: PeerBrowser;

  before(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'stardust-janus-media-'));
    janus = await startJanus({ stateDir });
    bridge = new JanusAudioBridge({ url: janus.wsUrl, adminKey: janus.adminKey });
    await bridge.connect();
    browser = await PeerBrowser.launch();
  });

  after(async () => {
    await browser?.close();
    await bridge?.close();
    await janus?.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('relays a speaker to a listener through trickled candidates', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'listener']);
    const connected = recordEvents<{ memberId: string }>(bridge, 'memberConnected');

    const speaker = await page.join(
      's',
      { source: { frequency: LOW } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    const listener = await page.join(
      'l',
      { source: { frequency: HIGH }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );

    assert.equal(speaker.answer.type, 'answer');
    assert.match(speaker.answer.sdp, /a=rtpmap:\d+ opus\/48000/);
    assert.deepEqual(
      listener.participants.map((participant) => participant.id),
      ['speaker'],
    );
    await waitForTones(page, 'l', { [LOW]: true, [HIGH]: false });

    const heard = await page.stats('l');

    assert.ok(heard.bytesReceived > 0, JSON.stringify(heard));
    assert.ok(heard.audioLevel > 0, JSON.stringify(heard));
    assert.match(heard.pair ?? '', /-> 127\.0\.0\.2:/);
    assert.equal(heard.bytesSent, 0, 'a listener sends nothing');
    assert.ok((page.relayedCandidates.get('s') ?? 0) >= 2, 'candidates were trickled');
    assert.deepEqual([...page.trickleErrors], []);
    assert.deepEqual(connected.map((event) => event.memberId).sort(), ['listener', 'speaker']);
    assert.deepEqual(
      (await room.participants())
        .map(({ id, setup }) => ({ id, setup }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      [
        { id: 'listener', setup: true },
        { id: 'speaker', setup: true },
      ],
    );
    await page.page.close();
    await room.destroy();
  });

  it('refuses a member whose token was not admitted with 489', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['alice']);
    const stranger = generateJanusSecret();

    await page.join(
      'a',
      { source: { frequency: LOW } },
      { room, memberId: 'alice', token: tokens.alice! },
    );

    await assert.rejects(
      page.join(
        'm',
        { source: { frequency: HIGH } },
        { room, memberId: 'mallory', token: stranger },
      ),
      refusedWith(489),
    );
    assert.deepEqual(
      (await room.participants()).map((participant) => participant.id),
      ['alice'],
    );
    assert.equal(room.member('mallory'), undefined);

    await room.allow([stranger]);
    await page.join(
      'm2',
      { source: { frequency: HIGH } },
      { room, memberId: 'mallory', token: stranger },
    );

    assert.equal((await room.participants()).length, 2);
    await page.page.close();
    await room.destroy();
  });

  it('refuses a join to an unknown room with 485', TEST, async () => {
    const page = await browser.newPage();
    const room = bridge.room(randomBytes(16).toString('hex'), generateJanusSecret());

    await assert.rejects(
      page.join(
        'a',
        { source: { frequency: LOW } },
        { room, memberId: 'alice', token: generateJanusSecret() },
      ),
      refusedWith(485),
    );
    assert.equal(room.member('alice'), undefined);
    await page.page.close();
  });

  it('refuses a second join with 491 and keeps the first', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'alice']);

    await page.join(
      's',
      { source: { frequency: LOW } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    await page.join(
      'a',
      { source: { frequency: HIGH }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'alice',
        token: tokens.alice!,
      },
    );

    await assert.rejects(
      page.join(
        'a2',
        { source: { frequency: HIGH }, listenOnly: true },
        { room, memberId: 'alice', token: tokens.alice! },
      ),
      refusedWith(491),
    );
    assert.equal(room.member('alice')?.state, 'joined');
    await waitForTones(page, 'a', { [LOW]: true });
    assert.equal((await room.participants()).length, 2);
    await page.page.close();
    await room.destroy();
  });

  it('silences a member muted at the server while it still sends', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['low', 'high', 'listener']);

    await page.join(
      'low',
      { source: { frequency: LOW } },
      { room, memberId: 'low', token: tokens.low! },
    );
    await page.join(
      'high',
      { source: { frequency: HIGH } },
      { room, memberId: 'high', token: tokens.high! },
    );
    await page.join(
      'l',
      { source: { frequency: 300 }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );
    await waitForTones(page, 'l', { [LOW]: true, [HIGH]: true });

    await room.mute('low');
    await waitForTones(page, 'l', { [LOW]: false, [HIGH]: true });

    const sentBefore = (await page.stats('low')).packetsSent;

    await waitFor(
      'the muted member to keep sending',
      () => page.stats('low'),
      (stats) => stats.packetsSent > sentBefore + 25,
    );

    await room.mute('high');
    await waitFor(
      'silence at the listener',
      () => page.spectrum('l', []),
      ({ rms }) => rms < 0.001,
    );

    const muted = (await room.participants())
      .filter((participant) => participant.muted)
      .map((participant) => participant.id);

    assert.deepEqual(muted.sort(), ['high', 'low']);

    await room.unmute('low');
    await waitForTones(page, 'l', { [LOW]: true, [HIGH]: false });
    await page.page.close();
    await room.destroy();
  });

  it('keeps a member muted at join silent even when it sends', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'sneaky', 'listener']);

    await page.join(
      's',
      { source: { frequency: HIGH } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    await page.join(
      'x',
      { source: { frequency: LOW }, listenOnly: true },
      {
        room,
        memberId: 'sneaky',
        token: tokens.sneaky!,
        muted: true,
      },
    );
    await page.join(
      'l',
      { source: { frequency: 300 }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );

    // A modified client starts sending without being allowed to speak.
    await page.setSending('x', true);
    await waitFor(
      'the sneaky member to send',
      () => page.stats('x'),
      (stats) => stats.packetsSent > 50,
    );

    await waitForTones(page, 'l', { [HIGH]: true, [LOW]: false });

    await room.unmute('sneaky');
    await waitForTones(page, 'l', { [HIGH]: true, [LOW]: true });
    await page.page.close();
    await room.destroy();
  });

  it('removes a kicked member from the media', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'listener']);

    await page.join(
      's',
      { source: { frequency: LOW } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    await page.join(
      'l',
      { source: { frequency: HIGH }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );
    await waitForTones(page, 'l', { [LOW]: true });

    const left = waitForEvent<MemberLeft>(
      bridge,
      'memberLeft',
      (event) => event.memberId === 'speaker',
    );

    await room.kick('speaker');

    assert.equal((await left).reason, 'kicked');
    assert.deepEqual(
      (await room.participants()).map((participant) => participant.id),
      ['listener'],
    );
    assert.equal(room.member('speaker'), undefined);
    await waitForTones(page, 'l', { [LOW]: false });
    await waitForNoMoreMedia(page, 's');
    await page.page.close();
    await room.destroy();
  });

  it('leaves the room when a member asks', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'listener']);

    await page.join(
      's',
      { source: { frequency: LOW } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    await page.join(
      'l',
      { source: { frequency: HIGH }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );
    await waitForTones(page, 'l', { [LOW]: true });

    const left = waitForEvent<MemberLeft>(
      bridge,
      'memberLeft',
      (event) => event.memberId === 'speaker',
    );

    await room.member('speaker')!.leave();

    assert.equal((await left).reason, 'left');
    assert.deepEqual(
      (await room.participants()).map((participant) => participant.id),
      ['listener'],
    );
    await assert.rejects(
      room.trickle('speaker', {
        candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
        sdpMid: '0',
      }),
      (error: unknown) =>
        error instanceof Error && (error as { code?: string }).code === 'INVALID_STATE',
    );
    await waitForTones(page, 'l', { [LOW]: false });
    await page.page.close();
    await room.destroy();
  });

  it('renegotiates an ICE restart without losing audio', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'listener']);

    await page.join(
      's',
      { source: { frequency: LOW } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    await page.join(
      'l',
      { source: { frequency: HIGH }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );
    await waitForTones(page, 'l', { [LOW]: true });

    const relayedBefore = page.relayedCandidates.get('l') ?? 0;

    await page.restartIce('l');
    await waitFor(
      'candidates of the restart',
      async () => page.relayedCandidates.get('l') ?? 0,
      (count) => count > relayedBefore,
    );

    const receivedBefore = (await page.stats('l')).packetsReceived;

    await waitFor(
      'audio after the restart',
      () => page.stats('l'),
      (stats) => stats.packetsReceived > receivedBefore + 50,
    );
    await waitForTones(page, 'l', { [LOW]: true });
    assert.deepEqual([...page.trickleErrors], []);
    assert.equal(room.member('listener')?.state, 'joined');
    await page.page.close();
    await room.destroy();
  });

  it('ends every member media when the room is destroyed', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'listener']);

    await page.join(
      's',
      { source: { frequency: LOW } },
      { room, memberId: 'speaker', token: tokens.speaker! },
    );
    await page.join(
      'l',
      { source: { frequency: HIGH }, listenOnly: true, analyse: true },
      {
        room,
        memberId: 'listener',
        token: tokens.listener!,
      },
    );
    await waitForTones(page, 'l', { [LOW]: true });

    const left = recordEvents<MemberLeft>(bridge, 'memberLeft');
    const destroyed = waitForEvent<{ roomId: string }>(
      bridge,
      'roomDestroyed',
      (event) => event.roomId === room.id,
    );

    await room.destroy();
    await destroyed;

    assert.deepEqual(
      left
        .filter((event) => event.roomId === room.id)
        .map(({ memberId, reason }) => `${memberId}:${reason}`)
        .sort(),
      ['listener:room-destroyed', 'speaker:room-destroyed'],
    );
    assert.equal(await room.exists(), false);
    await waitForNoMoreMedia(page, 'l');
    await waitForNoMoreMedia(page, 's');
    await page.page.close();
  });

  it('reports talking for speech and not for silence', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['quiet', 'talker']);
    const talking = recordEvents<Talking>(bridge, 'talking');

    const receiving = waitForEvent<{ memberId: string }>(
      bridge,
      'memberReceiving',
      (event) => event.memberId === 'quiet',
    );

    await page.join('q', { source: 'silence' }, { room, memberId: 'quiet', token: tokens.quiet! });
    await receiving;

    const started = waitForEvent<Talking>(
      bridge,
      'talking',
      (event) => event.memberId === 'talker' && event.talking,
    );

    await page.join(
      't',
      { source: 'microphone' },
      { room, memberId: 'talker', token: tokens.talker! },
    );
    await started;

    const stopped = waitForEvent<Talking>(
      bridge,
      'talking',
      (event) => event.memberId === 'talker' && !event.talking,
    );

    // A disabled track sends digital silence, which Janus measures as level 127.
    await page.setTrackEnabled('t', false);
    await stopped;

    // Janus judges each 25-packet window; six windows of silence must all stay quiet.
    await waitFor(
      'six windows of silence',
      () => page.stats('q'),
      (stats) => stats.packetsSent > 6 * 25,
    );

    const quiet = (await room.participants()).find((participant) => participant.id === 'quiet');

    assert.equal(quiet?.talking, false);
    assert.deepEqual(
      talking
        .filter((event) => event.roomId === room.id)
        .map(({ memberId, talking: state }) => `${memberId}:${state}`),
      ['talker:true', 'talker:false'],
    );
    await page.page.close();
    await room.destroy();
  });

  it('clears talking when a talking member is muted', TEST, async () => {
    const page = await browser.newPage();
    const { room, tokens } = await roomWithTokens(bridge, ['talker']);

    await page.join(
      't',
      { source: 'microphone' },
      { room, memberId: 'talker', token: tokens.talker! },
    );
    await waitForEvent<Talking>(
      bridge,
      'talking',
      (event) => event.memberId === 'talker' && event.talking,
    );

    const stopped = waitForEvent<Talking>(
      bridge,
      'talking',
      (event) => event.memberId === 'talker' && !event.talking,
    );

    await room.mute('talker');
    await stopped;

    const again = waitForEvent<Talking>(
      bridge,
      'talking',
      (event) => event.memberId === 'talker' && event.talking,
    );

    await room.unmute('talker');
    await again;
    await page.page.close();
    await room.destroy();
  });
});

describe('Janus restart with Chromium members', { skip }, () => {
  it('reports members lost and lets them rejoin', TEST, async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'stardust-janus-restart-'));
    let janus = await startJanus({ stateDir });
    const bridge = new JanusAudioBridge({
      url: janus.wsUrl,
      adminKey: janus.adminKey,
      requestTimeoutMs: 2000,
      reconnect: backoffPolicy({ baseMs: 50, maxMs: 200 }),
    });
    const browser = await PeerBrowser.launch();

    try {
      await bridge.connect();

      const page = await browser.newPage();
      const { room, tokens } = await roomWithTokens(bridge, ['speaker', 'listener']);

      await page.join(
        's',
        { source: { frequency: LOW } },
        { room, memberId: 'speaker', token: tokens.speaker! },
      );
      await page.join(
        'l',
        { source: { frequency: HIGH }, listenOnly: true, analyse: true },
        {
          room,
          memberId: 'listener',
          token: tokens.listener!,
        },
      );
      await waitForTones(page, 'l', { [LOW]: true });

      const left = recordEvents<MemberLeft>(bridge, 'memberLeft');
      const disconnected = waitForEvent(bridge, 'disconnected');
      const reconnected = waitForEvent<JanusEvents['reconnected'][0]>(
        bridge,
        'reconnected',
        () => true,
        30_000,
      );
      const { port, adminKey } = janus;

      await janus.kill();
      await disconnected;

      assert.deepEqual(left.map(({ memberId, reason }) => `${memberId}:${reason}`).sort(), [
        'listener:connection-lost',
        'speaker:connection-lost',
      ]);

      janus = await startJanus({ stateDir, port, adminKey });

      const report = await reconnected;

      assert.equal(report.restarted, true);
      assert.deepEqual(report.recreatedRooms, [room.id]);

      // The room layer requests a new offer from each browser and joins it again.
      await page.closePeer('s');
      await page.closePeer('l');
      await page.join(
        's2',
        { source: { frequency: LOW } },
        { room, memberId: 'speaker', token: tokens.speaker! },
      );
      await page.join(
        'l2',
        { source: { frequency: HIGH }, listenOnly: true, analyse: true },
        {
          room,
          memberId: 'listener',
          token: tokens.listener!,
        },
      );
      await waitForTones(page, 'l2', { [LOW]: true });
    } finally {
      await browser.close();
      await bridge.close();
      await janus.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
