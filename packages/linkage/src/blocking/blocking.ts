import type { FeatureStore } from '../features';

// Blocking proposes the candidate pairs worth comparing. Several rules run side by side and
// the union of their pairs is taken, so that one corrupted field (a surname typed wrong, a
// date of birth reduced to a year) does not hide a match from every rule. A record may have
// several keys under one rule (every pair of its name words, say). Each candidate pair is
// produced exactly once: in the first block, by global block id, that both records share.
// A block too large to compare in full (a common name pair at a million records) is compared
// in small overlapping windows along sort orders that put likely duplicates side by side (the
// sorted-neighbourhood method inside the block), so that its cost grows with its size, not
// with its square.

export interface BlockingRule {
  name: string;
  /** Emits the record's keys under this rule: exact non-negative integers below 2^53. */
  keys(store: FeatureStore, record: number, emit: (key: number) => void): void;
  /** A block larger than the cap is split by birth year, and each year within the cap compared in full. */
  refineByYear: boolean;
  /** A block larger than the cap is compared in windows (OversizedBlocks); without, it is dropped. */
  windows: boolean;
}

export interface Blocks {
  rules: string[];
  /** Block b holds members[blockStart[b] .. blockStart[b+1]), ascending record numbers. */
  blockStart: Int32Array;
  members: Int32Array;
  /** Rule r owns blocks [ruleStart[r], ruleStart[r+1]). */
  ruleStart: number[];
  /** Record i belongs to blocks recordBlocks[recordStart[i] .. recordStart[i+1]), ascending. */
  recordStart: Int32Array;
  recordBlocks: Int32Array;
  /** Blocks larger than the cap dropped, per rule (rules without windows). */
  dropped: number[];
  /** Blocks larger than the cap compared in windows instead, per rule. */
  windowed: number[];
}

export interface BlockingOptions {
  rules?: readonly BlockingRule[];
  /**
   * Blocks with more members than this are split by birth year and compared in windows, as
   * their rule says, instead of in full.
   */
  maxBlockSize?: number;
  /**
   * Members per window of an oversized block; windows overlap by half. The default, 2, compares
   * each member with its two neighbours in each sort order: at a million records wider windows
   * cost far more candidate pairs than they recover true ones.
   */
  windowSize?: number;
}

const TWO_24 = 16_777_216;

/** Day-month-order-insensitive compact date: year, then the smaller and larger of day and month. */
export function dateKey(packed: number): number {
  const year = Math.floor(packed / 10000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  if (month === 0 || day === 0 || year < 1000) return -1;
  const lo = Math.min(month, day);
  const hi = Math.max(month, day);
  return ((year % 4096) * 100 + lo) * 100 + hi;
}

const nameWords = (
  store: FeatureStore,
  record: number,
  limit: number,
  out: number[],
  keys: Int32Array = store.tokens.phon,
): number[] => {
  out.length = 0;
  const phon = keys;
  for (const column of [store.given, store.family]) {
    if (!column) continue;
    const from = column.start[record] ?? 0;
    const to = Math.min(column.start[record + 1] ?? 0, from + limit);
    for (let p = from; p < to; p++) {
      const id = phon[column.tokens[p] ?? 0] ?? 0;
      if (!out.includes(id)) out.push(id);
    }
  }
  return out;
};

const scratch: number[] = [];

/**
 * Every pair of name words, by consonant skeleton (vowel slips such as Acosta/Acsta and
 * Assefa/Assifa keep their skeleton): survives any date error and an error in any other word.
 */
export const NAME_PAIR_RULE: BlockingRule = {
  name: 'name words pair',
  refineByYear: true,
  windows: true,
  keys(store, record, emit) {
    const words = nameWords(store, record, 2, scratch, store.tokens.skel);
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 1; b < words.length; b++) {
        const x = words[a] ?? 0;
        const y = words[b] ?? 0;
        emit(Math.min(x, y) * TWO_24 + Math.max(x, y));
      }
    }
  },
};

const prefixScratch: number[] = [];

/** Folded 3-letter prefixes of the name words, as numbers (base 64 on char codes). */
const namePrefixes = (store: FeatureStore, record: number, limit: number, out: number[]): number[] => {
  out.length = 0;
  const canon = store.tokens.canon;
  const text = store.tokens.canonText;
  for (const column of [store.given, store.family]) {
    if (!column) continue;
    const from = column.start[record] ?? 0;
    const to = Math.min(column.start[record + 1] ?? 0, from + limit);
    for (let p = from; p < to; p++) {
      const word = text[canon[column.tokens[p] ?? 0] ?? 0] ?? '';
      if (word.length < 3) {
        out.push(-1);
        continue;
      }
      out.push(((word.charCodeAt(0) & 63) * 64 + (word.charCodeAt(1) & 63)) * 64 + (word.charCodeAt(2) & 63));
    }
  }
  return out;
};

