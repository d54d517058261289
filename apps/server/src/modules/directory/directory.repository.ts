import type { SortDirection } from '@enlace/shared';
import type { Expression, Kysely, Selectable, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../../db/dialect';
import { countUpTo, type OrderColumn, orderTerm } from '../../db/order';
import type { Database } from '../../db/schema';
import type { DirectoryAuthorisationsTable, DirectoryEntriesTable } from '../../db/schema/directory';
import type { Tx } from '../../platform/context';

export type Q = Tx | Kysely<Database>;
export type EntryRow = Selectable<DirectoryEntriesTable>;
export type AuthorisationRow = Selectable<DirectoryAuthorisationsTable>;

export interface EntryFilter {
  country?: string;
  area?: string;
  channel?: string;
  /** Entries verified before this instant (stale). */
  verifiedBefore?: string;
  match?: Expression<SqlBool>;
}

function entriesMatching(db: Q, f: EntryFilter) {
  let qb = db.selectFrom('directory_entries');
  if (f.country) qb = qb.where('directory_entries.country_code', '=', f.country);
  // JSON arrays of codes: the quoted code is looked for (codes are [a-z0-9_]).
  if (f.area) qb = qb.where('directory_entries.areas', 'like', `%"${f.area}"%`);
  if (f.channel) qb = qb.where('directory_entries.channels', 'like', `%"kind":"${f.channel}"%`);
  if (f.verifiedBefore) qb = qb.where('directory_entries.verified_at', '<', f.verifiedBefore);
  if (f.match) qb = qb.where(f.match);
  return qb;
}

export type EntrySort = 'name' | 'country' | 'verifiedAt';
const SORTS: Record<EntrySort, OrderColumn> = {
  name: { ref: 'directory_entries.name', bytes: true },
  country: { ref: 'directory_entries.country_code', bytes: true },
  verifiedAt: { ref: 'directory_entries.verified_at' },
};

const withNames = (db: Q, f: EntryFilter) =>
  entriesMatching(db, f)
    .leftJoin('agencies as a', 'a.id', 'directory_entries.agency_id')
    .leftJoin('users as v', 'v.id', 'directory_entries.verified_by')
    .selectAll('directory_entries')
    .select(['a.names as agency_names', 'a.acronym as agency_acronym', 'v.display_name as verified_by_name']);

export type EntryWithNames = EntryRow & {
  agency_names: string | null;
  agency_acronym: string | null;
  verified_by_name: string | null;
};

export function pageOfEntries(
  db: Q,
  dialect: DialectName,
  f: EntryFilter,
  page: { sort: EntrySort; dir: SortDirection; limit: number; offset: number },
): Promise<EntryWithNames[]> {
  let qb = withNames(db, f).orderBy(orderTerm(dialect, SORTS[page.sort], page.dir));
  // Within a country, by name.
  if (page.sort === 'country') qb = qb.orderBy(orderTerm(dialect, SORTS.name, 'asc'));
  return qb.orderBy('directory_entries.id', page.dir).limit(page.limit).offset(page.offset).execute();
}

/** Every entry of a filter, for an export (the directory is thousands of rows, not millions). */
export function allEntries(db: Q, dialect: DialectName, f: EntryFilter): Promise<EntryWithNames[]> {
  return withNames(db, f)
    .orderBy(orderTerm(dialect, SORTS.country, 'asc'))
    .orderBy(orderTerm(dialect, SORTS.name, 'asc'))
    .orderBy('directory_entries.id')
    .limit(20_000)
    .execute();
}

export function countEntries(db: Q, f: EntryFilter, cap: number): Promise<number> {
  return countUpTo(db, entriesMatching(db, f), cap);
}

export function findEntry(db: Q, id: string): Promise<EntryWithNames | undefined> {
  return withNames(db, {}).where('directory_entries.id', '=', id).executeTakeFirst();
}

export async function freshnessByCountry(db: Q, since: string) {
  const rows = await db
    .selectFrom('directory_entries')
    .select((eb) => [
      'country_code',
      eb.fn.countAll<number>().as('entries'),
      sql<number>`SUM(CASE WHEN verified_at >= ${since} THEN 1 ELSE 0 END)`.as('fresh'),
    ])
    .groupBy('country_code')
    .orderBy('country_code')
    .execute();
  return rows.map((r) => ({
    countryCode: r.country_code,
    entries: Number(r.entries),
    fresh: Number(r.fresh),
  }));
}

/** Stale entries whose country administrators were not told since their last verification. */
export function staleUntold(db: Q, before: string) {
  return db
    .selectFrom('directory_entries')
    .select(['id', 'country_code', 'verified_at'])
    .where('verified_at', '<', before)
    .where((eb) =>
      eb.or([eb('stale_notified_at', 'is', null), eb('stale_notified_at', '<', eb.ref('verified_at'))]),
    )
    .orderBy('id')
    .limit(5000)
    .execute();
}

export function authorisationsOf(db: Q, filter: { countryCode?: string; userId?: string }) {
  let qb = db
    .selectFrom('directory_authorisations as z')
    .innerJoin('users as u', 'u.id', 'z.user_id')
    .selectAll('z')
    .select(['u.display_name as user_name', 'u.role as user_role']);
  if (filter.countryCode) qb = qb.where('z.country_code', '=', filter.countryCode);
  if (filter.userId) qb = qb.where('z.user_id', '=', filter.userId);
  return qb.orderBy('z.valid_until', 'desc').orderBy('z.id').limit(1000).execute();
}

/** Whether the user holds an active authorisation whose last day is `day` or later. */
export async function hasCurrentAuthorisation(db: Q, userId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('directory_authorisations')
    .select('id')
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .where('valid_until', '>=', day)
    .executeTakeFirst();
  return row !== undefined;
}
