import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type {
  RegistryBelongingsCustodyTable,
  RegistryBelongingsItemsTable,
  RegistryBelongingsReturnsTable,
  RegistryBelongingsTable,
} from '../../db/schema/registry-belongings';
import type { Q } from './registry.repository';

export type InventoryRow = Selectable<RegistryBelongingsTable>;
export type ItemRow = Selectable<RegistryBelongingsItemsTable>;
export type CustodyRow = Selectable<RegistryBelongingsCustodyTable>;
export type ReturnRow = Selectable<RegistryBelongingsReturnsTable>;

export function findInventory(db: Q, stayId: string): Promise<InventoryRow | undefined> {
  return db.selectFrom('registry_belongings').selectAll().where('stay_id', '=', stayId).executeTakeFirst();
}

/** Opens the inventory of a stay with its first item; false when another request opened it first. */
export async function insertInventory(db: Q, row: Insertable<RegistryBelongingsTable>): Promise<boolean> {
  const r = await db
    .insertInto('registry_belongings')
    .values(row)
    .onConflict((oc) => oc.column('stay_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The next item number of an inventory (1 for the first). */
export async function nextItemNumber(db: Q, stayId: string): Promise<number> {
  const r = await db
    .selectFrom('registry_belongings_items')
    .select(sql<number>`coalesce(max(number), 0)`.as('n'))
    .where('stay_id', '=', stayId)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

export function insertItem(db: Q, row: Insertable<RegistryBelongingsItemsTable>) {
  return db.insertInto('registry_belongings_items').values(row).execute();
}

/** Marks an item superseded by its correction; false when it already was (or is not of the stay). */
export async function supersedeItem(db: Q, stayId: string, id: string, by: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_belongings_items')
    .set({ superseded_by: by })
    .where('id', '=', id)
    .where('stay_id', '=', stayId)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type ItemWithNames = ItemRow & { recorded_by_name: string | null };

export function itemsOfStay(db: Q, stayId: string): Promise<ItemWithNames[]> {
  return db
    .selectFrom('registry_belongings_items as i')
    .leftJoin('users as u', 'u.id', 'i.recorded_by')
    .selectAll('i')
    .select('u.display_name as recorded_by_name')
    .where('i.stay_id', '=', stayId)
    .orderBy('i.number')
    .execute();
}

export function countItems(db: Q, stayId: string): Promise<number> {
  return db
    .selectFrom('registry_belongings_items')
    .select(sql<number>`count(*)`.as('n'))
    .where('stay_id', '=', stayId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Verifies a draft; false when another officer verified it first. */
export async function verifyInventory(
  db: Q,
  stayId: string,
  set: { verified_by: string; verified_at: string; receipt_number: string },
): Promise<boolean> {
  const r = await db
    .updateTable('registry_belongings')
    .set({ ...set, status: 'verified' })
    .where('stay_id', '=', stayId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The next receipt number of a country in a year: one upsert, so two transactions at once never
 * read the same value (PostgreSQL locks the row; SQLite runs one writer at a time).
 */
export async function nextReceiptSequence(db: Q, countryCode: string, year: number): Promise<number> {
  const r = await db
    .insertInto('registry_receipt_counters')
    .values({ country_code: countryCode, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['country_code', 'year']).doUpdateSet({ last: sql`registry_receipt_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(r.last);
}

/** Stamps the first download of a receipt; false when it had been downloaded before. */
export async function markReceiptIssued(db: Q, stayId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_belongings')
    .set({ receipt_issued_at: at })
    .where('stay_id', '=', stayId)
    .where('receipt_issued_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertCustody(db: Q, row: Insertable<RegistryBelongingsCustodyTable>) {
  return db.insertInto('registry_belongings_custody').values(row).execute();
}

/**
 * The custody entry of a transfer, written by the registry's transfer in its own transaction:
 * the belongings travel with the person. Nothing is written for a stay without an inventory.
 */
export async function logTransferCustody(
  db: Q,
  row: Pick<
    Insertable<RegistryBelongingsCustodyTable>,
    'id' | 'stay_id' | 'from_centre_id' | 'to_centre_id' | 'at' | 'by_user' | 'recorded_at'
  >,
): Promise<void> {
  await db
    .insertInto('registry_belongings_custody')
    .columns([
      'id',
      'stay_id',
      'country_code',
      'kind',
      'from_centre_id',
      'to_centre_id',
      'at',
      'by_user',
      'recorded_at',
    ])
    .expression(
      db
        .selectFrom('registry_belongings as b')
        .select([
          sql.val(row.id).as('id'),
          'b.stay_id',
          'b.country_code',
          sql.val('transferred').as('kind'),
          sql.val(row.from_centre_id ?? null).as('from_centre_id'),
          sql.val(row.to_centre_id ?? null).as('to_centre_id'),
          sql.val(row.at).as('at'),
          sql.val(row.by_user ?? null).as('by_user'),
          sql.val(row.recorded_at).as('recorded_at'),
        ])
        .where('b.stay_id', '=', row.stay_id),
    )
    .execute();
}

export type CustodyWithNames = CustodyRow & { by_name: string | null };

export function custodyOfStay(db: Q, stayId: string): Promise<CustodyWithNames[]> {
  return db
    .selectFrom('registry_belongings_custody as c')
    .leftJoin('users as u', 'u.id', 'c.by_user')
    .selectAll('c')
    .select('u.display_name as by_name')
    .where('c.stay_id', '=', stayId)
    .orderBy('c.at')
    .orderBy('c.recorded_at')
    .orderBy('c.id')
    .execute();
}

export type ReturnWithNames = ReturnRow & { by_name: string | null };

export function returnsOfStay(db: Q, stayId: string): Promise<ReturnWithNames[]> {
  return db
    .selectFrom('registry_belongings_returns as r')
    .leftJoin('users as u', 'u.id', 'r.by_user')
    .selectAll('r')
    .select('u.display_name as by_name')
    .where('r.stay_id', '=', stayId)
    .execute();
}

/** Records the returns; false when one of the items had its return recorded meanwhile. */
export async function insertReturns(
  db: Q,
  rows: Insertable<RegistryBelongingsReturnsTable>[],
): Promise<boolean> {
  const r = await db
    .insertInto('registry_belongings_returns')
    .values(rows)
    .onConflict((oc) => oc.column('item_id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === rows.length;
}

export function userNames(db: Q, ids: readonly string[]): Promise<{ id: string; display_name: string }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
}

/** The active centre supervisors of a country: who is told of a discrepancy. */
export async function centreSupervisors(db: Q, countryCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('country_code', '=', countryCode)
    .where('role', '=', 'centre_supervisor')
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export const DISCREPANCIES_MAX = 1000;

/** The returns of a country that are not "returned", the newest first, at most `limit`. */
export function discrepanciesOfCountry(db: Q, countryCode: string, limit: number) {
  return db
    .selectFrom('registry_belongings_returns as r')
    .innerJoin('registry_belongings_items as i', 'i.id', 'r.item_id')
    .innerJoin('registry_belongings as b', 'b.stay_id', 'r.stay_id')
    .innerJoin('registry_stays as s', 's.id', 'r.stay_id')
    .innerJoin('registry_centres as c', 'c.id', 's.centre_id')
    .leftJoin('users as u', 'u.id', 'r.by_user')
    .select([
      'r.stay_id',
      's.person_id',
      's.centre_id',
      'c.names as centre_names',
      'b.receipt_number',
      'i.id as item_id',
      'i.number as item_number',
      'i.kind',
      'i.description_enc',
      'i.seal_number',
      'r.outcome',
      'r.reason_enc',
      'r.authority',
      'r.at',
      'r.by_user',
      'u.display_name as by_name',
    ])
    .where('r.country_code', '=', countryCode)
    .where('r.outcome', '!=', 'returned')
    .orderBy('r.at', 'desc')
    .orderBy('r.recorded_at', 'desc')
    .orderBy('r.item_id')
    .limit(limit)
    .execute();
}

/** Which of these stays still hold belongings (an item current and not returned), with how many. */
export async function heldItemsOfStays(db: Q, stayIds: readonly string[]): Promise<Map<string, number>> {
  if (stayIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('registry_belongings_items as i')
    .leftJoin('registry_belongings_returns as r', 'r.item_id', 'i.id')
    .select(['i.stay_id', sql<number>`count(*)`.as('n')])
    .where('i.stay_id', 'in', stayIds)
    .where('i.superseded_by', 'is', null)
    .where('r.item_id', 'is', null)
    .groupBy('i.stay_id')
    .execute();
  return new Map(rows.map((r) => [r.stay_id, Number(r.n)]));
}

/**
 * Takes the inventory's row lock while it is a draft (a no-op update: PostgreSQL holds the row
 * until commit, SQLite has one writer at a time); false when it is verified.
 */
export async function lockDraft(db: Q, stayId: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_belongings')
    .set({ status: 'draft' })
    .where('stay_id', '=', stayId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The country of an item, for the access check of its photo. */
export async function itemCountry(db: Q, itemId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('registry_belongings_items')
    .select('country_code')
    .where('id', '=', itemId)
    .executeTakeFirst();
  return r?.country_code;
}
