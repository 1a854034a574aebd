/**
 * Localization of the elements: `msg()` and `str` with the signatures of @lit/localize, so
 * `lit-localize extract` finds every string, but with the locale chosen per element instead
 * of once per page.
 *
 * @lit/localize's runtime mode keeps one active locale for the whole page and can be
 * configured only once per page, which breaks a page that shows a zh-CN element beside an
 * en one, and a dApp that configures @lit/localize for its own strings. Here no global
 * configuration is installed: each element renders inside {@link renderInLocale}, and
 * `msg()` looks the string up in that locale's generated module (`components/locales/`).
 * Both locale modules are bundled, so switching locale is synchronous and never flashes
 * English.
 */
import type { MsgFn } from '@lit/localize';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { TemplateMap } from '@lit/localize/internal/types.js';

import type { Locale } from '../../src/client/config.js';
import { templates as zhCN } from '../locales/zh-CN.js';
import { SOURCE_LOCALE } from './locale.js';

export { str } from '@lit/localize/internal/str-tag.js';

/** Translations by locale; the source locale has none because its strings are the source. */
const TRANSLATIONS: Partial<Record<Locale, TemplateMap>> = { 'zh-CN': zhCN };

/**
 * Adds the translations of lazily loaded elements, whose strings `npm run localize:build`
 * moves into modules beside them (scripts/split-locales.ts). Call it before they render.
 */
export function addTranslations(locale: Locale, templates: TemplateMap): void {
  TRANSLATIONS[locale] = { ...TRANSLATIONS[locale], ...templates };
}

let activeLocale: Locale = SOURCE_LOCALE;

/**
 * Returns the string or template in the locale of the element being rendered. Outside
 * {@link renderInLocale} it returns the English source.
 */
export const msg = ((template, options) =>
  runtimeMsg(TRANSLATIONS[activeLocale], template, options)) as MsgFn;

/**
 * Runs `body` with `msg()` answering in `locale`, then restores the previous locale, so
 * nested calls (an element updated while another renders) keep their own.
 */
export function renderInLocale<T>(locale: Locale, body: () => T): T {
  const previous = activeLocale;

  activeLocale = locale;

  try {
    return body();
  } finally {
    activeLocale = previous;
  }
}
