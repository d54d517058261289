import { blockingKeys, DEFAULT_THRESHOLD, type DedupeResult, type PersonRecord } from '@enlace/linkage';

// Where a deduplication loses its recall (issue 13): every true pair of records the engine did
// not put in one cluster is given the first cause that explains it.
//   scoring     the pair, compared, scores below the threshold (the model's weights say no)
//   clustering  the pair was compared and accepted, but average linkage kept the two apart
//   capped      never compared although the two share a blocking key: their blocks were all
//               capped or dropped for size
//   unblocked   never compared: the two share no blocking key at all
// Each figure is the share of all true pairs, so found + the four causes = 1.

export interface RecallLoss {
  truePairs: number;
  found: number;
  scoring: number;
  clustering: number;
  capped: number;
  unblocked: number;
}

export function recallLoss(
  result: Pick<DedupeResult, 'clusters' | 'pairs' | 'explain'> & { stats?: { threshold?: number } },
  record: (i: number) => Omit<PersonRecord, 'id'>,
  entities: readonly string[],
  threshold = result.stats?.threshold ?? DEFAULT_THRESHOLD,
): RecallLoss {
  const byEntity = new Map<string, number[]>();
  entities.forEach((e, i) => {
    const list = byEntity.get(e);
    if (list) list.push(i);
    else byEntity.set(e, [i]);
  });
  const accepted = new Set<string>();
  for (const p of result.pairs) accepted.add(`${p.left}:${p.right}`);
  const keys = new Map<number, Set<string>>();
  const keysOf = (i: number) => {
    let k = keys.get(i);
    if (!k) {
      k = new Set(blockingKeys(record(i)));
      keys.set(i, k);
    }
    return k;
  };
  const counts = { truePairs: 0, found: 0, scoring: 0, clustering: 0, capped: 0, unblocked: 0 };
  for (const members of byEntity.values()) {
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a] ?? 0;
        const j = members[b] ?? 0;
        counts.truePairs++;
        if (result.clusters[i] === result.clusters[j]) {
          counts.found++;
          continue;
        }
        const [x, y] = i < j ? [i, j] : [j, i];
        if (result.explain(x, y).probability < threshold) counts.scoring++;
        else if (accepted.has(`${x}:${y}`)) counts.clustering++;
        else {
          const kx = keysOf(x);
          let shared = false;
          for (const k of keysOf(y)) if (kx.has(k)) shared = true;
          if (shared) counts.capped++;
          else counts.unblocked++;
        }
      }
    }
  }
  const n = Math.max(1, counts.truePairs);
  return {
    truePairs: counts.truePairs,
    found: counts.found / n,
    scoring: counts.scoring / n,
    clustering: counts.clustering / n,
    capped: counts.capped / n,
    unblocked: counts.unblocked / n,
  };
}

export function formatRecallLoss(l: RecallLoss): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  return `lost: scoring ${pct(l.scoring)} · clustering ${pct(l.clustering)} · capped blocks ${pct(l.capped)} · no shared key ${pct(l.unblocked)}`;
}
