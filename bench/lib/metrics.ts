// Pairwise precision, recall and F1, the measure the record-linkage literature reports: over all
// pairs of records, a pair is predicted a match when the engine puts the two records in one
// cluster (deduplication) or lists them as a match (linkage), and is truly a match when the
// ground truth gives them the same entity.

export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

function score(correct: number, predicted: number, truth: number): PairwiseScore {
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = truth === 0 ? 1 : correct / truth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs: truth, predictedPairs: predicted, correctPairs: correct };
}

const pairsIn = (n: number) => (n * (n - 1)) / 2;

/** Clusters against truth, both as one label per record. Linear time: counts by (cluster, entity). */
export function scoreClusters(clusters: ArrayLike<number>, entities: readonly string[]): PairwiseScore {
  const byCluster = new Map<number, number>();
  const byEntity = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (let i = 0; i < entities.length; i++) {
    const c = clusters[i] ?? i;
    const e = entities[i] ?? '';
    byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
    byEntity.set(e, (byEntity.get(e) ?? 0) + 1);
    const k = `${c}\u0000${e}`;
    byBoth.set(k, (byBoth.get(k) ?? 0) + 1);
  }
  let predicted = 0;
  for (const n of byCluster.values()) predicted += pairsIn(n);
  let truth = 0;
  for (const n of byEntity.values()) truth += pairsIn(n);
  let correct = 0;
  for (const n of byBoth.values()) correct += pairsIn(n);
  return score(correct, predicted, truth);
}

/** Predicted pairs (distinct, unordered) against truth given as one entity label per record. */
export function scorePairs(
  pairs: readonly { left: number; right: number }[],
  leftEntities: readonly string[],
  rightEntities: readonly string[],
  truePairs: number,
): PairwiseScore {
  let correct = 0;
  for (const p of pairs) if (leftEntities[p.left] === rightEntities[p.right]) correct++;
  return score(correct, pairs.length, truePairs);
}

/** True cross pairs between two labelled files. */
export function crossPairs(left: readonly string[], right: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const e of right) counts.set(e, (counts.get(e) ?? 0) + 1);
  let total = 0;
  for (const e of left) total += counts.get(e) ?? 0;
  return total;
}

/** FEBRL ground truth: rec-<N>-org and rec-<N>-dup-<k> are the same person N. */
export function febrlEntity(id: string): string {
  const m = /^rec-(\d+)-/.exec(id);
  return m ? (m[1] ?? id) : id;
}
