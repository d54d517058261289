import type { ComparisonSpec } from '../compare/comparer';

// The Fellegi-Sunter model: for every comparison level, m = P(level | same person) and
// u = P(level | different people). A pair's match weight is the sum of log2(m/u) over its
// comparisons (missing values add nothing) plus the log-odds of the prior; its probability is
// the logistic of that weight.

export interface ComparisonParams {
  field: string;
  levels: readonly string[];
  m: number[];
  u: number[];
  tf: boolean;
  /** Levels (from the strongest) the term-frequency adjustment applies to; 1 when absent. */
  tfLevels?: number;
  /**
   * u among pairs of different people who share their family names: relatives (siblings, twins,
   * a father and his son) share birthplace, nationality and often dates, so once the family
   * names agree the other fields' agreement is less surprising than among random pairs.
   */
  uSameFamily?: number[][];
}

export interface LinkageModel {
  comparisons: ComparisonParams[];
  /** Probability that two records drawn at random are the same person. */
  prior: number;
  /** Bound, in bits, on one term-frequency adjustment. */
  tfCap: number;
}

export const PROBABILITY_FLOOR = 1e-6;

export function clampProbability(p: number): number {
  return Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, p));
}

/** Initial m values: most weight on the strongest level, decreasing geometrically. */
export function defaultM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, l) => (l === levels - 1 ? 0.05 : 0.9 * 0.25 ** l));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / total);
}

/**
 * Prior beliefs about m by kind of comparison, from how registrations go wrong: most matches
 * agree exactly, a fair share show a variant, a dropped name or a partial date, few disagree.
 * They start EM and, as a handful of pseudo-matches, keep a small file's estimates sensible; a
 * file with thousands of matches overrides them.
 */
export function priorM(spec: ComparisonSpec): number[] {
  const byKind: Record<string, number[]> = {
    names: [0.55, 0.12, 0.15, 0.12, 0.03, 0.02, 0.01],
    date: [0.6, 0.04, 0.1, 0.2, 0.04, 0.01, 0.01],
    exact: [0.97, 0.03],
    code: [0.85, 0.08, 0.07],
    text: [0.7, 0.15, 0.08, 0.07],
  };
  const m = byKind[spec.kind];
  if (m && m.length === spec.levels.length) return m.slice();
  return defaultM(spec.levels.length);
}

export function emptyModel(specs: readonly ComparisonSpec[]): LinkageModel {
  return {
    comparisons: specs.map((s) => ({
      field: s.field,
      levels: s.levels,
      m: priorM(s),
      u: Array.from({ length: s.levels.length }, (_, l) =>
        l === s.levels.length - 1 ? 0.9 : 0.1 / (s.levels.length - 1),
      ),
      tf: s.tf,
      tfLevels: s.tfLevels ?? 1,
    })),
    prior: 1e-4,
    tfCap: 8,
  };
}

/** log2(m/u) per comparison and level. */
export function levelWeights(model: LinkageModel): Float64Array[] {
  return model.comparisons.map((c) =>
    Float64Array.from(c.m, (m, l) => Math.log2(clampProbability(m) / clampProbability(c.u[l] ?? 1))),
  );
}

export function logit2(p: number): number {
  const q = clampProbability(p);
  return Math.log2(q / (1 - q));
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** Family-name levels under which the same-family u applies: exact or the same words. */
export const SAME_FAMILY_LEVELS = 2;

/**
 * Bounds on how many records carry the shared family names, one same-family u per range: among
 * pairs sharing a rare surname most non-matches are relatives, among those sharing the commonest
 * few are. Counts, not shares, so the estimates do not move with the size of the register.
 */
export const FAMILY_COUNT_BOUNDS = [3, 8, 24, 80, 300, Number.POSITIVE_INFINITY] as const;

export function familyBucket(count: number): number {
  let b = 0;
  while (count > (FAMILY_COUNT_BOUNDS[b] ?? Number.POSITIVE_INFINITY)) b++;
  return b;
}

/**
 * log2(m/u) per family-count range, comparison and level given that the family names agree, or
 * undefined when the model has no same-family u. The family comparison keeps its ordinary weight.
 */
export function sameFamilyWeights(
  model: LinkageModel,
): { on: number; weights: Float64Array[][] } | undefined {
  const on = model.comparisons.findIndex((c) => c.field === 'family_names');
  if (on < 0 || !model.comparisons.some((c) => c.uSameFamily)) return undefined;
  const weights = FAMILY_COUNT_BOUNDS.map((_, b) =>
    model.comparisons.map((c, k) =>
      Float64Array.from(c.m, (m, l) => {
        const u = k !== on && c.uSameFamily?.[b] ? (c.uSameFamily[b]?.[l] ?? 1) : (c.u[l] ?? 1);
        return Math.log2(clampProbability(m) / clampProbability(u));
      }),
    ),
  );
  return { on, weights };
}
