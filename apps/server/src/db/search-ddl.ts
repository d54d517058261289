import { type Kysely, sql } from 'kysely';
import type { DialectName } from './dialect';

/**
 * Makes a table searchable (for a room's migration): a `search_terms` column (see search.ts) and
 * its index, kept by the database in the transaction of every write of the row, bulk writes
 * included. SQLite: an FTS5 table `<table>_search` over the column (external content keyed by
 * rowid) and three triggers. PostgreSQL: a GIN index on the tokens as a tsvector.
 * Rows written before the column existed hold NULL until `enlace search rebuild` (run by the
 * server at start for rows still NULL) fills them.
 */
export async function addSearchIndex(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: string,
): Promise<void> {
  const t = sql.table(table);
  const fts = sql.table(`${table}_search`);
  await sql`ALTER TABLE ${t} ADD COLUMN search_terms text`.execute(db);
  if (dialect === 'postgres') {
    await sql`CREATE INDEX ${sql.raw(`${table}_search_idx`)} ON ${t}
      USING gin (array_to_tsvector(string_to_array(search_terms, ' ')))`.execute(db);
    return;
  }
  // Tokens are [a-z0-9] already: the ascii tokenizer keeps them as they are. No prefix indexes:
  // a prefix query scans the sorted term list, cheap at the vocabulary sizes of these fields.
  await sql`CREATE VIRTUAL TABLE ${fts} USING fts5(search_terms, content=${sql.lit(table)},
    content_rowid='rowid', tokenize='ascii', detail=none)`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_search_ai`)} AFTER INSERT ON ${t}
    WHEN new.search_terms IS NOT NULL BEGIN
      INSERT INTO ${fts}(rowid, search_terms) VALUES (new.rowid, new.search_terms);
    END`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_search_ad`)} AFTER DELETE ON ${t}
    WHEN old.search_terms IS NOT NULL BEGIN
      INSERT INTO ${fts}(${fts}, rowid, search_terms) VALUES ('delete', old.rowid, old.search_terms);
    END`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_search_au`)} AFTER UPDATE OF search_terms ON ${t}
    WHEN old.search_terms IS NOT new.search_terms BEGIN
      INSERT INTO ${fts}(${fts}, rowid, search_terms)
        SELECT 'delete', old.rowid, old.search_terms WHERE old.search_terms IS NOT NULL;
      INSERT INTO ${fts}(rowid, search_terms)
        SELECT new.rowid, new.search_terms WHERE new.search_terms IS NOT NULL;
    END`.execute(db);
}

export async function dropSearchIndex(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: string,
): Promise<void> {
  if (dialect === 'sqlite') {
    for (const suffix of ['ai', 'ad', 'au'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_search_${suffix}`)}`.execute(db);
    await sql`DROP TABLE IF EXISTS ${sql.table(`${table}_search`)}`.execute(db);
  } else {
    await sql`DROP INDEX IF EXISTS ${sql.raw(`${table}_search_idx`)}`.execute(db);
  }
  await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN search_terms`.execute(db);
}

/**
 * Re-reads every row's tokens into the SQLite FTS5 table (after a VACUUM, which may renumber the
 * rowids it is keyed by). PostgreSQL's index needs nothing.
 */
export async function reindexSearch(db: Kysely<unknown>, dialect: DialectName, table: string): Promise<void> {
  if (dialect !== 'sqlite') return;
  const fts = sql.table(`${table}_search`);
  await sql`INSERT INTO ${fts}(${fts}) VALUES ('rebuild')`.execute(db);
}
