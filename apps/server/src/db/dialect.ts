import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ensurePrivateDir, ensurePrivateFile } from './private-files';
import type { Database } from './schema';
import { waitingSqliteDialect } from './sqlite-driver';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where it was opened from: a worker thread opens its own connection to the same database. */
  url: string;
  /** The raw SQLite handle, for online backups; null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// int8 (COUNT(*), bigserial) as a JS number: our counters stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Rows for PostgreSQL's `COPY … FROM STDIN (FORMAT binary)`, already encoded (db/bulk.ts). A
 * query whose only parameter is a CopyIn is streamed to the server by pg-copy-streams instead of
 * being sent as a statement: Kysely has no COPY, and bulk writes need it inside their transaction.
 */
export class CopyIn {
  constructor(readonly chunks: readonly Buffer[]) {}
}

/** A pool whose clients run CopyIn queries as COPY streams; every other query passes through. */
function copyingPool(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    connect: async () => {
      const client = await pool.connect();
      const query = (text: string, parameters: readonly unknown[]) => {
        const [payload] = parameters;
        if (!(payload instanceof CopyIn)) return client.query(text, parameters as unknown[]);
        return new Promise((resolve, reject) => {
          const stream = client.query(copyFrom(text));
          stream.on('error', reject);
          stream.on('finish', () => resolve({ command: 'COPY', rowCount: stream.rowCount, rows: [] }));
          for (const chunk of payload.chunks) stream.write(chunk);
          stream.end();
        });
      };
      return { query, release: () => client.release() } as PostgresPoolClient;
    },
  };
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Opens the database named by `url`: a postgres:// URL, or a SQLite file path
 * (":memory:" for tests). A new SQLite file and its folder are private to the account running
 * Enlace (db/private-files.ts). SQLite runs in WAL mode with synchronous=FULL so that an
 * acknowledged write survives a power cut, foreign keys on and a busy timeout.
 */
export function openDb(url: string, opts: { poolMax?: number } = {}): Db {
  if (isPostgresUrl(url)) {
    const max = opts.poolMax ?? Number(process.env.PG_POOL_MAX ?? 10);
    const pool = new pg.Pool({ connectionString: url, max });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
    return { kysely, dialect: 'postgres', url, sqlite: null, close: () => kysely.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') {
    // A new data folder 0700, a new database file 0600 (its -wal and -shm take its mode).
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // No waiting inside SQLite: a locked database is waited for on a timer (sqlite-driver.ts), so
  // that a connection busy with a long write (an import in a worker) never stops this thread.
  sqlite.pragma('busy_timeout = 0');
  // 64 MB of page cache (the default is 2 MB): large imports and the statistics rollups stay in
  // memory instead of spilling to the write-ahead log mid-transaction.
  sqlite.pragma('cache_size = -65536');
  // Kysely prepares every query afresh; compiling SQL is a large share of a read's cost, so
  // statements are kept by their text (bounded: query shapes are few, values are parameters).
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= 1000) statements.clear();
      statement = sqlite.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const kysely = new Kysely<Database>({ dialect: waitingSqliteDialect(sqlite, prepare) });
  return { kysely, dialect: 'sqlite', url, sqlite, close: () => kysely.destroy() };
}

/**
 * Whether an error is the database refusing a row that breaks the named unique index: both drivers'
 * codes (SQLite names the columns, PostgreSQL the index), for a check that two concurrent writers
 * can both pass before either commits.
 */
export function isUniqueViolation(error: unknown, index: string, columns: readonly string[]): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === '23505') return e.constraint === index;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string')
    return columns.every((c) => (e.message as string).includes(c));
  return false;
}
