export const LOCALES = ['es', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

/** A label that users configure is stored in the three languages. */
export type LocalizedText = Record<Locale, string>;

export const COUNTRY_KINDS = ['member', 'partner', 'origin', 'organisation'] as const;
export type CountryKind = (typeof COUNTRY_KINDS)[number];

export const AGENCY_KINDS = [
  'police',
  'migration',
  'public_ministry',
  'coast_guard',
  'foreign_affairs',
  'child_protection',
  'refugee_agency',
  'judiciary',
  'financial_intelligence',
  'secretariat',
  'international_organisation',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * Picks the best supported locale from an Accept-Language header
 * ("fr-CA,fr;q=0.9,en;q=0.8" → "fr"), or the default.
 */
export function resolveLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.base && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { base } of ranked) {
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return DEFAULT_LOCALE;
}
