import type { Selectable } from 'kysely';
import type { RegistryPersonMrzTable } from '../../db/schema/registry-duplicates';
import type { Q } from './registry.repository';

export type PersonMrzRow = Selectable<RegistryPersonMrzTable>;

export async function insertPersonMrz(db: Q, row: PersonMrzRow): Promise<void> {
  await db.insertInto('registry_person_mrz').values(row).execute();
}

export function findPersonMrz(db: Q, personId: string): Promise<PersonMrzRow | undefined> {
  return db
    .selectFrom('registry_person_mrz')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
}
