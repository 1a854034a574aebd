/**
 * A small typed event emitter for the call layer. Each event carries one context object;
 * `on` returns the unsubscribe function. A listener that throws does not stop the others.
 */
export class Emitter<Events extends Record<string, unknown>> {
  #listeners = new Map<keyof Events, Set<(context: never) => void>>();

  /** Adds a listener and returns the function that removes it. */
  on<K extends keyof Events>(event: K, listener: (context: Events[K]) => void): () => void {
    let set = this.#listeners.get(event);

    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }

    set.add(listener as (context: never) => void);

    return () => set.delete(listener as (context: never) => void);
  }

  /** Adds a listener that runs once. */
  once<K extends keyof Events>(event: K, listener: (context: Events[K]) => void): () => void {
    const off = this.on(event, (context) => {
      off();
      listener(context);
    });

    return off;
  }

  /** Calls every listener of `event` with `context`; errors are reported, not thrown. */
  protected emit<K extends keyof Events>(event: K, context: Events[K]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as (context: Events[K]) => void)(context);
      } catch (error) {
        // A faulty listener must not break the state machine that emitted the event.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Removes every listener. */
  protected removeAllListeners(): void {
    this.#listeners.clear();
  }
}
