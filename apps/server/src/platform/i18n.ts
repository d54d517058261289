import {
  DEFAULT_LOCALE,
  type DocumentLocale,
  documentResources,
  type Locale,
  MESSAGE_FORMATTERS,
  resources,
} from '@enlace/shared';
import i18next from 'i18next';

const instance = i18next.createInstance();
void instance.init({
  resources: {
    es: { translation: resources.es },
    en: { translation: resources.en },
    fr: { translation: resources.fr },
    // Haitian Creole has the words of generated documents only (documentT).
    ht: { translation: documentResources.ht },
  },
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  initAsync: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
});
for (const [name, format] of Object.entries(MESSAGE_FORMATTERS))
  instance.services.formatter?.add(name, format);

/**
 * Translates `key` for the user's locale; every key exists in all three (a test checks).
 * Numbers and dates are formatted by the messages (`{{n, number}}`, `{{d, day}}`, `{{t, instant}}`);
 * `timeZone`, when given, is the reader's, for instants.
 */
export function t(
  locale: Locale,
  key: string,
  params: Record<string, unknown> = {},
  timeZone: string | null = null,
): string {
  return instance.t(key, { lng: locale, ...params, ...(timeZone ? { timeZone } : {}) });
}

/**
 * The documents room's own words (page numbers, the generation line) in any document language,
 * Haitian Creole included: the key is typed to the part every document language has.
 */
export function documentT(
  locale: DocumentLocale,
  key: `documents.${string}`,
  params: Record<string, unknown> = {},
): string {
  return instance.t(key, { lng: locale, ...params });
}
