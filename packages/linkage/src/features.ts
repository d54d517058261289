import { packDate, parseDate } from './normalize/dates';
import { canonicalName, nameTokens, phoneticKey, skeletonKey } from './normalize/names';
import { compactCode, foldText } from './normalize/text';
import { type CanonicalField, type Column, isDictColumn, type RecordTable } from './schema';

// Records are normalised once into typed arrays (on shared memory, so that worker threads can
// compare pairs without copying) plus small tables of distinct strings. Names, places and codes
// repeat a great deal, so every normaliser is memoised by raw value.

export const VALUE_FIELDS = [
  'nationality',
  'document_number',
  'birth_place',
  'street_number',
  'address_1',
  'address_2',
  'city',
  'postcode',
  'state',
] as const;
export type ValueFieldName = (typeof VALUE_FIELDS)[number];

/** How a value field is normalised: codes keep only letters and digits, text is folded. */
const CODE_FIELDS = new Set<ValueFieldName>(['nationality', 'document_number', 'street_number', 'postcode']);

export interface ValueColumn {
  /** Per record: index into `values`, or -1 when missing. */
  ids: Int32Array;
  values: string[];
  /** Occurrences of each value, for term-frequency adjustments. */
  counts: Int32Array;
  /** Records with a value. */
  present: number;
}

export interface NameColumn {
  /** CSR offsets: tokens of record i are tokens[start[i] .. start[i+1]). */
  start: Int32Array;
  tokens: Int32Array;
  /**
   * The name as one value for term frequencies: its words' phonetic keys, sorted, so that
   * "Marie Joseph", "Joseph Marie" and "Mari Jozef" count as one common name.
   */
  value: ValueColumn;
}

export interface TokenTable {
  /** Folded spelling of each distinct name word. */
  text: string[];
  /** Transliteration-canonical spelling (Mohammed → muhammad). */
  canon: Int32Array;
  canonText: string[];
  /** Phonetic key of the canonical spelling, as an id into phonText. */
  phon: Int32Array;
  phonText: string[];
  /** Consonant skeleton of the phonetic key, as an id into skelText. */
  skel: Int32Array;
  skelText: string[];
  /** Records in which each word occurs. */
  count: Int32Array;
}

export interface FeatureStore {
  size: number;
  /** Records [0, split) come from the left file and [split, size) from the right; size when deduplicating. */
  split: number;
  given?: NameColumn;
  family?: NameColumn;
  tokens: TokenTable;
  /** Packed YYYYMMDD with zeros for unknown parts; 0 when missing. */
  birthDate?: Int32Array;
  /** 0 unknown, 1 male, 2 female, 3 other. */
  sex?: Int8Array;
  values: Partial<Record<ValueFieldName, ValueColumn>>;
}

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, n) * 4));
}

function sharedInt8(n: number): Int8Array {
  return new Int8Array(new SharedArrayBuffer(Math.max(1, n)));
}

const SEX_CODES: Record<string, number> = {
  m: 1,
  male: 1,
  masculino: 1,
  masc: 1,
  h: 1,
  hombre: 1,
  man: 1,
  homme: 1,
  masculin: 1,
  '1': 1,
  f: 2,
  female: 2,
  femenino: 2,
  fem: 2,
  mujer: 2,
  woman: 2,
  femme: 2,
  feminin: 2,
  '2': 2,
  x: 3,
  other: 3,
  otro: 3,
  autre: 3,
};

export function parseSex(value: string): number {
  return SEX_CODES[foldText(value)] ?? 0;
}

class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  intern(v: string): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(v, id);
      this.values.push(v);
    }
    return id;
  }
}

/**
 * Calls sink(k, normalised value) for every row of the tables' columns (k counts across tables),
 * normalising each distinct raw value once: through the dictionary when the column is
 * dictionary-encoded, through a memo otherwise.
 */
function eachNormalised<T>(
  columns: readonly (Column | undefined)[],
  lengths: readonly number[],
  normalise: (raw: string) => T,
  sink: (k: number, value: T) => void,
): void {
  const memo = new Map<string, T>();
  const get = (raw: string): T => {
    let v = memo.get(raw);
    if (v === undefined) {
      v = normalise(raw);
      memo.set(raw, v);
    }
    return v;
  };
  let k = 0;
  columns.forEach((column, t) => {
    const n = lengths[t] ?? 0;
    if (column === undefined) {
      const empty = get('');
      for (let r = 0; r < n; r++) sink(k++, empty);
    } else if (isDictColumn(column)) {
      const values = column.values.map(get);
      const codes = column.codes;
      for (let r = 0; r < n; r++) sink(k++, values[codes[r] ?? 0] as T);
    } else {
      for (let r = 0; r < n; r++) sink(k++, get(column[r] ?? ''));
    }
  });
}

function buildValueColumn(
  columns: readonly (Column | undefined)[],
  lengths: readonly number[],
  normalise: (v: string) => string,
): ValueColumn | undefined {
  const total = lengths.reduce((a, b) => a + b, 0);
  const ids = sharedInt32(total);
  const interner = new Interner();
  let present = 0;
  eachNormalised(
    columns,
    lengths,
    (raw) => {
      const n = normalise(raw);
      return n === '' ? -1 : interner.intern(n);
    },
    (k, id) => {
      ids[k] = id;
      if (id >= 0) present++;
    },
  );
  if (present === 0) return undefined;
  const counts = sharedInt32(interner.values.length);
  for (let i = 0; i < total; i++) {
    const id = ids[i] ?? -1;
    if (id >= 0) counts[id] = (counts[id] ?? 0) + 1;
  }
  return { ids, values: interner.values, counts, present };
}

