import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { readerTimeZone } from '../reader-time-zone';
import { formatDuration } from './format-duration';

// dateStyle and timeStyle cannot name the time zone: the parts are spelt out instead.
const WITH_ZONE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * Dates and numbers in the conventions of the UI language (es: 23 nov 2026, en: Nov 23, 2026);
 * instants in the reader's zone (their profile's choice, else the browser's).
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const zone = readerTimeZone();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(lng, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    });
    const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: zone });
    // A calendar day (YYYY-MM-DD) is the same day everywhere: formatted in UTC, never shifted.
    const day = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(lng, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const number = new Intl.NumberFormat(lng);
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      date: (iso: string) => date.format(new Date(iso)),
      day: (isoDate: string) => day.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
      /** "2026-03" → "Mar 2026". */
      month: (yyyyMm: string) => month.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
      /** An instant in a given IANA time zone, naming the zone (e.g. "2 Mar 2026, 08:30 GMT-6"). */
      dateTimeIn: (iso: string, timeZone: string) => {
        try {
          return new Intl.DateTimeFormat(lng, { ...WITH_ZONE, timeZone }).format(new Date(iso));
        } catch {
          return dateTime.format(new Date(iso));
        }
      },
      /** An instant in UTC. */
      utc: (iso: string) =>
        new Intl.DateTimeFormat(lng, { ...WITH_ZONE, timeZone: 'UTC' }).format(new Date(iso)),
      number: (n: number) => number.format(n),
      decimal: (n: number, digits: number) =>
        new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(n),
      percent: (ratio: number) => percent.format(ratio),
      /** Hours as people say them: "3 h 20 min", "2 d 4 h". */
      duration: (hours: number) => formatDuration(lng, hours),
      money: (amount: number, currency: string) => {
        try {
          return new Intl.NumberFormat(lng, { style: 'currency', currency }).format(amount);
        } catch {
          return `${number.format(amount)} ${currency}`;
        }
      },
    };
  }, [lng, zone]);
}
