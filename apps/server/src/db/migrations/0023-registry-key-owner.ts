import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

// Search before create counts, for each person, the query's blocking keys they hold, in the key
// index alone: each key row carries its person's country and the person it counts for (the kept
// person of a merge, `owner_id`, re-pointed by the merge and its undo). Joining every key row to
// its person to read those took most of a search at 1,000,000 persons (a common key has
// thousands of rows). The columns stay nullable (SQLite adds no NOT NULL column to a filled
// table); the registry writes both on every row. A search also reads, for the persons it found,
// those merged into them: an index of the (few) merged persons keeps that from reading them all.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('registry_person_keys').addColumn('country_code', 'text').execute();
  await db.schema.alterTable('registry_person_keys').addColumn('owner_id', 'text').execute();
  await sql`UPDATE registry_person_keys SET
      country_code = (SELECT p.country_code FROM registry_persons p WHERE p.id = registry_person_keys.person_id),
      owner_id = (SELECT coalesce(p.merged_into, p.id) FROM registry_persons p WHERE p.id = registry_person_keys.person_id)`.execute(
    db,
  );
  await db.schema.dropIndex('registry_person_keys_key_idx').execute();
  await db.schema
    .createIndex('registry_person_keys_lookup_idx')
    .on('registry_person_keys')
    .columns(['country_code', 'key', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('registry_persons_merged_idx')
    .on('registry_persons')
    .column('merged_into')
    .where(sql.ref('merged_into'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropIndex('registry_persons_merged_idx').execute();
  await db.schema.dropIndex('registry_person_keys_lookup_idx').execute();
  await db.schema
    .createIndex('registry_person_keys_key_idx')
    .on('registry_person_keys')
    .column('key')
    .execute();
  await db.schema.alterTable('registry_person_keys').dropColumn('owner_id').execute();
  await db.schema.alterTable('registry_person_keys').dropColumn('country_code').execute();
}
