import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Db } from './dialect';

/** A column of a bulk write and its PostgreSQL type (SQLite needs none). */
export interface BulkColumn {
  name: string;
  type: 'text' | 'integer' | 'bigint' | 'double precision';
}

export interface BulkOptions {
  /** Upsert: on a conflict of these columns, add each of `add` to the existing row. */
  conflict?: { columns: readonly string[]; add: readonly string[] };
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function prepared(handle: SQLite.Database, text: string): SQLite.Statement {
  let cache = statements.get(handle);
  if (!cache) {
    cache = new Map();
    statements.set(handle, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = handle.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

const PG_BATCH = 50_000;

/**
 * Writes many rows at once, inside the caller's transaction: on SQLite one prepared statement
 * run per row on the same connection (no SQL to build per row), on PostgreSQL one statement per
 * 50,000 rows, sent as one JSON document. `row(i)` gives row i's values in column order (it may
 * reuse one array: a million rows need not allocate a million arrays).
 * Bulk imports and the rollups use it; the column lists are the code's own, never user input.
 */
export async function bulkWrite(
  db: Db,
  trx: Kysely<unknown>,
  table: string,
  columns: readonly BulkColumn[],
  count: number,
  row: (i: number) => readonly unknown[],
  opts: BulkOptions = {},
): Promise<void> {
  if (count === 0) return;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const conflict = opts.conflict
    ? ` ON CONFLICT (${opts.conflict.columns.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET ${opts.conflict.add
        .map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`)
        .join(', ')}`
    : '';
  if (db.sqlite) {
    const statement = prepared(
      db.sqlite,
      `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})${conflict}`,
    );
    for (let i = 0; i < count; i++) statement.run(row(i) as unknown[]);
    return;
  }
  // PostgreSQL: each batch travels as one JSON array of row arrays (JSON.stringify is native),
  // unpacked and typed by the server. Batches are sent without waiting for the previous one: the
  // server inserts a batch while the next is prepared here.
  const fields = sql.raw(columns.map((c, k) => `(r->>${k})::${c.type}`).join(', '));
  const pending: Promise<unknown>[] = [];
  for (let start = 0; start < count; start += PG_BATCH) {
    const end = Math.min(count, start + PG_BATCH);
    const batch: unknown[][] = [];
    for (let i = start; i < end; i++) batch.push(row(i).slice());
    pending.push(
      sql`INSERT INTO ${sql.table(table)} (${sql.raw(names)})
      SELECT ${fields} FROM jsonb_array_elements(${JSON.stringify(batch)}::jsonb) AS r${sql.raw(conflict)}`.execute(
        trx,
      ),
    );
  }
  await Promise.all(pending);
}
