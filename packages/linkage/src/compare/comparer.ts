import type { FeatureStore, ValueFieldName } from '../features';
import { SimCache } from './sim-cache';
import { bigramDice, bigrams, jaroWinklerAtLeast } from './string-similarity';

// Graded comparison of two records, field by field. Each comparison yields a level index (0 is
// the strongest agreement, the last level is disagreement) or -1 when either value is missing,
// which the model treats as no evidence either way.

export type ComparisonKind = 'names' | 'date' | 'exact' | 'code' | 'text';

export interface ComparisonSpec {
  /** The canonical field compared. */
  field: string;
  kind: ComparisonKind;
  /** Human-readable level labels, strongest first; the last is disagreement. */
  levels: readonly string[];
  /** Whether an exact match is weighted by how common the value is. */
  tf: boolean;
  /**
   * How many of the strongest levels the term-frequency adjustment covers: for names also "same
   * words", whose words are the same name whatever their spelling or order.
   */
  tfLevels?: number;
}

export const NAME_LEVELS = [
  'exact',
  'same words (order, spelling variant or field swapped)',
  'one name missing, the rest the same',
  'similar (typing errors)',
  'partly the same, partly different',
  'different',
  'different, both common names',
] as const;

export const DATE_LEVELS = [
  'exact',
  'day and month swapped',
  'one digit or one year off',
  'consistent (year only, or 1 January default)',
  'same or adjacent year only',
  'two to five years apart',
  'more than five years apart',
] as const;

const EXACT_LEVELS = ['same', 'different'] as const;
const CODE_LEVELS = ['exact', 'one character off', 'different'] as const;
const TEXT_LEVELS = ['exact', 'very similar', 'similar', 'different'] as const;

/** Token similarity thresholds: phonetic or transliteration equality, and typing errors. */
const STRONG = 0.94;
const FUZZY = 0.85;
const FUZZY_CAP = 0.92;
const MAX_NAME_TOKENS = 8;

/** Comparisons the store supports, in a fixed order. */
export function comparisonSpecs(store: FeatureStore): ComparisonSpec[] {
  const specs: ComparisonSpec[] = [];
  if (store.given)
    specs.push({ field: 'given_names', kind: 'names', levels: NAME_LEVELS, tf: true, tfLevels: 2 });
  if (store.family)
    specs.push({ field: 'family_names', kind: 'names', levels: NAME_LEVELS, tf: true, tfLevels: 2 });
  if (store.birthDate) specs.push({ field: 'birth_date', kind: 'date', levels: DATE_LEVELS, tf: true });
  if (store.sex) specs.push({ field: 'sex', kind: 'exact', levels: EXACT_LEVELS, tf: false });
  const v = store.values;
  if (v.nationality) specs.push({ field: 'nationality', kind: 'exact', levels: EXACT_LEVELS, tf: true });
  if (v.document_number)
    specs.push({ field: 'document_number', kind: 'code', levels: CODE_LEVELS, tf: false });
  if (v.birth_place) specs.push({ field: 'birth_place', kind: 'text', levels: TEXT_LEVELS, tf: true });
  if (v.street_number) specs.push({ field: 'street_number', kind: 'code', levels: CODE_LEVELS, tf: true });
  if (v.address_1) specs.push({ field: 'address_1', kind: 'text', levels: TEXT_LEVELS, tf: true });
  if (v.address_2) specs.push({ field: 'address_2', kind: 'text', levels: TEXT_LEVELS, tf: true });
  if (v.city) specs.push({ field: 'city', kind: 'text', levels: TEXT_LEVELS, tf: true });
  if (v.postcode) specs.push({ field: 'postcode', kind: 'code', levels: CODE_LEVELS, tf: true });
  if (v.state) specs.push({ field: 'state', kind: 'exact', levels: EXACT_LEVELS, tf: true });
  return specs;
}