const wordsScratch: number[] = [];

/**
 * One name word by phonetic key with the first three letters of another: survives a typing
 * error after the third letter of a word that the phonetic key does not absorb (Alvarez and
 * Alvsres), whatever the date of birth says.
 */
export const NAME_PREFIX_RULE: BlockingRule = {
  name: 'name word + prefix of another',
  refineByYear: true,
  windows: true,
  keys(store, record, emit) {
    const phon = store.tokens.phon;
    wordsScratch.length = 0;
    let givenWords = 0;
    for (const column of [store.given, store.family]) {
      if (!column) continue;
      const from = column.start[record] ?? 0;
      const to = Math.min(column.start[record + 1] ?? 0, from + 2);
      for (let p = from; p < to; p++) wordsScratch.push(phon[column.tokens[p] ?? 0] ?? 0);
      if (column === store.given) givenWords = wordsScratch.length;
    }
    const prefixes = namePrefixes(store, record, 2, prefixScratch);
    // Words of one field with prefixes of the other (and within the family names, whose second
    // word is as likely to be misspelt as the first), not every combination: half the keys.
    for (let a = 0; a < wordsScratch.length; a++) {
      for (let b = 0; b < prefixes.length; b++) {
        const pre = prefixes[b] ?? -1;
        if (a === b || pre < 0) continue;
        if (a < givenWords && b < givenWords) continue;
        emit((wordsScratch[a] ?? 0) * 262_144 + pre);
      }
    }
  },
};

/**
 * One name word and the year of birth: for dates recorded as a year or 1 January. A block larger
 * than the cap (a common word in a crowded year) is dropped: most of its pairs also share a
 * name-pair or prefix block, compared in windows, and windows here too cost 12 % more candidate
 * pairs at a million records for under 0.1 point of recall.
 */
export const NAME_YEAR_RULE: BlockingRule = {
  name: 'name word + birth year',
  refineByYear: false,
  windows: false,
  keys(store, record, emit) {
    const year = Math.floor((store.birthDate?.[record] ?? 0) / 10000);
    if (year <= 0) return;
    for (const w of nameWords(store, record, 4, scratch)) emit(w * 4096 + (year % 4096));
  },
};

/** One name word and the full date of birth (day and month in either order). */
export const NAME_DATE_RULE: BlockingRule = {
  name: 'name word + birth date',
  refineByYear: false,
  windows: true,
  keys(store, record, emit) {
    const d = dateKey(store.birthDate?.[record] ?? 0);
    if (d < 0) return;
    for (const w of nameWords(store, record, 4, scratch)) emit(w * 2 ** 27 + d);
  },
};

/** Full date of birth with nationality, postcode or town: survives errors in every name. */
export const DATE_CONTEXT_RULE: BlockingRule = {
  name: 'birth date + place',
  refineByYear: false,
  windows: true,
  keys(store, record, emit) {
    const d = dateKey(store.birthDate?.[record] ?? 0);
    if (d < 0) return;
    const fields = [
      store.values.nationality,
      store.values.postcode,
      store.values.city,
      store.values.birth_place,
    ];
    for (let f = 0; f < fields.length; f++) {
      const id = fields[f]?.ids[record] ?? -1;
      if (id >= 0) emit((d * 4 + f) * 2 ** 22 + (id % 2 ** 22));
    }
  },
};

/** Identity document number, exactly. */
export const DOCUMENT_RULE: BlockingRule = {
  name: 'document number',
  refineByYear: false,
  windows: true,
  keys(store, record, emit) {
    const col = store.values.document_number;
    const id = col?.ids[record] ?? -1;
    if (id >= 0 && (col?.values[id]?.length ?? 0) >= 4) emit(id);
  },
};

/** Street number with postcode or with street name: for address-bearing registers. */
export const ADDRESS_RULE: BlockingRule = {
  name: 'street number + postcode or street',
  refineByYear: true,
  windows: true,
  keys(store, record, emit) {
    const num = store.values.street_number?.ids[record] ?? -1;
    if (num < 0) return;
    const pc = store.values.postcode?.ids[record] ?? -1;
    if (pc >= 0) emit(num * 2 * TWO_24 + pc);
    const street = store.values.address_1?.ids[record] ?? -1;
    if (street >= 0) emit(num * 2 * TWO_24 + TWO_24 + street);
  },
};

