import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

// The resources of a centre (Work Plan area 3, action 7): staff by role and budget lines, as a
// dated declaration by a supervisor. A new declaration never replaces the rows of an earlier one:
// the history is the table.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_centre_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull().references('registry_centres.id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('staff', 'text', (c) => c.notNull())
    .addColumn('budget', 'text', (c) => c.notNull())
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_centre_resources_centre_idx')
    .on('registry_centre_resources')
    .columns(['centre_id', 'as_of', 'declared_at'])
    .execute();
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('registry_centre_resources').execute();
}
