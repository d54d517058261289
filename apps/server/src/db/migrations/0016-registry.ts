import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

// The centre registry: centres and their places, persons with their blocking keys (candidate
// retrieval by key in SQL, so every application server gives the same answer), stays from
// admission to release, transfers inside a country, and the identity checks at release.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_centres')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('places_adult_men', 'integer', (c) => c.notNull())
    .addColumn('places_adult_women', 'integer', (c) => c.notNull())
    .addColumn('places_families', 'integer', (c) => c.notNull())
    .addColumn('places_unaccompanied_children', 'integer', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_centres_code_unique', ['country_code', 'code'])
    .execute();

  await db.schema
    .createTable('registry_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('given_names_enc', 'text', (c) => c.notNull())
    .addColumn('family_names_enc', 'text', (c) => c.notNull())
    .addColumn('document_given_names_enc', 'text')
    .addColumn('document_family_names_enc', 'text')
    .addColumn('aliases_enc', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('birth_date_precision', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('other_nationalities', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('document_number_enc', 'text')
    .addColumn('merged_into', 'text', (c) => c.references('registry_persons.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_persons_country_idx')
    .on('registry_persons')
    .columns(['country_code', 'created_at'])
    .execute();

  await db.schema
    .createTable('registry_person_keys')
    .addColumn('person_id', 'text', (c) => c.notNull().references('registry_persons.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_person_keys_pk', ['person_id', 'key'])
    .execute();
  await db.schema
    .createIndex('registry_person_keys_key_idx')
    .on('registry_person_keys')
    .column('key')
    .execute();

  await db.schema
    .createTable('registry_stays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('registry_persons.id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('admitted_centre_id', 'text', (c) => c.notNull().references('registry_centres.id'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('registry_centres.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('admitted_at', 'text', (c) => c.notNull())
    .addColumn('referring_authority', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id'))
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('custody_type', 'text', (c) => c.notNull())
    .addColumn('attention_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('release_outcome', 'text')
    .addColumn('release_notes_enc', 'text')
    .addColumn('admitted_by', 'text')
    .addColumn('released_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_stays_centre_idx')
    .on('registry_stays')
    .columns(['centre_id', 'status', 'unit'])
    .execute();
  // One open stay per person, whatever two officers do at the same moment.
  await db.schema
    .createIndex('registry_stays_one_open_idx')
    .on('registry_stays')
    .column('person_id')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('registry_stays_admitted_idx')
    .on('registry_stays')
    .columns(['admitted_centre_id', 'admitted_at'])
    .execute();
  await db.schema
    .createIndex('registry_stays_person_idx')
    .on('registry_stays')
    .columns(['person_id', 'admitted_at'])
    .execute();

  await db.schema
    .createTable('registry_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('registry_stays.id'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('from_centre_id', 'text', (c) => c.notNull().references('registry_centres.id'))
    .addColumn('to_centre_id', 'text', (c) => c.notNull().references('registry_centres.id'))
    .addColumn('from_unit', 'text', (c) => c.notNull())
    .addColumn('to_unit', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text')
    .addColumn('note_enc', 'text')
    .execute();
  await db.schema
    .createIndex('registry_transfers_stay_idx')
    .on('registry_transfers')
    .columns(['stay_id', 'at'])
    .execute();
  await db.schema
    .createIndex('registry_transfers_to_idx')
    .on('registry_transfers')
    .columns(['to_centre_id', 'at'])
    .execute();
  await db.schema
    .createIndex('registry_transfers_from_idx')
    .on('registry_transfers')
    .columns(['from_centre_id', 'at'])
    .execute();

  await db.schema
    .createTable('registry_release_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('registry_stays.id'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('identity_enc', 'text', (c) => c.notNull())
    .addColumn('explanation_enc', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text', (c) => c.notNull())
    .addColumn('release_outcome', 'text', (c) => c.notNull())
    .addColumn('release_notes_enc', 'text')
    .addColumn('attempted_by', 'text')
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note_enc', 'text')
    .execute();
  await db.schema
    .createIndex('registry_release_checks_stay_idx')
    .on('registry_release_checks')
    .columns(['stay_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('registry_release_checks').execute();
  await db.schema.dropTable('registry_transfers').execute();
  await db.schema.dropTable('registry_stays').execute();
  await db.schema.dropTable('registry_person_keys').execute();
  await db.schema.dropTable('registry_persons').execute();
  await db.schema.dropTable('registry_centres').execute();
}
