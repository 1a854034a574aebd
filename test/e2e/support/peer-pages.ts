// Chromium pages whose peer connections join Janus AudioBridge rooms through the Node-side
// driver, as members' browsers will through the signaling server. The browser part is
// peer-harness.browser.js.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Browser, Page } from 'playwright-core';

import type {
  AudioBridgeRoom,
  JoinResult,
} from '../../../server/signaling/janus/audio-bridge-room.js';
import type { TalkingOptions } from '../../../server/signaling/janus/types.js';
import { launchOnBlankOrigin, type BlankOriginBrowser } from './blank-origin.js';

const HARNESS = readFileSync(
  fileURLToPath(new URL('./peer-harness.browser.js', import.meta.url)),
  'utf8',
);

/** What a peer sends: the fake microphone (speech fixture), a tone, or digital silence. */
export type PeerSource = 'microphone' | 'silence' | { frequency: number; gain?: number };

/** Options of {@link PeerPage.createPeer}. */
export interface PeerOptions {
  source: PeerSource;
  /** Negotiate a sender but send nothing (`replaceTrack(null)` after the offer). */
  listenOnly?: boolean;
  /** Analyse the received audio by frequency. */
  analyse?: boolean;
}

/** Statistics of one peer connection, from `getStats()`. */
export interface PeerStats {
  iceState: string;
  connectionState: string;
  bytesReceived: number;
  packetsReceived: number;
  /** inbound-rtp audioLevel, 0–1. */
  audioLevel: number;
  totalAudioEnergy: number;
  bytesSent: number;
  packetsSent: number;
  /** Local ICE candidates the page produced (the end-of-candidates null included). */
  candidates: number;
  /** The selected candidate pair, `local -> remote`. */
  pair?: string;
}

/** Millisecond timestamps (page clock) of a peer's join. */
export interface PeerTimings {
  /** When `createPeer` began, before the track, the peer connection and the offer. */
  joinStarted?: number;
  offerSent?: number;
  connected?: number;
  firstAudio?: number;
}

type SignalMessage =
  | { kind: 'offer'; offer: { type: 'offer'; sdp: string } }
  | { kind: 'candidate'; candidate: unknown };

/** How a page's peer reaches a room: which room and member it joins as. */
export interface PeerJoin {
  room: AudioBridgeRoom;
  memberId: string;
  token: string;
  muted?: boolean;
  talking?: TalkingOptions;
}

/** A Chromium with a blank same-origin page server, for {@link PeerPage}s. */
export class PeerBrowser {
  readonly browser: Browser;
  #origin: BlankOriginBrowser;

  private constructor(origin: BlankOriginBrowser) {
    this.browser = origin.browser;
    this.#origin = origin;
  }

  /** Launches Debian's Chromium with the fake microphone playing the speech fixture. */
  static async launch(): Promise<PeerBrowser> {
    return new PeerBrowser(await launchOnBlankOrigin('peer'));
  }

  /** Opens a page with the harness installed. */
  async newPage(): Promise<PeerPage> {
    const page = await this.browser.newPage();
    const peerPage = new PeerPage(page);

    await page.exposeFunction('__stardustSignal', (peerId: string, message: SignalMessage) =>
      peerPage.onSignal(peerId, message),
    );
    await page.goto(this.#origin.url);
    await page.addScriptTag({ content: HARNESS });

    return peerPage;
  }

  async close(): Promise<void> {
    await this.#origin.close();
  }
}

/** One page holding any number of peer connections. */
export class PeerPage {
  readonly page: Page;
  #joins = new Map<string, PeerJoin>();
  #results = new Map<string, Promise<JoinResult>>();
  /** Errors the driver raised on relayed candidates, per peer. */
  readonly trickleErrors = new Map<string, unknown[]>();
  /** Candidates relayed to the driver, per peer (the end-of-candidates null included). */
  readonly relayedCandidates = new Map<string, number>();

  constructor(page: Page) {
    this.page = page;
  }

