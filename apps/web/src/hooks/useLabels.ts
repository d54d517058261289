import type { LocalizedText } from '@enlace/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../features/admin/admin.queries';
import { currentLocale } from '../i18n';

/**
 * A label stored in three languages, in the UI language. The function stays the same object
 * until the language changes, so that effects and memos can depend on it.
 */
export function useLocalized() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: currentLocale() reads the language that lng tracks
  return useCallback((text: LocalizedText) => text[currentLocale()], [lng]);
}

export function useCountryName() {
  const { data: countries } = useCountries();
  const localized = useLocalized();
  return useCallback(
    (code: string) => {
      const country = countries?.find((c) => c.code === code);
      return country ? localized(country.name) : code;
    },
    [countries, localized],
  );
}
