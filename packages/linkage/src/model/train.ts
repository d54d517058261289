import { groupByKey } from '../blocking/blocking';
import { Comparer, type ComparisonSpec } from '../compare/comparer';
import type { FeatureStore } from '../features';
import { type Random, randomInt, seededRandom } from '../util/random';
import { expectationMaximisation, PatternCounts } from './em';
import { emptyModel, FAMILY_COUNT_BOUNDS, type LinkageModel, priorM } from './fellegi-sunter';

// Training without labels, as Splink does it:
// 1. u from random pairs, which are almost all different people.
// 2. m by EM on pairs that share a training key (the same date of birth; the same first given
//    name and surname), with u held fixed. Pairs blocked on a field agree on it whether or not
//    they match, so that field is left out of the session's likelihood and its m is taken from
//    a session blocked on something else.
// 3. Relatives defeat step 2 in part: a father and his namesake son agree on everything but the
//    date of birth, twins on everything but the given name, so EM on name- or date-blocked
//    pairs takes some of them for matches with a typing error and underrates disagreement.
//    Pairs sharing an identity document number have no such confounder (relatives do not share
//    documents), so when enough of them exist their EM estimates are preferred for every field
//    but the document itself.
// 4. The prior is estimated later, over all pairs, from the candidate pairs' patterns.

export interface TrainingOptions {
  seed?: number;
  /** Random pairs drawn for u. */
  randomPairs?: number;
  /** Pairs sampled per EM session. */
  sessionPairs?: number;
  /**
   * Hold u at the random-pair values during EM. Off by default: within a training block the
   * non-matches are not random pairs (people sharing a name are often relatives sharing a
   * birthplace), and letting EM fit their distribution keeps it from mistaking them for matches.
   * The u of the final model always comes from random pairs.
   */
  fixU?: boolean;
  /** Estimate u among pairs sharing their family names (default on). */
  sameFamily?: boolean;
}

export interface TrainingReport {
  randomPairs: number;
  sessions: { name: string; pairs: number; iterations: number; converged: boolean; prior: number }[];
}

export function totalPairs(store: FeatureStore): number {
  const n = store.size;
  if (store.split < n) return store.split * (n - store.split);
  return (n * (n - 1)) / 2;
}

function randomPair(store: FeatureStore, random: Random): [number, number] {
  const n = store.size;
  if (store.split < n)
    return [randomInt(random, store.split), store.split + randomInt(random, n - store.split)];
  const i = randomInt(random, n);
  let j = randomInt(random, n - 1);
  if (j >= i) j++;
  return [i, j];
}

/** u probabilities from random pairs, with add-half smoothing so unseen levels are rare, not impossible. */
export function estimateU(
  store: FeatureStore,
  comparer: Comparer,
  random: Random,
  maxPairs: number,
): { u: number[][]; pairs: number } {
  const specs = comparer.specs;
  const counts = specs.map((s) => new Float64Array(s.levels.length));
  const levels = new Int8Array(specs.length);
  const observe = (i: number, j: number) => {
    comparer.compare(i, j, levels);
    for (let k = 0; k < specs.length; k++) {
      const l = levels[k] ?? -1;
      const row = counts[k] as Float64Array;
      if (l >= 0) row[l] = (row[l] ?? 0) + 1;
    }
  };
  const all = totalPairs(store);
  let pairs = 0;
  if (all <= maxPairs) {
    const n = store.size;
    const linking = store.split < n;
    for (let i = 0; i < n; i++) {
      for (let j = linking ? Math.max(i + 1, store.split) : i + 1; j < n; j++) {
        if (linking && i >= store.split) break;
        observe(i, j);
        pairs++;
      }
    }
  } else {
    for (; pairs < maxPairs; pairs++) {
      const [i, j] = randomPair(store, random);
      observe(i, j);
    }
  }
  const u = counts.map((row, k) => {
    const total = row.reduce((a, b) => a + b, 0);
    const sampled = Array.from(row, (c) => (c + 0.5) / (total + 0.5 * row.length));
    const exact = exactAgreement(store, specs[k]?.field ?? '');
    if (exact === undefined || sampled.length < 2) return sampled;
    // The exact level's u counted over all pairs rather than sampled: the sample's other levels
    // share what remains.
    const rest = sampled.slice(1).reduce((a, b) => a + b, 0);
    return sampled.map((v, l) => (l === 0 ? exact : ((1 - exact) * v) / rest));
  });
  return { u, pairs };
}