export const DEFAULT_RULES: readonly BlockingRule[] = [
  DOCUMENT_RULE,
  NAME_PAIR_RULE,
  NAME_PREFIX_RULE,
  NAME_YEAR_RULE,
  DATE_CONTEXT_RULE,
  ADDRESS_RULE,
];

/** A growable Int32 buffer: millions of entries without a JavaScript array per record. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * A 32-bit hash of an integer key below 2^53. Two keys that collide merely share a block, which
 * costs a few extra comparisons and loses nothing.
 */
function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Stable LSD radix sort of (hash, record) entries by hash, two 16-bit passes. Grouping by sorting
 * rather than by a hash table: sequential memory traffic instead of a cache miss per entry, which
 * made blocking a million records several times faster. Stability keeps records ascending within
 * a group, as they were emitted.
 */
function sortByHash(
  hashes: Uint32Array,
  recs: Int32Array,
  n: number,
): { hashes: Uint32Array; recs: Int32Array } {
  let srcH: Uint32Array = hashes;
  let srcR: Int32Array = recs;
  let dstH: Uint32Array = new Uint32Array(n);
  let dstR: Int32Array = new Int32Array(n);
  const counts = new Int32Array(65537);
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let e = 0; e < n; e++) {
      const d = ((srcH[e] ?? 0) >>> shift) & 0xffff;
      counts[d + 1] = (counts[d + 1] ?? 0) + 1;
    }
    for (let d = 0; d < 65536; d++) counts[d + 1] = (counts[d + 1] ?? 0) + (counts[d] ?? 0);
    for (let e = 0; e < n; e++) {
      const h = srcH[e] ?? 0;
      const d = (h >>> shift) & 0xffff;
      const at = counts[d] ?? 0;
      counts[d] = at + 1;
      dstH[at] = h;
      dstR[at] = srcR[e] ?? 0;
    }
    const th = srcH;
    const tr = srcR;
    srcH = dstH;
    srcR = dstR;
    dstH = th;
    dstR = tr;
  }
  return { hashes: srcH, recs: srcR };
}

/**
 * Groups records by an integer key (negative: no key) in linear time: hashed, radix-sorted.
 * Returns the records in group order and the start of each group of two or more.
 */
export function groupByKey(
  n: number,
  keyOf: (i: number) => number,
): { records: Int32Array; starts: number[] } {
  const hashes = new Uint32Array(n);
  const recs = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = keyOf(i);
    if (k < 0) continue;
    hashes[m] = hashKey(k);
    recs[m] = i;
    m++;
  }
  const sorted = sortByHash(hashes, recs, m);
  const starts: number[] = [];
  let from = 0;
  while (from < m) {
    const h = sorted.hashes[from];
    let to = from + 1;
    while (to < m && sorted.hashes[to] === h) to++;
    if (to - from >= 2) starts.push(from, to);
    from = to;
  }
  return { records: sorted.recs, starts };
}

/** For linkage, a block is worth keeping only if it has records from both sides. */
function blockPairs(store: FeatureStore, members: ArrayLike<number>, from: number, to: number): number {
  const n = to - from;
  if (store.split >= store.size) return (n * (n - 1)) / 2;
  let left = 0;
  for (let p = from; p < to; p++) if ((members[p] ?? 0) < store.split) left++;
  return left * (n - left);
}

/** A record's place in a sort order of the whole register, and the order itself. */
interface SortOrder {
  rank: Int32Array;
  byRank: Int32Array;
}

function orderFromRanks(byRank: Int32Array): SortOrder {
  const rank = new Int32Array(byRank.length);
  for (let k = 0; k < byRank.length; k++) rank[byRank[k] ?? 0] = k;
  return { rank, byRank };
}

/**
 * By day and month of birth (either order), then year, then record: registrations of one
 * person whose years disagree (a typing error, an age turned into a year) stay neighbours, and
 * so do those with day and month swapped. Unknown parts count as 0.
 */
function dateOrder(store: FeatureStore): SortOrder {
  const n = store.size;
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const packed = store.birthDate?.[r] ?? 0;
    const month = Math.floor(packed / 100) % 100;
    const day = packed % 100;
    const dayMonth = Math.min(month, day) * 100 + Math.max(month, day);
    keys[r] = (dayMonth * 10000 + Math.floor(packed / 10000)) * n + r;
  }
  keys.sort();
  const byRank = new Int32Array(n);
  for (let k = 0; k < n; k++) byRank[k] = (keys[k] ?? 0) % n;
  return orderFromRanks(byRank);
}

