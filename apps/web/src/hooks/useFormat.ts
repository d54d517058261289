import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and numbers in the conventions of the UI language (es: 23 nov 2026, en: Nov 23, 2026). */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium' });
    const number = new Intl.NumberFormat(lng);
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      number: (n: number) => number.format(n),
    };
  }, [lng]);
}
