import type { StardustConfig } from '../../src/client/config.js';
import { StardustClient } from '../../src/client/stardust-client.js';

/** Called with the new global client, or undefined after {@link GlobalClientStore.reset}. */
export type GlobalClientListener = (client: StardustClient | undefined) => void;

/**
 * The client of `StardustVoice.configure()`, used by elements that have no
 * `<stardust-voice-config>` ancestor. One per copy of the package, created on first use.
 */
export class GlobalClientStore {
  #client: StardustClient | undefined;
  #listeners = new Set<GlobalClientListener>();

  /** The configured client, if any. */
  get client(): StardustClient | undefined {
    return this.#client;
  }

  /**
   * Builds the global client from `config`, hands it to every element using it, and disposes
   * the previous one.
   * @throws StardustError CONFIG_INVALID naming the option, before anything changes.
   */
  configure(config: StardustConfig): StardustClient {
    const client = new StardustClient(config);

    void this.#replace(client);

    return client;
  }

  /** Disposes the global client; elements using it show that they are not configured. */
  async reset(): Promise<void> {
    await this.#replace(undefined);
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: GlobalClientListener): () => void {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }

  async #replace(client: StardustClient | undefined): Promise<void> {
    const previous = this.#client;

    this.#client = client;

    for (const listener of [...this.#listeners]) listener(client);

    try {
      await previous?.dispose();
    } catch (error) {
      previous?.logger.warn('disposing the replaced global client failed', { error });
    }
  }
}

let store: GlobalClientStore | undefined;

/** Returns this copy's global client store, creating it on first use (never at import). */
export function globalClientStore(): GlobalClientStore {
  store ??= new GlobalClientStore();

  return store;
}