  /**
   * Creates a peer, relays its offer and candidates through `join.room` as `join.memberId`
   * and applies Janus's answer. Resolves with the driver's join result.
   *
   * @throws what {@link AudioBridgeRoom.join} throws.
   */
  async join(peerId: string, options: PeerOptions, join: PeerJoin): Promise<JoinResult> {
    this.#joins.set(peerId, join);
    await this.page.evaluate(
      ([id, peerOptions]) => window.peerHarness.createPeer(id, peerOptions),
      [peerId, options] as const,
    );

    const result = await this.#results.get(peerId)!;

    await this.page.evaluate(([id, answer]) => window.peerHarness.applyAnswer(id, answer), [
      peerId,
      result.answer,
    ] as const);

    return result;
  }

  /**
   * Restarts ICE on a joined peer: relays the new offer through the member's renegotiation
   * and applies the answer. The new candidates trickle through the usual path.
   */
  async restartIce(peerId: string): Promise<void> {
    const join = this.#joins.get(peerId)!;
    const offer = await this.page.evaluate((id) => window.peerHarness.restartIce(id), peerId);
    const answer = await join.room.member(join.memberId)!.renegotiate(offer);

    await this.page.evaluate(
      ([id, description]) => window.peerHarness.applyAnswer(id, description),
      [peerId, answer] as const,
    );
  }

  /** Called by the page for each signaling message, in the page's order. */
  onSignal(peerId: string, message: SignalMessage): void {
    const join = this.#joins.get(peerId);

    if (join === undefined) return;

    if (message.kind === 'offer') {
      const result = join.room.join({
        memberId: join.memberId,
        token: join.token,
        offer: message.offer,
        muted: join.muted ?? false,
        talking: join.talking,
      });

      // The caller of join() observes the rejection; this keeps Node from reporting it twice.
      result.catch(() => {});
      this.#results.set(peerId, result);

      return;
    }

    this.relayedCandidates.set(peerId, (this.relayedCandidates.get(peerId) ?? 0) + 1);
    join.room.trickle(join.memberId, message.candidate).catch((error: unknown) => {
      this.trickleErrors.set(peerId, [...(this.trickleErrors.get(peerId) ?? []), error]);
    });
  }

  stats(peerId: string): Promise<PeerStats> {
    return this.page.evaluate((id) => window.peerHarness.stats(id), peerId);
  }

  /** Returns the received level (dBFS) near each frequency and the overall RMS (0–1). */
  spectrum(peerId: string, frequencies: number[]): Promise<{ rms: number; levels: number[] }> {
    return this.page.evaluate(([id, list]) => window.peerHarness.spectrum(id, list), [
      peerId,
      frequencies,
    ] as const);
  }

  /** Starts or stops sending with `replaceTrack`, without renegotiation. */
  setSending(peerId: string, sending: boolean): Promise<void> {
    return this.page.evaluate(([id, on]) => window.peerHarness.setSending(id, on), [
      peerId,
      sending,
    ] as const);
  }

  /** Enables or disables the sent track: a disabled track sends silence. */
  setTrackEnabled(peerId: string, enabled: boolean): Promise<void> {
    return this.page.evaluate(([id, on]) => window.peerHarness.setTrackEnabled(id, on), [
      peerId,
      enabled,
    ] as const);
  }

  timings(peerId: string): Promise<PeerTimings> {
    return this.page.evaluate((id) => window.peerHarness.timings(id), peerId);
  }

  closePeer(peerId: string): Promise<void> {
    return this.page.evaluate((id) => window.peerHarness.closePeer(id), peerId);
  }
}

/**
 * Polls `probe` until it returns a value `accept` takes, or fails after `timeoutMs` with
 * the last value. For conditions on media, which no event announces.
 */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 20_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;

  for (;;) {
    last = await probe();

    if (accept(last)) return last;

    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${description}; last value ${JSON.stringify(last)}`,
      );
    }

    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

declare global {
  interface Window {
    __stardustSignal(peerId: string, message: SignalMessage): Promise<void>;
    peerHarness: {
      createPeer(peerId: string, options: PeerOptions): Promise<void>;
      restartIce(peerId: string): Promise<{ type: 'offer'; sdp: string }>;
      applyAnswer(peerId: string, answer: { type: string; sdp: string }): Promise<void>;
      stats(peerId: string): Promise<PeerStats>;
      spectrum(peerId: string, frequencies: number[]): { rms: number; levels: number[] };
      setSending(peerId: string, sending: boolean): Promise<void>;
      setTrackEnabled(peerId: string, enabled: boolean): void;
      timings(peerId: string): PeerTimings;
      closePeer(peerId: string): void;
    };
  }
}
