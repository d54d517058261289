import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

// Several travel or identity documents per person (issue 12). The document given at registration
// (the person's number and the zone checked with it) is copied here as its first document, the
// ciphertexts as they are (same purposes); the person's own columns stay what was registered, so
// `down` only drops the table and every reader of those columns is untouched.
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('registry_person_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('registry_persons.id'))
    .addColumn('country_code', 'text', (c) => c.notNull().references('countries.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number_enc', 'text')
    .addColumn('issuing_country', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('mrz_format', 'text')
    .addColumn('mrz_enc', 'text')
    .addColumn('mrz_flags', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('current'))
    .addColumn('withdrawn_reason_enc', 'text')
    .addColumn('withdrawn_by', 'text', (c) => c.references('users.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_person_documents_person_idx')
    .on('registry_person_documents')
    .columns(['person_id', 'added_at'])
    .execute();
  // The registration's document: its id is the person's (one per person, and UUIDv7 time-ordered
  // like every id), its time the registration's.
  await sql`
    INSERT INTO registry_person_documents
      (id, person_id, country_code, kind, number_enc, mrz_format, mrz_enc, mrz_flags, status, added_by, added_at)
    SELECT p.id, p.id, p.country_code, 'unspecified', p.document_number_enc, m.format, m.mrz_enc, m.flags,
           'current', p.created_by, p.created_at
    FROM registry_persons p
    LEFT JOIN registry_person_mrz m ON m.person_id = p.id
    WHERE p.document_number_enc IS NOT NULL OR m.person_id IS NOT NULL
  `.execute(db);
}

export async function down(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.dropTable('registry_person_documents').execute();
}
