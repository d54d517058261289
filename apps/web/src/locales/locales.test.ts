import { CAPABILITIES, LOCALES } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

const catalogues = { es, en, fr } as const;

/** { a: { b: 'x' } } → { 'a.b': 'x' }; anything that is not a nested object is a leaf. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(catalogues[l])])) as Record<
  (typeof LOCALES)[number],
  Map<string, unknown>
>;

describe('web UI translations', () => {
  it('has a catalogue for every supported locale', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  for (const a of LOCALES) {
    for (const b of LOCALES) {
      if (a === b) continue;
      it(`every ${a} key exists in ${b}`, () => {
        const missing = [...flat[a].keys()].filter((k) => !flat[b].has(k));
        expect(missing, `keys of ${a} missing in ${b}`).toEqual([]);
      });
    }
  }

  for (const locale of LOCALES) {
    it(`${locale}: every string is non-empty`, () => {
      const bad = [...flat[locale]]
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(bad, `empty or non-string values in ${locale}`).toEqual([]);
    });

    it(`${locale}: interpolations match the English text`, () => {
      const vars = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
      const mismatched = [...flat.en]
        .filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(flat[locale].get(k))))
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    });

    it(`${locale}: every capability has a title, a description and a basis`, () => {
      const missing = CAPABILITIES.flatMap((c) =>
        ['title', 'description', 'basis']
          .map((field) => `capabilities.${c.key}.${field}`)
          .filter((k) => {
            const v = flat[locale].get(k);
            return typeof v !== 'string' || v.trim() === '';
          }),
      );
      expect(missing).toEqual([]);
    });
  }

  it('names no capability that does not exist', () => {
    const known = new Set<string>(CAPABILITIES.map((c) => c.key));
    expect(Object.keys(es.capabilities).filter((k) => !known.has(k))).toEqual([]);
  });
});
