import { getCountry, getTimezone } from 'countries-and-timezones';
import { alpha3ToAlpha2 } from 'i18n-iso-countries';

/**
 * IANA time zones for the time-zone field: those of a country (countries-and-timezones maps
 * countries to zones; Enlace names countries by ISO alpha-3), the rest of what the browser knows,
 * and a label for each in the interface language. Intl names no zone by itself, so a label is the
 * zone's current offset, its main city (the last part of the IANA name) and Intl's generic name of
 * the zone in that language ("hora del Pacífico"), with the IANA name that identifies it.
 */

/** Every zone the browser knows, UTC included (Chromium leaves it out of the list). */
export function allTimeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes('UTC') ? [...known] : ['UTC', ...known];
}

/** The zones of a country (alpha-3), as the browser knows them; none for an unknown code. */
export function countryTimeZones(alpha3: string | null | undefined, known = allTimeZones()): string[] {
  const alpha2 = alpha3 ? alpha3ToAlpha2(alpha3) : undefined;
  const country = alpha2 ? getCountry(alpha2) : null;
  if (!country) return [];
  const set = new Set(known);
  const zones = new Set<string>();
  for (const z of country.timezones) {
    // An alias the browser lacks is listed under the zone it stands for.
    const zone = set.has(z) ? z : (getTimezone(z)?.aliasOf ?? null);
    if (zone && set.has(zone)) zones.add(zone);
  }
  return [...zones];
}

/**
 * The zone a new record starts with, for a country: the reader's own when it is one of the
 * country's, else the country's only zone, else the one named after the country (Mexico City for
 * Mexico). A country of several zones none of which bears its name (the United States, Canada)
 * starts with none: the user picks.
 */
export function defaultTimeZone(alpha3: string | null | undefined, readerZone: string): string | null {
  const zones = countryTimeZones(alpha3);
  if (zones.includes(readerZone)) return readerZone;
  if (zones.length === 1) return zones[0] ?? null;
  const alpha2 = alpha3 ? alpha3ToAlpha2(alpha3) : undefined;
  const name = alpha2 ? getCountry(alpha2)?.name : undefined;
  return (name && zones.find((z) => zoneCity(z).startsWith(name))) || null;
}

/** Minutes east of UTC of a zone at an instant (−360 for Mexico City). */
export function offsetAt(zone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = name?.match(/GMT([+-])(\d{2}):?(\d{2})?/);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** "UTC−06:00", "UTC+05:30", "UTC". */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const two = (n: number) => String(n).padStart(2, '0');
  return `UTC${minutes < 0 ? '\u2212' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** Intl's name of the zone in a language ("hora del Pacífico"), or null when it has only an offset. */
export function zoneName(zone: string, lng: string, at: Date): string | null {
  for (const style of ['longGeneric', 'long'] as const) {
    try {
      const name = new Intl.DateTimeFormat(lng, { timeZone: zone, timeZoneName: style })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      if (name && !/^(GMT|UTC)([+-−]|$)/.test(name)) return name;
    } catch {
      // An older browser without this style: try the next.
    }
  }
  return null;
}

/** "UTC−06:00 · Mexico City, hora estándar central (America/Mexico_City)". */
export function zoneLabel(zone: string, lng: string, at: Date = new Date()): string {
  const offset = formatOffset(offsetAt(zone, at));
  if (zone === 'UTC' || zone === 'Etc/UTC') return offset;
  const name = zoneName(zone, lng, at);
  return `${offset} · ${zoneCity(zone)}${name ? `, ${name}` : ''} (${zone})`;
}

/** Zones in the order a list shows them: west to east, then by city. */
export function byOffset(zones: string[], at: Date): string[] {
  const offsets = new Map(zones.map((z) => [z, offsetAt(z, at)]));
  return [...zones].sort(
    (a, b) => (offsets.get(a) ?? 0) - (offsets.get(b) ?? 0) || zoneCity(a).localeCompare(zoneCity(b)),
  );
}
