import { StardustError } from '../../../src/shared/errors.js';
import { TURN_MS_RANGE } from '../../../src/shared/room-rules.js';

/** The floor in sequential mode: who holds it and until when (server clock, ms). */
export interface Turn {
  /** The holder's account key (public key hex). */
  key: string;
  startedAt: number;
  endsAt: number;
  turnMs: number;
}

/**
 * The speaker rotation of sequential mode: speakers in the order they became speakers, and
 * the one turn that is running. It never reads a clock; callers pass `now`.
 */
export class TurnRotation {
  #order: string[] = [];
  #turn: Turn | undefined;
  #turnMs: number;
  // Where the rotation resumes when the holder left the order during its turn.
  #resumeAt: number | undefined;

  /** @throws StardustError INVALID_ARGUMENT for a turn length outside {@link TURN_MS_RANGE}. */
  constructor(turnMs: number) {
    this.#turnMs = checkTurnMs(turnMs);
  }

  /** The running turn, if any. */
  get turn(): Turn | undefined {
    return this.#turn;
  }

  /** Turn length of the next turns, in ms. */
  get turnMs(): number {
    return this.#turnMs;
  }

  /**
   * Sets the turn length. A running turn that would last longer under the new length ends
   * at its start plus the new length; a shorter one keeps its end.
   */
  setTurnMs(turnMs: number): void {
    this.#turnMs = checkTurnMs(turnMs);

    const turn = this.#turn;

    if (turn !== undefined && turn.endsAt > turn.startedAt + turnMs) {
      this.#turn = { ...turn, endsAt: turn.startedAt + turnMs, turnMs };
    }
  }

  /** Every speaker in rotation order, eligible or not. */
  get order(): readonly string[] {
    return this.#order;
  }

  /** Returns the eligible speakers after the holder, in the order their turns come. */
  upcoming(eligible: (key: string) => boolean): string[] {
    const count = this.#order.length;
    const start = this.#startIndex();
    const result: string[] = [];

    for (let step = 0; step < count; step += 1) {
      const key = this.#order[(start + step) % count]!;

      if (key !== this.#turn?.key && eligible(key)) result.push(key);
    }

    return result;
  }

  /** Appends a speaker to the end of the rotation; a speaker already in it keeps its place. */
  enqueue(key: string): void {
    if (!this.#order.includes(key)) this.#order.push(key);
  }

  /** Takes a speaker out of the rotation. A holder's turn ends at the next {@link refresh}. */
  remove(key: string): void {
    const index = this.#order.indexOf(key);

    if (index < 0) return;

    this.#order.splice(index, 1);

    if (this.#turn?.key === key) this.#resumeAt = index;
  }

  /**
   * Brings the turn in line with the room: no turn unless `active`; a holder that is no
   * longer eligible, or whose time is up, hands the floor to the next eligible speaker.
   * Returns true when the turn changed.
   */
  refresh(now: number, active: boolean, eligible: (key: string) => boolean): boolean {
    if (!active) return this.stop();

    const turn = this.#turn;
    const holds = turn !== undefined && this.#order.includes(turn.key) && eligible(turn.key);

    if (holds && now < turn.endsAt) return false;

    return this.#next(now, eligible);
  }

  /** Ends the running turn early and gives the floor to the next eligible speaker. */
  skip(now: number, eligible: (key: string) => boolean): boolean {
    return this.#next(now, eligible);
  }

  /** Ends the running turn without starting another; returns true when one was running. */
  stop(): boolean {
    const had = this.#turn !== undefined;

    this.#turn = undefined;
    this.#resumeAt = undefined;

    return had;
  }

  #next(now: number, eligible: (key: string) => boolean): boolean {
    const count = this.#order.length;
    const start = this.#startIndex();
    const previous = this.#turn;

    this.#turn = undefined;
    this.#resumeAt = undefined;

    for (let step = 0; step < count; step += 1) {
      const key = this.#order[(start + step) % count]!;

      if (!eligible(key)) continue;

      this.#turn = { key, startedAt: now, endsAt: now + this.#turnMs, turnMs: this.#turnMs };

      return true;
    }

    return previous !== undefined;
  }

  /** The index where the search for the next holder begins. */
  #startIndex(): number {
    const count = this.#order.length;

    if (count === 0) return 0;

    const holder = this.#turn === undefined ? -1 : this.#order.indexOf(this.#turn.key);

    if (holder >= 0) return (holder + 1) % count;

    return (this.#resumeAt ?? 0) % count;
  }
}

function checkTurnMs(turnMs: number): number {
  if (!Number.isInteger(turnMs) || turnMs < TURN_MS_RANGE.min || turnMs > TURN_MS_RANGE.max) {
    throw new StardustError(
      'INVALID_ARGUMENT',
      `Turn length ${turnMs} ms is outside ${TURN_MS_RANGE.min}–${TURN_MS_RANGE.max} ms; pass whole milliseconds in that range.`,
    );
  }

  return turnMs;
}
