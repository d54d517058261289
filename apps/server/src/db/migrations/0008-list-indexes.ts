import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../dialect';

// Indexes that keep a list page of a million incidents within 50 ms for a country's reader
// (modules/incidents/incidents.repository.ts, docs/PERFORMANCE.md). What a reader may see is two
// disjoint parts, each listed from its own indexes: the own country's incidents, and those of
// public sources held by other countries (`source <> 'enlace'`, a partial index: few rows).
// - incidents_list_idx: the own country by date, carrying every list filter, so that a filtered
//   page or count reads the index alone (it replaces incidents_country_date_idx, its prefix);
// - incidents_public_list_idx: the public part by date (and owner, to leave the own country out);
// - incidents_sort_*_idx: the own country in the order of each other sortable column.
// Each is declared as the list sorts (db/order.ts): text as bytes (COLLATE "C") and NULL first
// on PostgreSQL, so an index scan gives the rows in the list's order on both databases.
const FILTERS = ['kind', 'mode', 'route', 'place_country', 'region', 'source'];
// Every sortable column has one: without it a sort by kind took 3–4 s at 1,000,000 incidents on
// SQLite. Each is also one more write for each imported row (PERFORMANCE.md, the import).
const SORTS: { name: string; column: string; bytes?: boolean; nullable?: boolean }[] = [
  { name: 'reference', column: 'reference', bytes: true },
  { name: 'country', column: 'place_country', bytes: true, nullable: true },
  { name: 'kind', column: 'kind', bytes: true },
  { name: 'mode', column: 'mode', bytes: true, nullable: true },
  { name: 'migrants', column: 'migrants', nullable: true },
  { name: 'dead', column: 'dead', nullable: true },
  { name: 'missing', column: 'missing', nullable: true },
];
const CASE_SORTS: { name: string; column: string; bytes?: boolean }[] = [
  { name: 'updated', column: 'updated_at' },
  { name: 'opened', column: 'opened_on' },
  { name: 'reference', column: 'reference', bytes: true },
];

function keyOf(
  dialect: DialectName,
  column: string,
  o: { bytes?: boolean; nullable?: boolean },
): RawBuilder<unknown> {
  if (dialect !== 'postgres') return sql.ref(column);
  return sql`${sql.ref(column)}${sql.raw(`${o.bytes ? ' COLLATE "C"' : ''}${o.nullable ? ' NULLS FIRST' : ''}`)}`;
}

/** Key columns, then columns carried along (INCLUDE on PostgreSQL, more key columns on SQLite). */
function columns(dialect: DialectName, keys: RawBuilder<unknown>[], carried: string[]): RawBuilder<unknown> {
  const list = (items: RawBuilder<unknown>[]) => sql.join(items, sql`, `);
  const extra = carried.map((c) => sql.ref(c));
  if (dialect === 'postgres') return sql`(${list(keys)}) INCLUDE (${list(extra)})`;
  return sql`(${list([...keys, ...extra])})`;
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await sql`CREATE INDEX incidents_list_idx ON incidents ${columns(
    dialect,
    [sql.ref('country_code'), sql.ref('occurred_on'), sql.ref('id')],
    FILTERS,
  )}`.execute(db);
  await sql`DROP INDEX incidents_country_date_idx`.execute(db);
  await sql`CREATE INDEX incidents_public_list_idx ON incidents ${columns(
    dialect,
    [sql.ref('occurred_on'), sql.ref('id')],
    ['country_code'],
  )} WHERE source <> 'enlace'`.execute(db);
  for (const s of SORTS) {
    await sql`CREATE INDEX ${sql.raw(`incidents_sort_${s.name}_idx`)} ON incidents
      (country_code, ${keyOf(dialect, s.column, s)}, id)`.execute(db);
  }
  for (const s of CASE_SORTS) {
    await sql`CREATE INDEX ${sql.raw(`cases_sort_${s.name}_idx`)} ON cases
      (country_code, ${keyOf(dialect, s.column, s)}, id)`.execute(db);
  }
  // The list's order by updated_at now has its index with the tie-breaker.
  await sql`DROP INDEX cases_country_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX cases_country_idx ON cases (country_code, updated_at)`.execute(db);
  for (const s of CASE_SORTS) await sql`DROP INDEX ${sql.raw(`cases_sort_${s.name}_idx`)}`.execute(db);
  for (const s of SORTS) await sql`DROP INDEX ${sql.raw(`incidents_sort_${s.name}_idx`)}`.execute(db);
  await sql`DROP INDEX incidents_public_list_idx`.execute(db);
  await sql`CREATE INDEX incidents_country_date_idx ON incidents (country_code, occurred_on, id)`.execute(db);
  await sql`DROP INDEX incidents_list_idx`.execute(db);
}
