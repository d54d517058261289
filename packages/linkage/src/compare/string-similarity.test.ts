import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigramDice,
  bigrams,
  editDistance,
  editSimilarity,
  jaro,
  jaroWinkler,
  jaroWinklerAtLeast,
} from './string-similarity';

describe('Jaro and Jaro-Winkler', () => {
  it('gives the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
  });

  it('is 1 for equal strings and 0 with nothing in common', () => {
    expect(jaroWinkler('garcia', 'garcia')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('jaroWinklerAtLeast agrees with jaroWinkler above its bound and is 0 below', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.double({ min: 0.5, max: 1 }),
        (a, b, min) => {
          const full = jaroWinkler(a, b);
          const bounded = jaroWinklerAtLeast(a, b, min);
          if (full >= min) expect(bounded).toBeCloseTo(full, 12);
          else expect(bounded).toBe(0);
        },
      ),
    );
  });
});

describe('edit distance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('garcia', 'garcia')).toBe(0);
    expect(editDistance('garcia', 'gracia')).toBe(1);
    expect(editDistance('lopez', 'lopes')).toBe(1);
    expect(editDistance('ana', 'anna')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('bigram Dice', () => {
  it('ignores spaces and scores typing errors between 0 and 1', () => {
    expect(bigramDice(bigrams('pridham street'), bigrams('pridhamstreet'))).toBe(1);
    const typo = bigramDice(bigrams('wallaby place'), bigrams('wallabh place'));
    expect(typo).toBeGreaterThan(0.75);
    expect(typo).toBeLessThan(1);
  });
});

describe('similarity properties', () => {
  const word = fc.string({ maxLength: 16 });
  const similarities: [string, (a: string, b: string) => number][] = [
    ['jaro', jaro],
    ['jaroWinkler', jaroWinkler],
    ['editSimilarity', editSimilarity],
    ['bigramDice', (a, b) => bigramDice(bigrams(a), bigrams(b))],
  ];

  for (const [name, sim] of similarities) {
    it(`${name} is symmetric and within [0, 1]`, () => {
      fc.assert(
        fc.property(word, word, (a, b) => {
          const ab = sim(a, b);
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThanOrEqual(1 + 1e-12);
          expect(sim(b, a)).toBeCloseTo(ab, 12);
        }),
      );
    });

    it(`${name} is 1 for a string and itself`, () => {
      fc.assert(
        fc.property(fc.string({ minLength: 2, maxLength: 16 }), (a) => {
          expect(sim(a, a)).toBeCloseTo(1, 12);
        }),
      );
    });
  }

  it('edit distance is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});
