/**
 * The floor of the room benchmark: how fast members join a bare Janus AudioBridge room,
 * driven straight through the Janus client with no signaling server and no chain in the
 * way. The `room` entry compares joins through the whole stack against this, measured in
 * the same run.
 *
 * A join lasts from the moment the page starts it (before it makes its track, peer
 * connection and offer) until the first packet of the room's mix arrives (the remote
 * track's `unmute`), on the page's clock. The `room` entry times its joins over the same
 * span, so the two are comparable. Members live in Chromium pages of `membersPerPage` peer connections.
 * The first `speakers` send tones. The others are listeners who send nothing
 * (`replaceTrack(null)` after the offer) and join muted at the server.
 *
 * Run on its own inside the test namespace, as root:
 *   unshare -n sh -c '. test/support/netns-veth.sh && STARDUST_JANUS=1 STARDUST_NETNS=1 npx tsx bench/room-floor.ts 10 50'
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { JanusAudioBridge } from '../server/signaling/janus/audio-bridge.js';
import { generateJanusSecret } from '../server/signaling/janus/validate.js';
import { PeerBrowser, waitFor, type PeerPage } from '../test/e2e/support/peer-pages.js';
import { startJanus, type JanusFixture } from '../test/support/janus.js';
import { quantile, round } from './entry.js';

/** Options of {@link measureRoomFloor}. */
export interface RoomFloorOptions {
  /** Members joining the room. */
  members: number;
  /** Members that send a tone; the rest only listen. 5 by default (fewer if fewer members). */
  speakers?: number;
  /** Peer connections per Chromium page; 10 by default. */
  membersPerPage?: number;
  /** Joins in flight at once; 1 by default, so each join is timed alone. */
  concurrency?: number;
  /** A running Janus to use; by default one is started for the measurement. */
  janus?: Pick<JanusFixture, 'wsUrl' | 'adminKey' | 'pid'>;
  /** A running browser to use; by default one is launched for the measurement. */
  browser?: PeerBrowser;
  /** How long to measure Janus's CPU once everyone joined, in ms; 5,000 by default. */
  cpuWindowMs?: number;
}

/** The figures {@link measureRoomFloor} returns. */
export interface RoomFloorResult {
  members: number;
  speakers: number;
  join_p50_ms: number;
  join_p95_ms: number;
  join_max_ms: number;
  /** Join start to ICE connected, without waiting for audio. */
  ice_p50_ms: number;
  ice_p95_ms: number;
  /** Janus's CPU over the steady window after the joins, in % of one core. */
  janus_cpu_pct: number;
  /** Every join time in ms, in join order. */
  samples_ms: number[];
}

/** Joins `members` Chromium peer connections to one AudioBridge room and times each join. */
export async function measureRoomFloor(options: RoomFloorOptions): Promise<RoomFloorResult> {
  const members = options.members;
  const speakers = Math.min(options.speakers ?? 5, members);
  const perPage = options.membersPerPage ?? 10;
  const stateDir = mkdtempSync(join(tmpdir(), 'stardust-room-floor-'));
  const janus = options.janus ?? (await startJanus({ stateDir, debugLevel: 3 }));
  const browser = options.browser ?? (await PeerBrowser.launch());
  const bridge = new JanusAudioBridge({ url: janus.wsUrl, adminKey: janus.adminKey });
  const pages: PeerPage[] = [];

  try {
    await bridge.connect();

    const tokens = Array.from({ length: members }, () => generateJanusSecret());
    const room = await bridge.createRoom(randomBytes(16).toString('hex'), {
      secret: generateJanusSecret(),
      allowed: tokens,
    });

    for (let index = 0; index < Math.ceil(members / perPage); index += 1)
      pages.push(await browser.newPage());

    const joins: Array<{ join: number; ice: number }> = new Array(members);
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < members; index = next++) {
        const page = pages[Math.floor(index / perPage)]!;
        const speaker = index < speakers;
        const peerId = `m${index}`;

        await page.join(
          peerId,
          // Speakers get tones 40 Hz apart so that a listener could tell them apart.
          speaker
            ? { source: { frequency: 300 + index * 40, gain: 0.3 } }
            : { source: 'silence', listenOnly: true },
          { room, memberId: `member-${index}`, token: tokens[index]!, muted: !speaker },
        );

        const timings = await waitFor(
          `member ${index} to connect and hear the room`,
          () => page.timings(peerId),
          (value) => value.connected !== undefined && value.firstAudio !== undefined,
          { intervalMs: 20 },
        );

        // SRTP needs ICE and DTLS done, so the first packet of the mix ends the join.
        joins[index] = {
          join: timings.firstAudio! - timings.joinStarted!,
          ice: timings.connected! - timings.joinStarted!,
        };
      }
    };

    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));

    const cpu = await janusCpuPercent(janus.pid, options.cpuWindowMs ?? 5000);
    const samples = joins.map((entry) => entry.join);
    const ice = joins.map((entry) => entry.ice);

    await room.destroy();

    return {
      members,
      speakers,
      join_p50_ms: round(quantile(samples, 0.5), 1),
      join_p95_ms: round(quantile(samples, 0.95), 1),
      join_max_ms: round(Math.max(...samples), 1),
      ice_p50_ms: round(quantile(ice, 0.5), 1),
      ice_p95_ms: round(quantile(ice, 0.95), 1),
      janus_cpu_pct: round(cpu, 1),
      samples_ms: samples.map((value) => round(value, 1)),
    };
  } finally {
    for (const page of pages) await page.page.close();

    await bridge.close();

    if (options.browser === undefined) await browser.close();

    if (options.janus === undefined) await (janus as JanusFixture).close();

    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Measures a process's CPU use over `windowMs`, in % of one core, from /proc/<pid>/stat. */
export async function janusCpuPercent(pid: number, windowMs: number): Promise<number> {
  const before = cpuSeconds(pid);
  const started = performance.now();

  await new Promise((resolve) => setTimeout(resolve, windowMs));

  return ((cpuSeconds(pid) - before) / ((performance.now() - started) / 1000)) * 100;
}

function cpuSeconds(pid: number): number {
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th,
  // in clock ticks of 1/100 s on Linux.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

  return (Number(fields[11]) + Number(fields[12])) / 100;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  const stateDir = mkdtempSync(join(tmpdir(), 'stardust-room-floor-'));
  const janus = await startJanus({ stateDir, debugLevel: 3 });
  const browser = await PeerBrowser.launch();

  try {
    for (const members of sizes.length > 0 ? sizes : [10, 50]) {
      const { samples_ms: samples, ...result } = await measureRoomFloor({
        members,
        janus,
        browser,
      });

      console.log(
        JSON.stringify({ ...result, slowest_ms: [...samples].sort((a, b) => b - a).slice(0, 5) }),
      );
    }
  } finally {
    await browser.close();
    await janus.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
