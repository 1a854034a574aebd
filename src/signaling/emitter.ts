/**
 * A small typed event emitter: each event has one context object, and `on` returns the
 * function that unsubscribes.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: object }> {
  readonly #listeners = new Map<keyof Events, Set<(context: never) => void>>();

  /** Calls `listener` with every `event` until the returned function is called. */
  on<K extends keyof Events>(event: K, listener: (context: Events[K]) => void): () => void {
    let listeners = this.#listeners.get(event);

    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(event, listeners);
    }

    listeners.add(listener as (context: never) => void);

    return () => listeners.delete(listener as (context: never) => void);
  }

  /** Resolves with the next `event` that `match` accepts (any when left out). */
  once<K extends keyof Events>(
    event: K,
    match: (context: Events[K]) => boolean = () => true,
  ): Promise<Events[K]> {
    return new Promise((resolve) => {
      const off = this.on(event, (context) => {
        if (!match(context)) return;

        off();
        resolve(context);
      });
    });
  }

  /** Calls every listener of `event`; a listener that throws does not stop the others. */
  protected emit<K extends keyof Events>(event: K, context: Events[K]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as (context: Events[K]) => void)(context);
      } catch (error) {
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
