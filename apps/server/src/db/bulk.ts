import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { CopyIn, type Db } from './dialect';

/** A column of a bulk write and its PostgreSQL type (SQLite needs none). */
export interface BulkColumn {
  name: string;
  type: 'text' | 'integer' | 'bigint' | 'double precision';
}

export interface BulkOptions {
  /** Upsert: on a conflict of these columns, add each of `add` to the existing row. */
  conflict?: { columns: readonly string[]; add: readonly string[] };
  /**
   * The table has a search index (db/search-ddl.ts). On SQLite its FTS5 rows are then written
   * once for all the rows, after them, instead of by the insert trigger one row at a time: FTS5
   * writes its pending terms to disk at the end of every statement, which made a 20,000-row
   * import spend a second in the trigger (ten times the cost of one statement for all).
   */
  searchIndexed?: boolean;
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

/** From this many rows, PostgreSQL gets the rows by binary COPY (see bulkWrite). */
const PG_COPY_FROM = 1000;
const COPY_BUFFER = 1 << 20;
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Rows in the binary format of PostgreSQL's COPY: a header, then per row the number of fields
 * and each field as its length (−1 for NULL) and its bytes in network order (int4, int8, float8,
 * UTF-8 text), then a trailer. No text to build here, none to parse on the server.
 */
export function encodeCopyBinary(
  columns: readonly BulkColumn[],
  count: number,
  row: (i: number) => readonly unknown[],
): Buffer[] {
  const chunks: Buffer[] = [];
  let buf = Buffer.allocUnsafe(COPY_BUFFER);
  let at = 0;
  const room = (n: number) => {
    if (at + n <= buf.length) return;
    chunks.push(buf.subarray(0, at));
    buf = Buffer.allocUnsafe(Math.max(COPY_BUFFER, n));
    at = 0;
  };
  COPY_SIGNATURE.copy(buf, 0);
  at = buf.writeInt32BE(0, buf.writeInt32BE(0, COPY_SIGNATURE.length));
  const fields = columns.length;
  for (let i = 0; i < count; i++) {
    const values = row(i);
    room(2);
    at = buf.writeInt16BE(fields, at);
    for (let k = 0; k < fields; k++) {
      const value = values[k];
      if (value === null || value === undefined) {
        room(4);
        at = buf.writeInt32BE(-1, at);
        continue;
      }
      switch ((columns[k] as BulkColumn).type) {
        case 'text': {
          const text = typeof value === 'string' ? value : String(value);
          const length = text.length;
          room(4 + length * 3);
          // Short ASCII text (codes, dates, ids: most fields) is copied here; a native call per
          // field would cost more than the copy.
          let n = 0;
          if (length <= 64) {
            const start = at + 4;
            while (n < length) {
              const code = text.charCodeAt(n);
              if (code >= 0x80) break;
              buf[start + n] = code;
              n++;
            }
          }
          if (n < length) n = buf.write(text, at + 4, 'utf8');
          buf.writeInt32BE(n, at);
          at += 4 + n;
          break;
        }
        case 'integer': {
          const n = Number(value);
          // Buffer would write a non-integer (NaN, a boolean gone wrong) as some number; refuse.
          if (!Number.isInteger(n)) throw new TypeError(`bulk write: ${String(value)} is not an integer`);
          room(8);
          buf.writeInt32BE(4, at);
          at = buf.writeInt32BE(n, at + 4);
          break;
        }
        case 'bigint':
          room(12);
          buf.writeInt32BE(8, at);
          at = buf.writeBigInt64BE(BigInt(value as number | string), at + 4);
          break;
        case 'double precision':
          room(12);
          buf.writeInt32BE(8, at);
          at = buf.writeDoubleBE(Number(value), at + 4);
          break;
      }
    }
  }
  room(2);
  at = buf.writeInt16BE(-1, at);
  chunks.push(buf.subarray(0, at));
  return chunks;
}

/**
 * Runs `insert` with the table's FTS5 insert trigger (db/search-ddl.ts) taken off for the time
 * of it, inside the caller's transaction, then indexes the rows it added (rowids above the
 * largest before) in one statement and puts the trigger back, as it was defined. SQLite's DDL is
 * transactional: no other connection ever sees the table without its trigger, and a rollback
 * restores it with the rows. (A trigger that does not fire still costs ≈ 20 µs on every
 * statement of this wide table: FTS5 joins each statement's savepoint.)
 */
function withSearchDeferred(handle: SQLite.Database, table: string, insert: () => void): void {
  const trigger = `${table}_search_ai`;
  const found = prepared(handle, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(
    trigger,
  ) as { sql: string } | undefined;
  if (!found) throw new Error(`bulk write: ${table} has no search trigger ${trigger}`);
  const before = prepared(handle, `SELECT coalesce(max(rowid), 0) AS last FROM "${table}"`).get() as {
    last: number | bigint;
  };
  handle.exec(`DROP TRIGGER "${trigger}"`);
  const restore = () => {
    handle
      .prepare(
        `INSERT INTO "${table}_search" (rowid, search_terms) SELECT rowid, search_terms FROM "${table}" WHERE rowid > ? AND search_terms IS NOT NULL`,
      )
      .run(before.last);
    handle.exec(found.sql);
  };
  try {
    insert();
  } catch (err) {
    try {
      restore();
    } catch {
      // A failed transaction may refuse further statements: its rollback restores the trigger.
    }
    throw err;
  }
  restore();
}

let temporaries = 0;

/**
 * Writes many rows at once, inside the caller's transaction: on SQLite one prepared statement
 * run per row on the same connection (no SQL to build per row); on PostgreSQL, from 1,000 rows,
 * one binary COPY (through a temporary table for an upsert, since COPY has no conflict clause),
 * and below that one statement with the rows as one JSON document (a COPY costs a few more round
 * trips, which a handful of rows does not repay). `row(i)` gives row i's values in column order
 * (it may reuse one array: a million rows need not allocate a million arrays).
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
    const insertAll = () => {
      for (let i = 0; i < count; i++) statement.run(row(i) as unknown[]);
    };
    if (opts.searchIndexed) withSearchDeferred(db.sqlite, table, insertAll);
    else insertAll();
    return;
  }
  if (count >= PG_COPY_FROM) {
    const copy = new CopyIn(encodeCopyBinary(columns, count, row));
    if (!opts.conflict) {
      await trx.executeQuery(
        CompiledQuery.raw(`COPY "${table}" (${names}) FROM STDIN (FORMAT binary)`, [copy]),
      );
      return;
    }
    const staging = `bulk_${table}_${++temporaries}`;
    // Queued together: the connection runs them in order, with no round trip between them.
    await Promise.all([
      sql`CREATE TEMPORARY TABLE ${sql.table(staging)} (LIKE ${sql.table(table)}) ON COMMIT DROP`.execute(
        trx,
      ),
      trx.executeQuery(CompiledQuery.raw(`COPY "${staging}" (${names}) FROM STDIN (FORMAT binary)`, [copy])),
      sql`INSERT INTO ${sql.table(table)} (${sql.raw(names)}) SELECT ${sql.raw(names)} FROM ${sql.table(staging)}${sql.raw(conflict)}`.execute(
        trx,
      ),
      sql`DROP TABLE ${sql.table(staging)}`.execute(trx),
    ]);
    return;
  }
  // Each batch travels as one JSON array of row arrays (JSON.stringify is native), unpacked and
  // typed by the server.
  const fields = sql.raw(columns.map((c, k) => `(r->>${k})::${c.type}`).join(', '));
  const batch: unknown[][] = [];
  for (let i = 0; i < count; i++) batch.push(row(i).slice());
  await sql`INSERT INTO ${sql.table(table)} (${sql.raw(names)})
    SELECT ${fields} FROM jsonb_array_elements(${JSON.stringify(batch)}::jsonb) AS r${sql.raw(conflict)}`.execute(
    trx,
  );
}
