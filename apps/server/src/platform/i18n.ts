import { DEFAULT_LOCALE, type Locale, MESSAGE_FORMATTERS, resources } from '@enlace/shared';
import i18next from 'i18next';

const instance = i18next.createInstance();
void instance.init({
  resources: {
    es: { translation: resources.es },
    en: { translation: resources.en },
    fr: { translation: resources.fr },
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
