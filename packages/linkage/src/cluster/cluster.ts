// Turning matched pairs into people. Taking connected components of the match graph would let
// one weak or wrong link chain two people together (a father matched to a record without a
// birth date, that record matched to his son). Instead each component is re-clustered by
// average linkage over the match weights (log-odds) of all its pairs, including the pairs
// blocking never proposed, which are scored directly. Averaging log-odds rather than
// probabilities lets a sparse record (no date, no birthplace) join the registrations it
// resembles, while one clear contradiction (a birth date twenty years apart) outweighs several
// agreements.

export interface Edge {
  x: number;
  y: number;
  probability: number;
  /** Match weight in bits, prior included: the log2 odds behind `probability`. */
  weight: number;
}

export interface ClusterOptions {
  /** Match probability at which pairs link and at which groups' average odds let them merge. */
  threshold: number;
  /** Components up to this size are scored pair by pair; larger ones use their edges only. */
  maxDenseComponent?: number;
  /** Weight (log2 odds) of a pair that is not among the edges, scored on demand. */
  pairWeight?: (x: number, y: number) => number;
}

/** Weights are clipped so that one overwhelming agreement cannot hide a contradiction. */
const WEIGHT_CLIP = 16;
/** Weight assumed for a pair that was not scored (sparse components): clearly not a match. */
const UNSCORED_WEIGHT = -WEIGHT_CLIP;

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while ((this.parent[r] ?? r) !== r) r = this.parent[r] ?? r;
    let c = x;
    while (c !== r) {
      const next = this.parent[c] ?? r;
      this.parent[c] = r;
      c = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function clip(w: number): number {
  return Math.max(-WEIGHT_CLIP, Math.min(WEIGHT_CLIP, w));
}

/**
 * Average-linkage agglomeration of `size` items given their pairwise weights: repeatedly merges
 * the two groups with the highest average weight while it reaches `threshold` (log2 odds).
 * Returns a group label per item.
 */
export function averageLinkage(
  size: number,
  weight: (a: number, b: number) => number,
  threshold: number,
): Int32Array {
  const sums: Float64Array[] = [];
  for (let a = 0; a < size; a++) {
    const row = new Float64Array(size);
    for (let b = 0; b < size; b++) if (a !== b) row[b] = clip(weight(a, b));
    sums.push(row);
  }
  const groupSize = new Int32Array(size).fill(1);
  const alive = new Uint8Array(size).fill(1);
  const label = new Int32Array(size);
  for (let i = 0; i < size; i++) label[i] = i;
  for (;;) {
    let best = -Infinity;
    let ba = -1;
    let bb = -1;
    for (let a = 0; a < size; a++) {
      if (!alive[a]) continue;
      const row = sums[a] as Float64Array;
      for (let b = a + 1; b < size; b++) {
        if (!alive[b]) continue;
        const avg = (row[b] ?? 0) / ((groupSize[a] ?? 1) * (groupSize[b] ?? 1));
        if (avg > best) {
          best = avg;
          ba = a;
          bb = b;
        }
      }
    }
    if (ba < 0 || best < threshold) break;
    const rowA = sums[ba] as Float64Array;
    const rowB = sums[bb] as Float64Array;
    for (let c = 0; c < size; c++) {
      if (!alive[c] || c === ba || c === bb) continue;
      const v = (rowA[c] ?? 0) + (rowB[c] ?? 0);
      rowA[c] = v;
      (sums[c] as Float64Array)[ba] = v;
    }
    groupSize[ba] = (groupSize[ba] ?? 0) + (groupSize[bb] ?? 0);
    alive[bb] = 0;
    for (let i = 0; i < size; i++) if (label[i] === bb) label[i] = ba;
  }
  return label;
}

function logit2(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log2(q / (1 - q));
}

/**
 * Clusters n records from their matching edges. Returns a cluster number per record (the
 * smallest record number in the cluster), so singletons are their own cluster.
 */
export function clusterRecords(n: number, edges: readonly Edge[], options: ClusterOptions): Int32Array {
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) cluster[i] = i;
  const threshold = logit2(options.threshold);
  // Components of the strong links, over typed arrays: a million records, a few million edges.
  const uf = new UnionFind(n);
  for (const e of edges) if (e.weight >= threshold) uf.union(e.x, e.y);
  const size = new Int32Array(n);
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    root[i] = r;
    size[r] = (size[r] ?? 0) + 1;
  }
  // Pairs need no agglomeration (union keeps the smaller record as root, the pair's cluster
  // number); larger components collect their members and edges.
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root[i] ?? i;
    const s = size[r] ?? 1;
    if (s === 2) cluster[i] = r;
    else if (s >= 3) {
      let list = members.get(r);
      if (!list) {
        list = [];
        members.set(r, list);
      }
      list.push(i);
    }
  }
  const edgesOf = new Map<number, Edge[]>();
  for (const e of edges) {
    const r = root[e.x] ?? e.x;
    if (r !== root[e.y] || (size[r] ?? 1) < 3) continue;
    let list = edgesOf.get(r);
    if (!list) {
      list = [];
      edgesOf.set(r, list);
    }
    list.push(e);
  }
  for (const [r, list] of members) {
    clusterComponent(list, edgesOf.get(r) ?? [], cluster, options, threshold);
  }
  return cluster;
}

