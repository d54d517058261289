import { clampProbability } from './fellegi-sunter';

// Expectation-maximisation over comparison patterns. Pairs with the same vector of levels are
// interchangeable for the model, so EM runs over the distinct patterns and their counts: a few
// thousand rows however many millions of pairs were compared.

const BASE = 8;

/** Counts of comparison vectors, keyed by a mixed-radix code (level + 1 per digit; 0 is missing). */
export class PatternCounts {
  static readonly BASE = BASE;
  readonly counts = new Map<number, number>();
  constructor(readonly width: number) {}

  static encode(levels: ArrayLike<number>, width: number): number {
    let key = 0;
    for (let k = width - 1; k >= 0; k--) key = key * BASE + ((levels[k] ?? -1) + 1);
    return key;
  }

  add(levels: ArrayLike<number>, count = 1): void {
    const key = PatternCounts.encode(levels, this.width);
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  addKey(key: number, count: number): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
  }

  merge(other: PatternCounts): void {
    for (const [k, c] of other.counts) this.addKey(k, c);
  }

  get total(): number {
    let t = 0;
    for (const c of this.counts.values()) t += c;
    return t;
  }

  /** Decoded patterns: row p holds the levels of pattern p (-1 for missing). */
  decode(): { levels: Int8Array; counts: Float64Array; rows: number; extra: Int32Array } {
    const rows = this.counts.size;
    const levels = new Int8Array(rows * this.width);
    const counts = new Float64Array(rows);
    const extra = new Int32Array(rows);
    let p = 0;
    for (const [key, count] of this.counts) {
      let rest = key;
      for (let k = 0; k < this.width; k++) {
        levels[p * this.width + k] = (rest % BASE) - 1;
        rest = Math.floor(rest / BASE);
      }
      counts[p] = count;
      extra[p] = rest;
      p++;
    }
    return { levels, counts, rows, extra };
  }
}

export interface EmParameters {
  m: number[][];
  u: number[][];
  prior: number;
}

export interface EmOptions {
  /** Keep u as given (estimated from random pairs) and learn only m and the prior. */
  fixU: boolean;
  /** Keep m as given (estimated elsewhere) and learn only u and the prior. */
  fixM?: boolean;
  /** Comparisons left out of the likelihood: those the training pairs were blocked on. */
  exclude?: ReadonlySet<number>;
  maxIterations?: number;
  tolerance?: number;
}

export interface EmResult extends EmParameters {
  iterations: number;
  converged: boolean;
}

/** Fellegi-Sunter EM (Winkler 1988, Jaro 1989) on pattern counts. */
export function expectationMaximisation(
  patterns: PatternCounts,
  init: EmParameters,
  options: EmOptions,
): EmResult {
  const { levels, counts, rows } = patterns.decode();
  const K = patterns.width;
  const exclude = options.exclude ?? new Set<number>();
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  let m = init.m.map((r) => r.slice());
  let u = init.u.map((r) => r.slice());
  let prior = init.prior;
  const post = new Float64Array(rows);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const logM = m.map((r) => r.map((v) => Math.log(clampProbability(v))));
    const logU = u.map((r) => r.map((v) => Math.log(clampProbability(v))));
    const logPrior = Math.log(clampProbability(prior));
    const logNotPrior = Math.log(clampProbability(1 - prior));
    let matched = 0;
    let total = 0;
    for (let p = 0; p < rows; p++) {
      let a = logPrior;
      let b = logNotPrior;
      for (let k = 0; k < K; k++) {
        const l = levels[p * K + k] ?? -1;
        if (l < 0 || exclude.has(k)) continue;
        a += logM[k]?.[l] ?? 0;
        b += logU[k]?.[l] ?? 0;
      }
      const w = 1 / (1 + Math.exp(b - a));
      post[p] = w;
      const c = counts[p] ?? 0;
      matched += c * w;
      total += c;
    }
    const newM = m.map((r) => r.map(() => 0));
    const newU = u.map((r) => r.map(() => 0));
    for (let p = 0; p < rows; p++) {
      const c = counts[p] ?? 0;
      const w = post[p] ?? 0;
      for (let k = 0; k < K; k++) {
        const l = levels[p * K + k] ?? -1;
        if (l < 0) continue;
        const mk = newM[k] as number[];
        const uk = newU[k] as number[];
        mk[l] = (mk[l] ?? 0) + c * w;
        uk[l] = (uk[l] ?? 0) + c * (1 - w);
      }
    }
    const normalise = (rowsIn: number[][], previous: number[][]) =>
      rowsIn.map((r, k) => {
        const s = r.reduce((x, y) => x + y, 0);
        // A comparison that was excluded or never observed keeps its previous values.
        if (s <= 0 || exclude.has(k)) return previous[k] as number[];
        // A small Dirichlet pseudo-count keeps a level never seen among matches possible: a
        // nationality that "never" disagrees must not veto a match by itself.
        const alpha = Math.min(1, s * 1e-3);
        return r.map((v) => Math.max((v + alpha) / (s + alpha * r.length), PROBABILITY_MIN));
      });
    const nextM = options.fixM ? m : normalise(newM, m);
    const nextU = options.fixU ? u : normalise(newU, u);
    const nextPrior = total > 0 ? matched / total : prior;
    let delta = Math.abs(nextPrior - prior);
    for (let k = 0; k < K; k++) {
      const a = nextM[k] as number[];
      const b = m[k] as number[];
      for (let l = 0; l < a.length; l++) delta = Math.max(delta, Math.abs((a[l] ?? 0) - (b[l] ?? 0)));
    }
    m = nextM;
    u = nextU;
    prior = nextPrior;
    if (delta < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { m, u, prior, iterations, converged };
}

const PROBABILITY_MIN = 1e-7;

/**
 * The probability that two records drawn at random are the same person, by EM over every
 * possible pair: candidate pairs contribute their posterior, the pairs blocking never proposed
 * are taken as non-matches. `weights` are the per-level log2(m/u).
 */
export function estimatePrior(
  patterns: PatternCounts,
  weights: Float64Array[],
  totalPairs: number,
  /** Weights by the digit above the pattern's levels (0: the ordinary ones). */
  extraWeights?: (digit: number) => Float64Array[] | undefined,
): number {
  const { levels, counts, rows, extra } = patterns.decode();
  const K = patterns.width;
  const sums = new Float64Array(rows);
  for (let p = 0; p < rows; p++) {
    const digit = extra[p] ?? 0;
    const w = (digit > 0 ? extraWeights?.(digit) : undefined) ?? weights;
    let s = 0;
    for (let k = 0; k < K; k++) {
      const l = levels[p * K + k] ?? -1;
      if (l >= 0) s += w[k]?.[l] ?? 0;
    }
    sums[p] = s;
  }
  let prior = Math.min(0.5, Math.max(1 / totalPairs, patterns.total / totalPairs / 10));
  for (let it = 0; it < 100; it++) {
    const logOdds = Math.log2(prior / (1 - prior));
    let expected = 0;
    for (let p = 0; p < rows; p++) expected += (counts[p] ?? 0) / (1 + 2 ** -((sums[p] ?? 0) + logOdds));
    const next = Math.min(0.5, Math.max(1 / (totalPairs * 10), expected / totalPairs));
    if (Math.abs(next - prior) <= prior * 1e-6) {
      prior = next;
      break;
    }
    prior = next;
  }
  return prior;
}