/**
 * By the phonetic keys of the first family and first given name words, then as dateOrder: the
 * order that brings together the registrations of one name whatever their dates (or lack of).
 */
function nameOrder(store: FeatureStore, byDate: SortOrder): SortOrder {
  const n = store.size;
  const phon = store.tokens.phon;
  const firstWord = (column: FeatureStore['given'], r: number) => {
    if (!column || (column.start[r] ?? 0) === (column.start[r + 1] ?? 0)) return 0;
    return (phon[column.tokens[column.start[r] ?? 0] ?? 0] ?? 0) + 1;
  };
  const names = new Float64Array(n);
  for (let r = 0; r < n; r++) names[r] = firstWord(store.family, r) * TWO_24 + firstWord(store.given, r);
  // A name's place among the sorted names, below n, then the date rank: one key below n², so
  // that a native numeric sort does the work (a comparator over a million records is slower).
  const sortedNames = names.slice().sort();
  const keys = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const name = names[r] ?? 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sortedNames[mid] ?? 0) < name) lo = mid + 1;
      else hi = mid;
    }
    keys[r] = lo * n + (byDate.rank[r] ?? 0);
  }
  keys.sort();
  const byRank = new Int32Array(n);
  for (let k = 0; k < n; k++) byRank[k] = byDate.byRank[(keys[k] ?? 0) % n] ?? 0;
  return orderFromRanks(byRank);
}

/**
 * Compares the blocks too large to compare in full, at a cost that grows with their size, not
 * with its square. For a rule that asks, the block is first split by birth year and each year
 * within the cap is compared in full. Then the whole block, records without a year and crowded
 * years included, is compared in windows of `width` members overlapping by half along each of
 * two sort orders of the register restricted to the block (the sorted-neighbourhood method
 * inside the block): registrations of one person whose dates disagree, or that lack one, stay
 * neighbours in one order or the other. Each member is in about two windows per order, so a
 * block of S members adds under 2 × S × width candidate pairs. The orders are computed once, at
 * the first oversized block; scratch space is reused from block to block. Sort keys pack two
 * numbers below the register's size into one double: exact up to 90 million records.
 */
class OversizedBlocks {
  private orders: SortOrder[] | undefined;
  private members = new Int32Array(1024);
  private group = new Int32Array(1024);
  private keys = new Float64Array(1024);
  private byYear = new Float64Array(1024);
  /**
   * The last birth-year group compared in full that each record was in (0: none): a window
   * wholly inside one adds nothing, whichever block the group was in.
   */
  private readonly yearGroup: Int32Array;
  private yearGroups = 0;
  private readonly width: number;
  private readonly step: number;
  private readonly window: Int32Array;

  constructor(
    private readonly store: FeatureStore,
    private readonly maxBlockSize: number,
    windowSize: number,
    private readonly emit: (members: ArrayLike<number>, from: number, to: number) => void,
  ) {
    this.width = Math.max(2, Math.min(windowSize, maxBlockSize));
    this.step = Math.floor(this.width / 2);
    this.window = new Int32Array(this.width);
    this.yearGroup = new Int32Array(store.size);
  }

  /**
   * Compares block[from, to) (ascending records, a record listed twice counts once) as its rule
   * says; false if, without its repeats, it was within the cap after all and compared in full.
   */
  compare(block: ArrayLike<number>, from: number, to: number, rule: BlockingRule): boolean {
    const size = this.load(block, from, to);
    if (size <= this.maxBlockSize) {
      this.emit(this.members, 0, size);
      return false;
    }
    if (rule.refineByYear) this.compareYears(size);
    if (rule.windows) this.compareWindows(size);
    return true;
  }