/** Share of pairs (both values present) whose values are equal, counted exactly from value counts. */
function agreementOf(ids: ArrayLike<number>, store: FeatureStore): number | undefined {
  const linking = store.split < store.size;
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  let nl = 0;
  let nr = 0;
  for (let i = 0; i < store.size; i++) {
    const v = ids[i] ?? -1;
    if (v < 0 || v === 0x7fffffff) continue;
    if (linking && i >= store.split) {
      right.set(v, (right.get(v) ?? 0) + 1);
      nr++;
    } else {
      left.set(v, (left.get(v) ?? 0) + 1);
      nl++;
    }
  }
  let agree = 0;
  if (linking) {
    if (nl === 0 || nr === 0) return undefined;
    for (const [v, c] of left) agree += c * (right.get(v) ?? 0);
    return Math.max(agree / (nl * nr), 1e-9);
  }
  if (nl < 2) return undefined;
  for (const c of left.values()) agree += c * (c - 1);
  return Math.max(agree / (nl * (nl - 1)), 1e-9);
}

/**
 * u of the exact level where exact agreement is equality of one normalised value (codes, places,
 * sex, full dates): computed over every pair, not sampled, so that a rare agreement such as a
 * shared document number gets a measured u rather than a smoothed zero.
 */
function exactAgreement(store: FeatureStore, field: string): number | undefined {
  if (field === 'sex' && store.sex) return agreementOf(store.sex, store);
  if (field === 'birth_date' && store.birthDate) {
    // Only full dates reach the exact level; partial ones are kept out of the count.
    const full = Int32Array.from(store.birthDate, (d) =>
      d > 0 && d % 100 > 0 && Math.floor(d / 100) % 100 > 0 ? d : d > 0 ? 0x7fffffff : -1,
    );
    return agreementOf(full, store);
  }
  const column = store.values[field as keyof FeatureStore['values']];
  return column ? agreementOf(column.ids, store) : undefined;
}

/** Random pairs drawn for u: enough for rare levels, fewer for small files. */
export function defaultRandomPairs(records: number): number {
  return Math.max(50_000, Math.min(200_000, records * 10));
}

interface Session {
  name: string;
  /** Training key of a record, or -1 when it has none. */
  key: (store: FeatureStore, i: number) => number;
  /** Fields the session is blocked on. */
  blockedOn: readonly string[];
}

const DOCUMENT_SESSION: Session = {
  name: 'same document number',
  blockedOn: ['document_number'],
  key: (store, i) => {
    const col = store.values.document_number;
    const id = col?.ids[i] ?? -1;
    return id >= 0 && (col?.values[id]?.length ?? 0) >= 4 ? id : -1;
  },
};

/** Pairs sampled per same-family session (one per range of family-name counts). */
const SAME_FAMILY_PAIRS = 50_000;

/** Pairs a same-family session must hold before its u is used. */
const MIN_SAME_FAMILY_PAIRS = 2000;

/** Weight, in matches, of the prior beliefs about m. */
const PRIOR_PSEUDO_MATCHES = 30;

/** Matches a document session must hold before its estimates are preferred. */
const MIN_DOCUMENT_MATCHES = 200;

const SESSIONS: readonly Session[] = [
  DOCUMENT_SESSION,
  {
    name: 'same date of birth',
    blockedOn: ['birth_date'],
    key: (store, i) => {
      const d = store.birthDate?.[i] ?? 0;
      return d % 100 > 0 && Math.floor(d / 100) % 100 > 0 ? d : -1;
    },
  },
  {
    name: 'same first given name and surname',
    blockedOn: ['given_names', 'family_names'],
    key: (store, i) => {
      const g = store.given;
      const f = store.family;
      if (!g || !f) return -1;
      const gs = g.start[i] ?? 0;
      const fs = f.start[i] ?? 0;
      if (gs === (g.start[i + 1] ?? 0) || fs === (f.start[i + 1] ?? 0)) return -1;
      const phon = store.tokens.phon;
      return (phon[g.tokens[gs] ?? 0] ?? 0) * 16_777_216 + (phon[f.tokens[fs] ?? 0] ?? 0);
    },
  },
];

