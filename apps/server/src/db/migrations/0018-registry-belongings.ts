import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// The belongings of a person in a centre (Work Plan area 3, action 4, footnote 15: "an inventory of
// all possessions is done, in accordance with Basic Property Rights"): an inventory per stay, its
// items (a correction supersedes an item and records the new one: nothing is ever deleted), the
// custody log of every movement, the return of each item, and the per-country receipt numbers.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_belongings')
    .addColumn('stay_id', 'text', (c) => c.primaryKey().references('registry_stays.id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('receipt_number', 'text', (c) => c.unique())
    .addColumn('receipt_issued_at', 'text')
    .execute();

  await db.schema
    .createTable('registry_belongings_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('registry_belongings.stay_id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('seal_number', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('amount', 'text')
    .addColumn('document_type', 'text')
    .addColumn('document_number_enc', 'text')
    .addColumn('imei_enc', 'text')
    .addColumn('supersedes', 'text', (c) => c.references('registry_belongings_items.id'))
    .addColumn('superseded_by', 'text', (c) => c.references('registry_belongings_items.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registry_belongings_items_number_unique', ['stay_id', 'number'])
    .execute();

  await db.schema
    .createTable('registry_belongings_custody')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stay_id', 'text', (c) => c.notNull().references('registry_belongings.stay_id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('authority', 'text')
    .addColumn('reference', 'text')
    .addColumn('from_centre_id', 'text', (c) => c.references('registry_centres.id'))
    .addColumn('to_centre_id', 'text', (c) => c.references('registry_centres.id'))
    .addColumn('item_ids', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_belongings_custody_stay_idx')
    .on('registry_belongings_custody')
    .columns(['stay_id', 'at'])
    .execute();

  await db.schema
    .createTable('registry_belongings_returns')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('registry_belongings_items.id'))
    .addColumn('stay_id', 'text', (c) => c.notNull().references('registry_belongings.stay_id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text')
    .addColumn('authority', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  // The supervisor's list of discrepancies: the returns of a country that are not "returned".
  await db.schema
    .createIndex('registry_belongings_returns_discrepancy_idx')
    .on('registry_belongings_returns')
    .columns(['country_code', 'outcome', 'recorded_at'])
    .execute();

  // One row per country and year: the last receipt number issued. Incremented by an upsert, so
  // two verifications at once never get the same number (the row is locked by the update).
  await db.schema
    .createTable('registry_receipt_counters')
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_receipt_counters_pk', ['country_code', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('registry_receipt_counters').execute();
  await db.schema.dropTable('registry_belongings_returns').execute();
  await db.schema.dropTable('registry_belongings_custody').execute();
  await db.schema.dropTable('registry_belongings_items').execute();
  await db.schema.dropTable('registry_belongings').execute();
}
