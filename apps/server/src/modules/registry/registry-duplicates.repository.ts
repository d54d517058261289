import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { RegistryDuplicatePairsTable } from '../../db/schema/registry-duplicates';
import type { PersonRow, Q } from './registry.repository';

export type PairRow = Selectable<RegistryDuplicatePairsTable>;

/** The countries that have registered persons (the nightly scan goes through each). */
export async function countriesWithPersons(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('registry_persons').select('country_code').distinct().execute();
  return rows.map((r) => r.country_code).sort();
}

export async function scannedUntil(db: Q, countryCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('registry_duplicate_scans')
    .select('scanned_until')
    .where('country_code', '=', countryCode)
    .executeTakeFirst();
  return row?.scanned_until ?? null;
}

export async function recordScan(db: Q, countryCode: string, until: string): Promise<void> {
  await db
    .insertInto('registry_duplicate_scans')
    .values({ country_code: countryCode, scanned_until: until })
    .onConflict((oc) => oc.column('country_code').doUpdateSet({ scanned_until: until }))
    .execute();
}

/**
 * A page of a country's persons registered at or after `since` (all of them when null), not
 * merged into another, in the order of registration after the cursor `(created_at, id)`.
 */
export function registeredSince(
  db: Q,
  countryCode: string,
  since: string | null,
  after: { createdAt: string; id: string } | null,
  limit: number,
): Promise<PersonRow[]> {
  let q = db
    .selectFrom('registry_persons')
    .selectAll()
    .where('country_code', '=', countryCode)
    .where('merged_into', 'is', null);
  if (since !== null) q = q.where('created_at', '>=', since);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  return q.orderBy('created_at').orderBy('id').limit(limit).execute();
}

/** Queues pairs; a pair already there (pending, merged or judged different) is left as it is. */
export async function queuePairs(db: Q, rows: readonly PairRow[]): Promise<number> {
  let queued = 0;
  for (const row of rows) {
    const r = await db
      .insertInto('registry_duplicate_pairs')
      .values(row)
      .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
      .executeTakeFirst();
    queued += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}

export function findPair(db: Q, id: string): Promise<PairRow | undefined> {
  return db.selectFrom('registry_duplicate_pairs').selectAll().where('id', '=', id).executeTakeFirst();
}

export type PairListRow = PairRow & { decided_by_name: string | null };

/**
 * The pending pairs of a country whose two persons are both unmerged, best first; or the decided
 * ones, the latest decision first. At most `limit`, and how many there are in all.
 */
export async function pairsOfCountry(
  db: Q,
  countryCode: string,
  view: 'pending' | 'decided',
  limit: number,
): Promise<{ rows: PairListRow[]; total: number }> {
  const base = db
    .selectFrom('registry_duplicate_pairs as d')
    .innerJoin('registry_persons as a', 'a.id', 'd.person_a')
    .innerJoin('registry_persons as b', 'b.id', 'd.person_b')
    .where('d.country_code', '=', countryCode)
    .where((eb) =>
      view === 'pending'
        ? eb.and([
            eb('d.status', '=', 'pending'),
            eb('a.merged_into', 'is', null),
            eb('b.merged_into', 'is', null),
          ])
        : eb('d.status', '<>', 'pending'),
    );
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  let q = base
    .leftJoin('users as u', 'u.id', 'd.decided_by')
    .selectAll('d')
    .select('u.display_name as decided_by_name');
  q =
    view === 'pending'
      ? q.orderBy('d.score', 'desc').orderBy('d.found_at')
      : q.orderBy('d.decided_at', 'desc');
  const rows = await q.orderBy('d.id').limit(limit).execute();
  return { rows, total: Number(total.n) };
}

export async function decidedByName(db: Q, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const u = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return u?.display_name ?? null;
}

/** Records a decision on a pending pair only: false when someone decided it first. */
export async function decidePair(
  db: Q,
  id: string,
  set: Pick<PairRow, 'status' | 'decided_by' | 'decided_at' | 'note_enc' | 'kept_person' | 'merged_person'>,
): Promise<boolean> {
  const r = await db
    .updateTable('registry_duplicate_pairs')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Puts a merged pair back in the queue, with the note of the undo: false when no longer merged. */
export async function reopenMergedPair(db: Q, id: string, noteEnc: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_duplicate_pairs')
    .set({
      status: 'pending',
      decided_by: null,
      decided_at: null,
      note_enc: noteEnc,
      kept_person: null,
      merged_person: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'same_person')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Points a person at the one they were merged into, if still unmerged: false otherwise. */
export async function mergePerson(db: Q, personId: string, keptId: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_persons')
    .set({ merged_into: keptId })
    .where('id', '=', personId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  // The merged person's keys now count for the kept one (search before create, migration 0023).
  await db
    .updateTable('registry_person_keys')
    .set({ owner_id: keptId })
    .where('person_id', '=', personId)
    .execute();
  return true;
}

/** Undoes a merge, if the person still points at the one they were merged into. */
export async function unmergePerson(db: Q, personId: string, keptId: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_persons')
    .set({ merged_into: null })
    .where('id', '=', personId)
    .where('merged_into', '=', keptId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('registry_person_keys')
    .set({ owner_id: personId })
    .where('person_id', '=', personId)
    .execute();
  return true;
}

/** Whether anyone was merged into this person (a merge never makes a chain). */
export async function hasMergedPersons(db: Q, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('registry_persons')
    .select('id')
    .where('merged_into', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many stays each of these persons has. */
export async function stayCounts(db: Q, personIds: readonly string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('registry_stays')
    .select(['person_id', sql<number>`count(*)`.as('n')])
    .where('person_id', 'in', personIds)
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}
