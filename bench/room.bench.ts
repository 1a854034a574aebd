/**
 * `room`: members join one voice room from Chromium pages (10 peer connections per page),
 * through the room service's chain admission and Janus, at 10, 25 and 50 members. The floor
 * is a bare Janus AudioBridge join (`measureRoomFloor`) measured in the same run, on the
 * same Janus.
 *
 * A join lasts from the page's call to `RoomSession.join()` (ROOM_JOIN goes out on the
 * member's signaling socket, already authenticated) until the first packet of the room's
 * mix arrives (the remote track's `unmute`), on the page's clock. The floor times the same
 * span: from the page starting its join, before it makes its track and offer, to that
 * packet. What ours adds is the ROOM_JOIN round trip, the chain read and the Janus token.
 * Members join one at a time, as the floor does; the first five (the host and four
 * speakers) send tones and the rest listen, sending nothing. Members are endowed dev
 * accounts that joined the room on chain beforehand; the room service reads each one's
 * membership from the chain at ROOM_JOIN. A bare Janus room of 75 members, above the chain's
 * cap, is measured as a stress figure. CPU is measured over 5 s once every member is in,
 * so it is the steady cost of a full room, not the cost of the joins.
 */
import type { KeyringPair } from '@polkadot/keyring/types';

import { startRoomStack, type RoomStack } from '../test/e2e/support/room-stack.js';
import { waitFor, PeerBrowser } from '../test/e2e/support/peer-pages.js';
import type { RoomPage } from '../test/e2e/support/room-pages.js';
import type { BenchEntry } from './entry.js';
import { quantile, round } from './entry.js';
import { janusCpuPercent, measureRoomFloor, type RoomFloorResult } from './room-floor.js';

const SIZES = [10, 25, 50] as const;
// The chain caps rooms at 50 members; Janus alone is also measured with 75.
const STRESS_MEMBERS = 75;
const SPEAKERS = 5;
const MEMBERS_PER_PAGE = 10;
const CPU_WINDOW_MS = 5_000;

/** What one size of room measured. */
interface RoomJoinResult {
  members: number;
  joined: number;
  samples: number[];
  janusCpu: number;
  signalingCpu: number;
}

export const roomBench: BenchEntry = {
  async run() {
    const stack = await startRoomStack({
      janus: true,
      devAccounts: 50,
      service: { turnMs: 60_000 },
    });
    const floorBrowser = await PeerBrowser.launch();
    const ours: RoomJoinResult[] = [];
    const floors: RoomFloorResult[] = [];
    let stress: RoomFloorResult | undefined;

    try {
      for (const members of SIZES) {
        floors.push(
          await measureRoomFloor({
            members,
            speakers: SPEAKERS,
            membersPerPage: MEMBERS_PER_PAGE,
            janus: stack.janus!,
            browser: floorBrowser,
            cpuWindowMs: CPU_WINDOW_MS,
          }),
        );
        ours.push(await measureJoins(stack, members));
      }

      stress = await measureRoomFloor({
        members: STRESS_MEMBERS,
        speakers: SPEAKERS,
        membersPerPage: MEMBERS_PER_PAGE,
        janus: stack.janus!,
        browser: floorBrowser,
        cpuWindowMs: CPU_WINDOW_MS,
      }).catch((error: unknown) => {
        console.log(`bench room: the ${STRESS_MEMBERS}-member Janus run failed: ${String(error)}`);

        return undefined;
      });
    } finally {
      await floorBrowser.close();
      await stack.close();
    }

    return report(ours, floors, stress);
  },
};

/** Joins `members` members to a new room, one at a time, and times each join. */
async function measureJoins(stack: RoomStack, members: number): Promise<RoomJoinResult> {
  const accounts = Array.from({ length: members }, (_, index) => stack.member(index + 1));
  const host = accounts[0]!;
  const roomId = await stack.createRoom(host, { maxMembers: 50 });
  const pages: RoomPage[] = [];
  const samples: number[] = [];

  try {
    await enterOnChain(stack, roomId, accounts);

    for (let index = 0; index < Math.ceil(members / MEMBERS_PER_PAGE); index += 1) {
      pages.push(await stack.browser.newPage());
    }

    for (const [index, account] of accounts.entries()) {
      const page = pages[Math.floor(index / MEMBERS_PER_PAGE)]!;
      const speaker = index < SPEAKERS;

      await page.create(account.address, {
        roomId,
        seed: `//Member${index + 1}`,
        signalingUrl: stack.urls.signalingUrl,
        genesisHash: stack.urls.genesisHash,
        source: speaker ? { frequency: 300 + index * 40, gain: 0.3 } : 'silence',
      });

      await page.run('connect', account.address);

      const joined = await page.join(account.address, {
        startUnmuted: speaker,
        joinOnChain: false,
      });

      if (!joined.ok) break;

      const timings = await waitFor(
        `member ${index} to connect and hear the room`,
        () => page.timings(account.address),
        (value) => value.firstAudio !== undefined,
        { intervalMs: 20, timeoutMs: 30_000 },
      );

      // SRTP needs ICE and DTLS done, so the first packet of the mix ends the join.
      samples.push(timings.firstAudio! - timings.joinStarted!);
    }

    const [janusCpu, signalingCpu] = await Promise.all([
      janusCpuPercent(stack.janus!.pid, CPU_WINDOW_MS),
      processCpuPercent(CPU_WINDOW_MS),
    ]);

    return { members, joined: samples.length, samples, janusCpu, signalingCpu };
  } finally {
    for (const page of pages) await page.page.close();

    await stack.voiceRoom(host, 'closeRoom', `0x${roomId}`);
  }
}