/** Adjacent transposition or at most one substitution, insertion or deletion. */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < la; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) {
        if (diffs === 0) first = i;
        diffs++;
        if (diffs > 2) return false;
      }
    }
    if (diffs <= 1) return true;
    return (
      first + 1 < la &&
      a.charCodeAt(first) === b.charCodeAt(first + 1) &&
      a.charCodeAt(first + 1) === b.charCodeAt(first)
    );
  }
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  let j = 0;
  let skipped = false;
  while (i < s.length && j < l.length) {
    if (s.charCodeAt(i) === l.charCodeAt(j)) {
      i++;
      j++;
    } else {
      if (skipped) return false;
      skipped = true;
      j++;
    }
  }
  return true;
}

/** Level of two packed dates (see DATE_LEVELS), -1 when either is missing. */
export function compareDates(a: number, b: number): number {
  if (a === 0 || b === 0) return -1;
  const ya = Math.floor(a / 10000);
  const yb = Math.floor(b / 10000);
  const ma = Math.floor(a / 100) % 100;
  const mb = Math.floor(b / 100) % 100;
  const da = a % 100;
  const db = b % 100;
  const fullA = ma > 0 && da > 0;
  const fullB = mb > 0 && db > 0;
  if (fullA && fullB) {
    if (a === b) return 0;
    if (ya === yb && ma === db && da === mb) return 1;
    if (withinOneEdit(String(a), String(b))) return 2;
    if (Math.abs(ya - yb) === 1 && ma === mb && da === db) return 2;
    const defaulted = (ma === 1 && da === 1) || (mb === 1 && db === 1);
    if (defaulted && ya === yb) return 3;
    if (ya === yb || (defaulted && Math.abs(ya - yb) === 1)) return 4;
    return Math.abs(ya - yb) <= 5 ? 5 : 6;
  }
  if (ya === yb && (ma === 0 || mb === 0 || ma === mb || (ma === 1 && da === 1) || (mb === 1 && db === 1)))
    return 3;
  const gap = Math.abs(ya - yb);
  return gap <= 1 ? 4 : gap <= 5 ? 5 : 6;
}

const KIND_NAMES = 0;
const KIND_DATE = 1;
const KIND_SEX = 2;
const KIND_EXACT = 3;
const KIND_CODE = 4;
const KIND_TEXT = 5;

const EMPTY_IDS = new Int32Array(0);

/**
 * What two officers' transliterations of one name keep alike: its phonetic key (b/v, s/z, silent
 * h… folded) without a silent final e after a consonant (Ousmane and Usman, Aminé and Amin), as a
 * vowel skeleton.
 */
export function transliterationSkeleton(phonetic: string): string {
  const n = phonetic.length;
  const silentE = n >= 4 && phonetic[n - 1] === 'e' && !'aeiouy'.includes(phonetic[n - 2] ?? 'a');
  return vowelSkeleton(silentE ? phonetic.slice(0, -1) : phonetic);
}

/** A name with the vowels transliterations confuse merged (e/i, o/u, y/i) and doubled letters single. */
export function vowelSkeleton(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    let c = name[i] as string;
    if (c === 'e' || c === 'y') c = 'i';
    else if (c === 'o') c = 'u';
    if (out.length > 0 && out[out.length - 1] === c) continue;
    out += c;
  }
  return out;
}

/**
 * Compares pairs of records of one feature store. One instance per thread: it keeps reusable
 * buffers and memoises string similarities of distinct values. Everything the hot loop touches
 * is hoisted into fields and typed arrays: this runs tens of millions of times.
 */
