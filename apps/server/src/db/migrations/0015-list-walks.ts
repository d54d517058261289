import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../dialect';

// The list indexes of 0008, rebuilt so that a list page never reads the table to decide whether a
// row matches (modules/incidents/incidents.repository.ts, docs/PERFORMANCE.md):
// - incidents_sort_*_idx (country, column, id) now carry every list filter. A page sorted by a
//   column walks its index; a filter that correlates with that order (the last 12 months by
//   reference: references embed the date) made it read years of the country's rows from the table
//   before the first match (1.1 s at 1,000,000 incidents); checked in the index, the whole walk of
//   a country's 363,000 entries takes ≈ 40 ms.
// - incidents_list_idx (country, date, id) now also carries the sort columns, so that sorting a
//   few thousand matches reads their keys from the index too.
// And the search tokens of incidents and cases get their owner country's token (platform/search
// `ownerToken`), so that a search of one country's records is answered by the full-text index.
const FILTERS = ['occurred_on', 'kind', 'mode', 'route', 'place_country', 'region', 'source'];
const SORTS: { name: string; column: string; bytes?: boolean; nullable?: boolean }[] = [
  { name: 'reference', column: 'reference', bytes: true },
  { name: 'country', column: 'place_country', bytes: true, nullable: true },
  { name: 'kind', column: 'kind', bytes: true },
  { name: 'mode', column: 'mode', bytes: true, nullable: true },
  { name: 'migrants', column: 'migrants', nullable: true },
  { name: 'dead', column: 'dead', nullable: true },
  { name: 'missing', column: 'missing', nullable: true },
];

function keyOf(
  dialect: DialectName,
  column: string,
  o: { bytes?: boolean; nullable?: boolean },
): RawBuilder<unknown> {
  if (dialect !== 'postgres') return sql.ref(column);
  return sql`${sql.ref(column)}${sql.raw(`${o.bytes ? ' COLLATE "C"' : ''}${o.nullable ? ' NULLS FIRST' : ''}`)}`;
}

/**
 * Key columns, then the columns carried along, as more key columns on both databases: PostgreSQL
 * checks a condition on a key column inside the index, but on an INCLUDE column only after
 * reading the row (an Index Scan's Filter).
 */
function columns(keys: RawBuilder<unknown>[], carried: string[]): RawBuilder<unknown> {
  return sql`(${sql.join([...keys, ...carried.map((c) => sql.ref(c))], sql`, `)})`;
}

async function build(db: Kysely<unknown>, dialect: DialectName, wide: boolean): Promise<void> {
  const sortCarried = (column: string) => (wide ? FILTERS.filter((f) => f !== column) : []);
  for (const s of SORTS) {
    const name = sql.raw(`incidents_sort_${s.name}_idx`);
    await sql`DROP INDEX ${name}`.execute(db);
    const keys = [sql.ref('country_code'), keyOf(dialect, s.column, s), sql.ref('id')];
    await sql`CREATE INDEX ${name} ON incidents ${columns(keys, sortCarried(s.column))}`.execute(db);
  }
  const listCarried = FILTERS.filter((f) => f !== 'occurred_on');
  if (wide) listCarried.push('reference', 'migrants', 'dead', 'missing');
  await sql`DROP INDEX incidents_list_idx`.execute(db);
  const keys = [sql.ref('country_code'), sql.ref('occurred_on'), sql.ref('id')];
  if (wide) {
    await sql`CREATE INDEX incidents_list_idx ON incidents ${columns(keys, listCarried)}`.execute(db);
    return;
  }
  // As 0008 made it.
  const carried = sql.join(
    listCarried.map((c) => sql.ref(c)),
    sql`, `,
  );
  if (dialect === 'postgres') {
    await sql`CREATE INDEX incidents_list_idx ON incidents (${sql.join(keys, sql`, `)}) INCLUDE (${carried})`.execute(
      db,
    );
  } else
    await sql`CREATE INDEX incidents_list_idx ON incidents (${sql.join(keys, sql`, `)}, ${carried})`.execute(
      db,
    );
}

// The token as platform/search writes it (a migration keeps its own copy: the code may change).
const owner = sql`'o' || lower(country_code)`;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await build(db, dialect, true);
  for (const table of ['incidents', 'cases']) {
    await sql`UPDATE ${sql.table(table)} SET search_terms = CASE WHEN search_terms = '' THEN ${owner}
      ELSE search_terms || ' ' || ${owner} END WHERE search_terms IS NOT NULL`.execute(db);
  }
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const table of ['incidents', 'cases']) {
    await sql`UPDATE ${sql.table(table)} SET search_terms = CASE WHEN search_terms = ${owner} THEN ''
      ELSE substr(search_terms, 1, length(search_terms) - length(${owner}) - 1) END
      WHERE search_terms = ${owner} OR search_terms LIKE '% ' || ${owner}`.execute(db);
  }
  await build(db, dialect, false);
}