interface TokenBuilder {
  words: Interner;
  canon: Interner;
  phon: Interner;
  skel: Interner;
  canonOf: number[];
  phonOf: number[];
  skelOf: number[];
  count: number[];
}

function wordId(tb: TokenBuilder, word: string): number {
  const before = tb.words.values.length;
  const id = tb.words.intern(word);
  if (id === before) {
    const canonical = canonicalName(word);
    const phonetic = phoneticKey(canonical);
    tb.canonOf.push(tb.canon.intern(canonical));
    tb.phonOf.push(tb.phon.intern(phonetic));
    tb.skelOf.push(tb.skel.intern(skeletonKey(phonetic)));
    tb.count.push(0);
  }
  return id;
}

function buildNameColumn(
  columns: readonly (Column | undefined)[],
  lengths: readonly number[],
  kind: 'given' | 'family',
  tb: TokenBuilder,
): NameColumn | undefined {
  const total = lengths.reduce((a, b) => a + b, 0);
  const start = sharedInt32(total + 1);
  const valueIds = sharedInt32(total);
  const valueInterner = new Interner();
  const flat = new Int32Array(new SharedArrayBuffer(Math.max(4, total * 3) * 4));
  let tokens = flat;
  let used = 0;
  let present = 0;
  eachNormalised(
    columns,
    lengths,
    (raw) => {
      const ids = nameTokens(raw, kind).map((w) => wordId(tb, w));
      const phonetic = ids.map((id) => tb.phonOf[id] ?? 0).sort((a, b) => a - b);
      return { ids, value: ids.length > 0 ? valueInterner.intern(phonetic.join(' ')) : -1 };
    },
    (k, entry) => {
      start[k] = used;
      if (used + entry.ids.length > tokens.length) {
        const next = new Int32Array(new SharedArrayBuffer(tokens.length * 8));
        next.set(tokens);
        tokens = next;
      }
      for (const id of entry.ids) {
        tokens[used++] = id;
        tb.count[id] = (tb.count[id] ?? 0) + 1;
      }
      valueIds[k] = entry.value;
      if (entry.value >= 0) present++;
    },
  );
  start[total] = used;
  if (present === 0) return undefined;
  const counts = sharedInt32(valueInterner.values.length);
  for (let i = 0; i < total; i++) {
    const id = valueIds[i] ?? -1;
    if (id >= 0) counts[id] = (counts[id] ?? 0) + 1;
  }
  return { start, tokens, value: { ids: valueIds, values: valueInterner.values, counts, present } };
}

function columnsOf(
  tables: readonly RecordTable[],
  field: CanonicalField,
): (Column | undefined)[] | undefined {
  if (!tables.some((t) => t.columns[field] !== undefined)) return undefined;
  return tables.map((t) => t.columns[field]);
}

/**
 * Normalises one table (deduplication) or two (linkage; the left table's records come first).
 */
export function buildFeatures(tables: readonly RecordTable[]): FeatureStore {
  const size = tables.reduce((s, t) => s + t.ids.length, 0);
  const split = tables.length > 1 ? (tables[0]?.ids.length ?? 0) : size;
  const tb: TokenBuilder = {
    words: new Interner(),
    canon: new Interner(),
    phon: new Interner(),
    skel: new Interner(),
    canonOf: [],
    phonOf: [],
    skelOf: [],
    count: [],
  };
  const lengths = tables.map((t) => t.ids.length);
  const givenRaw = columnsOf(tables, 'given_names');
  const familyRaw = columnsOf(tables, 'family_names');
  const given = givenRaw ? buildNameColumn(givenRaw, lengths, 'given', tb) : undefined;
  const family = familyRaw ? buildNameColumn(familyRaw, lengths, 'family', tb) : undefined;

  const tokens: TokenTable = {
    text: tb.words.values,
    canon: Int32Array.from(tb.canonOf),
    canonText: tb.canon.values,
    phon: Int32Array.from(tb.phonOf),
    phonText: tb.phon.values,
    skel: Int32Array.from(tb.skelOf),
    skelText: tb.skel.values,
    count: Int32Array.from(tb.count),
  };

  const store: FeatureStore = { size, split, tokens, values: {} };
  if (given) store.given = given;
  if (family) store.family = family;

  const datesRaw = columnsOf(tables, 'birth_date');
  if (datesRaw) {
    const dates = sharedInt32(size);
    let present = 0;
    eachNormalised(
      datesRaw,
      lengths,
      (raw) => packDate(parseDate(raw)),
      (k, p) => {
        dates[k] = p;
        if (p !== 0) present++;
      },
    );
    if (present > 0) store.birthDate = dates;
  }

  const sexRaw = columnsOf(tables, 'sex');
  if (sexRaw) {
    const sex = sharedInt8(size);
    let present = 0;
    eachNormalised(sexRaw, lengths, parseSex, (k, v) => {
      sex[k] = v;
      if (v !== 0) present++;
    });
    if (present > 0) store.sex = sex;
  }

  for (const field of VALUE_FIELDS) {
    const raw = columnsOf(tables, field);
    if (!raw) continue;
    const column = buildValueColumn(raw, lengths, CODE_FIELDS.has(field) ? compactCode : foldText);
    if (column) store.values[field] = column;
  }
  return store;
}

/** Tokens of one record in a name column. */
export function nameTokensOf(column: NameColumn | undefined, record: number): Int32Array {
  if (!column) return EMPTY;
  return column.tokens.subarray(column.start[record] ?? 0, column.start[record + 1] ?? 0);
}

const EMPTY = new Int32Array(0);