export class Comparer {
  readonly specs: ComparisonSpec[];
  private readonly store: FeatureStore;
  private readonly kinds: Int8Array;
  private readonly valueIds: Int32Array[];
  private readonly valueText: string[][];
  private readonly grams: Int32Array[][];
  private readonly tokenSimCache: SimCache;
  private readonly dateCounts = new Map<number, number>();
  private datePresent = 0;
  private readonly simBuf = new Float64Array(MAX_NAME_TOKENS * MAX_NAME_TOKENS);
  private readonly bestA = new Float64Array(MAX_NAME_TOKENS);
  private readonly bestB = new Float64Array(MAX_NAME_TOKENS);
  private readonly tokA = new Int32Array(MAX_NAME_TOKENS);
  private readonly tokB = new Int32Array(MAX_NAME_TOKENS);
  private givenA = 0;
  private givenB = 0;
  private readonly givenIndex: number;
  private readonly familyIndex: number;
  private readonly nationalityIndex: number;
  private readonly birthPlaceIndex: number;
  private readonly gStart: Int32Array;
  private readonly gTokens: Int32Array;
  private readonly fStart: Int32Array;
  private readonly fTokens: Int32Array;
  private readonly canon: Int32Array;
  private readonly phon: Int32Array;
  private readonly phonText: readonly string[];
  private readonly translit: (string | undefined)[] = [];
  private readonly tokenCount: Int32Array;
  private readonly canonText: string[];
  private readonly rawText: string[];
  private readonly dates: Int32Array;
  private readonly sex: Int8Array;
  /** Tokens seen at least this often are established names: a near-miss between two of them is two names. */
  private readonly establishedCount: number;

  constructor(store: FeatureStore) {
    this.store = store;
    // Sized to the pairs of distinct words there can be, up to 2^18 entries (4 MB): the registry
    // scores each search in a store of a few hundred words, where filling 4 MB cost more than
    // the comparisons.
    const words = store.tokens.text.length;
    this.tokenSimCache = new SimCache(Math.min(18, Math.max(8, 2 * Math.ceil(Math.log2(words + 1)))));
    this.specs = comparisonSpecs(store);
    this.givenIndex = this.specs.findIndex((s) => s.field === 'given_names');
    this.familyIndex = this.specs.findIndex((s) => s.field === 'family_names');
    this.nationalityIndex = this.specs.findIndex((s) => s.field === 'nationality');
    this.birthPlaceIndex = this.specs.findIndex((s) => s.field === 'birth_place');
    this.kinds = Int8Array.from(this.specs, (s) => {
      if (s.kind === 'names') return KIND_NAMES;
      if (s.kind === 'date') return KIND_DATE;
      if (s.field === 'sex') return KIND_SEX;
      if (s.kind === 'exact') return KIND_EXACT;
      return s.kind === 'code' ? KIND_CODE : KIND_TEXT;
    });
    const columns = this.specs.map((s) => store.values[s.field as ValueFieldName]);
    this.valueIds = columns.map((c) => c?.ids ?? EMPTY_IDS);
    this.valueText = columns.map((c) => c?.values ?? []);
    this.grams = this.specs.map((s, k) => (s.kind === 'text' ? (columns[k]?.values ?? []).map(bigrams) : []));
    this.gStart = store.given?.start ?? EMPTY_IDS;
    this.gTokens = store.given?.tokens ?? EMPTY_IDS;
    this.fStart = store.family?.start ?? EMPTY_IDS;
    this.fTokens = store.family?.tokens ?? EMPTY_IDS;
    this.canon = store.tokens.canon;
    this.phon = store.tokens.phon;
    this.phonText = store.tokens.phonText;
    this.tokenCount = store.tokens.count;
    this.canonText = store.tokens.canonText;
    this.rawText = store.tokens.text;
    this.dates = store.birthDate ?? EMPTY_IDS;
    this.sex = store.sex ?? new Int8Array(0);
    this.establishedCount = Math.max(5, Math.round(store.size / 20000));
    for (const d of this.dates) {
      if (d === 0) continue;
      this.datePresent++;
      this.dateCounts.set(d, (this.dateCounts.get(d) ?? 0) + 1);
    }
  }

