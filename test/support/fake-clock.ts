// A fake clock for tests: time moves only when the test advances it, and due timers run in
// time order. It implements the core's Clock interface.
import type { Clock } from '../../src/signaling/clock.js';

export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start = 1_800_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.#nextId;

    this.#nextId += 1;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });

    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers not yet run. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.#now + ms;

    for (;;) {
      let nextId: number | undefined;
      let next: { at: number; callback: () => void } | undefined;

      for (const [id, timer] of this.#timers) {
        if (timer.at <= target && (next === undefined || timer.at < next.at)) {
          nextId = id;
          next = timer;
        }
      }

      if (next === undefined || nextId === undefined) break;

      this.#timers.delete(nextId);
      this.#now = Math.max(this.#now, next.at);
      next.callback();
    }

    this.#now = target;
  }
}
