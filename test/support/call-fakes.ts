// Fakes for the call state machine in Node, named as fakes: a clock tests advance by hand,
// an in-memory signaling hub between accounts, and a media object whose connection state
// the test sets. The real media and signaling are tested in Chromium and end to end.
import type { CallMediaEvents, CallMediaOptions } from '../../src/call/call-media.js';
import type { CallMediaHandle } from '../../src/call/call-session.js';
import type { Clock } from '../../src/call/clock.js';
import { Emitter } from '../../src/call/emitter.js';
import type { CallQualitySample } from '../../src/call/quality.js';
import type { CallSignal, CallSignaling, ReceivedCallSignal } from '../../src/call/signals.js';
import type { StardustError } from '../../src/shared/errors.js';

/** Well-known dev accounts (sr25519 //Alice, //Bob, //Charlie) as SS58 with prefix 42. */
export const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
export const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
export const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';

/** A clock that moves only when the test calls {@link FakeClock.advance}. */
export class FakeClock implements Clock {
  #now = 1_700_000_000_000;
  #nextId = 1;
  #timers = new Map<number, { at: number; callback: () => void; every: number | null }>();

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    const id = this.#nextId++;

    this.#timers.set(id, { at: this.#now + delayMs, callback, every: null });

    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  setInterval(callback: () => void, intervalMs: number): unknown {
    const id = this.#nextId++;

    this.#timers.set(id, { at: this.#now + intervalMs, callback, every: intervalMs });

    return id;
  }

  clearInterval(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Number of timers waiting. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms;

    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, timer]) => timer.at <= target)
        .sort((a, b) => a[1].at - b[1].at)[0];

      if (due === undefined) break;

      const [id, timer] = due;

      this.#now = timer.at;

      if (timer.every === null) this.#timers.delete(id);
      else timer.at += timer.every;

      timer.callback();
    }

    this.#now = target;
  }
}

/** Routes call messages between the accounts registered on it, in order. */
export class FakeSignalingHub {
  readonly #ends = new Map<string, Set<(message: ReceivedCallSignal) => void>>();
  /** Every message sent, for assertions. */
  readonly log: Array<{ from: string; to: string; signal: CallSignal }> = [];
  /** Accounts whose messages are not delivered (offline). */
  readonly offline = new Set<string>();

  /** Returns the signaling of `account`. */
  connect(account: string): CallSignaling {
    const listeners = new Set<(message: ReceivedCallSignal) => void>();

    this.#ends.set(account, listeners);

    return {
      account,
      send: async (to, signal) => {
        this.log.push({ from: account, to, signal });

        if (this.offline.has(to) || !this.#ends.has(to)) {
          throw Object.assign(new Error(`${to} is offline`), { code: 'PEER_NOT_FOUND' });
        }

        await Promise.resolve();

        for (const listener of [...this.#ends.get(to)!]) listener({ from: account, signal });
      },
      onSignal: (listener) => {
        listeners.add(listener);

        return () => listeners.delete(listener);
      },
    };
  }

  /** Delivers `signal` to `to` as if `from` sent it (for forged or server messages). */
  inject(from: string, to: string, signal: CallSignal): void {
    for (const listener of [...(this.#ends.get(to) ?? [])]) listener({ from, signal });
  }

  /** Messages of one type, in order. */
  sent(type: CallSignal['type']): Array<{ from: string; to: string; signal: CallSignal }> {
    return this.log.filter((entry) => entry.signal.type === type);
  }
}

/** A media object with no WebRTC: the test sets its connection state. */
export class FakeMedia extends Emitter<CallMediaEvents> implements CallMediaHandle {
  role: 'offerer' | 'answerer';
  readonly options: CallMediaOptions;
  muted = false;
  quality: CallQualitySample | null = null;
  connected = false;
  closed = false;
  acquireError: Error | null = null;

  constructor(options: CallMediaOptions) {
    super();
    this.options = options;
    this.role = options.role;
  }

  async acquire(): Promise<MediaStream> {
    if (this.acquireError !== null) throw this.acquireError;

    return {} as MediaStream;
  }

  async connect(): Promise<void> {
    await this.acquire();
    this.connected = true;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
  }

  async setInputDevice(): Promise<void> {}

  async setOutputDevice(): Promise<boolean> {
    return true;
  }

  close(): void {
    this.closed = true;
  }

  /** Reports a connection state as the peer connection would. */
  setConnectionState(state: RTCPeerConnectionState): void {
    this.emit('connectionState', { state, previous: 'connecting' });
  }

  /** Reports a quality reading with `level` as the stats timer would. */
  reportQuality(level: number): void {
    this.quality = {
      avgBitrate: 30_000,
      packetLoss: 0,
      jitter: 3,
      latency: 20,
      level,
      sendBitrate: 30_000,
      receiveBitrate: 30_000,
      audioLevel: 0.1,
      packetsReceived: 100,
      timestamp: 0,
    };
    this.emit('quality', this.quality);
  }

  /** Reports that ICE restarts did not recover the connection. */
  fail(error: StardustError): void {
    this.emit('failed', { error });
  }
}

/** Records every FakeMedia a session builds. */
export function fakeMediaFactory(): {
  create: (options: CallMediaOptions) => FakeMedia;
  made: FakeMedia[];
} {
  const made: FakeMedia[] = [];

  return {
    made,
    create: (options) => {
      const media = new FakeMedia(options);

      made.push(media);

      return media;
    },
  };
}

/**
 * Resolves after pending promise chains ran: messages are delivered a microtask later, and
 * the fake clock starts no real timers, so a few macrotask turns drain everything.
 */
export async function settle(): Promise<void> {
  for (let index = 0; index < 5; index += 1) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}