  private compareWindows(size: number): void {
    if (!this.orders) {
      const byDate = dateOrder(this.store);
      this.orders = [byDate, nameOrder(this.store, byDate)];
    }
    const { width, step, window, members, group } = this;
    for (let k = 0; k < size; k++) group[k] = this.yearGroup[members[k] ?? 0] ?? 0;
    // Sorted as rank × size + place in the block, which leads back to the member without a
    // lookup into the register-wide order (at a million records, a cache miss each).
    const keys = this.keys.subarray(0, size);
    for (const { rank } of this.orders) {
      for (let k = 0; k < size; k++) keys[k] = (rank[members[k] ?? 0] ?? 0) * size + k;
      keys.sort();
      for (let start = 0; ; start += step) {
        const at = Math.min(start, size - width);
        const first = (keys[at] ?? 0) % size;
        let inside = (group[first] ?? 0) !== 0;
        // Records ascending, by insertion: a window is a handful of records.
        for (let k = 0; k < width; k++) {
          const place = (keys[at + k] ?? 0) % size;
          inside &&= group[place] === group[first];
          const r = members[place] ?? 0;
          let j = k;
          while (j > 0 && (window[j - 1] ?? 0) > r) {
            window[j] = window[j - 1] ?? 0;
            j--;
          }
          window[j] = r;
        }
        if (!inside) this.emit(window, 0, width);
        if (at + width >= size) break;
      }
    }
  }

  private load(members: ArrayLike<number>, from: number, to: number): number {
    if (to - from > this.members.length) {
      const capacity = Math.max(to - from, this.members.length * 2);
      this.members = new Int32Array(capacity);
      this.group = new Int32Array(capacity);
      this.keys = new Float64Array(capacity);
      this.byYear = new Float64Array(capacity);
    }
    let size = 0;
    for (let p = from; p < to; p++) {
      const r = members[p] ?? 0;
      if (size === 0 || this.members[size - 1] !== r) this.members[size++] = r;
    }
    return size;
  }

  /** Compares in full each birth year of the block within the cap; records without a year wait. */
  private compareYears(size: number): void {
    const n = this.store.size;
    const dates = this.store.birthDate;
    let count = 0;
    for (let k = 0; k < size; k++) {
      const r = this.members[k] ?? 0;
      const year = Math.floor((dates?.[r] ?? 0) / 10000);
      if (year > 0) this.byYear[count++] = year * n + r;
    }
    const byYear = this.byYear.subarray(0, count);
    byYear.sort();
    for (let k = 0; k < count; k++) byYear[k] = (byYear[k] ?? 0) % n;
    let a = 0;
    while (a < count) {
      const year = Math.floor((dates?.[byYear[a] ?? 0] ?? 0) / 10000);
      let b = a + 1;
      while (b < count && Math.floor((dates?.[byYear[b] ?? 0] ?? 0) / 10000) === year) b++;
      if (b - a >= 2 && b - a <= this.maxBlockSize) {
        this.emit(byYear, a, b);
        this.yearGroups++;
        for (let k = a; k < b; k++) this.yearGroup[byYear[k] ?? 0] = this.yearGroups;
      }
      a = b;
    }
  }
}

/**
 * The default largest block: generous for registers of thousands, tighter for millions, where a
 * common name pair (José García) would otherwise fill blocks of thousands. Oversized blocks are
 * refined by birth year first, then compared in windows.
 */
export function defaultMaxBlockSize(records: number): number {
  return Math.max(24, Math.min(300, Math.round(5e6 / Math.max(1, records))));
}

