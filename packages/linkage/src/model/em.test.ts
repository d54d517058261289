import { describe, expect, it } from 'vitest';
import { defaultM } from './fellegi-sunter';
import { estimatePrior, expectationMaximisation, PatternCounts } from './em';

// A known case: three comparisons, counts generated exactly from given m, u and prior.
const TRUE_M = [
  [0.85, 0.1, 0.05],
  [0.9, 0.1],
  [0.7, 0.2, 0.1],
];
const TRUE_U = [
  [0.02, 0.08, 0.9],
  [0.3, 0.7],
  [0.05, 0.15, 0.8],
];
const TRUE_PRIOR = 0.15;

function knownPatterns(total: number): PatternCounts {
  const patterns = new PatternCounts(3);
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 2; b++) {
      for (let c = 0; c < 3; c++) {
        const m = (TRUE_M[0]?.[a] ?? 0) * (TRUE_M[1]?.[b] ?? 0) * (TRUE_M[2]?.[c] ?? 0);
        const u = (TRUE_U[0]?.[a] ?? 0) * (TRUE_U[1]?.[b] ?? 0) * (TRUE_U[2]?.[c] ?? 0);
        patterns.add([a, b, c], total * (TRUE_PRIOR * m + (1 - TRUE_PRIOR) * u));
      }
    }
  }
  return patterns;
}

describe('expectation-maximisation', () => {
  it('recovers m, u and the prior of a known mixture from a neutral start', () => {
    const result = expectationMaximisation(
      knownPatterns(1_000_000),
      {
        m: TRUE_M.map((r) => defaultM(r.length)),
        u: TRUE_U.map((r) => r.map(() => 1 / r.length)),
        prior: 0.3,
      },
      { fixU: false, maxIterations: 2000, tolerance: 1e-9 },
    );
    expect(result.converged).toBe(true);
    expect(result.prior).toBeCloseTo(TRUE_PRIOR, 2);
    for (const [k, row] of result.m.entries()) {
      for (const [l, v] of row.entries()) expect(v).toBeCloseTo(TRUE_M[k]?.[l] ?? 0, 2);
    }
    for (const [k, row] of result.u.entries()) {
      for (const [l, v] of row.entries()) expect(v).toBeCloseTo(TRUE_U[k]?.[l] ?? 0, 2);
    }
  });

  it('learns m with u held at known values, and leaves excluded comparisons alone', () => {
    const start = TRUE_M.map((r) => defaultM(r.length));
    const result = expectationMaximisation(
      knownPatterns(100_000),
      { m: start, u: TRUE_U, prior: 0.5 },
      { fixU: true, exclude: new Set([1]), tolerance: 1e-9, maxIterations: 2000 },
    );
    expect(result.prior).toBeCloseTo(TRUE_PRIOR, 2);
    for (const [l, v] of (result.m[0] ?? []).entries()) expect(v).toBeCloseTo(TRUE_M[0]?.[l] ?? 0, 2);
    expect(result.m[1]).toEqual(start[1]);
    expect(result.u).toEqual(TRUE_U);
  });

  it('missing levels carry no evidence', () => {
    const patterns = new PatternCounts(2);
    patterns.add([0, -1], 100);
    patterns.add([1, -1], 900);
    const { levels, rows } = patterns.decode();
    expect(rows).toBe(2);
    expect(Array.from(levels)).toEqual(expect.arrayContaining([-1]));
  });
});

describe('estimatePrior', () => {
  it('finds the share of matches among all pairs from the candidates', () => {
    // 1000 clear matches (weight +20 bits) among 10,000 candidates out of 1,000,000 pairs.
    const patterns = new PatternCounts(1);
    patterns.add([0], 1000);
    patterns.add([1], 9000);
    const prior = estimatePrior(patterns, [Float64Array.of(20, -20)], 1_000_000);
    expect(prior).toBeCloseTo(1000 / 1_000_000, 5);
  });
});
