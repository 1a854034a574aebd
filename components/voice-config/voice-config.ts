import { ContextProvider } from '@lit/context';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

import { ConfigError, type StardustConfig } from '../../src/client/config.js';
import { StardustClient } from '../../src/client/stardust-client.js';
import { StardustError } from '../../src/shared/errors.js';
import { stardustContext, type StardustContextValue } from '../shared/context.js';
import { StardustClientChangeEvent, StardustErrorEvent } from '../shared/events.js';
import { matchLocale } from '../shared/locale.js';
import { msg, renderInLocale, str } from '../shared/localize.js';
import { StardustElement } from '../shared/stardust-element.js';
import { tokenStyles } from '../shared/styles.js';
import { voiceConfigStyles } from './voice-config.styles.js';

/** The attribute behind each option of the client configuration. */
const ATTRIBUTES: Record<string, string> = {
  chain: 'chain',
  signaling: 'signaling',
  ipfsApi: 'ipfs-api',
  gateways: 'gateways',
  locale: 'locale',
};

/** Properties whose change builds a new client. */
const CONFIG_PROPERTIES = ['chain', 'signaling', 'ipfsApi', 'gateways', 'locale'] as const;

/**
 * Configures Stardust Voice for every element inside it: builds one shared `StardustClient`
 * from its attributes and provides it to the elements below through `@lit/context`.
 *
 * An invalid attribute fails at once: no client is built, a `stardust-error` event with code
 * `CONFIG_INVALID` names the attribute, and a visible message in the element's place tells
 * the developer what to fix. Changing an attribute builds a new client and disposes the old one; so does
 * removing the element from the page for good.
 *
 * The element draws no box of its own (`display: contents`), so it does not change the
 * layout of what it wraps. Its `theme` and `locale` apply to every element inside it that
 * does not set its own.
 *
 * @tagname stardust-voice-config
 * @summary Shares one Stardust Voice configuration with the elements inside it.
 *
 * @slot - The Stardust Voice elements, and any other content, that use this configuration.
 *
 * @event stardust-error - The configuration is invalid. `detail` is `{ code: 'CONFIG_INVALID', message }`; the message names the attribute.
 * @event stardust-client-change - A new client replaced the previous one (or none, after an invalid change). `detail` is `{ client }`.
 *
 * @csspart error - The box shown while the configuration is invalid.
 * @csspart error-title - The heading of that box.
 * @csspart error-message - The sentence naming the attribute to fix.
 */
export class StardustVoiceConfig extends StardustElement {
  // Tokens only: as a wrapper it must not set the colour or font of the page's content.
  static override styles: CSSResultGroup = [tokenStyles, voiceConfigStyles];

  /** WebSocket URL of the chain node (`ws:` or `wss:`), such as `ws://127.0.0.1:9944`. */
  @property() chain?: string;

  /** WebSocket URL of the signaling server (`ws:` or `wss:`). */
  @property() signaling?: string;

  /** Base URL of a Kubo-compatible IPFS RPC API for uploads (`http:` or `https:`). */
  @property({ attribute: 'ipfs-api' }) ipfsApi?: string;

  /** IPFS path gateways for downloads, tried in order: URLs separated by spaces or commas. */
  @property() gateways?: string;

  #client: StardustClient | undefined;
  #error: StardustError | undefined;
  #stale = true;

