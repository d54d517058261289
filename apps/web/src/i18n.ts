import {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  MESSAGE_FORMATTERS,
  resources as apiMessages,
  resolveLocale,
} from '@enlace/shared';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof es };
  }
}

const STORAGE_KEY = 'enlace.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Before sign-in: the language chosen earlier on this browser, else the browser's own. */
function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be blocked; the browser language still applies.
  }
  return resolveLocale(navigator.languages.join(','));
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering is harmless: the signed-in user's choice is saved on the server.
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

// `api:` holds the server's messages (packages/shared/locales): the rules the form shares with the
// server (number bounds, counts that must agree) say the same words in both.
void i18n.use(initReactI18next).init({
  resources: {
    es: { translation: es, api: apiMessages.es },
    en: { translation: en, api: apiMessages.en },
    fr: { translation: fr, api: apiMessages.fr },
  },
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
});

for (const [name, format] of Object.entries(MESSAGE_FORMATTERS)) i18n.services.formatter?.add(name, format);

export default i18n;
