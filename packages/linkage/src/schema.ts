// The canonical fields every input is mapped onto. Column names in files vary by country and
// tool; the engine only ever sees these.

export const CANONICAL_FIELDS = [
  'given_names',
  'family_names',
  'sex',
  'birth_date',
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

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export function isCanonicalField(name: string): name is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(name);
}

/** A dictionary-encoded column: row r holds values[codes[r]]. */
export interface DictColumn {
  codes: Int32Array;
  values: string[];
}

/** A column of raw values: a plain array, or dictionary-encoded as CSV parsing yields. */
export type Column = string[] | DictColumn;

export function isDictColumn(column: Column): column is DictColumn {
  return !Array.isArray(column);
}

/**
 * Records in columnar form: one array of ids and one column of raw values per mapped field.
 * Columnar, dictionary-encoded storage keeps a million records in a few hundred megabytes.
 */
export interface RecordTable {
  ids: string[];
  columns: Partial<Record<CanonicalField, Column>>;
}

/** A record as an object, for callers that hold a handful of them (tests, the registry). */
export interface PersonRecord {
  id: string;
  given_names?: string;
  family_names?: string;
  sex?: string;
  birth_date?: string;
  nationality?: string;
  document_number?: string;
  birth_place?: string;
  street_number?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  postcode?: string;
  state?: string;
}

export function tableFromRecords(records: readonly PersonRecord[]): RecordTable {
  const columns: Partial<Record<CanonicalField, Column>> = {};
  for (const field of CANONICAL_FIELDS) {
    if (records.some((r) => r[field] !== undefined && r[field] !== '')) {
      columns[field] = records.map((r) => r[field] ?? '');
    }
  }
  return { ids: records.map((r) => r.id), columns };
}

/** Column mapping presets: they rename columns and nothing else. */
export const PRESETS: Record<string, Record<string, CanonicalField>> = {
  febrl: {
    given_name: 'given_names',
    surname: 'family_names',
    date_of_birth: 'birth_date',
    soc_sec_id: 'document_number',
    street_number: 'street_number',
    address_1: 'address_1',
    address_2: 'address_2',
    suburb: 'city',
    postcode: 'postcode',
    state: 'state',
  },
};
