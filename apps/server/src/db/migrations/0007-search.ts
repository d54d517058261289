import { type Kysely, sql } from 'kysely';
import { addSearchIndex, dropSearchIndex } from '../search-ddl';
import type { DialectName } from '../dialect';

// Search over incidents and cases (platform/search, ADR 0009), and the indexes that keep a list
// page of a million incidents fast for the network (all countries: by date, by reference) as well
// as for one country (by date: incidents_country_date_idx). Text sorts compare bytes on both
// databases (COLLATE "C" on PostgreSQL), so the order is the same.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await addSearchIndex(db, dialect, 'incidents');
  await addSearchIndex(db, dialect, 'cases');
  const c = dialect === 'postgres' ? sql.raw(' COLLATE "C"') : sql.raw('');
  await sql`CREATE INDEX incidents_date_idx ON incidents (occurred_on, id)`.execute(db);
  await sql`CREATE INDEX incidents_reference_idx ON incidents (reference${c}, id)`.execute(db);
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await sql`DROP INDEX incidents_reference_idx`.execute(db);
  await sql`DROP INDEX incidents_date_idx`.execute(db);
  await dropSearchIndex(db, dialect, 'cases');
  await dropSearchIndex(db, dialect, 'incidents');
}
