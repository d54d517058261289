import {
  CAPABILITIES,
  flattenMessages,
  LOCALES,
  placeholderMismatches,
  translationGaps,
} from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

const catalogues = { es, en, fr } as const;

describe('web UI translations', () => {
  it('has a catalogue for every supported locale', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  it('has every key, non-empty, in every language', () => {
    expect(translationGaps(catalogues)).toEqual([]);
  });

  it('uses the same {{placeholders}} in every language', () => {
    expect(placeholderMismatches({ en, es, fr })).toEqual([]);
  });

  it('gives every capability a title, a description and a basis', () => {
    const keys = new Set(flattenMessages(en).keys());
    const missing = CAPABILITIES.flatMap((c) =>
      ['title', 'description', 'basis'].map((f) => `capabilities.${c.key}.${f}`).filter((k) => !keys.has(k)),
    );
    expect(missing).toEqual([]);
  });

  it('names no capability that does not exist', () => {
    const known = new Set<string>(CAPABILITIES.map((c) => c.key));
    expect(Object.keys(es.capabilities).filter((k) => !known.has(k))).toEqual([]);
  });
});