/** Visits up to about maxPairs pairs sharing a session key, sampled uniformly. */
function sessionPairs(
  store: FeatureStore,
  session: Session,
  maxPairs: number,
  random: Random,
  visit: (i: number, j: number) => void,
): number {
  const { records, starts } = groupByKey(store.size, (i) => session.key(store, i));
  const linking = store.split < store.size;
  const split = store.split;
  const pairsIn = (from: number, to: number) => {
    const n = to - from;
    if (!linking) return (n * (n - 1)) / 2;
    let left = 0;
    for (let p = from; p < to; p++) if ((records[p] ?? 0) < split) left++;
    return left * (n - left);
  };
  let total = 0;
  for (let g = 0; g < starts.length; g += 2) total += pairsIn(starts[g] ?? 0, starts[g + 1] ?? 0);
  if (total === 0) return 0;
  const p = Math.min(1, maxPairs / total);
  let visited = 0;
  for (let g = 0; g < starts.length; g += 2) {
    const from = starts[g] ?? 0;
    const to = starts[g + 1] ?? 0;
    const count = pairsIn(from, to);
    if (count === 0) continue;
    if (p === 1 || count <= 64) {
      for (let a = from; a < to; a++) {
        for (let b = a + 1; b < to; b++) {
          const x = records[a] ?? 0;
          const y = records[b] ?? 0;
          if (linking && x < split === y < split) continue;
          if (p < 1 && random() >= p) continue;
          visit(Math.min(x, y), Math.max(x, y));
          visited++;
        }
      }
      continue;
    }
    // Large group: draw the expected number of its pairs at random.
    const expected = count * p;
    let draws = Math.floor(expected) + (random() < expected - Math.floor(expected) ? 1 : 0);
    const n = to - from;
    while (draws > 0) {
      const x = records[from + randomInt(random, n)] ?? 0;
      const y = records[from + randomInt(random, n)] ?? 0;
      if (x === y || (linking && x < split === y < split)) continue;
      visit(Math.min(x, y), Math.max(x, y));
      visited++;
      draws--;
    }
  }
  return visited;
}

/** Trains m and u without labels. The returned model's prior is a placeholder until estimatePrior. */
export function trainUnsupervised(
  store: FeatureStore,
  options: TrainingOptions = {},
  comparer: Comparer = new Comparer(store),
): TrainedModel {
  const random = seededRandom(options.seed ?? 42);
  const specs = comparer.specs;
  const model = emptyModel(specs);
  const { u, pairs } = estimateU(
    store,
    comparer,
    random,
    options.randomPairs ?? defaultRandomPairs(store.size),
  );
  model.comparisons.forEach((c, k) => {
    c.u = u[k] ?? c.u;
  });
  const report: TrainingReport = { randomPairs: pairs, sessions: [] };
  const estimates: { session: Session; m: number[][]; exclude: Set<number>; matches: number }[] = [];
  const levels = new Int8Array(specs.length);
  for (const session of SESSIONS) {
    const exclude = new Set<number>();
    specs.forEach((s, k) => {
      if (session.blockedOn.includes(s.field)) exclude.add(k);
    });
    const patterns = new PatternCounts(specs.length);
    const n = sessionPairs(store, session, options.sessionPairs ?? 200_000, random, (i, j) => {
      comparer.compare(i, j, levels);
      patterns.add(levels);
    });
    if (n === 0) continue;
    const result = expectationMaximisation(
      patterns,
      { m: specs.map(priorM), u, prior: 0.1 },
      // Pairs sharing a document are nearly all matches: with u free, EM would chase a vanishing
      // non-match class for its whole iteration budget. Random-pair u serves them well.
      { fixU: session === DOCUMENT_SESSION || (options.fixU ?? false), exclude },
    );
    report.sessions.push({
      name: session.name,
      pairs: n,
      iterations: result.iterations,
      converged: result.converged,
      prior: result.prior,
    });
    estimates.push({ session, m: result.m, exclude, matches: result.prior * n });
  }
  const documents = estimates.find((e) => e.session === DOCUMENT_SESSION);
  const preferDocuments = documents !== undefined && documents.matches >= MIN_DOCUMENT_MATCHES;
  model.comparisons.forEach((c, k) => {
    let sources = estimates.filter((e) => !e.exclude.has(k));
    if (preferDocuments && sources.includes(documents)) sources = [documents];
    else if (!preferDocuments) sources = sources.filter((e) => e !== documents || sources.length === 1);
    if (sources.length === 0) return;
    // Sessions weighted by the matches they found, with the prior as a few pseudo-matches.
    const prior = priorM(specs[k] as ComparisonSpec);
    let weight = PRIOR_PSEUDO_MATCHES;
    const sum = prior.map((v) => v * PRIOR_PSEUDO_MATCHES);
    for (const e of sources) {
      const w = Math.max(0, e.matches);
      weight += w;
      (e.m[k] ?? []).forEach((v, l) => {
        sum[l] = (sum[l] ?? 0) + w * v;
      });
    }
    c.m = sum.map((v) => v / weight);
  });
  // 5. u among different people who share their family names, by EM with m held at the values
  //    just estimated: the non-matches of these pairs are relatives and namesakes, whose other
  //    fields agree far more often than random pairs' do.
  const familyIndex = specs.findIndex((s) => s.field === 'family_names');
  const family = store.family;
  if (familyIndex >= 0 && family && options.sameFamily !== false) {
    const counts = family.value.counts;
    const fit = (name: string, inRange: (count: number) => boolean) => {
      const patterns = new PatternCounts(specs.length);
      const session: Session = {
        name,
        blockedOn: ['family_names'],
        key: (_, i) => {
          const id = family.value.ids[i] ?? -1;
          return id >= 0 && inRange(counts[id] ?? 0) ? id : -1;
        },
      };
      const maxPairs = Math.min(options.sessionPairs ?? 200_000, SAME_FAMILY_PAIRS);
      const n = sessionPairs(store, session, maxPairs, random, (i, j) => {
        comparer.compare(i, j, levels);
        patterns.add(levels);
      });
      if (n < MIN_SAME_FAMILY_PAIRS) return undefined;
      const result = expectationMaximisation(
        patterns,
        { m: model.comparisons.map((c) => c.m), u, prior: 0.1 },
        { fixU: false, fixM: true, exclude: new Set([familyIndex]) },
      );
      report.sessions.push({
        name,
        pairs: n,
        iterations: result.iterations,
        converged: result.converged,
        prior: result.prior,
      });
      return result.u;
    };
    let lower = 0;
    const byRange = FAMILY_COUNT_BOUNDS.map((upper) => {
      const from = lower;
      lower = upper;
      return fit(`same family names, ${from + 1}–${upper} records`, (c) => c > from && c <= upper);
    });
    // A range with too few pairs of its own takes the estimate over all ranges together.
    const pooled = byRange.every((r) => r) ? undefined : fit('same family names, all counts', () => true);
    if (byRange.some((r) => r) || pooled) {
      model.comparisons.forEach((c, k) => {
        if (k !== familyIndex) c.uSameFamily = byRange.map((r) => (r ?? pooled)?.[k] ?? c.u);
      });
    }
  }
  return { model, report };
}

