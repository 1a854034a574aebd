import type { ReconnectPolicy } from './types.js';

/** Options of {@link backoffPolicy}. */
export interface BackoffOptions {
  /** The cap of the first attempt's delay, in ms; 250 by default. */
  baseMs?: number;
  /** The largest delay, in ms; 10,000 by default. */
  maxMs?: number;
  /** Attempts before giving up; unlimited by default, since Janus is a server that returns. */
  maxAttempts?: number;
  /** A random number in [0, 1), for tests. */
  random?: () => number;
}

/**
 * Returns capped exponential backoff with full jitter: attempt n waits a random time in
 * [0, min(maxMs, baseMs * 2^(n-1))).
 */
export function backoffPolicy(options: BackoffOptions = {}): ReconnectPolicy {
  const baseMs = options.baseMs ?? 250;
  const maxMs = options.maxMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const random = options.random ?? Math.random;

  if (!(baseMs > 0) || !(maxMs >= baseMs)) {
    throw new RangeError(`backoffPolicy needs 0 < baseMs <= maxMs, got ${baseMs} and ${maxMs}`);
  }

  return {
    nextDelayMs({ attempt }) {
      if (attempt > maxAttempts) return null;

      const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));

      return Math.floor(random() * ceiling);
    },
  };
}
