import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { DialectName } from './dialect';

export interface OrderColumn {
  ref: string;
  /** Text compared byte by byte: PostgreSQL's collation of the database may ignore punctuation. */
  bytes?: boolean;
  /** May hold NULL: sorted as the smallest value, as SQLite does (PostgreSQL puts it last). */
  nullable?: boolean;
}

/**
 * One ORDER BY term that sorts alike on both databases. A PostgreSQL index serves it when it is
 * declared the same way (`COLLATE "C"`, `NULLS FIRST`).
 */
export function orderTerm(dialect: DialectName, col: OrderColumn, dir: 'asc' | 'desc'): RawBuilder<unknown> {
  const column = sql.ref(col.ref);
  if (dialect !== 'postgres') return sql`${column} ${sql.raw(dir)}`;
  const collate = col.bytes ? ' COLLATE "C"' : '';
  const nulls = col.nullable ? (dir === 'asc' ? ' NULLS FIRST' : ' NULLS LAST') : '';
  return sql`${column}${sql.raw(`${collate} ${dir}${nulls}`)}`;
}

/**
 * How many rows a query matches, counted up to `cap + 1` (a list says "10,000+" beyond its cap
 * instead of counting a million rows for its total).
 */
export async function countUpTo<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  query: SelectQueryBuilder<DB, TB, O>,
  cap: number,
): Promise<number> {
  const limited = query
    .clearSelect()
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (${limited}) AS m`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
