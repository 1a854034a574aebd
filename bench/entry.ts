/** What every benchmark entry gets from the runner. */
export interface BenchContext {
  /** Repository root, ending with a slash. */
  root: string;
}

/** One entry of bench-results.json. */
export interface BenchEntry {
  /** Runs the entry and returns its object: raw figures, ratios and a `floors` object. */
  run(context: BenchContext): Promise<Record<string, unknown>>;
}

/**
 * Runs `body` repeatedly for at least `minMs` and returns operations per second.
 * `body` returns how many operations it did.
 */
export function throughput(body: () => number, minMs = 1000): number {
  // Warm up so the JIT has compiled the hot path before timing.
  for (let i = 0; i < 3; i += 1) body();

  let operations = 0;
  const started = performance.now();
  let elapsed = 0;

  while (elapsed < minMs) {
    operations += body();
    elapsed = performance.now() - started;
  }

  return (operations / elapsed) * 1000;
}

/** Returns the q-quantile (0..1) of `values` by nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;

  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Rounds to `digits` decimals for the report. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;

  return Math.round(value * factor) / factor;
}
