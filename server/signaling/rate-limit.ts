/** Options of a {@link TokenBucket}. */
export interface BucketOptions {
  /** Tokens added per second: the sustained message rate. */
  perSecond: number;
  /** Bucket size: how many messages may arrive at once. */
  burst: number;
}

/**
 * A token bucket: `take()` succeeds while tokens are left and tokens refill continuously at
 * `perSecond`. Time comes from the caller so a fake clock drives it in tests.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;
  readonly #options: BucketOptions;

  constructor(options: BucketOptions, now: number) {
    this.#options = options;
    this.#tokens = options.burst;
    this.#updatedAt = now;
  }

  /** Takes one token; returns false when the bucket is empty. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.#updatedAt);

    this.#tokens = Math.min(
      this.#options.burst,
      this.#tokens + (elapsed * this.#options.perSecond) / 1000,
    );
    this.#updatedAt = now;

    if (this.#tokens < 1) return false;

    this.#tokens -= 1;

    return true;
  }
}
