import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';
import { addSearchIndex, dropSearchIndex } from '../search-ddl';

// Secure exchange: threads, participants, messages with handling codes, receipts per country.
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('exchange_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('owner_country', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject_enc', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_message_at', 'text', (c) => c.notNull())
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('exchange_threads_last_idx')
    .on('exchange_threads')
    .columns(['last_message_at', 'id'])
    .execute();
  await db.schema
    .createIndex('exchange_threads_due_idx')
    .on('exchange_threads')
    .columns(['status', 'reply_by'])
    .execute();

  await db.schema
    .createTable('exchange_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('exchange_threads.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  // Who may see a thread is found from the participant's side: "threads of this user, agency,
  // country, or the network".
  await db.schema
    .createIndex('exchange_participants_ref_idx')
    .on('exchange_participants')
    .columns(['kind', 'ref', 'thread_id'])
    .execute();
  await db.schema
    .createIndex('exchange_participants_thread_idx')
    .on('exchange_participants')
    .column('thread_id')
    .execute();

  await db.schema
    .createTable('exchange_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('exchange_threads.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_country', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('restriction_enc', 'text')
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('accuracy', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('forwarded_from', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('exchange_messages_thread_idx')
    .on('exchange_messages')
    .columns(['thread_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('exchange_receipts')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('exchange_threads.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('alerted_soon_at', 'text')
    .addColumn('alerted_late_at', 'text')
    .addPrimaryKeyConstraint('exchange_receipts_pk', ['thread_id', 'country_code'])
    .execute();

  await db.schema
    .createTable('exchange_reads')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('exchange_threads.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_reads_pk', ['thread_id', 'user_id'])
    .execute();

  await addSearchIndex(db, dialect, 'exchange_threads');
}

export async function down(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await dropSearchIndex(db, dialect, 'exchange_threads');
  for (const t of [
    'exchange_reads',
    'exchange_receipts',
    'exchange_messages',
    'exchange_participants',
    'exchange_threads',
  ])
    await db.schema.dropTable(t).execute();
}
