import { type Blocks, forEachCandidatePair } from '../blocking/blocking';
import type { PairScorer } from '../model/scorer';

/** Scored candidate pairs of a range of blocks, in flat arrays that can cross threads. */
export interface ScoredChunk {
  x: Int32Array;
  y: Int32Array;
  /** Match weight in bits without the prior. */
  weight: Float32Array;
  length: number;
  /** Comparison patterns of every compared pair (kept or not), for estimating the prior. */
  patternKeys: Float64Array;
  patternCounts: Float64Array;
  compared: number;
}

class Growable {
  x = new Int32Array(4096);
  y = new Int32Array(4096);
  w = new Float32Array(4096);
  length = 0;
  push(x: number, y: number, w: number): void {
    if (this.length === this.x.length) {
      const size = this.x.length * 2;
      const nx = new Int32Array(size);
      nx.set(this.x);
      this.x = nx;
      const ny = new Int32Array(size);
      ny.set(this.y);
      this.y = ny;
      const nw = new Float32Array(size);
      nw.set(this.w);
      this.w = nw;
    }
    const at = this.length++;
    this.x[at] = x;
    this.y[at] = y;
    this.w[at] = w;
  }
}

/**
 * Counts of pattern keys by open addressing over typed arrays: one increment per compared pair,
 * tens of millions of times, where a Map of boxed numbers was a seventh of the scoring time.
 */
class PatternTally {
  private keys = new Float64Array(4096).fill(-1);
  private counts = new Float64Array(4096);
  private size = 0;

  add(key: number, count = 1): void {
    const mask = this.keys.length - 1;
    let slot = (Math.imul(key | 0, 0x9e3779b1) ^ Math.floor(key / 4294967296)) & mask;
    for (;;) {
      const k = this.keys[slot] ?? -1;
      if (k === key) {
        this.counts[slot] = (this.counts[slot] ?? 0) + count;
        return;
      }
      if (k === -1) {
        this.keys[slot] = key;
        this.counts[slot] = count;
        if (++this.size * 2 > mask) this.grow();
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.counts = new Float64Array(oldKeys.length * 2);
    this.size = 0;
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s] ?? -1;
      if (k >= 0) this.add(k, oldCounts[s] ?? 0);
    }
  }

  entries(): { keys: Float64Array; counts: Float64Array } {
    const keys = new Float64Array(this.size);
    const counts = new Float64Array(this.size);
    let p = 0;
    for (let s = 0; s < this.keys.length; s++) {
      const k = this.keys[s] ?? -1;
      if (k < 0) continue;
      keys[p] = k;
      counts[p] = this.counts[s] ?? 0;
      p++;
    }
    return { keys, counts };
  }
}

/**
 * Compares every candidate pair of blocks [from, to) and keeps those whose weight reaches
 * keepAbove: pairs far below any sensible threshold are counted in the patterns and dropped,
 * so memory follows the matches, not the candidates.
 */
export function scoreBlockRange(
  blocks: Blocks,
  scorer: PairScorer,
  from: number,
  to: number,
  keepAbove: number,
  store: Parameters<typeof forEachCandidatePair>[0],
): ScoredChunk {
  const out = new Growable();
  const patterns = new PatternTally();
  let compared = 0;
  forEachCandidatePair(store, blocks, from, to, (x, y) => {
    const w = scorer.score(x, y);
    compared++;
    patterns.add(scorer.patternKey());
    if (w >= keepAbove) out.push(x, y, w);
  });
  const { keys, counts } = patterns.entries();
  return {
    x: out.x.slice(0, out.length),
    y: out.y.slice(0, out.length),
    weight: out.w.slice(0, out.length),
    length: out.length,
    patternKeys: keys,
    patternCounts: counts,
    compared,
  };
}
