import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// Crisis levels of a country's centres (Work Plan area 3, action 9, footnote 20). One row per
// country holds its thresholds and its level now; every change of level (and every binational
// alert) is a row of the history, never rewritten.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_crisis_states')
    .addColumn('country_code', 'text', (c) => c.primaryKey().references('countries.code'))
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('thresholds_by', 'text')
    .addColumn('thresholds_at', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('level_since', 'text')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('declared_level', 'integer')
    .addColumn('declared_reason_enc', 'text')
    .addColumn('declared_by', 'text')
    .addColumn('declared_at', 'text')
    // Bumped by every evaluation: a writer that read an older state loses its conditional update.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_crisis_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    // The order of the country's history (written under the audit lock, so never taken twice).
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_level', 'integer', (c) => c.notNull())
    .addColumn('to_level', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text')
    .addColumn('reason_enc', 'text')
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addColumn('alert_country', 'text')
    .addColumn('thread_id', 'text')
    .execute();
  await db.schema
    .createIndex('registry_crisis_history_country_idx')
    .on('registry_crisis_history')
    .columns(['country_code', 'seq'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('registry_crisis_history').execute();
  await db.schema.dropTable('registry_crisis_states').execute();
}