export function buildBlocks(store: FeatureStore, options: BlockingOptions = {}): Blocks {
  const rules = options.rules ?? DEFAULT_RULES;
  const maxBlockSize = options.maxBlockSize ?? defaultMaxBlockSize(store.size);
  const n = store.size;
  const allMembers = new IntBuffer();
  const blockSizes = new IntBuffer();
  const ruleStart: number[] = [];
  const dropped: number[] = [];
  const windowed: number[] = [];
  let hashes = new Uint32Array(Math.max(1024, n * 4));
  let recs = new Int32Array(hashes.length);
  const emitBlock = (members: ArrayLike<number>, from: number, to: number) => {
    // A record can emit the same key twice (repeated name words); keep it once.
    const start = allMembers.length;
    let last = -1;
    for (let p = from; p < to; p++) {
      const r = members[p] ?? 0;
      if (r !== last) allMembers.push(r);
      last = r;
    }
    const size = allMembers.length - start;
    if (size < 2 || blockPairs(store, allMembers.data, start, allMembers.length) === 0) {
      allMembers.length = start;
      return;
    }
    blockSizes.push(size);
  };
  const oversized = new OversizedBlocks(store, maxBlockSize, options.windowSize ?? 2, emitBlock);
  for (const rule of rules) {
    ruleStart.push(blockSizes.length);
    let entries = 0;
    let current = 0;
    const emit = (key: number) => {
      if (entries === hashes.length) {
        const h = new Uint32Array(hashes.length * 2);
        h.set(hashes);
        hashes = h;
        const r = new Int32Array(recs.length * 2);
        r.set(recs);
        recs = r;
      }
      hashes[entries] = hashKey(key);
      recs[entries] = current;
      entries++;
    };
    for (let i = 0; i < n; i++) {
      current = i;
      rule.keys(store, i, emit);
    }
    const sorted = sortByHash(hashes, recs, entries);
    let droppedHere = 0;
    let windowedHere = 0;
    let from = 0;
    while (from < entries) {
      const h = sorted.hashes[from] ?? 0;
      let to = from + 1;
      while (to < entries && sorted.hashes[to] === h) to++;
      const size = to - from;
      if (size >= 2 && size <= maxBlockSize) emitBlock(sorted.recs, from, to);
      else if (size > maxBlockSize) {
        if (oversized.compare(sorted.recs, from, to, rule)) {
          if (rule.windows) windowedHere++;
          else droppedHere++;
        }
      }
      from = to;
    }
    dropped.push(droppedHere);
    windowed.push(windowedHere);
  }
  ruleStart.push(blockSizes.length);

  const B = blockSizes.length;
  const blockStart = new Int32Array(new SharedArrayBuffer((B + 1) * 4));
  for (let b = 0; b < B; b++) blockStart[b + 1] = (blockStart[b] ?? 0) + (blockSizes.data[b] ?? 0);
  const members = new Int32Array(new SharedArrayBuffer(Math.max(1, allMembers.length) * 4));
  members.set(allMembers.data.subarray(0, allMembers.length));

  // Record → blocks, ascending, by counting sort over blocks in order.
  const recordStart = new Int32Array(new SharedArrayBuffer((n + 1) * 4));
  for (let p = 0; p < allMembers.length; p++) {
    const r = members[p] ?? 0;
    recordStart[r + 1] = (recordStart[r + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) recordStart[i + 1] = (recordStart[i + 1] ?? 0) + (recordStart[i] ?? 0);
  const recordBlocks = new Int32Array(new SharedArrayBuffer(Math.max(1, allMembers.length) * 4));
  const cursor = recordStart.slice(0, n);
  for (let b = 0; b < B; b++) {
    for (let p = blockStart[b] ?? 0; p < (blockStart[b + 1] ?? 0); p++) {
      const r = members[p] ?? 0;
      const at = cursor[r] ?? 0;
      recordBlocks[at] = b;
      cursor[r] = at + 1;
    }
  }
  return {
    rules: rules.map((r) => r.name),
    blockStart,
    members,
    ruleStart,
    recordStart,
    recordBlocks,
    dropped,
    windowed,
  };
}

/** The first block, by id, that records x and y share; -1 if none. */
export function firstSharedBlock(blocks: Blocks, x: number, y: number): number {
  const rb = blocks.recordBlocks;
  let p = blocks.recordStart[x] ?? 0;
  const pe = blocks.recordStart[x + 1] ?? 0;
  let q = blocks.recordStart[y] ?? 0;
  const qe = blocks.recordStart[y + 1] ?? 0;
  while (p < pe && q < qe) {
    const a = rb[p] ?? 0;
    const b = rb[q] ?? 0;
    if (a === b) return a;
    if (a < b) p++;
    else q++;
  }
  return -1;
}

/**
 * Calls `visit` for every candidate pair of blocks [from, to), each pair once overall.
 * For linkage only left-right pairs are visited, left first.
 */
export function forEachCandidatePair(
  store: FeatureStore,
  blocks: Blocks,
  from: number,
  to: number,
  visit: (x: number, y: number) => void,
): void {
  const linking = store.split < store.size;
  const split = store.split;
  const members = blocks.members;
  for (let b = from; b < to; b++) {
    const s = blocks.blockStart[b] ?? 0;
    const e = blocks.blockStart[b + 1] ?? 0;
    for (let p = s; p < e; p++) {
      const x = members[p] ?? 0;
      for (let q = p + 1; q < e; q++) {
        const y = members[q] ?? 0;
        if (linking && x < split === y < split) continue;
        if (firstSharedBlock(blocks, x, y) !== b) continue;
        visit(x, y);
      }
    }
  }
}

/** Candidate pairs (an upper bound, before removing repeats) per block, to split work evenly. */
export function blockWork(blocks: Blocks, b: number): number {
  const n = (blocks.blockStart[b + 1] ?? 0) - (blocks.blockStart[b] ?? 0);
  return (n * (n - 1)) / 2;
}
