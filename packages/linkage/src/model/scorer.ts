import { Comparer } from '../compare/comparer';
import type { FeatureStore } from '../features';
import { PatternCounts } from './em';
import {
  clampProbability,
  familyBucket,
  type LinkageModel,
  levelWeights,
  SAME_FAMILY_LEVELS,
  sameFamilyWeights,
} from './fellegi-sunter';

/** Scores pairs of one store under one model. One per thread. */
export class PairScorer {
  readonly comparer: Comparer;
  readonly weights: Float64Array[];
  /** Weights once the family names agree (relatives share the rest), or the ordinary ones. */
  readonly familyWeights: Float64Array[][];
  private readonly familyIndex: number;
  private readonly familyIds: ArrayLike<number>;
  private readonly familyCounts: ArrayLike<number>;
  /** Family-count range + 1 of the last pair scored when it used same-family weights, else 0. */
  sameFamily = 0;
  readonly levels: Int8Array;
  /** Per comparison: u of the levels the adjustment covers, summed (the baseline it replaces). */
  private readonly uExact: Float64Array;
  private readonly tfLevels: Int8Array;
  private readonly tfCap: number;

  constructor(store: FeatureStore, model: LinkageModel, comparer?: Comparer) {
    this.comparer = comparer ?? new Comparer(store);
    const fields = this.comparer.specs.map((s) => s.field);
    const modelFields = model.comparisons.map((c) => c.field);
    if (fields.join() !== modelFields.join()) {
      throw new Error(
        `The model compares ${modelFields.join(', ')} but the records have ${fields.join(', ')}`,
      );
    }
    this.weights = levelWeights(model);
    const family = sameFamilyWeights(model);
    this.familyWeights = family?.weights ?? [];
    this.familyIndex = family?.on ?? -1;
    this.familyIds = store.family?.value.ids ?? [];
    this.familyCounts = store.family?.value.counts ?? [];
    this.levels = new Int8Array(fields.length);
    this.tfLevels = Int8Array.from(model.comparisons, (c) => (c.tf ? (c.tfLevels ?? 1) : 0));
    this.uExact = Float64Array.from(model.comparisons, (c, k) => {
      const u = c.u;
      let sum = 0;
      for (let l = 0; l < (this.tfLevels[k] ?? 0); l++) sum += u[l] ?? 0;
      return clampProbability(sum);
    });
    this.tfCap = model.tfCap;
  }

  /**
   * Adjustment of an exact match for how common the shared value is: sharing a rare surname
   * says more than sharing the commonest one. Replaces u of the exact level by the value's
   * frequency, bounded by tfCap bits either way.
   */
  /** Whether level l of comparison k is adjusted for term frequency. */
  adjusts(k: number, l: number): boolean {
    return l >= 0 && l < (this.tfLevels[k] ?? 0);
  }

  /** Weights the last pair scored was scored with. */
  lastWeights(): Float64Array[] {
    return this.sameFamily > 0 ? (this.familyWeights[this.sameFamily - 1] ?? this.weights) : this.weights;
  }

  /** Pattern key of the last pair scored, its family-count range as one more digit. */
  patternKey(): number {
    const width = this.levels.length;
    return PatternCounts.encode(this.levels, width) + this.sameFamily * PatternCounts.BASE ** width;
  }

  tfAdjustment(k: number, i: number, j: number): number {
    const f = this.comparer.termFrequency(k, i, j);
    if (f <= 0) return 0;
    const adj = Math.log2((this.uExact[k] ?? 1) / f);
    return Math.max(-this.tfCap, Math.min(this.tfCap, adj));
  }

  /** Match weight of records i and j in bits, without the prior. Leaves the levels in `levels`. */
  score(i: number, j: number): number {
    const levels = this.levels;
    this.comparer.compare(i, j, levels);
    let w = 0;
    const fl = this.familyIndex >= 0 ? (levels[this.familyIndex] ?? -1) : -1;
    this.sameFamily = 0;
    let weights = this.weights;
    if (fl >= 0 && fl < SAME_FAMILY_LEVELS) {
      const ci = this.familyCounts[this.familyIds[i] ?? -1] ?? 0;
      const cj = this.familyCounts[this.familyIds[j] ?? -1] ?? 0;
      const b = familyBucket(Math.max(ci, cj));
      weights = this.familyWeights[b] ?? weights;
      this.sameFamily = b + 1;
    }
    for (let k = 0; k < levels.length; k++) {
      const l = levels[k] ?? -1;
      if (l < 0) continue;
      w += weights[k]?.[l] ?? 0;
      if (l < (this.tfLevels[k] ?? 0)) w += this.tfAdjustment(k, i, j);
    }
    return w;
  }
}
