import { describe, expect, it } from 'vitest';
import { DOCUMENT_LOCALES } from './documents';
import { LOCALES, resolveLocale } from './enums';
import {
  documentResources,
  flattenMessages,
  placeholderMismatches,
  resources,
  translationGaps,
} from './locales';

describe('server messages', () => {
  it('exist in Spanish, English and French for every key', () => {
    expect(Object.keys(resources).sort()).toEqual([...LOCALES].sort());
    expect(translationGaps(resources)).toEqual([]);
    expect(placeholderMismatches(resources)).toEqual([]);
  });

  it('give generated documents their words in every document language, Haitian Creole included', () => {
    expect(Object.keys(documentResources).sort()).toEqual([...DOCUMENT_LOCALES].sort());
    // Creole has the documents' words only: anything else would be a half-translated interface.
    expect(Object.keys(documentResources.ht)).toEqual(['documents']);
    const documents = Object.fromEntries(
      Object.entries(documentResources).map(([l, m]) => [l, { documents: m.documents }]),
    );
    expect(translationGaps(documents)).toEqual([]);
    expect(placeholderMismatches(documents)).toEqual([]);
  });

  it('cover every error code the API can answer with', () => {
    const keys = new Set(flattenMessages(resources.en).keys());
    for (const code of [
      'not_found',
      'unauthenticated',
      'forbidden',
      'csrf',
      'invalid_credentials',
      'validation',
    ]) {
      expect(keys.has(`errors.${code}`), code).toBe(true);
    }
  });
});

describe('translationGaps', () => {
  it('names a key missing in one language', () => {
    const gaps = translationGaps({
      es: { a: { b: 'hola', c: 'adiós' } },
      en: { a: { b: 'hello', c: 'bye' } },
      fr: { a: { b: 'bonjour' } },
    });
    expect(gaps).toEqual(['fr: a.c']);
  });

  it('names a placeholder that one language forgot', () => {
    expect(placeholderMismatches({ en: { x: 'wait {{n}} s' }, fr: { x: 'attendez' } })).toEqual(['fr: x']);
  });

  it('asks each language for the plural forms of its own rules', () => {
    const gaps = translationGaps({
      es: { n_one: '{{count}} error', n_other: '{{count}} errores' },
      en: { n_one: '{{count}} error', n_other: '{{count}} errors' },
      fr: { n_one: '{{count}} erreur', n_many: '{{count}} d’erreurs', n_other: '{{count}} erreurs' },
    });
    expect(gaps).toEqual(['es: n_many']);
  });

  it('names an empty translation', () => {
    expect(translationGaps({ es: { x: 'sí' }, en: { x: ' ' } })).toEqual(['en: x']);
  });
});

describe('resolveLocale', () => {
  it('takes the best-ranked supported language from Accept-Language', () => {
    expect(resolveLocale('de-DE,fr-CA;q=0.8,en;q=0.5')).toBe('fr');
    expect(resolveLocale('en-US,en;q=0.9')).toBe('en');
    expect(resolveLocale('pt-BR;q=0.9,es;q=0.4')).toBe('es');
  });

  it('falls back to Spanish when nothing matches or the header is absent or odd', () => {
    expect(resolveLocale(undefined)).toBe('es');
    expect(resolveLocale('de,it;q=0.5')).toBe('es');
    expect(resolveLocale('fr;q=0')).toBe('es');
    expect(resolveLocale(';;,')).toBe('es');
  });
});
