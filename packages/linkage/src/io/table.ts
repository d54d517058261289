import {
  CANONICAL_FIELDS,
  type CanonicalField,
  isCanonicalField,
  PRESETS,
  type RecordTable,
} from '../schema';
import { type CsvColumns, cell } from './csv';

/** Input the caller can fix: a missing column, an unknown field, an unknown preset. */
export class LinkageInputError extends Error {}

export interface ColumnMapping {
  /** Column holding the record id (default rec_id). */
  idColumn?: string;
  /** A named preset of column renames, e.g. "febrl". */
  preset?: string;
  /** Column → canonical field; overrides the preset and same-named columns. */
  map?: Record<string, string>;
}

/** Parses `column=field` strings as given to --map. */
export function parseMapArguments(args: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0 || eq === arg.length - 1) {
      throw new LinkageInputError(
        `--map expects column=field, got "${arg}" (give the file names before --map)`,
      );
    }
    map[arg.slice(0, eq).trim()] = arg.slice(eq + 1).trim();
  }
  return map;
}

/**
 * Which columns of a file the mapping uses: the id column and every column that maps to a field.
 * For readCsvFile's `select`, so that columns nobody reads are not stored.
 */
export function mappedColumns(header: readonly string[], mapping: ColumnMapping): boolean[] {
  const idColumn = mapping.idColumn ?? 'rec_id';
  const explicit = mapping.map ?? {};
  const preset = mapping.preset ? (PRESETS[mapping.preset] ?? {}) : {};
  return header.map(
    (h) =>
      h === idColumn ||
      h in explicit ||
      h in preset ||
      (isCanonicalField(h) && !Object.values(explicit).includes(h)),
  );
}

/** Checks a mapping before any file is read, so that a typo fails fast. */
export function validateMapping(mapping: ColumnMapping): void {
  if (mapping.preset !== undefined && PRESETS[mapping.preset] === undefined) {
    throw new LinkageInputError(
      `Unknown preset "${mapping.preset}" (known presets: ${Object.keys(PRESETS).join(', ')})`,
    );
  }
  for (const [column, field] of Object.entries(mapping.map ?? {})) {
    if (!isCanonicalField(field)) {
      throw new LinkageInputError(
        `Unknown field "${field}" in --map ${column}=${field} (known fields: ${CANONICAL_FIELDS.join(', ')})`,
      );
    }
  }
}

/**
 * Turns parsed CSV columns into a record table. Columns are matched to fields by the explicit
 * map, then the preset, then by having a canonical field's name; other columns are ignored.
 * Several columns mapped to one field (first and middle name) are joined with a space.
 */
export function tableFromCsv(csv: CsvColumns, mapping: ColumnMapping, source: string): RecordTable {
  validateMapping(mapping);
  const idColumn = mapping.idColumn ?? 'rec_id';
  const index = new Map(csv.header.map((h, i) => [h.trim(), i]));
  const idIndex = index.get(idColumn);
  if (idIndex === undefined) {
    throw new LinkageInputError(
      `${source}: no id column "${idColumn}" (columns: ${csv.header.join(', ')}); name it with --id`,
    );
  }
  const fieldColumns = new Map<CanonicalField, number[]>();
  const assign = (column: string, field: CanonicalField) => {
    const at = index.get(column);
    if (at === undefined || at === idIndex) return false;
    const list = fieldColumns.get(field) ?? [];
    if (!list.includes(at)) list.push(at);
    fieldColumns.set(field, list);
    return true;
  };
  const explicit = mapping.map ?? {};
  for (const [column, field] of Object.entries(explicit)) {
    if (!index.has(column)) {
      throw new LinkageInputError(`${source}: --map names column "${column}", which the file does not have`);
    }
    assign(column, field as CanonicalField);
  }
  const mappedColumns = new Set(Object.keys(explicit));
  const preset = mapping.preset ? (PRESETS[mapping.preset] ?? {}) : {};
  for (const [column, field] of Object.entries(preset)) {
    if (mappedColumns.has(column) || fieldColumns.has(field)) continue;
    if (assign(column, field)) mappedColumns.add(column);
  }
  for (const field of CANONICAL_FIELDS) {
    if (fieldColumns.has(field) || mappedColumns.has(field)) continue;
    assign(field, field);
  }
  if (fieldColumns.size === 0) {
    throw new LinkageInputError(
      `${source}: no column maps to a known field (columns: ${csv.header.join(', ')}); use --map column=field or --preset`,
    );
  }
  const idColumnData = csv.columns[idIndex];
  if (!idColumnData) throw new LinkageInputError(`${source}: no id column "${idColumn}"`);
  // Every id is distinct exactly when the dictionary has one value per row (plus the empty one).
  const seen = new Uint8Array(idColumnData.values.length);
  const ids = new Array<string>(csv.rows);
  for (let r = 0; r < csv.rows; r++) {
    const code = idColumnData.codes[r] ?? 0;
    const id = idColumnData.values[code] ?? '';
    if (id === '') {
      throw new LinkageInputError(
        `${source}: the record on data row ${r + 1} has an empty id in column "${idColumn}"`,
      );
    }
    if (seen[code]) throw new LinkageInputError(`${source}: id "${id}" appears more than once`);
    seen[code] = 1;
    ids[r] = id;
  }
  const columns: RecordTable['columns'] = {};
  for (const [field, at] of fieldColumns) {
    const parts = at.map((c) => csv.columns[c]).filter((c) => c !== undefined);
    const first = parts[0];
    if (parts.length === 1 && first) columns[field] = first;
    else {
      columns[field] = ids.map((_, r) =>
        parts
          .map((p) => cell(p, r))
          .filter((v) => v !== '')
          .join(' '),
      );
    }
  }
  return { ids, columns };
}
