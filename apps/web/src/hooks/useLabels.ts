import type { LocalizedText } from '@enlace/shared';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../features/admin/admin.queries';
import { currentLocale } from '../i18n';

/** A label stored in three languages, in the UI language. */
export function useLocalized() {
  useTranslation();
  return (text: LocalizedText) => text[currentLocale()];
}

export function useCountryName() {
  const { data: countries } = useCountries();
  const localized = useLocalized();
  return (code: string) => {
    const country = countries?.find((c) => c.code === code);
    return country ? localized(country.name) : code;
  };
}
