import type { Kysely } from 'kysely';

// Requests to an item's provider for what its handling code reserves, and their answers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handling_permissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('decider_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('note_enc', 'text')
    .execute();
  await db.schema
    .createIndex('handling_permissions_item_idx')
    .on('handling_permissions')
    .columns(['item_type', 'item_id', 'requested_by'])
    .execute();
  await db.schema
    .createIndex('handling_permissions_decider_idx')
    .on('handling_permissions')
    .columns(['decider_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('handling_permissions').execute();
}
