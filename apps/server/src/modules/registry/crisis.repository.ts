import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { RegistryCrisisHistoryTable, RegistryCrisisStatesTable } from '../../db/schema/registry-crisis';
import type { Q } from './registry.repository';

export type CrisisStateRow = Selectable<RegistryCrisisStatesTable>;
export type CrisisHistoryRow = Selectable<RegistryCrisisHistoryTable>;

// ---- the state of each country

export function findCrisisState(db: Q, countryCode: string): Promise<CrisisStateRow | undefined> {
  return db
    .selectFrom('registry_crisis_states')
    .selectAll()
    .where('country_code', '=', countryCode)
    .executeTakeFirst();
}

export async function insertCrisisState(db: Q, row: Insertable<RegistryCrisisStatesTable>): Promise<void> {
  await db.insertInto('registry_crisis_states').values(row).execute();
}

/**
 * Changes a country's state only if nobody changed it since it was read (`version`): false when
 * another evaluation got there first.
 */
export async function updateCrisisState(
  db: Q,
  countryCode: string,
  version: number,
  set: Updateable<RegistryCrisisStatesTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('registry_crisis_states')
    .set({ ...set, version: version + 1 })
    .where('country_code', '=', countryCode)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The countries that set thresholds or declared a level: those the periodic job evaluates. */
export async function crisisCountries(db: Q): Promise<string[]> {
  const rows = await db
    .selectFrom('registry_crisis_states')
    .select('country_code')
    .orderBy('country_code')
    .execute();
  return rows.map((r) => r.country_code);
}

// ---- history

/**
 * Appends to a country's history, numbered after its last entry. Callers hold the audit chain's
 * lock (they audit first), so two appends never take the same number; the unique index would
 * refuse it.
 */
export async function insertCrisisHistory(db: Q, row: Omit<CrisisHistoryRow, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('registry_crisis_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('country_code', '=', row.country_code)
    .executeTakeFirst();
  await db
    .insertInto('registry_crisis_history')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export type CrisisHistoryWithName = CrisisHistoryRow & { by_name: string | null };

export async function pageOfCrisisHistory(
  db: Q,
  countryCode: string,
  page: { limit: number; offset: number },
): Promise<{ items: CrisisHistoryWithName[]; total: number }> {
  const [items, count] = await Promise.all([
    db
      .selectFrom('registry_crisis_history as h')
      .leftJoin('users as u', 'u.id', 'h.by_user')
      .selectAll('h')
      .select('u.display_name as by_name')
      .where('h.country_code', '=', countryCode)
      .orderBy('h.seq', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('registry_crisis_history')
      .select(sql<number>`count(*)`.as('n'))
      .where('country_code', '=', countryCode)
      .executeTakeFirst(),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

// ---- figures beyond the occupancy (which registry.repository counts)

/**
 * Admissions to a country's centres in a window: its arrivals. Transfers between its centres move
 * people inside the country and are not counted.
 */
export async function admissionsBetween(
  db: Q,
  countryCode: string,
  from: string,
  to: string,
): Promise<number> {
  const row = await db
    .selectFrom('registry_stays')
    .select(sql<number>`count(*)`.as('n'))
    .where('country_code', '=', countryCode)
    .where('admitted_at', '>', from)
    .where('admitted_at', '<=', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- focal points (directory entries) and who they reach

export function directoryEntriesByIds(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directory_entries')
    .select(['id', 'country_code', 'name', 'function', 'user_id'])
    .where('id', 'in', ids)
    .execute();
}

/** A country's directory entries of an area that are linked to an account. */
export function linkedEntriesInArea(db: Q, countryCode: string, area: string) {
  return (
    db
      .selectFrom('directory_entries')
      .select(['id', 'user_id'])
      .where('country_code', '=', countryCode)
      .where('user_id', 'is not', null)
      // JSON arrays of codes: the quoted code is looked for (codes are [a-z0-9_]).
      .where('areas', 'like', `%"${area}"%`)
      .orderBy('id')
      .limit(500)
      .execute()
  );
}

/** The active accounts among these users, with their role and country. */
export function activeAccounts(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'role', 'country_code'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
}

export async function displayNameOf(db: Q, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? null;
}

/** The countries of the network an alert may go to: members and partners, active. */
export async function alertableCountries(db: Q, except: string): Promise<string[]> {
  const rows = await db
    .selectFrom('countries')
    .select('code')
    .where('kind', 'in', ['member', 'partner'])
    .where('active', '=', 1)
    .where('code', '<>', except)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}
