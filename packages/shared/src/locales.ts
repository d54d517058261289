import en from '../locales/en.json';
import es from '../locales/es.json';
import fr from '../locales/fr.json';
import ht from '../locales/ht.json';
import type { DocumentLocale } from './documents';
import type { Locale } from './enums';

export type Messages = typeof en;
export const resources: Record<Locale, Messages> = { es, en, fr };

/**
 * The words of generated documents in every document language: the interface's three, and
 * Haitian Creole, which has only this part (`locales/ht.json`).
 */
export const documentResources: Record<DocumentLocale, Pick<Messages, 'documents'>> = { es, en, fr, ht };

/** Every leaf of nested messages, by dotted key. */
export function flattenMessages(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(messages)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [kk, vv] of flattenMessages(v, `${prefix}${k}.`)) out.set(kk, vv);
    } else out.set(`${prefix}${k}`, v);
  }
  return out;
}

const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;

/**
 * Keys that some language has and another lacks (or leaves empty), as "locale: key".
 * Plurals follow each language's CLDR rules (i18next's `key_one`, `key_many`, `key_other`): a
 * message with a plural form in any language needs every category of each language (French and
 * Spanish have "many": "1 000 000 d’erreurs"), and English needs no "many".
 * Used by the tests of the server's and the web app's messages.
 */
export function translationGaps(bundles: Record<string, object>): string[] {
  const flat = Object.entries(bundles).map(([locale, b]) => [locale, flattenMessages(b)] as const);
  const all = new Set(flat.flatMap(([, m]) => [...m.keys()]));
  const plurals = new Set<string>();
  for (const key of all) {
    const m = PLURAL_KEY.exec(key);
    if (m?.[1]) plurals.add(m[1]);
  }
  const gaps: string[] = [];
  const missing = (v: unknown) => typeof v !== 'string' || v.trim() === '';
  for (const [locale, values] of flat) {
    for (const key of all) {
      const base = PLURAL_KEY.exec(key)?.[1];
      if (base && plurals.has(base)) continue;
      if (missing(values.get(key))) gaps.push(`${locale}: ${key}`);
    }
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const base of plurals) {
      for (const category of categories) {
        if (missing(values.get(`${base}_${category}`))) gaps.push(`${locale}: ${base}_${category}`);
      }
    }
  }
  return gaps.sort();
}

/** Keys whose {{placeholders}} differ between languages, as "locale: key". */
export function placeholderMismatches(bundles: Record<string, object>): string[] {
  const names = (s: unknown) =>
    [...String(s).matchAll(/\{\{\s*(\w+)/g)]
      .map((m) => m[1])
      .sort()
      .join(',');
  const flat = Object.entries(bundles).map(([locale, b]) => [locale, flattenMessages(b)] as const);
  const [, reference] = flat[0] ?? ['', new Map<string, unknown>()];
  const out: string[] = [];
  for (const [locale, values] of flat.slice(1)) {
    for (const [key, v] of reference) {
      if (values.has(key) && names(v) !== names(values.get(key))) out.push(`${locale}: ${key}`);
    }
  }
  return out.sort();
}