  readonly #provider = new ContextProvider(this, {
    context: stardustContext,
    initialValue: this.#contextValue(),
  });

  /** The client this element provides, or undefined while the configuration is invalid. */
  get client(): StardustClient | undefined {
    return this.#client;
  }

  /** Why there is no client: a CONFIG_INVALID error naming the attribute, or undefined. */
  get error(): StardustError | undefined {
    return this.#error;
  }

  override connectedCallback(): void {
    super.connectedCallback();

    // Removed and disposed earlier: build a fresh client for the new place.
    if (this.#client === undefined && this.#error === undefined) this.#stale = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();

    // A move (removal and insertion in one task) keeps the client and its connections; a
    // removal that lasts past the current task disposes it.
    queueMicrotask(() => {
      if (this.isConnected || this.#client === undefined) return;

      const client = this.#client;

      this.#client = undefined;
      this.#stale = true;
      void client.dispose();
    });
  }

  protected override reportUnsupportedLocale(): void {
    // An unsupported locale makes the whole configuration invalid; #rebuild reports it.
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    if (this.#stale || CONFIG_PROPERTIES.some((name) => changed.has(name))) {
      this.#stale = false;
      this.#rebuild();
    }

    this.#provider.setValue(this.#contextValue());
  }

  protected override render(): TemplateResult {
    return html`${this.#renderError()}<slot></slot>`;
  }

  #renderError(): TemplateResult | typeof nothing {
    const error = this.#error;

    if (error === undefined) return nothing;

    return html`<div part="error" role="alert" lang=${this.resolvedLocale}>
      <strong part="error-title">${msg('Stardust Voice is not configured')}</strong>
      <p part="error-message">${describeError(error)}</p>
    </div>`;
  }

  #rebuild(): void {
    const previous = this.#client;
    let client: StardustClient | undefined;
    let error: StardustError | undefined;

    try {
      // resolveConfig inside the client checks every field, the missing ones included.
      client = new StardustClient(this.#readConfig() as StardustConfig);
    } catch (cause) {
      error = attributeError(cause);
    }

    this.#client = client;
    this.#error = error;

    if (previous !== undefined) void previous.dispose();

    if (error !== undefined) this.dispatchEvent(new StardustErrorEvent(error));

    this.dispatchEvent(new StardustClientChangeEvent(client));
  }

  #readConfig(): Record<keyof StardustConfig, unknown> {
    return {
      chain: this.chain,
      signaling: this.signaling,
      ipfsApi: this.ipfsApi,
      gateways: this.gateways === undefined ? undefined : splitList(this.gateways),
      locale: this.locale === undefined ? undefined : (matchLocale(this.locale) ?? this.locale),
      logger: undefined,
    };
  }

  #contextValue(): StardustContextValue {
    return {
      client: this.#client,
      error: this.#error,
      locale:
        matchLocale(this.locale) ?? matchLocale(this.getAttribute('lang')) ?? this.stardust.locale,
      theme: this.theme ?? this.stardust.theme,
    };
  }
}

/** Splits a `gateways` attribute on spaces and commas. */
function splitList(value: string): string[] {
  return value.split(/[\s,]+/).filter((item) => item !== '');
}

/**
 * Rewrites a configuration error to name the attribute instead of the option, in English,
 * for the event and the console.
 */
function attributeError(cause: unknown): StardustError {
  if (!(cause instanceof ConfigError)) {
    return StardustError.from(
      cause,
      'INTERNAL_ERROR',
      'Building the Stardust Voice client failed.',
    );
  }

  const message = renderInLocale('en', () => describeError(cause));

  return new ConfigError(cause.option, `<stardust-voice-config>: ${message}`, {
    problem: cause.problem,
    expected: cause.expected,
    value: cause.value,
    cause,
  });
}

/** Describes in one sentence, in the active locale, which attribute is wrong and why. */
function describeError(error: StardustError): string {
  if (!(error instanceof ConfigError)) return error.message;

  const attribute = ATTRIBUTES[error.option.replace(/\[\d+\]$/, '')] ?? error.option;
  const value = JSON.stringify(error.value ?? '');
  const schemes = error.expected.join(
    msg(' or ', { desc: 'Joins two URL schemes: ws:// or wss://' }),
  );
  const choices = error.expected.join(', ');

  switch (error.problem) {
    case 'missing':
      return msg(
        str`The ${attribute} attribute is missing: set it to a URL that starts with ${schemes}.`,
      );
    case 'empty':
      return msg(
        str`The ${attribute} attribute is empty: list at least one URL that starts with ${schemes}.`,
      );
    case 'not-url':
      return msg(str`The ${attribute} attribute is not a valid URL: ${value}.`);
    case 'protocol':
      return msg(str`The ${attribute} attribute must start with ${schemes}, got ${value}.`);
    case 'unsupported':
      return msg(str`The ${attribute} attribute must be one of ${choices}, got ${value}.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stardust-voice-config': StardustVoiceConfig;
  }
}
