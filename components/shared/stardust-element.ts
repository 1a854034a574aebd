import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';

import type { Locale } from '../../src/client/config.js';
import type { StardustClient } from '../../src/client/stardust-client.js';
import { StardustError } from '../../src/shared/errors.js';
import { ClientController } from './client-controller.js';
import { documentLang, watchDocumentLang } from './document-lang.js';
import { StardustErrorEvent } from './events.js';
import { matchLocale, resolveLocale } from './locale.js';
import { renderInLocale } from './localize.js';
import { baseStyles } from './styles.js';

/**
 * The base class of every Stardust Voice element: the shared client, the locale, the theme
 * and error reporting.
 *
 * - `this.stardust` ({@link ClientController}) contains the client from the nearest
 *   `<stardust-voice-config>` or `StardustVoice.configure()`; call
 *   `this.stardust.requireClient()` when the user acts.
 * - `render()` runs in {@link resolvedLocale}, so `msg()` answers in the element's language.
 *   Put `lang=${this.resolvedLocale}` on the element's root part so assistive technology
 *   reads the text in that language.
 * - {@link dispatchError} reports a failure as a `stardust-error` event; elements never log.
 *
 * @cssproperty --stardust-color-surface - Background of panels and controls.
 * @cssproperty --stardust-color-surface-alt - Background of secondary areas.
 * @cssproperty --stardust-color-text - Main text colour.
 * @cssproperty --stardust-color-text-muted - Secondary text colour.
 * @cssproperty --stardust-color-border - Borders and separators.
 * @cssproperty --stardust-color-accent - Primary buttons and highlights.
 * @cssproperty --stardust-color-on-accent - Text on the accent colour.
 * @cssproperty --stardust-color-danger - Errors and destructive actions.
 * @cssproperty --stardust-color-danger-surface - Background of error messages.
 * @cssproperty --stardust-color-success - Success states.
 * @cssproperty --stardust-color-focus - Focus ring.
 * @cssproperty --stardust-radius - Corner radius of panels and controls (default 0.5rem).
 * @cssproperty --stardust-font-family - Font stack (default the system UI font).
 * @cssproperty --stardust-font-size - Base font size (default 0.9375rem).
 * @cssproperty --stardust-spacing - Base spacing unit; gaps are multiples of it (default 0.5rem).
 * @cssproperty --stardust-focus-width - Width of the focus ring (default 2px).
 */
export class StardustElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];

  /**
   * Language of the element's text: `en` or `zh-CN` (any `zh` or `en` tag is accepted).
   * Without it, the element's `lang` attribute, then the configuration's locale, then
   * `<html lang>` decide, and English is the last resort.
   */
  @property() locale?: string;

  /** Forces the light or dark palette; without it the configuration's theme, then the system's, applies. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The shared client and configuration. */
  protected readonly stardust = new ClientController(this, {
    onClientChange: (client, previous) => this.clientChanged(client, previous),
  });

  readonly #internals: ElementInternals | undefined;
  #stopWatchingLang: (() => void) | undefined;
  #reportedLocale: string | undefined;

  constructor() {
    super();
    this.#internals =
      typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
  }

  /**
   * The element's `ElementInternals`, for subclasses that set ARIA defaults or custom
   * states: `attachInternals()` works once per element, and this base class already called it.
   */
  protected get internals(): ElementInternals | undefined {
    return this.#internals;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** The locale this element renders in now. */
  get resolvedLocale(): Locale {
    return resolveLocale({
      locale: this.locale,
      lang: this.getAttribute('lang'),
      configLocale: this.stardust.locale,
      documentLang: documentLang(),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopWatchingLang = watchDocumentLang(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingLang?.();
    this.#stopWatchingLang = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);

    if (name === 'lang') this.requestUpdate();
  }

  /**
   * Called when the shared client changes, before the re-render. Subclasses subscribe to the
   * new client's events here and unsubscribe from the previous client's.
   */
  protected clientChanged(
    _client: StardustClient | undefined,
    _previous: StardustClient | undefined,
  ): void {}

  /** Dispatches `stardust-error` with the error's code and message. */
  protected dispatchError(error: StardustError): void {
    this.dispatchEvent(new StardustErrorEvent(error));
  }

  /**
   * Reports a `locale` attribute naming a language without strings. The element still
   * renders, in the next locale source's language.
   */
  protected reportUnsupportedLocale(value: string): void {
    this.dispatchError(
      new StardustError(
        'CONFIG_INVALID',
        `<${this.localName}>: the locale attribute must be en or zh-CN, got ${JSON.stringify(value)}; showing ${this.resolvedLocale} instead.`,
      ),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#applyThemeState();

    const locale = this.locale;

    if (
      locale !== undefined &&
      locale !== this.#reportedLocale &&
      matchLocale(locale) === undefined
    ) {
      this.#reportedLocale = locale;
      this.reportUnsupportedLocale(locale);
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    renderInLocale(this.resolvedLocale, () => super.update(changed));
  }

  /** Exposes the configuration's theme as the custom state `light` or `dark` for the styles. */
  #applyThemeState(): void {
    const states = this.#internals?.states;

    if (states === undefined) return;

    const theme = this.theme === undefined ? this.stardust.theme : undefined;

    try {
      states.delete('light');
      states.delete('dark');

      if (theme !== undefined) states.add(theme);
    } catch {
      // Chromium 90–124 accepts only `--dashed` state names; there the `theme` attribute and
      // the system preference still work, only the configuration's theme does not reach here.
    }
  }
}
