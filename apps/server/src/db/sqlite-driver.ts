import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type TransactionSettings,
} from 'kysely';

/** How long a statement waits for another connection's write transaction before it fails. */
const BUSY_LIMIT_MS = 120_000;
const RETRY_MS = 5;

const isBusy = (err: unknown) =>
  err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_BUSY');

/** The one connection's turn: queries of different requests run one at a time. */
class Mutex {
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;
  async lock(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }
  unlock(): void {
    const release = this.release;
    this.held = null;
    this.release = null;
    release?.();
  }
}

/**
 * Kysely's SQLite driver, except in how it waits for another connection's write: better-sqlite3
 * waits for a lock by sleeping in the calling thread (`busy_timeout`), which would stop every
 * request of the process while, say, an import's transaction runs on its own connection in a
 * worker thread. Here the connection's busy timeout is 0 and a statement that finds the database
 * locked gives the connection back, waits on a timer and tries again: other requests' reads go
 * on meanwhile (WAL: they read the last committed state).
 *
 * Transactions begin IMMEDIATE (they take the write lock at once, or wait for it as above), so a
 * transaction never fails half-way because another connection wrote after it had read; read-only
 * ones (`setAccessMode('read only')`) begin DEFERRED and never wait.
 */
export class WaitingSqliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly connection: WaitingSqliteConnection;

  constructor(database: SQLite.Database, prepare: (text: string) => SQLite.Statement) {
    this.connection = new WaitingSqliteConnection(database, prepare, this);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    return this.connection;
  }

  /** Runs `attempt`, giving the connection to others between tries while the database is locked. */
  async whileBusy<T>(attempt: () => T): Promise<T> {
    const until = Date.now() + BUSY_LIMIT_MS;
    for (;;) {
      try {
        return attempt();
      } catch (err) {
        if (!isBusy(err) || Date.now() > until) throw err;
      }
      this.mutex.unlock();
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      await this.mutex.lock();
    }
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const begin = settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
    await connection.executeQuery(CompiledQuery.raw(begin));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.connection.close();
  }
}

class WaitingSqliteConnection implements DatabaseConnection {
  constructor(
    private readonly database: SQLite.Database,
    private readonly prepare: (text: string) => SQLite.Statement,
    private readonly driver: WaitingSqliteDriver,
  ) {}

  close(): void {
    this.database.close();
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    const statement = this.prepare(sql);
    const run = (): QueryResult<R> => {
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    };
    // Inside a transaction the write lock is already held (BEGIN IMMEDIATE) or the transaction
    // only reads: a busy error there is not one to wait out.
    if (this.database.inTransaction) return Promise.resolve(run());
    return this.driver.whileBusy(run);
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { sql, parameters, query } = compiled;
    if (!SelectQueryNode.is(query)) throw new Error('SQLite streams only SELECT queries');
    for (const row of this.prepare(sql).iterate(parameters)) yield { rows: [row as R] };
  }
}

/** A Kysely dialect over one better-sqlite3 connection, with the driver above. */
export function waitingSqliteDialect(
  database: SQLite.Database,
  prepare: (text: string) => SQLite.Statement,
): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new WaitingSqliteDriver(database, prepare),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
