import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

// The platform's shares room: one table of explicit, audited, revocable shares of any object with
// another country, and the registry's transfers abroad that ride on it. The cases' own
// `case_shares` moves into it (and back on the way down), then is dropped: nothing references it,
// and every step below runs in one transaction, so a failure leaves the database as it was.
//
// A case share was read-only and immediate: it becomes a share that needed no acceptance, accepted
// when it was granted, revoked when it was. `owner_country` is the case's country.

/** PostgreSQL runs a migration inside the migrator's transaction; SQLite's migrator does not. */
function atomically(db: Kysely<unknown>, fn: (db: Kysely<unknown>) => Promise<void>): Promise<void> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema
      .createTable('shares')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('object_kind', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('owner_country', 'text', (c) => c.notNull().references('countries.code'))
      .addColumn('shared_with', 'text', (c) => c.notNull().references('countries.code'))
      .addColumn('purpose', 'text')
      .addColumn('note_enc', 'text')
      .addColumn('handling', 'text')
      .addColumn('extent', 'text')
      .addColumn('requires_acceptance', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('offered_by', 'text')
      .addColumn('offered_at', 'text', (c) => c.notNull())
      .addColumn('accepted_by', 'text')
      .addColumn('accepted_at', 'text')
      .addColumn('declined_by', 'text')
      .addColumn('declined_at', 'text')
      .addColumn('decision_note_enc', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await trx.schema
      .createIndex('shares_object_idx')
      .on('shares')
      .columns(['object_kind', 'object_id', 'shared_with'])
      .execute();
    // What is shared with a country: the scope queries' `id IN (…)` is answered from this index.
    await trx.schema
      .createIndex('shares_with_idx')
      .on('shares')
      .columns(['shared_with', 'object_kind', 'status', 'object_id'])
      .execute();
    await trx.schema
      .createIndex('shares_owner_idx')
      .on('shares')
      .columns(['owner_country', 'object_kind', 'offered_at'])
      .execute();

    await sql`INSERT INTO shares (id, object_kind, object_id, owner_country, shared_with, purpose, note_enc,
        handling, extent, requires_acceptance, status, offered_by, offered_at, accepted_by, accepted_at,
        declined_by, declined_at, decision_note_enc, revoked_by, revoked_at)
      SELECT s.id, 'case', s.case_id, c.country_code, s.country_code, NULL, NULL, NULL, NULL, 0,
        CASE WHEN s.revoked_at IS NULL THEN 'accepted' ELSE 'revoked' END,
        s.granted_by, s.granted_at, NULL, s.granted_at, NULL, NULL, NULL, s.revoked_by, s.revoked_at
      FROM case_shares s JOIN cases c ON c.id = s.case_id`.execute(trx);
    await trx.schema.dropTable('case_shares').execute();

    await trx.schema
      .createTable('registry_abroad_transfers')
      .addColumn('share_id', 'text', (c) => c.primaryKey().references('shares.id'))
      .addColumn('origin_stay_id', 'text', (c) => c.notNull().references('registry_stays.id'))
      .addColumn('origin_country', 'text', (c) => c.notNull())
      .addColumn('to_country', 'text', (c) => c.notNull())
      .addColumn('received_person_id', 'text', (c) => c.references('registry_persons.id'))
      .addColumn('received_stay_id', 'text', (c) => c.references('registry_stays.id'))
      .execute();
    await trx.schema
      .createIndex('registry_abroad_transfers_origin_idx')
      .on('registry_abroad_transfers')
      .column('origin_stay_id')
      .execute();
    await trx.schema
      .createIndex('registry_abroad_transfers_received_idx')
      .on('registry_abroad_transfers')
      .column('received_stay_id')
      .execute();
  });
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('registry_abroad_transfers').execute();
    // As migration 0003 made it.
    await trx.schema
      .createTable('case_shares')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .execute();
    await trx.schema.createIndex('case_shares_case_idx').on('case_shares').column('case_id').execute();
    await trx.schema
      .createIndex('case_shares_country_idx')
      .on('case_shares')
      .columns(['country_code', 'revoked_at'])
      .execute();
    await sql`INSERT INTO case_shares (id, case_id, country_code, granted_at, granted_by, revoked_at, revoked_by)
      SELECT id, object_id, shared_with, offered_at, offered_by, revoked_at, revoked_by
      FROM shares WHERE object_kind = 'case'`.execute(trx);
    await trx.schema.dropTable('shares').execute();
  });
}
