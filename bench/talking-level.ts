/**
 * Measures how Janus's talking detection judges the speech fixture: one Chromium page sends
 * the fake microphone (espeak-ng speech, through Chromium's default audio processing) to an
 * AudioBridge room on several peer connections at once, each joined with its own
 * `audio_level_average` threshold, plus digital silence and a quiet tone. It reports, per
 * threshold, the share of time Janus called the member talking and how often it changed.
 *
 * Run inside the test namespace, as root:
 *   unshare -n sh -c '. test/support/netns-veth.sh && STARDUST_JANUS=1 STARDUST_NETNS=1 npx tsx bench/talking-level.ts'
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { JanusAudioBridge } from '../server/signaling/janus/audio-bridge.js';
import { generateJanusSecret } from '../server/signaling/janus/validate.js';
import { PeerBrowser, type PeerSource } from '../test/e2e/support/peer-pages.js';
import { startJanus } from '../test/support/janus.js';

/** One measured source at one threshold. */
export interface TalkingSample {
  source: string;
  threshold: number;
  /** Share of the measured time Janus reported talking, 0–1. */
  talkingShare: number;
  /** Talking and stopped-talking events seen. */
  changes: number;
}

/** Options of {@link measureTalkingLevels}. */
export interface TalkingLevelOptions {
  thresholds?: number[];
  /** Packets per detection window (20 ms each). */
  windowPackets?: number;
  /** How long to listen, in ms. */
  durationMs?: number;
}

/**
 * Starts Janus and Chromium, joins one peer per source and threshold, listens for
 * `durationMs` and returns the share of time each was reported talking.
 */
export async function measureTalkingLevels(
  options: TalkingLevelOptions = {},
): Promise<TalkingSample[]> {
  const thresholds = options.thresholds ?? [25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 80, 90];
  const windowPackets = options.windowPackets ?? 50;
  const durationMs = options.durationMs ?? 25_000;
  const stateDir = mkdtempSync(join(tmpdir(), 'stardust-talking-'));
  const janus = await startJanus({ stateDir, debugLevel: 3 });
  const bridge = new JanusAudioBridge({ url: janus.wsUrl, adminKey: janus.adminKey });
  const browser = await PeerBrowser.launch();

  try {
    await bridge.connect();

    const room = await bridge.createRoom(generateRoomId(), { secret: generateJanusSecret() });
    const page = await browser.newPage();
    // A sine of amplitude a has an RMS of a/√2: gain 0.003 is about -53 dBov, a quiet hum.
    const sources: Array<[string, PeerSource, number[]]> = [
      ['speech', 'microphone', thresholds],
      ['silence', 'silence', [90, 120]],
      ['tone -53 dBov', { frequency: 200, gain: 0.003 }, [45, 50, 55, 60, 65]],
    ];
    const timelines = new Map<
      string,
      { talking: boolean; since: number; total: number; changes: number }
    >();
    let started = 0;

    bridge.on('talking', ({ memberId, talking }) => {
      const timeline = timelines.get(memberId);

      if (timeline === undefined) return;

      const now = performance.now();

      // Before the measurement starts only the state counts, not the time or the change.
      if (started > 0) {
        if (timeline.talking) timeline.total += now - Math.max(timeline.since, started);

        timeline.changes += 1;
      }

      timeline.talking = talking;
      timeline.since = now;
    });

    for (const [name, source, levels] of sources) {
      for (const threshold of levels) {
        const memberId = `${name.replace(/[^a-z0-9]/gi, '')}-${threshold}`;
        const token = generateJanusSecret();

        await room.allow([token]);
        timelines.set(memberId, { talking: false, since: 0, total: 0, changes: 0 });
        await page.join(
          memberId,
          { source },
          {
            room,
            memberId,
            token,
            muted: false,
            talking: { audioLevelAverage: threshold, audioActivePackets: windowPackets },
          },
        );
      }
    }

    // Let every detector see a few windows before measuring.
    await new Promise((resolve) => setTimeout(resolve, windowPackets * 20 * 3));
    started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, durationMs));

    const ended = performance.now();

    return [...timelines].map(([memberId, timeline]) => {
      const [source, threshold] = splitMemberId(memberId);
      const open = timeline.talking ? ended - Math.max(timeline.since, started) : 0;

      return {
        source,
        threshold,
        talkingShare: Math.round(((timeline.total + open) / (ended - started)) * 100) / 100,
        changes: timeline.changes,
      };
    });
  } finally {
    await browser.close();
    await bridge.close();
    await janus.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function splitMemberId(memberId: string): [string, number] {
  const index = memberId.lastIndexOf('-');

  return [memberId.slice(0, index), Number(memberId.slice(index + 1))];
}

function generateRoomId(): string {
  return randomBytes(16).toString('hex');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const windowPackets = Number(process.argv[2] ?? 50);
  const samples = await measureTalkingLevels({ windowPackets });

  console.log(`window ${windowPackets} packets (${windowPackets * 20} ms)`);
  console.table(samples);
}
