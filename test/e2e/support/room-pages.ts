// Chromium pages that hold room members (RoomSession from src/room, bundled with esbuild),
// for the room tests and the room benchmark. The page part is room-harness.browser.ts.
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';

import type { HarnessMemberOptions, HarnessTimings } from './room-harness.browser.js';
import { launchOnBlankOrigin, type BlankOriginBrowser } from './blank-origin.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The room state a page reports for one member. */
export interface MemberState {
  state: string;
  sending: boolean;
  self?: {
    account: string;
    role: string;
    isMuted: boolean;
    serverMuted: boolean;
    connected: boolean;
    handRaised: boolean;
  };
  snapshot?: {
    members: Array<{
      account: string;
      role: string;
      isMuted: boolean;
      serverMuted: boolean;
      moderatorMuted: boolean;
      connected: boolean;
      handRaised: boolean;
      isSpeaking: boolean;
    }>;
    speakingMode: string;
    activeSpeakers: string[];
    handQueue: string[];
    turn?: { account: string; endsAt: number; turnMs: number; queue: string[] };
    media: string;
    mediaState: string;
    closed: boolean;
  };
  activeSpeakers: string[];
  turnRemainingMs: number;
  errors: string[];
  tips: Array<{ from: string; to: string; amount: string; blockHash: string }>;
  moderation: Array<{ action: string; target: string }>;
}

/** The outcome of a command run in the page: done, or the error code (and Janus code). */
export type CommandResult = { ok: true } | { ok: false; code: string; detail?: number };

/** The default page script: RoomSessions driven through window.roomHarness. */
export const ROOM_HARNESS = 'test/e2e/support/room-harness.browser.ts';

const bundles = new Map<string, Promise<string>>();

/** Bundles a page script (a path from the repository root) once per process. */
function harnessBundle(entry: string): Promise<string> {
  let bundled = bundles.get(entry);

  if (bundled !== undefined) return bundled;

  bundled = build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
    alias: { 'protobufjs/minimal.js': './proto/lite-runtime/index.ts' },
  }).then((result) => result.outputFiles[0]!.text);
  bundles.set(entry, bundled);

  return bundled;
}

/** A Chromium with a blank same-origin page server and the fake microphone. */
export class RoomBrowser {
  readonly browser: Browser;
  #origin: BlankOriginBrowser;

  private constructor(origin: BlankOriginBrowser) {
    this.browser = origin.browser;
    this.#origin = origin;
  }

  /** Launches Debian's Chromium with the fake microphone. */
  static async launch(): Promise<RoomBrowser> {
    return new RoomBrowser(await launchOnBlankOrigin('room member'));
  }

  /**
   * Opens a page with a harness installed: by default {@link ROOM_HARNESS}, or another page
   * script that imports it and adds its own globals.
   */
  async newPage(entry = ROOM_HARNESS): Promise<RoomPage> {
    const page = await this.browser.newPage();
    const roomPage = new RoomPage(page);

    await page.goto(this.#origin.url);
    await page.addScriptTag({ content: await harnessBundle(entry) });

    return roomPage;
  }

  async close(): Promise<void> {
    await this.#origin.close();
  }
}

/** One page holding any number of members, each named by an id the test chooses. */
export class RoomPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Creates a member (a RoomSession with its own signaling connection) and returns its address. */
  create(id: string, options: HarnessMemberOptions): Promise<string> {
    return this.page.evaluate(
      ([memberId, memberOptions]) => window.roomHarness.create(memberId, memberOptions),
      [id, options] as const,
    );
  }

  join(
    id: string,
    options: { startUnmuted?: boolean; joinOnChain?: boolean } = {},
  ): Promise<CommandResult> {
    return this.page.evaluate(
      ([memberId, joinOptions]) => window.roomHarness.join(memberId, joinOptions),
      [id, options] as const,
    );
  }

  /** Runs a command of the harness (`setMuted`, `kick`, …) and returns its outcome. */
  run(command: string, id: string, ...args: unknown[]): Promise<CommandResult> {
    return this.page.evaluate(
      ([name, memberId, rest]) =>
        (
          window.roomHarness as unknown as Record<
            string,
            (...a: unknown[]) => Promise<CommandResult>
          >
        )[name]!(memberId, ...rest),
      [command, id, args] as const,
    );
  }

  state(id: string): Promise<MemberState> {
    return this.page.evaluate(
      (memberId) => window.roomHarness.state(memberId),
      id,
    ) as Promise<MemberState>;
  }

  timings(id: string): Promise<HarnessTimings> {
    return this.page.evaluate((memberId) => window.roomHarness.timings(memberId), id);
  }

  stats(
    id: string,
    peer?: string,
  ): Promise<{
    connectionState: string;
    packetsReceived: number;
    packetsSent: number;
    bytesSent: number;
  }> {
    return this.page.evaluate(
      ([memberId, account]) => window.roomHarness.stats(memberId, account),
      [id, peer] as const,
    );
  }

  /** The level (dBFS) near each frequency in what a member hears. */
  spectrum(id: string, frequencies: number[]): Promise<number[]> {
    return this.page.evaluate(([memberId, list]) => window.roomHarness.spectrum(memberId, list), [
      id,
      frequencies,
    ] as const);
  }

  /** Sends the member's audio whatever the room allows, as a modified client would. */
  forceSend(id: string): Promise<void> {
    return this.page.evaluate((memberId) => window.roomHarness.forceSend(memberId), id);
  }

  /** Closes a member's session and connections. */
  dispose(id: string): Promise<void> {
    return this.page.evaluate((memberId) => window.roomHarness.dispose(memberId), id);
  }
}
