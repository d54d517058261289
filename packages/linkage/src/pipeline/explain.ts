import type { LinkageModel } from '../model/fellegi-sunter';
import { logit2, probabilityFromWeight } from '../model/fellegi-sunter';
import type { PairScorer } from '../model/scorer';
import { cell } from '../io/csv';
import type { CanonicalField, RecordTable } from '../schema';

// An officer must be able to justify a match: each comparison's level and the weight of
// evidence it contributed, in bits (log2 of the likelihood ratio), plus the prior.

export interface FieldExplanation {
  field: string;
  left: string;
  right: string;
  /** The comparison level reached, or null when a value is missing (no evidence either way). */
  level: string | null;
  /** log2(m/u) of the level: positive favours a match. */
  weight: number;
  /** Correction for how common the shared value is (a common surname says less). */
  frequencyAdjustment: number;
}

export interface PairExplanation {
  /** Log2 odds that two records drawn at random are the same person. */
  prior: number;
  fields: FieldExplanation[];
  /** Prior plus every field's weight and adjustment. */
  total: number;
  probability: number;
}

function rawValue(tables: readonly RecordTable[], record: number, field: string): string {
  let offset = record;
  for (const t of tables) {
    if (offset < t.ids.length) {
      const column = t.columns[field as CanonicalField];
      return column ? cell(column, offset) : '';
    }
    offset -= t.ids.length;
  }
  return '';
}

export function explainPair(
  scorer: PairScorer,
  model: LinkageModel,
  tables: readonly RecordTable[],
  i: number,
  j: number,
): PairExplanation {
  scorer.score(i, j);
  const levels = scorer.levels;
  const prior = logit2(model.prior);
  let total = prior;
  const fields = model.comparisons.map((c, k): FieldExplanation => {
    const l = levels[k] ?? -1;
    const weight = l >= 0 ? (scorer.lastWeights()[k]?.[l] ?? 0) : 0;
    const frequencyAdjustment = scorer.adjusts(k, l) ? scorer.tfAdjustment(k, i, j) : 0;
    total += weight + frequencyAdjustment;
    return {
      field: c.field,
      left: rawValue(tables, i, c.field),
      right: rawValue(tables, j, c.field),
      level: l >= 0 ? (c.levels[l] ?? null) : null,
      weight,
      frequencyAdjustment,
    };
  });
  return { prior, fields, total, probability: probabilityFromWeight(total) };
}