/** Joins every account but the host to the room on chain and makes the first speakers speakers. */
async function enterOnChain(
  stack: RoomStack,
  roomId: string,
  accounts: KeyringPair[],
): Promise<void> {
  const [host, ...others] = accounts;

  for (const account of others) await stack.voiceRoom(account, 'joinRoom', `0x${roomId}`);

  for (const speaker of others.slice(0, SPEAKERS - 1)) {
    await stack.voiceRoom(host!, 'setRole', `0x${roomId}`, speaker.address, 'Speaker');
  }
}

/** This process's CPU over `windowMs`, in % of one core: the signaling server runs here. */
async function processCpuPercent(windowMs: number): Promise<number> {
  const before = process.cpuUsage();
  const started = performance.now();

  await new Promise((resolve) => setTimeout(resolve, windowMs));

  const used = process.cpuUsage(before);

  return ((used.user + used.system) / 1000 / (performance.now() - started)) * 100;
}

function report(
  ours: RoomJoinResult[],
  floors: RoomFloorResult[],
  stress: RoomFloorResult | undefined,
): Record<string, unknown> {
  const at = (members: number) => ours.find((result) => result.members === members)!;
  const floorAt = (members: number) => floors.find((result) => result.members === members)!;
  const p95 = (members: number) => round(quantile(at(members).samples, 0.95), 1);
  const largest = ours
    .filter((result) => result.joined === result.members)
    .map((result) => result.members);

  return {
    join_p50_ms_50: round(quantile(at(50).samples, 0.5), 1),
    join_p95_ms_10: p95(10),
    join_p95_ms_25: p95(25),
    join_p95_ms_50: p95(50),
    floor_join_p95_ms_50: floorAt(50).join_p95_ms,
    join_p95_ratio_50: round(p95(50) / floorAt(50).join_p95_ms, 2),
    cpu_pct_50: round(at(50).janusCpu + at(50).signalingCpu, 1),
    max_members_ok: largest.length === 0 ? 0 : Math.max(...largest),
    join_p50_ms_10: round(quantile(at(10).samples, 0.5), 1),
    join_p50_ms_25: round(quantile(at(25).samples, 0.5), 1),
    join_max_ms_50: round(Math.max(...at(50).samples), 1),
    floor_join_p95_ms_10: floorAt(10).join_p95_ms,
    floor_join_p95_ms_25: floorAt(25).join_p95_ms,
    floor_join_p50_ms_50: floorAt(50).join_p50_ms,
    janus_cpu_pct_50: round(at(50).janusCpu, 1),
    signaling_cpu_pct_50: round(at(50).signalingCpu, 1),
    floor_janus_cpu_pct_50: floorAt(50).janus_cpu_pct,
    janus_only_join_p95_ms_75: stress?.join_p95_ms ?? null,
    janus_only_cpu_pct_75: stress?.janus_cpu_pct ?? null,
    floors: {
      floor_join_p95_ms_50:
        'bare Janus AudioBridge join of 50 Chromium members, one at a time, each from the page starting its join (before its track and offer) to the first packet of the mix (bench/room-floor.ts)',
      join_p95_ratio_50: 'join_p95_ms_50 / floor_join_p95_ms_50, both over the same span',
      cpu_pct_50:
        'Janus plus the signaling server with its room service (the bench process), in % of one core, measured over 5 s after all 50 members joined (steady state, not during the joins)',
      floor_janus_cpu_pct_50:
        'Janus alone over 5 s after the 50 bare members joined, in % of one core',
    },
    notes: {
      join_p95_ms_50:
        "from the page calling RoomSession.join() to the first packet of the mix, the floor's span plus ROOM_JOIN, the chain read and the Janus token",
      join_p95_ms_10:
        'nearest-rank p95 of 10 joins is the slowest of them (of 25, the second slowest), so one slow join can put it above the 25-member figure',
    },
  };
}
