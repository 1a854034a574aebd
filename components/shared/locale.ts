import { LOCALES, type Locale } from '../../src/client/config.js';

/** The locale every string is written in, used when no other locale applies. */
export const SOURCE_LOCALE: Locale = 'en';

/**
 * Maps a BCP 47 language tag to a shipped locale: any `zh` tag (`zh`, `zh-CN`, `zh-Hans`,
 * `zh-TW`) to `zh-CN`, any `en` tag to `en`. Returns undefined for other languages and for
 * empty or missing tags, so the caller can try its next source.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;

  const normalized = tag.trim().toLowerCase();

  if (normalized === '') return undefined;

  const exact = LOCALES.find((locale) => locale.toLowerCase() === normalized);

  if (exact !== undefined) return exact;

  const language = normalized.split(/[-_]/)[0];

  // NOTE: Traditional Chinese tags (zh-TW, zh-Hant) get the Simplified strings, which their
  // readers can follow, until a zh-TW translation ships.
  if (language === 'zh') return 'zh-CN';

  if (language === 'en') return 'en';

  return undefined;
}

/** The sources of an element's locale, highest priority first. */
export interface LocaleSources {
  /** The element's own `locale` attribute. */
  locale?: string | null | undefined;
  /** The element's own `lang` attribute. */
  lang?: string | null | undefined;
  /** The locale of the nearest `<stardust-voice-config>` or of `StardustVoice.configure()`. */
  configLocale?: Locale | undefined;
  /** `document.documentElement.lang`. */
  documentLang?: string | null | undefined;
}

/**
 * Picks the locale an element renders in: its `locale` attribute, then its `lang`
 * attribute, then the configuration's locale, then the document language, then English.
 * A source naming a language without strings is skipped.
 */
export function resolveLocale(sources: LocaleSources): Locale {
  return (
    matchLocale(sources.locale) ??
    matchLocale(sources.lang) ??
    sources.configLocale ??
    matchLocale(sources.documentLang) ??
    SOURCE_LOCALE
  );
}
