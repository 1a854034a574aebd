// Waiting in browser tests for a condition that no event announces (an element's rendered
// state): checks once per animation frame and fails, naming what it waited for, after a
// generous deadline.

/** Resolves once `condition()` is true; rejects after `timeoutMs` naming `what`. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;

  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);

    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
