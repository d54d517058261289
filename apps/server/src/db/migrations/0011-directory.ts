import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';
import { addSearchIndex, dropSearchIndex } from '../search-ddl';

// The directory of focal points and the Foreign Affairs authorisations of liaisons and prosecutors.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('directory_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('function', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('availability', 'text')
    .addColumn('available_247', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text')
    .addColumn('stale_notified_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_entries_country_idx')
    .on('directory_entries')
    .columns(['country_code', 'name'])
    .execute();
  await db.schema
    .createIndex('directory_entries_verified_idx')
    .on('directory_entries')
    .column('verified_at')
    .execute();
  await addSearchIndex(db, dialect, 'directory_entries');

  await db.schema
    .createTable('directory_authorisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('authorised_by', 'text', (c) => c.notNull())
    .addColumn('note_reference', 'text', (c) => c.notNull())
    .addColumn('authorised_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('warned_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('directory_authorisations_user_idx')
    .on('directory_authorisations')
    .columns(['user_id', 'status', 'valid_until'])
    .execute();
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.dropTable('directory_authorisations').execute();
  await dropSearchIndex(db, dialect, 'directory_entries');
  await db.schema.dropTable('directory_entries').execute();
}