  /** Writes the level of every comparison for records i and j into `out`. */
  compare(i: number, j: number, out: Int8Array): void {
    const kinds = this.kinds;
    if (this.givenIndex >= 0 || this.familyIndex >= 0) this.compareNames(i, j, out);
    for (let k = 0; k < kinds.length; k++) {
      switch (kinds[k]) {
        case KIND_DATE:
          out[k] = compareDates(this.dates[i] ?? 0, this.dates[j] ?? 0);
          break;
        case KIND_SEX: {
          const a = this.sex[i] ?? 0;
          const b = this.sex[j] ?? 0;
          out[k] = a === 0 || b === 0 ? -1 : a === b ? 0 : 1;
          break;
        }
        case KIND_EXACT: {
          const ids = this.valueIds[k] as Int32Array;
          const a = ids[i] ?? -1;
          const b = ids[j] ?? -1;
          out[k] = a < 0 || b < 0 ? -1 : a === b ? 0 : 1;
          break;
        }
        case KIND_CODE: {
          const ids = this.valueIds[k] as Int32Array;
          const a = ids[i] ?? -1;
          const b = ids[j] ?? -1;
          if (a < 0 || b < 0) out[k] = -1;
          else if (a === b) out[k] = 0;
          else {
            const text = this.valueText[k] as string[];
            out[k] = withinOneEdit(text[a] ?? '', text[b] ?? '') ? 1 : 2;
          }
          break;
        }
        case KIND_TEXT: {
          const ids = this.valueIds[k] as Int32Array;
          const a = ids[i] ?? -1;
          const b = ids[j] ?? -1;
          if (a < 0 || b < 0) out[k] = -1;
          else if (a === b) out[k] = 0;
          else {
            const g = this.grams[k] as Int32Array[];
            const sim = bigramDice(g[a] as Int32Array, g[b] as Int32Array);
            out[k] = sim >= 0.8 ? 1 : sim >= 0.6 ? 2 : 3;
          }
          break;
        }
        default:
          break;
      }
    }
    // A shared birthplace implies a shared nationality: counting both would count one fact
    // twice, and it is the fact relatives and townsfolk share.
    if (this.nationalityIndex >= 0 && this.birthPlaceIndex >= 0) {
      const place = out[this.birthPlaceIndex] ?? -1;
      if (place === 0 || place === 1) out[this.nationalityIndex] = -1;
    }
  }

  /**
   * Term frequency of the value records i and j share under comparison k, for the exact-match
   * adjustment: the share of records holding that value (for names, the larger of the two
   * records' shares). Returns 0 when the comparison has no frequency.
   */
  termFrequency(k: number, i: number, j: number = i): number {
    const spec = this.specs[k];
    if (!spec?.tf) return 0;
    const s = this.store;
    switch (spec.kind) {
      case 'names': {
        const col = spec.field === 'given_names' ? s.given : s.family;
        if (!col) return 0;
        const a = col.value.ids[i] ?? -1;
        const b = col.value.ids[j] ?? -1;
        const fa = a < 0 ? 0 : (col.value.counts[a] ?? 0) / col.value.present;
        const fb = b < 0 ? 0 : (col.value.counts[b] ?? 0) / col.value.present;
        return Math.max(fa, fb);
      }
      case 'date': {
        const d = this.dates[i] ?? 0;
        return d === 0 ? 0 : (this.dateCounts.get(d) ?? 0) / this.datePresent;
      }
      default: {
        const col = s.values[spec.field as ValueFieldName];
        if (!col) return 0;
        const id = col.ids[i] ?? -1;
        return id < 0 ? 0 : (col.counts[id] ?? 0) / col.present;
      }
    }
  }

  /** The transliteration skeleton of a phonetic key, computed once per key. */
  private transliteration(phon: number): string {
    let t = this.translit[phon];
    if (t === undefined) {
      t = transliterationSkeleton(this.phonText[phon] ?? '');
      this.translit[phon] = t;
    }
    return t;
  }