/** Components larger than this are split on stronger links before agglomeration. */
const MAX_AGGLOMERATION = 120;

/** Clusters the members of one connected component (ascending record numbers) from its edges. */
function clusterComponent(
  members: number[],
  compEdges: readonly Edge[],
  cluster: Int32Array,
  options: ClusterOptions,
  edgeThreshold: number,
): void {
  const size = members.length;
  if (size > MAX_AGGLOMERATION) {
    // A giant component (a very common name with little else recorded): split it on stronger
    // links until the pieces are small enough to agglomerate properly.
    const stricter = edgeThreshold + 4;
    const local = new Map<number, number>();
    for (const [a, r] of members.entries()) local.set(r, a);
    const uf = new UnionFind(size);
    for (const e of compEdges) if (e.weight >= stricter) uf.union(local.get(e.x) ?? 0, local.get(e.y) ?? 0);
    const parts = new Map<number, number[]>();
    for (let a = 0; a < size; a++) {
      const p = uf.find(a);
      let list = parts.get(p);
      if (!list) {
        list = [];
        parts.set(p, list);
      }
      list.push(members[a] ?? 0);
    }
    const partEdges = new Map<number, Edge[]>();
    for (const e of compEdges) {
      const p = uf.find(local.get(e.x) ?? 0);
      if (p !== uf.find(local.get(e.y) ?? 0)) continue;
      let list = partEdges.get(p);
      if (!list) {
        list = [];
        partEdges.set(p, list);
      }
      list.push(e);
    }
    for (const [p, part] of parts) {
      if (part.length === 2) {
        const [x, y] = part as [number, number];
        cluster[y] = x;
      } else if (part.length > 2) clusterComponent(part, partEdges.get(p) ?? [], cluster, options, stricter);
    }
    return;
  }
  const maxDense = options.maxDenseComponent ?? 60;
  const threshold = logit2(options.threshold);
  const dense = size <= maxDense && options.pairWeight !== undefined;
  const local = new Map<number, number>();
  for (const [a, r] of members.entries()) local.set(r, a);
  const matrix = new Float64Array(size * size).fill(Number.NaN);
  for (const e of compEdges) {
    const a = local.get(e.x) ?? 0;
    const b = local.get(e.y) ?? 0;
    matrix[Math.min(a, b) * size + Math.max(a, b)] = e.weight;
  }
  const weight = (a: number, b: number): number => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const at = lo * size + hi;
    let v = matrix[at] ?? Number.NaN;
    if (Number.isNaN(v)) {
      v =
        dense && options.pairWeight
          ? options.pairWeight(members[lo] ?? 0, members[hi] ?? 0)
          : UNSCORED_WEIGHT;
      matrix[at] = v;
    }
    return v;
  };
  const labels = averageLinkage(size, weight, threshold);
  const rep = new Map<number, number>();
  for (let a = 0; a < size; a++) {
    const l = labels[a] ?? a;
    const r = rep.get(l);
    if (r === undefined) rep.set(l, members[a] ?? 0);
    cluster[members[a] ?? 0] = r ?? members[a] ?? 0;
  }
}
