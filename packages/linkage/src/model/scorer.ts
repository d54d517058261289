import { Comparer } from '../compare/comparer';
import type { FeatureStore } from '../features';
import { clampProbability, type LinkageModel, levelWeights } from './fellegi-sunter';

/** Scores pairs of one store under one model. One per thread. */
export class PairScorer {
  readonly comparer: Comparer;
  readonly weights: Float64Array[];
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
    for (let k = 0; k < levels.length; k++) {
      const l = levels[k] ?? -1;
      if (l < 0) continue;
      w += this.weights[k]?.[l] ?? 0;
      if (l < (this.tfLevels[k] ?? 0)) w += this.tfAdjustment(k, i, j);
    }
    return w;
  }
}