  /** Similarity of two name words in [0, 1]. */
  tokenSim(a: number, b: number): number {
    if (a === b) return 1;
    const canon = this.canon;
    if (canon[a] === canon[b]) return 0.97;
    if (this.phon[a] === this.phon[b]) return 0.95;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const cached = this.tokenSimCache.get(lo, hi);
    if (cached >= 0) return cached;
    const text = this.canonText;
    const x = text[canon[lo] ?? 0] ?? '';
    const y = text[canon[hi] ?? 0] ?? '';
    let sim = jaroWinklerAtLeast(x, y, FUZZY);
    if (sim < FUZZY && (x !== this.rawText[lo] || y !== this.rawText[hi])) {
      // A misspelt variant may be closer to another spelling than to the canonical one.
      sim = jaroWinklerAtLeast(this.rawText[lo] ?? '', this.rawText[hi] ?? '', FUZZY);
    }
    if (sim > FUZZY_CAP) sim = FUZZY_CAP;
    // Jaro-Winkler is harsh on short names: Ana/Anz, Luis/Lus, Jie/Jii are one keystroke apart.
    if (sim < FUZZY && x.length >= 3 && y.length >= 3 && withinOneEdit(x, y)) sim = FUZZY;
    // One name as two officers transliterated it (Jabed and Javid, Ousmane and Usman) is at least
    // similar, and never "two different names".
    const tx = this.transliteration(this.phon[lo] ?? 0);
    const transliterated = tx.length >= 3 && tx === this.transliteration(this.phon[hi] ?? 0);
    if (sim < FUZZY && transliterated) sim = FUZZY;
    // Two names that are each common in the data and differ by a letter (Mario and Maria,
    // Jose and Josue) are two different names, not a typing error.
    if (sim >= FUZZY) {
      const ca = this.tokenCount[lo] ?? 0;
      const cb = this.tokenCount[hi] ?? 0;
      if (
        ca >= this.establishedCount &&
        cb >= this.establishedCount &&
        Math.min(ca, cb) * 20 >= Math.max(ca, cb) &&
        // ...unless they differ only where transliterations do (Fatema and Fattema, Rokeya and
        // Rokiya, Farid and Fared, Rony and Runy, Jabed and Javid, Ousmane and Usman): one name
        // written by two officers.
        vowelSkeleton(x) !== vowelSkeleton(y) &&
        !transliterated
      ) {
        sim = 0.5;
      }
    }
    this.tokenSimCache.set(lo, hi, sim);
    return sim;
  }

  /** Copies record i's name words into `into` (given names first); returns how many. */
  private side(i: number, into: Int32Array): number {
    let n = 0;
    const gs = this.gStart;
    if (gs.length > 0) {
      const from = gs[i] ?? 0;
      let to = gs[i + 1] ?? 0;
      if (to > from + MAX_NAME_TOKENS) to = from + MAX_NAME_TOKENS;
      const g = this.gTokens;
      for (let p = from; p < to; p++) into[n++] = g[p] ?? 0;
    }
    const given = n;
    const fs = this.fStart;
    if (fs.length > 0) {
      const from = fs[i] ?? 0;
      const to = fs[i + 1] ?? 0;
      const f = this.fTokens;
      for (let p = from; p < to && n < MAX_NAME_TOKENS; p++) into[n++] = f[p] ?? 0;
    }
    return n * 16 + given;
  }

