/**
 * Nonces seen per account within the replay window, in two generations that each span the
 * window: a nonce is a replay while it is in either. Rotating drops the older generation,
 * so the cache always remembers at least one whole window and never more than two.
 *
 * The timestamp check (±half the window) rejects anything older, so a nonce forgotten by
 * rotation can no longer be replayed. Each account holds at most `maxPerAccount` nonces per
 * generation; past that the account is rate limited rather than forgetting nonces early.
 */
export class ReplayCache {
  #current = new Map<string, Set<string>>();
  #previous = new Map<string, Set<string>>();
  #rotatedAt: number;
  readonly #windowMs: number;
  readonly #maxPerAccount: number;

  constructor(windowMs: number, maxPerAccount: number, now: number) {
    this.#windowMs = windowMs;
    this.#maxPerAccount = maxPerAccount;
    this.#rotatedAt = now;
  }

  /**
   * Records `nonce` for `account`. Returns `replayed` when it was seen within the window,
   * `full` when the account has no room left, else `ok`.
   */
  record(account: string, nonce: string, now: number): 'ok' | 'replayed' | 'full' {
    this.#rotate(now);

    if (this.#previous.get(account)?.has(nonce) || this.#current.get(account)?.has(nonce)) {
      return 'replayed';
    }

    let seen = this.#current.get(account);

    if (seen === undefined) {
      seen = new Set();
      this.#current.set(account, seen);
    }

    if (seen.size >= this.#maxPerAccount) return 'full';

    seen.add(nonce);

    return 'ok';
  }

  /** Number of nonces held, for metrics. */
  get size(): number {
    let total = 0;

    for (const generation of [this.#current, this.#previous]) {
      for (const seen of generation.values()) total += seen.size;
    }

    return total;
  }

  #rotate(now: number): void {
    if (now - this.#rotatedAt < this.#windowMs) return;

    // After a long idle time both generations are older than the window.
    this.#previous = now - this.#rotatedAt < 2 * this.#windowMs ? this.#current : new Map();
    this.#current = new Map();
    this.#rotatedAt = now;
  }
}