export interface TrainedModel {
  model: LinkageModel;
  report: TrainingReport;
}

export interface LabelledPair {
  left: number;
  right: number;
  match: boolean;
}

/**
 * Training from pairs an analyst has labelled: m from the matches; u from the non-matches when
 * there are enough of them, otherwise from random pairs.
 */
export function trainSupervised(
  store: FeatureStore,
  labelled: readonly LabelledPair[],
  options: TrainingOptions = {},
  comparer: Comparer = new Comparer(store),
): LinkageModel {
  const specs: ComparisonSpec[] = comparer.specs;
  const model = emptyModel(specs);
  const levels = new Int8Array(specs.length);
  const mCounts = specs.map((s) => new Float64Array(s.levels.length));
  const uCounts = specs.map((s) => new Float64Array(s.levels.length));
  let nonMatches = 0;
  for (const pair of labelled) {
    comparer.compare(pair.left, pair.right, levels);
    const target = pair.match ? mCounts : uCounts;
    if (!pair.match) nonMatches++;
    for (let k = 0; k < specs.length; k++) {
      const l = levels[k] ?? -1;
      const row = target[k] as Float64Array;
      if (l >= 0) row[l] = (row[l] ?? 0) + 1;
    }
  }
  const smooth = (row: Float64Array) => {
    const total = row.reduce((a, b) => a + b, 0);
    return Array.from(row, (c) => (c + 0.5) / (total + 0.5 * row.length));
  };
  const random = seededRandom(options.seed ?? 42);
  const u =
    nonMatches >= 1000
      ? uCounts.map(smooth)
      : estimateU(store, comparer, random, options.randomPairs ?? defaultRandomPairs(store.size)).u;
  model.comparisons.forEach((c, k) => {
    c.m = smooth(mCounts[k] as Float64Array);
    c.u = u[k] ?? c.u;
  });
  return model;
}
