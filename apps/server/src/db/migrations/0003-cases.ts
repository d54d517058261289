import type { Kysely } from 'kysely';

// Investigation and prosecution cases, and the inventory of national databases (WP A1.5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary_enc', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    // yyyymm of opened_on: the period statistics filter on.
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('judged_on', 'text')
    .addColumn('days_to_judgment', 'integer')
    .addColumn('offences', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('financial_investigation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joint_team', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_reference_idx')
    .unique()
    .on('cases')
    .columns(['country_code', 'reference'])
    .execute();
  // Covering indexes of the case statistics: a period and a country, and what they count.
  await db.schema
    .createIndex('cases_stats_idx')
    .on('cases')
    .columns(['month', 'country_code', 'stage', 'days_to_judgment'])
    .execute();
  await db.schema
    .createIndex('cases_country_idx')
    .on('cases')
    .columns(['country_code', 'updated_at'])
    .execute();

  await db.schema
    .createTable('case_stage_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema
    .createIndex('case_stage_events_case_idx')
    .on('case_stage_events')
    .column('case_id')
    .execute();

  await db.schema
    .createTable('case_incidents')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('case_incidents_pk', ['case_id', 'incident_id'])
    .execute();
  await db.schema
    .createIndex('case_incidents_incident_idx')
    .on('case_incidents')
    .column('incident_id')
    .execute();

  await db.schema
    .createTable('case_suspects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // Denormalised owner and period, so the conviction statistics need no join.
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('defendant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('charges', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_on', 'text')
    .addColumn('sentence_months', 'integer')
    .addColumn('fine_minor', 'bigint')
    .addColumn('fine_currency', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_suspects_case_idx').on('case_suspects').column('case_id').execute();
  await db.schema
    .createIndex('case_suspects_stats_idx')
    .on('case_suspects')
    .columns(['month', 'country_code', 'defendant', 'outcome'])
    .execute();

  await db.schema
    .createTable('case_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Amount in hundredths of the currency unit.
    .addColumn('value_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('identified_on', 'text')
    .addColumn('seized_on', 'text')
    .addColumn('confiscated_on', 'text')
    .addColumn('released_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_assets_case_idx').on('case_assets').column('case_id').execute();
  await db.schema
    .createIndex('case_assets_stats_idx')
    .on('case_assets')
    .columns(['month', 'country_code', 'status', 'currency', 'value_minor'])
    .execute();

  await db.schema
    .createTable('case_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description_enc', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('case_evidence_case_idx').on('case_evidence').column('case_id').execute();

  await db.schema
    .createTable('evidence_custody')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('case_evidence.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('holder_enc', 'text', (c) => c.notNull())
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('to_at', 'text')
    .addColumn('purpose_enc', 'text')
    .addColumn('hash_verified', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema
    .createIndex('evidence_custody_evidence_idx')
    .unique()
    .on('evidence_custody')
    .columns(['evidence_id', 'seq'])
    .execute();

  // Explicit, revocable sharing of a case with another country; revoked rows are kept.
  await db.schema
    .createTable('case_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('case_shares_case_idx').on('case_shares').column('case_id').execute();
  await db.schema
    .createIndex('case_shares_country_idx')
    .on('case_shares')
    .columns(['country_code', 'revoked_at'])
    .execute();

  await db.schema
    .createTable('data_inventory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_agency', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('coverage', 'text')
    .addColumn('coverage_from', 'integer')
    .addColumn('coverage_to', 'integer')
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('update_frequency', 'text', (c) => c.notNull())
    .addColumn('sharing_status', 'text', (c) => c.notNull())
    .addColumn('quality', 'text', (c) => c.notNull())
    .addColumn('quality_notes', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('data_inventory_country_idx')
    .on('data_inventory')
    .column('country_code')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'data_inventory',
    'case_shares',
    'evidence_custody',
    'case_evidence',
    'case_assets',
    'case_suspects',
    'case_incidents',
    'case_stage_events',
    'cases',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
