import { AUTHORISATION_WARNING_DAYS, type Freshness } from '@enlace/shared';
import { getTimezonesForCountry } from 'countries-and-timezones';

/**
 * Alpha-3 (Enlace's country codes) → alpha-2 (countries-and-timezones' keys) for the countries of
 * the reference seed: the RCM's members, its Caribbean partners and Cuba. Organisations (RCM, IOM …)
 * have no time zone of their own.
 */
const ALPHA2: Readonly<Record<string, string>> = {
  BLZ: 'BZ',
  CAN: 'CA',
  CRI: 'CR',
  DOM: 'DO',
  SLV: 'SV',
  GTM: 'GT',
  HND: 'HN',
  MEX: 'MX',
  NIC: 'NI',
  PAN: 'PA',
  USA: 'US',
  BHS: 'BS',
  HTI: 'HT',
  JAM: 'JM',
  CUB: 'CU',
};

/** The IANA zones of a country, as the package lists them (alphabetically); [] if unknown. */
export function countryZones(countryCode: string): string[] {
  const alpha2 = ALPHA2[countryCode];
  if (!alpha2) return [];
  return (getTimezonesForCountry(alpha2) ?? []).map((z) => z.name);
}

/** Every zone the browser knows, the country's own first (Mexico's six zones before the 400 others). */
export function zonesCountryFirst(countryCode: string, all: readonly string[] = supportedZones()): string[] {
  const own = countryZones(countryCode).filter((z) => all.includes(z));
  const ownSet = new Set(own);
  return [...own, ...all.filter((z) => !ownSet.has(z))];
}

export function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** The share of a country's entries verified within the freshness window, 0 when it has none. */
export function freshShare(row: Freshness[number]): number {
  return row.entries > 0 ? Math.min(1, row.fresh / row.entries) : 0;
}

/** The region as a whole: entries and fresh entries summed over the countries. */
export function freshnessTotal(rows: Freshness): { entries: number; fresh: number } {
  return rows.reduce((acc, r) => ({ entries: acc.entries + r.entries, fresh: acc.fresh + r.fresh }), {
    entries: 0,
    fresh: 0,
  });
}

/** The colour of a share: green from 80 %, orange from 50 %, red below (the country should act). */
export function shareColour(share: number): 'green' | 'orange' | 'red' {
  if (share >= 0.8) return 'green';
  if (share >= 0.5) return 'orange';
  return 'red';
}

/**
 * The time now where the focal point is ("14:05"), with the zone's short name ("GMT-6") so that the
 * caller knows whether it is office hours there. An unknown zone answers null rather than throwing.
 */
export function localTimeIn(timeZone: string, locale: string, now: Date = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      timeZone,
      timeZoneName: 'short',
    }).format(now);
  } catch {
    return null;
  }
}

/** A language code in the UI language ("pt" → "portugués"); the code itself if the browser has no name. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const DAY_MS = 86_400_000;

/** Whole days from today (a calendar day, YYYY-MM-DD, in UTC) to an authorisation's last day; negative once past. */
export function daysLeft(validUntil: string, today: Date = new Date()): number {
  const end = Date.parse(`${validUntil.slice(0, 10)}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((end - start) / DAY_MS);
}

/** An authorisation still current that ends within the warning window. */
export function expiresSoon(current: boolean, validUntil: string, today: Date = new Date()): boolean {
  const left = daysLeft(validUntil, today);
  return current && left >= 0 && left <= AUTHORISATION_WARNING_DAYS;
}

/** The href of a channel: tel: for phones (digits and a leading +), mailto: for addresses, none for messaging. */
export function channelHref(kind: string, value: string): string | null {
  if (kind === 'work_phone' || kind === 'mobile_phone') {
    const dial = value.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
    return dial ? `tel:${dial}` : null;
  }
  if (kind === 'email' || kind === 'secure_email') return `mailto:${value.trim()}`;
  return null;
}

/** The list's filters and search as the export's query string (no paging: the file holds every match). */
export function exportHref(
  format: 'vcard' | 'csv',
  state: { q: string; filters: Record<string, string | undefined> },
): string {
  const params = new URLSearchParams({ format });
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const [k, v] of Object.entries(state.filters)) if (v) params.set(k, v);
  return `/api/directory/export?${params}`;
}
