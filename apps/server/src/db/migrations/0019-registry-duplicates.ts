import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// The review of duplicates (issue 12): pairs of persons the engine finds after registration wait
// in a queue for a supervisor's decision; a pair judged different is kept forever so that it is
// never proposed again; a merge is reversible (the duplicate only points at the kept person). Also
// the machine-readable zone of a person's travel document, encrypted, with the flags of its check.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_duplicate_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    // person_a < person_b (ids are time-ordered: person_a is the earlier registration), so a pair
    // has one row whichever of the two was scanned.
    .addColumn('person_a', 'text', (c) => c.notNull().references('registry_persons.id'))
    .addColumn('person_b', 'text', (c) => c.notNull().references('registry_persons.id'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('kept_person', 'text')
    .addColumn('merged_person', 'text')
    .addUniqueConstraint('registry_duplicate_pairs_unique', ['person_a', 'person_b'])
    .execute();
  await db.schema
    .createIndex('registry_duplicate_pairs_queue_idx')
    .on('registry_duplicate_pairs')
    .columns(['country_code', 'status', 'score'])
    .execute();

  // Up to when each country's registrations were scanned (the next scan starts a little before).
  await db.schema
    .createTable('registry_duplicate_scans')
    .addColumn('country_code', 'text', (c) => c.primaryKey().references('countries.code'))
    .addColumn('scanned_until', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('registry_person_mrz')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('registry_persons.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('mrz_enc', 'text', (c) => c.notNull())
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('registry_person_mrz').execute();
  await db.schema.dropTable('registry_duplicate_scans').execute();
  await db.schema.dropTable('registry_duplicate_pairs').execute();
}
