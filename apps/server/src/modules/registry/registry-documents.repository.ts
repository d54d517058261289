import type { Insertable, Selectable } from 'kysely';
import type { RegistryPersonDocumentsTable } from '../../db/schema/registry-documents';
import type { Q } from './registry.repository';

export type PersonDocumentRow = Selectable<RegistryPersonDocumentsTable>;
export type PersonDocumentListRow = PersonDocumentRow & {
  added_by_name: string | null;
  withdrawn_by_name: string | null;
};

export async function insertPersonDocument(db: Q, row: Insertable<RegistryPersonDocumentsTable>) {
  await db.insertInto('registry_person_documents').values(row).execute();
}

/**
 * More blocking keys for a person already registered (a document added later): the same table
 * and form as `insertPerson` writes at registration (counted for the person it was merged into, if
 * any); a key the person already has is kept once.
 */
export async function addPersonKeys(
  db: Q,
  person: { id: string; country_code: string; merged_into: string | null },
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  const owner = person.merged_into ?? person.id;
  await db
    .insertInto('registry_person_keys')
    .values(
      keys.map((key) => ({ person_id: person.id, key, country_code: person.country_code, owner_id: owner })),
    )
    .onConflict((oc) => oc.columns(['person_id', 'key']).doNothing())
    .execute();
}

/** The documents of these persons, oldest first, with who added and withdrew them. */
export function documentsOfPersons(db: Q, personIds: readonly string[]): Promise<PersonDocumentListRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_person_documents as d')
    .leftJoin('users as a', 'a.id', 'd.added_by')
    .leftJoin('users as w', 'w.id', 'd.withdrawn_by')
    .selectAll('d')
    .select(['a.display_name as added_by_name', 'w.display_name as withdrawn_by_name'])
    .where('d.person_id', 'in', personIds)
    .orderBy('d.added_at')
    .orderBy('d.id')
    .limit(10_000)
    .execute();
}

/**
 * The document numbers (encrypted) of these persons besides their own (what the engine compares
 * besides the number on the person): the registration's copy of the person's own number, the
 * same ciphertext, is left out, so a search does not decrypt each candidate's number twice.
 */
export function documentNumbersOf(db: Q, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_person_documents as d')
    .innerJoin('registry_persons as p', 'p.id', 'd.person_id')
    .select(['d.person_id', 'd.number_enc'])
    .where('d.person_id', 'in', personIds)
    .where('d.number_enc', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('p.document_number_enc', 'is', null),
        eb('p.document_number_enc', '!=', eb.ref('d.number_enc')),
      ]),
    )
    .orderBy('d.added_at')
    .orderBy('d.id')
    .limit(10_000)
    .execute();
}

export function findPersonDocument(db: Q, id: string): Promise<PersonDocumentRow | undefined> {
  return db.selectFrom('registry_person_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Withdraws a current document only: false when someone withdrew it first. */
export async function withdrawPersonDocument(
  db: Q,
  id: string,
  set: Pick<PersonDocumentRow, 'withdrawn_reason_enc' | 'withdrawn_by' | 'withdrawn_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('registry_person_documents')
    .set({ ...set, status: 'withdrawn' })
    .where('id', '=', id)
    .where('status', '=', 'current')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
