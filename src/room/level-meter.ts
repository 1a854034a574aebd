/** A clock with timers, injectable for tests. */
export interface RoomClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** {@link RoomClock} on the page's clock. */
export const systemRoomClock: RoomClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Options of {@link LevelMeter}. */
export interface LevelMeterOptions {
  /** The connections to read, by the account whose audio they carry. */
  sources(): Map<string, { pc: RTCPeerConnection; direction: 'inbound' | 'outbound' }>;
  /** Called with the accounts talking now, when that set changes. */
  onChange(talking: string[]): void;
  clock?: RoomClock;
  /** Poll interval in ms; 250 by default. */
  intervalMs?: number;
  /**
   * The audio level (0–1, linear, as `getStats()` reports it) above which a member counts as
   * talking; 0.02 (about -34 dBFS) by default.
   */
  threshold?: number;
  /** Polls a member stays talking after its level dropped; 3 by default (0.75 s). */
  holdPolls?: number;
}

/**
 * Speaking indicators of a peer mesh, where no media server reports who talks: reads each
 * connection's audio level from `getStats()` (inbound for other members, the media source
 * for this member) a few times a second.
 */
export class LevelMeter {
  readonly #options: LevelMeterOptions;
  readonly #clock: RoomClock;
  readonly #quiet = new Map<string, number>();
  #talking: string[] = [];
  #timer: unknown;
  #stopped = false;

  constructor(options: LevelMeterOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemRoomClock;
  }

  /** Starts polling. */
  start(): void {
    this.#stopped = false;
    this.#schedule();
  }

  /** Stops polling and reports nobody talking. */
  stop(): void {
    this.#stopped = true;
    this.#clock.clearTimeout(this.#timer);

    if (this.#talking.length > 0) {
      this.#talking = [];
      this.#options.onChange([]);
    }
  }

  #schedule(): void {
    this.#timer = this.#clock.setTimeout(() => void this.#poll(), this.#options.intervalMs ?? 250);
  }

  async #poll(): Promise<void> {
    if (this.#stopped) return;

    const threshold = this.#options.threshold ?? 0.02;
    const hold = this.#options.holdPolls ?? 3;
    const talking: string[] = [];

    for (const [account, source] of this.#options.sources()) {
      const level = await audioLevel(source.pc, source.direction);
      const quiet = level >= threshold ? 0 : (this.#quiet.get(account) ?? hold) + 1;

      this.#quiet.set(account, quiet);

      if (quiet <= hold) talking.push(account);
    }

    if (talking.join() !== this.#talking.join()) {
      this.#talking = talking;
      this.#options.onChange(talking);
    }

    if (!this.#stopped) this.#schedule();
  }
}

async function audioLevel(
  pc: RTCPeerConnection,
  direction: 'inbound' | 'outbound',
): Promise<number> {
  if (pc.connectionState === 'closed') return 0;

  try {
    const report = await pc.getStats();
    let level = 0;

    report.forEach((stat: { type: string; kind?: string; audioLevel?: number }) => {
      const wanted = direction === 'inbound' ? 'inbound-rtp' : 'media-source';

      if (stat.type === wanted && stat.kind === 'audio')
        level = Math.max(level, stat.audioLevel ?? 0);
    });

    return level;
  } catch {
    return 0;
  }
}
