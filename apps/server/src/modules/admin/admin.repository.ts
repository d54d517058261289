import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { AgenciesTable } from '../../db/schema/agencies';
import type { CountriesTable } from '../../db/schema/countries';
import type { Actor, Tx } from '../../platform/context';
import { scopeTo } from '../../platform/authz/access';

export type AgencyRow = Selectable<AgenciesTable>;
export type CountryRow = Selectable<CountriesTable>;
type Q = Tx | Kysely<Database>;

export function listCountries(db: Q): Promise<CountryRow[]> {
  return db.selectFrom('countries').selectAll().orderBy('code').execute();
}

export function findCountry(db: Q, code: string): Promise<CountryRow | undefined> {
  return db.selectFrom('countries').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function updateCountry(db: Q, code: string, patch: Updateable<CountriesTable>): Promise<void> {
  await db.updateTable('countries').set(patch).where('code', '=', code).execute();
}

export function listAgenciesInScope(db: Q, actor: Actor, country?: string): Promise<AgencyRow[]> {
  let qb = scopeTo(db.selectFrom('agencies').selectAll(), actor, 'agencies.country_code');
  if (country) qb = qb.where('country_code', '=', country);
  return qb.orderBy('country_code').orderBy('id').execute();
}

export function findAgency(db: Q, id: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgency(db: Q, row: AgencyRow): Promise<void> {
  await db.insertInto('agencies').values(row).execute();
}

export async function updateAgency(db: Q, id: string, patch: Updateable<AgenciesTable>): Promise<void> {
  await db.updateTable('agencies').set(patch).where('id', '=', id).execute();
}
