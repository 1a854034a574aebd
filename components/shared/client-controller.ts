import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { Locale } from '../../src/client/config.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { StardustError } from '../../src/shared/errors.js';
import { stardustContext, type StardustContextValue, type Theme } from './context.js';
import { globalClientStore } from './global-client.js';

/** Where a {@link ClientController} got its client from. */
export type ClientSource = 'context' | 'global' | 'none';

/** Options of {@link ClientController}. */
export interface ClientControllerOptions {
  /**
   * Called after the client changes (a new configuration, an attribute change, a move to
   * another `<stardust-voice-config>`), before the host re-renders. Subscribe to the new
   * client's events here and drop those of the previous one.
   */
  onClientChange?: (
    client: StardustClient | undefined,
    previous: StardustClient | undefined,
  ) => void;
}

/**
 * Gives an element the shared {@link StardustClient}: from the nearest
 * `<stardust-voice-config>` through `@lit/context`, else from `StardustVoice.configure()`.
 * The host re-renders whenever the client, the configured locale or the theme changes.
 *
 * A configuration element that upgrades after its children (a late `define`, a lazily
 * loaded script) still reaches them: the `define` entry attaches a `ContextRoot` that
 * replays their requests, and the context then replaces the global fallback.
 */
export class ClientController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ClientControllerOptions;
  #context: StardustContextValue | undefined;
  #global: StardustClient | undefined;
  #unsubscribeGlobal: (() => void) | undefined;
  #current: StardustClient | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ClientControllerOptions = {}) {
    this.#host = host;
    this.#options = options;

    // Added before this controller, so its request is answered before hostConnected below
    // decides whether to fall back to the global client.
    new ContextConsumer(host, {
      context: stardustContext,
      subscribe: true,
      callback: (value) => this.#onContext(value),
    });
    host.addController(this);
  }

  /** The client to use, or undefined while none is configured or the configuration is invalid. */
  get client(): StardustClient | undefined {
    return this.#context !== undefined ? this.#context.client : this.#global;
  }

  /** Where {@link client} comes from. */
  get source(): ClientSource {
    if (this.#context !== undefined) return 'context';

    return this.#global !== undefined ? 'global' : 'none';
  }

  /** The invalid-configuration error of the providing `<stardust-voice-config>`, if any. */
  get error(): StardustError | undefined {
    return this.#context?.error;
  }

  /** The locale the configuration asks for, if any. */
  get locale(): Locale | undefined {
    return this.#context !== undefined ? this.#context.locale : this.#global?.config.locale;
  }

  /** The theme the configuration forces, if any. */
  get theme(): Theme | undefined {
    return this.#context?.theme;
  }

  /**
   * Returns the client, or throws the reason there is none: the configuration's own
   * CONFIG_INVALID error, or CONFIG_INVALID saying how to configure. Call it when the user
   * acts, so an unconfigured element reports instead of doing nothing.
   */
  requireClient(): StardustClient {
    const client = this.client;

    if (client !== undefined) return client;

    if (this.error !== undefined) throw this.error;

    const tag = this.#host.localName;

    throw new StardustError(
      'CONFIG_INVALID',
      `<${tag}> has no Stardust Voice configuration: place it inside <stardust-voice-config chain="…" signaling="…" ipfs-api="…" gateways="…">, or call StardustVoice.configure({ chain, signaling, ipfsApi, gateways }) first.`,
    );
  }

  hostConnected(): void {
    if (this.#context === undefined) this.#followGlobal();
  }

  hostDisconnected(): void {
    // The element may be re-inserted under another configuration: ask again on reconnect.
    this.#context = undefined;
    this.#unsubscribeGlobal?.();
    this.#unsubscribeGlobal = undefined;
  }

  #onContext(value: StardustContextValue): void {
    this.#context = value;
    this.#unsubscribeGlobal?.();
    this.#unsubscribeGlobal = undefined;
    this.#changed();
  }

  #followGlobal(): void {
    const store = globalClientStore();

    this.#global = store.client;
    this.#unsubscribeGlobal = store.subscribe((client) => {
      this.#global = client;
      this.#changed();
    });
    this.#changed();
  }

  #changed(): void {
    const previous = this.#current;

    this.#current = this.client;

    if (this.#current !== previous) this.#options.onClientChange?.(this.#current, previous);

    this.#host.requestUpdate();
  }
}
