// Awaiting events in tests: the first event that matches, or a failure naming what was
// awaited once a generous deadline passes.
import type { EventEmitter } from 'node:events';

/**
 * Resolves with the first `name` event whose payload `accept` takes (any, by default).
 * Rejects after `timeoutMs` with the events seen meanwhile.
 */
export function waitForEvent<T>(
  emitter: EventEmitter,
  name: string,
  accept: (payload: T) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<T> {
  const seen: unknown[] = [];

  return new Promise((resolve, reject) => {
    const listener = (payload: T) => {
      seen.push(payload);

      if (!accept(payload)) return;

      clearTimeout(timer);
      emitter.off(name, listener);
      resolve(payload);
    };

    const timer = setTimeout(() => {
      emitter.off(name, listener);
      reject(
        new Error(
          `no matching "${name}" event within ${timeoutMs} ms; saw ${JSON.stringify(seen).slice(0, 500)}`,
        ),
      );
    }, timeoutMs);

    emitter.on(name, listener);
  });
}

/** Records every `name` event of `emitter` into the returned array. */
export function recordEvents<T>(emitter: EventEmitter, name: string): T[] {
  const events: T[] = [];

  emitter.on(name, (payload: T) => events.push(payload));

  return events;
}
