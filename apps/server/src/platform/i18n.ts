import { DEFAULT_LOCALE, type Locale, resources } from '@enlace/shared';
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

/** Translates `key` for the user's locale; every key exists in all three (a test checks). */
export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return instance.t(key, { lng: locale, ...params });
}
