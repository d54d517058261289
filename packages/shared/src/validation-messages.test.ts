import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resources } from './locales';
import { issueMessage, knownTimeZone, MESSAGE_FORMATTERS } from './validation-messages';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { es: { t: resources.es }, en: { t: resources.en }, fr: { t: resources.fr } },
  defaultNS: 't',
  lng: 'en',
  initAsync: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
});
for (const [name, f] of Object.entries(MESSAGE_FORMATTERS)) i18n.services.formatter?.add(name, f);

/** What a user reads for the first issue of `value` against `schema`. */
function said(schema: z.ZodType, value: unknown, lng = 'en'): string {
  const issue = schema.safeParse(value).error?.issues[0];
  if (!issue) throw new Error('no issue');
  const { key, params } = issueMessage(issue as Parameters<typeof issueMessage>[0]);
  return i18n.t(key, { lng, ...params });
}

describe('issueMessage', () => {
  it('says numbers are too large or too small, never too long', () => {
    expect(said(z.number().max(1_000_000), 2_000_000)).toBe('Too large (maximum 1,000,000).');
    expect(said(z.number().min(0), -5, 'fr')).toBe('Trop petit (minimum 0).');
    expect(said(z.number().lt(5), 5)).toBe('Must be less than 5.');
    expect(said(z.number().int(), 3.5, 'es')).toBe('Escriba un número entero.');
  });

  it('says texts are too long or too short in characters, with plurals of each language', () => {
    expect(said(z.string().max(300), 'x'.repeat(301))).toBe('Too long (at most 300 characters).');
    expect(said(z.string().max(1), 'xy')).toBe('Too long (at most 1 character).');
    expect(said(z.string().max(1), 'xy', 'fr')).toBe('Trop long (1 caractère au plus).');
    expect(said(z.string().min(3), 'x', 'es')).toBe('Demasiado corto (al menos 3 caracteres).');
    expect(said(z.string().trim().min(1), '  ')).toBe('This field is required.');
    expect(said(z.string().max(1_000_000), 'x'.repeat(1_000_001), 'fr')).toBe(
      'Trop long (1\u202f000\u202f000 de caractères au plus).',
    );
  });

  it('says lists have too many items, and dates are formatted, never raw', () => {
    expect(said(z.array(z.number()).max(2), [1, 2, 3])).toBe('Too many items (at most 2).');
    expect(said(z.date().min(new Date('1990-01-01')), new Date('1980-01-01'), 'es')).toBe(
      'La fecha no puede ser anterior al 1 de enero de 1990.',
    );
    expect(said(z.iso.date(), '2026-02-30')).toBe('Enter a valid date (year-month-day).');
    expect(said(z.object({ a: z.number() }).strict(), { a: 1, b: 2 })).toBe('This field is not allowed.');
  });

  it('says what a refinement names', () => {
    const amount = z.number().refine((v) => Number.isInteger(v * 100), {
      params: { message: 'decimals', count: 2 },
    });
    expect(said(amount, 1.234)).toBe('At most 2 decimal places.');
  });
});

describe('dates in messages', () => {
  it('shows a calendar date as that day and an instant in the reader’s time zone', () => {
    expect(MESSAGE_FORMATTERS.day('2026-03-01', 'fr', {})).toBe('1 mars 2026');
    expect(
      MESSAGE_FORMATTERS.instant('2026-03-01T05:00:00Z', 'en', { timeZone: 'America/Mexico_City' }),
    ).toBe('February 28, 2026 at 11:00 PM');
    expect(knownTimeZone('America/Guatemala')).toBe('America/Guatemala');
    expect(knownTimeZone('Mars/Olympus')).toBeNull();
    expect(knownTimeZone('<script>')).toBeNull();
  });
});
