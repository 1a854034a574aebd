/**
 * When to reconnect after a signaling connection closes or fails to open.
 */

/** What a policy knows when it decides. */
export interface ReconnectContext {
  /** Failed connection attempts in a row, counting this one: 1 after the first failure. */
  attempt: number;
  /** Close code of the last socket (1012 restart, 1013 overload, 1006 abnormal), if it had one. */
  closeCode: number | undefined;
  /** Close code that began this run of failures: a restart stays a restart while refused. */
  initialCloseCode: number | undefined;
  /** Milliseconds since the connection was last up (or first attempted). */
  elapsedMs: number;
}

/** Decides the delay before the next attempt, or gives up with null. */
export interface ReconnectPolicy {
  nextDelayMs(context: ReconnectContext): number | null;
}

/** Options of {@link exponentialBackoff}. */
export interface BackoffOptions {
  /** Cap of the first delay; 500 ms. */
  baseMs?: number;
  /** Largest delay; 30 s. */
  maxMs?: number;
  /**
   * Cap of the first delay after close 1012 (restart) or 1013 (overload), kept for the
   * attempts that follow; 5 s, so a fleet of clients spreads its return over a restarting
   * server.
   */
  restartBaseMs?: number;
  /** Attempts before giving up; unlimited. */
  maxAttempts?: number;
  /** Random source in [0, 1); Math.random. */
  random?: () => number;
}

/**
 * Capped exponential backoff with full jitter: the delay is uniform in
 * [0, min(maxMs, base × 2^(attempt−1))], with a longer base after 1012 or 1013.
 */
export function exponentialBackoff(options: BackoffOptions = {}): ReconnectPolicy {
  const baseMs = options.baseMs ?? 500;
  const maxMs = options.maxMs ?? 30_000;
  const restartBaseMs = options.restartBaseMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const random = options.random ?? Math.random;

  if (baseMs <= 0 || maxMs < baseMs || restartBaseMs <= 0) {
    throw new RangeError('exponentialBackoff needs 0 < baseMs <= maxMs and restartBaseMs > 0');
  }

  return {
    nextDelayMs({ attempt, closeCode, initialCloseCode }) {
      if (attempt > maxAttempts) return null;

      const restart = [closeCode, initialCloseCode].some((code) => code === 1012 || code === 1013);
      const base = restart ? restartBaseMs : baseMs;
      const cap = Math.min(maxMs, base * 2 ** Math.min(attempt - 1, 30));

      return Math.floor(random() * cap);
    },
  };
}
