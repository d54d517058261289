import type { LocalizedText } from '@enlace/shared';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(en);
countries.registerLocale(es);
countries.registerLocale(fr);

/** ICAO 9303 code for a stateless person: a nationality, not a country. */
export const STATELESS = 'XXA';

const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

/** Any ISO 3166-1 alpha-3 code (nationalities, flags and places are not limited to tenants). */
export function isIso3(code: string): boolean {
  return ALPHA3.has(code);
}

export function isNationality(code: string): boolean {
  return code === STATELESS || ALPHA3.has(code);
}

export function countryName(code: string, lang: 'es' | 'en' | 'fr' = 'en'): string {
  if (code === STATELESS) return { es: 'Apátrida', en: 'Stateless', fr: 'Apatride' }[lang];
  const alpha2 = countries.alpha3ToAlpha2(code);
  return (alpha2 && countries.getName(alpha2, lang)) || code;
}

/** Every ISO country with its names, sorted by code. */
export function isoCountryList(): { code: string; name: LocalizedText }[] {
  return [...ALPHA3, STATELESS].sort().map((code) => ({
    code,
    name: { es: countryName(code, 'es'), en: countryName(code, 'en'), fr: countryName(code, 'fr') },
  }));
}

/** Lower case, no accents, no punctuation, single spaces: how names are compared. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// United Nations and IOM spellings that the ISO name lists do not carry.
const ALIASES: Record<string, string> = {
  'venezuela bolivarian republic of': 'VEN',
  'bolivia plurinational state of': 'BOL',
  'iran islamic republic of': 'IRN',
  'syrian arab republic': 'SYR',
  'lao peoples democratic republic': 'LAO',
  'democratic republic of the congo': 'COD',
  'dr congo': 'COD',
  congo: 'COG',
  'republic of the congo': 'COG',
  'united republic of tanzania': 'TZA',
  'republic of korea': 'KOR',
  'democratic peoples republic of korea': 'PRK',
  'republic of moldova': 'MDA',
  'russian federation': 'RUS',
  'viet nam': 'VNM',
  'state of palestine': 'PSE',
  'occupied palestinian territory': 'PSE',
  turkiye: 'TUR',
  turkey: 'TUR',
  'the gambia': 'GMB',
  gambia: 'GMB',
  'cote divoire': 'CIV',
  'ivory coast': 'CIV',
  czechia: 'CZE',
  'united kingdom of great britain and northern ireland': 'GBR',
  uk: 'GBR',
  usa: 'USA',
  'united states': 'USA',
  'united states of america': 'USA',
  us: 'USA',
  'the bahamas': 'BHS',
  'dominican rep': 'DOM',
  'micronesia federated states of': 'FSM',
  'sao tome and principe': 'STP',
  'cabo verde': 'CPV',
  eswatini: 'SWZ',
  'north macedonia': 'MKD',
  stateless: STATELESS,
};

let index: Map<string, string> | null = null;
function nameIndex(): Map<string, string> {
  if (index) return index;
  const map = new Map<string, string>();
  for (const lang of ['en', 'es', 'fr'] as const) {
    const names = countries.getNames(lang, { select: 'all' });
    for (const [alpha2, list] of Object.entries(names)) {
      const alpha3 = countries.alpha2ToAlpha3(alpha2);
      if (!alpha3) continue;
      for (const n of list) {
        const key = normalizeName(n);
        if (key && !map.has(key)) map.set(key, alpha3);
      }
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) map.set(k, v);
  index = map;
  return map;
}

/** The ISO code of a country named in English, Spanish or French (UN spellings too), or null. */
export function resolveCountryName(name: string): string | null {
  const cached = resolved.get(name);
  if (cached !== undefined) return cached;
  const key = normalizeName(name);
  let code: string | null = null;
  if (/^[a-z]{3}$/.test(key) && isIso3(key.toUpperCase())) code = key.toUpperCase();
  else if (key) code = nameIndex().get(key) ?? null;
  // Imports repeat the same few names thousands of times; the cache is bounded.
  if (resolved.size > 50_000) resolved.clear();
  resolved.set(name, code);
  return code;
}
const resolved = new Map<string, string | null>();

/**
 * The country of a free-text location such as "Rio Bravo close to …, Piedras Negras, Coahuila,
 * Mexico": the last comma-separated part that names a country, ignoring trailing remarks
 * ("Morocco - missing during …", "Tunisia on 21 Jan").
 */
export function countryOfLocation(location: string): string | null {
  let end = location.length;
  while (end > 0) {
    const start = location.lastIndexOf(',', end - 1);
    const part = location.slice(start + 1, end).trim();
    end = start < 0 ? 0 : start;
    // Most locations end with the country's name: one cached lookup.
    const code = resolveCountryName(part) ?? resolveCountryName(part.split(REMARK)[0] ?? '');
    if (code && code !== STATELESS) return code;
  }
  return null;
}
const REMARK = /\s+[-–(]\s*|\s+\(|\s+(?:on|en route|after|during|near)\s+/i;
