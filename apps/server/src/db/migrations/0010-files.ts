import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

// The files room (platform/files, ADR 0010). A row per uploaded file: its encrypted name, the type
// found in its content, size and SHA-256, the wrapped per-file key, and the object it belongs to
// once attached. The encrypted chunks live in the store the row names: a private folder, or
// `file_chunks` below (several servers sharing PostgreSQL). A row is written before its chunks
// (status 'uploading'), so an upload cut short by a crash is found and removed by the purge.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('store', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('sha256', 'text')
    .addColumn('key_enc', 'text', (c) => c.notNull())
    .addColumn('chunk_bytes', 'integer', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_type', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text')
    .execute();
  await db.schema.createIndex('files_owner_idx').on('files').columns(['owner_type', 'owner_id']).execute();
  await db.schema.createIndex('files_status_idx').on('files').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('file_chunks')
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', dialect === 'postgres' ? sql`bytea` : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('file_chunks_pk', ['file_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('file_chunks').execute();
  await db.schema.dropTable('files').execute();
}