  /**
   * Aligns all name words of both records regardless of field (so that swapped given and family
   * names, and a surname typed into the given-names box, still align), greedily by similarity,
   * then grades each field on how its words fared.
   */
  private compareNames(i: number, j: number, out: Int8Array): void {
    const A = this.tokA;
    const B = this.tokB;
    const sa = this.side(i, A);
    const sb = this.side(j, B);
    const na = sa >> 4;
    const nb = sb >> 4;
    this.givenA = sa & 15;
    this.givenB = sb & 15;
    const sim = this.simBuf;
    const bestA = this.bestA;
    const bestB = this.bestB;
    for (let x = 0; x < na; x++) bestA[x] = 0;
    for (let y = 0; y < nb; y++) bestB[y] = 0;
    // Identical words pair up first (the greedy would choose them first anyway); most candidate
    // pairs share some, and only the rest need similarity scores.
    let left = 0;
    for (let x = 0; x < na; x++) {
      const ta = A[x] ?? 0;
      for (let y = 0; y < nb; y++) {
        if (bestB[y] === 0 && B[y] === ta) {
          bestA[x] = 1;
          bestB[y] = 1;
          break;
        }
      }
      if (bestA[x] === 0) left++;
    }
    if (left > 0 && nb > 0) {
      for (let x = 0; x < na; x++) {
        if (bestA[x] !== 0) continue;
        const ta = A[x] ?? 0;
        for (let y = 0; y < nb; y++) {
          sim[x * MAX_NAME_TOKENS + y] = bestB[y] === 0 ? this.tokenSim(ta, B[y] ?? 0) : 0;
        }
      }
      // Greedy one-to-one assignment of the rest, best pair first.
      for (let round = left; round > 0; round--) {
        let best = FUZZY;
        let bx = -1;
        let by = -1;
        for (let x = 0; x < na; x++) {
          if (bestA[x] !== 0) continue;
          for (let y = 0; y < nb; y++) {
            if (bestB[y] !== 0) continue;
            const v = sim[x * MAX_NAME_TOKENS + y] ?? 0;
            if (v > best || (v === best && bx < 0)) {
              best = v;
              bx = x;
              by = y;
            }
          }
        }
        if (bx < 0) break;
        bestA[bx] = best;
        bestB[by] = best;
      }
    }
    const gi = this.givenIndex;
    const fi = this.familyIndex;
    if (gi >= 0) out[gi] = this.fieldLevel(0, this.givenA, 0, this.givenB);
    if (fi >= 0) {
      // One record with every name in the family-names box (given names left empty): its words
      // are graded against all of the other's, not just against its family names.
      const oneGivenEmpty =
        (this.givenA === 0) !== (this.givenB === 0) && na > this.givenA && nb > this.givenB;
      out[fi] = oneGivenEmpty
        ? this.fieldLevel(0, na, 0, nb)
        : this.fieldLevel(this.givenA, na, this.givenB, nb);
    }
  }

  private fieldLevel(a0: number, a1: number, b0: number, b1: number): number {
    const la = a1 - a0;
    const lb = b1 - b0;
    if (la === 0 || lb === 0) return -1;
    const A = this.tokA;
    const B = this.tokB;
    if (la === lb) {
      let same = true;
      for (let p = 0; p < la; p++) {
        if (A[a0 + p] !== B[b0 + p]) {
          same = false;
          break;
        }
      }
      if (same) return 0;
    }
    let strongA = 0;
    let fuzzyA = 0;
    let strongB = 0;
    let fuzzyB = 0;
    for (let p = a0; p < a1; p++) {
      const v = this.bestA[p] ?? 0;
      if (v >= STRONG) strongA++;
      if (v >= FUZZY) fuzzyA++;
    }
    for (let p = b0; p < b1; p++) {
      const v = this.bestB[p] ?? 0;
      if (v >= STRONG) strongB++;
      if (v >= FUZZY) fuzzyB++;
    }
    if (strongA === la && strongB === lb) return 1;
    const shortStrong = la <= lb ? strongA === la : strongB === lb;
    if (shortStrong && la !== lb) return 2;
    const shortFuzzy = la <= lb ? fuzzyA === la : fuzzyB === lb;
    if (shortFuzzy) return 3;
    if (la !== lb && this.concatenatedSim(a0, a1, b0, b1) >= 0.92) return 3;
    if (fuzzyA > 0 || fuzzyB > 0) return 4;
    // Nothing in common. If every word on both sides is a name the data knows well, these are
    // two different names (Jorge, Liliana), not one name mangled beyond recognition.
    const counts = this.tokenCount;
    const min = this.establishedCount;
    for (let p = a0; p < a1; p++) if ((counts[A[p] ?? 0] ?? 0) < min) return 5;
    for (let p = b0; p < b1; p++) if ((counts[B[p] ?? 0] ?? 0) < min) return 5;
    return 6;
  }

  /** Similarity of the field's words run together: "Jean Robert" and "Jeanrobert", "elk i" and "elki". */
  private concatenatedSim(a0: number, a1: number, b0: number, b1: number): number {
    const text = this.canonText;
    const canon = this.canon;
    let x = '';
    for (let p = a0; p < a1; p++) x += text[canon[this.tokA[p] ?? 0] ?? 0] ?? '';
    let y = '';
    for (let p = b0; p < b1; p++) y += text[canon[this.tokB[p] ?? 0] ?? 0] ?? '';
    return jaroWinklerAtLeast(x, y, 0.92);
  }
}
