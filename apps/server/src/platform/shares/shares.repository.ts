import { type Kysely, type RawBuilder, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { SharesTable } from '../../db/schema/shares';
import type { Tx } from '../context';

type Q = Tx | Kysely<Database>;
export type ShareRow = Selectable<SharesTable>;
export type ShareStatus = 'offered' | 'accepted' | 'declined' | 'revoked';

export async function countryExists(db: Q, code: string): Promise<boolean> {
  const row = await db.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertShare(db: Q, row: ShareRow): Promise<void> {
  await db.insertInto('shares').values(row).execute();
}

export function findShareById(db: Q, id: string): Promise<ShareRow | undefined> {
  return db.selectFrom('shares').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every share of one object, oldest first (revoked and declined ones too: they are its history). */
export function sharesOfObject(db: Q, kind: string, objectId: string): Promise<ShareRow[]> {
  return db
    .selectFrom('shares')
    .selectAll()
    .where('object_kind', '=', kind)
    .where('object_id', '=', objectId)
    .orderBy('offered_at')
    .orderBy('id')
    .limit(1000)
    .execute();
}

/** The shares of one object with one country in these states. */
export function sharesOfObjectWith(
  db: Q,
  kind: string,
  objectId: string,
  country: string,
  statuses: readonly ShareStatus[],
): Promise<ShareRow[]> {
  return db
    .selectFrom('shares')
    .selectAll()
    .where('object_kind', '=', kind)
    .where('object_id', '=', objectId)
    .where('shared_with', '=', country)
    .where('status', 'in', statuses)
    .orderBy('offered_at')
    .orderBy('id')
    .execute();
}

/** What is shared with a country (incoming) or by it (outgoing), newest first. */
export function sharesOfCountry(
  db: Q,
  box: 'incoming' | 'outgoing',
  country: string,
  filter: { kind: string; statuses: readonly ShareStatus[]; limit: number },
): Promise<ShareRow[]> {
  return db
    .selectFrom('shares')
    .selectAll()
    .where(box === 'incoming' ? 'shared_with' : 'owner_country', '=', country)
    .where('object_kind', '=', filter.kind)
    .where('status', 'in', filter.statuses)
    .orderBy('offered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

/**
 * Moves a share from one of `from` to its next state; false when another step came first (two
 * supervisors accepting the same offer at once: one of them wins).
 */
export async function moveShare(
  db: Q,
  id: string,
  from: readonly ShareStatus[],
  set: Updateable<SharesTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('shares')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The ids of the objects of a kind that a country may read by share (accepted, not revoked): for
 * `id IN (…)` in a capability's scope query, answered from the `shares_with_idx` index.
 */
export function idsSharedWith(db: Q, kind: string, country: string) {
  return db
    .selectFrom('shares')
    .select('shares.object_id')
    .where('shares.shared_with', '=', country)
    .where('shares.object_kind', '=', kind)
    .where('shares.status', '=', 'accepted');
}

/**
 * "Or shared with this country" for a capability's scope filter, on its id column:
 * `qb.where((eb) => eb.or([eb('c.country_code', '=', country), sharedWithCountry('case', 'c.id', country)]))`.
 */
export function sharedWithCountry(kind: string, idColumn: string, country: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(idColumn)} IN (SELECT s.object_id FROM shares s
    WHERE s.shared_with = ${country} AND s.object_kind = ${kind} AND s.status = 'accepted')`;
}
