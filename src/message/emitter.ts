/**
 * A small typed event emitter for the message core: `on` returns the unsubscribe function,
 * and a throwing listener never stops the others.
 */
export class Emitter<Events extends Record<string, unknown>> {
  readonly #listeners = new Map<keyof Events, Set<(event: never) => void>>();

  /** Calls `listener` for every `name` event until the returned function is called. */
  on<Name extends keyof Events>(name: Name, listener: (event: Events[Name]) => void): () => void {
    let set = this.#listeners.get(name);

    if (set === undefined) {
      set = new Set();
      this.#listeners.set(name, set);
    }

    set.add(listener as (event: never) => void);

    return () => set.delete(listener as (event: never) => void);
  }

  /** Calls every listener of `name` with `event`. */
  protected emit<Name extends keyof Events>(name: Name, event: Events[Name]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        (listener as (event: Events[Name]) => void)(event);
      } catch (error) {
        // A listener's bug must not break the emitter's state machine.
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
