import type { CaseSort, SortDirection } from '@enlace/shared';
import type { Expression, Kysely, Selectable, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../../db/dialect';
import { countPartsUpTo, type OrderColumn, pageOfParts } from '../../db/order';
import type { Database } from '../../db/schema';
import type {
  CaseAssetsTable,
  CaseEvidenceTable,
  CaseSharesTable,
  CaseStageEventsTable,
  CaseSuspectsTable,
  CasesTable,
  EvidenceCustodyTable,
} from '../../db/schema/cases';
import type { Actor, Tx } from '../../platform/context';

export type Q = Tx | Kysely<Database>;
export type CaseRow = Selectable<CasesTable>;
export type StageEventRow = Selectable<CaseStageEventsTable>;
export type SuspectRow = Selectable<CaseSuspectsTable>;
export type AssetRow = Selectable<CaseAssetsTable>;
export type EvidenceRow = Selectable<CaseEvidenceTable>;
export type CustodyRow = Selectable<EvidenceCustodyTable>;
export type ShareRow = Selectable<CaseSharesTable>;

export function findCase(db: Q, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCaseByReference(db: Q, country: string, reference: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('country_code', '=', country)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export function findActiveShare(db: Q, caseId: string, country: string): Promise<ShareRow | undefined> {
  return db
    .selectFrom('case_shares')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('country_code', '=', country)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export interface CaseFilter {
  stage?: string;
  /** The search condition (platform/search `matchesSearch`; `checked` as it says), when searched. */
  match?: (checked: boolean) => Expression<SqlBool>;
}

/**
 * Cases the actor may read, as disjoint parts each on its own indexes (db/order.ts): their
 * country's, and other countries' cases shared with it and not revoked.
 */
function casesMatching(db: Q, actor: Actor, filter: CaseFilter, checked = false) {
  const parts =
    actor.scope === 'all'
      ? [db.selectFrom('cases')]
      : [
          db.selectFrom('cases').where('cases.country_code', '=', actor.countryCode),
          db
            .selectFrom('cases')
            .where('cases.country_code', '<>', actor.countryCode)
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('case_shares as s')
                  .select(sql<number>`1`.as('one'))
                  .whereRef('s.case_id', '=', 'cases.id')
                  .where('s.country_code', '=', actor.countryCode)
                  .where('s.revoked_at', 'is', null),
              ),
            ),
        ];
  return parts.map((part) => {
    let qb = part;
    if (filter.stage) qb = qb.where('cases.stage', '=', filter.stage);
    if (filter.match) qb = qb.where(filter.match(checked));
    return qb;
  });
}

const SORT_COLUMNS: Record<CaseSort, OrderColumn> = {
  updatedAt: { ref: 'cases.updated_at' },
  openedOn: { ref: 'cases.opened_on' },
  reference: { ref: 'cases.reference', bytes: true },
  title: { ref: 'cases.title', bytes: true },
  stage: { ref: 'cases.stage', bytes: true },
  country: { ref: 'cases.country_code', bytes: true },
};

/** A page of the cases the actor may read, in the order asked, ties broken by id. */
export function listCasesInScope(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: CaseFilter,
  page: { sort: CaseSort; dir: SortDirection; limit: number; offset: number; matches: number },
): Promise<CaseRow[]> {
  return pageOfParts<CaseRow, Database, 'cases', object>(
    db,
    dialect,
    'cases',
    (walk) => casesMatching(db, actor, filter, walk),
    { column: SORT_COLUMNS[page.sort], dir: page.dir },
    page,
  );
}

/** How many cases the actor may read match a filter, counted up to `cap + 1`. */
export async function countCasesInScope(
  db: Q,
  actor: Actor,
  filter: CaseFilter,
  cap: number,
): Promise<number> {
  return countPartsUpTo(db, casesMatching(db, actor, filter), cap);
}

/** A page by id of the cases, or of those without search tokens yet (written before search). */
export function casesForSearch(db: Q, after: string, limit: number, all: boolean): Promise<CaseRow[]> {
  let qb = db.selectFrom('cases').selectAll().where('id', '>', after);
  if (!all) qb = qb.where('search_terms', 'is', null);
  return qb.orderBy('id').limit(limit).execute();
}

export async function setCaseSearchTerms(db: Q, id: string, terms: string): Promise<void> {
  await db.updateTable('cases').set({ search_terms: terms }).where('id', '=', id).execute();
}

export async function insertCase(db: Q, row: CaseRow): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

export async function insertCases(db: Q, rows: readonly CaseRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('cases')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function updateCase(db: Q, row: CaseRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable('cases').set(rest).where('id', '=', id).execute();
}

export async function insertStageEvents(db: Q, rows: readonly StageEventRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('case_stage_events')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
}

export function listStageEvents(db: Q, caseId: string): Promise<StageEventRow[]> {
  return db
    .selectFrom('case_stage_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('occurred_on')
    .orderBy('recorded_at')
    .execute();
}

export async function replaceCaseIncidents(
  db: Q,
  caseId: string,
  incidentIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('case_incidents').where('case_id', '=', caseId).execute();
  if (incidentIds.length) {
    await db
      .insertInto('case_incidents')
      .values(incidentIds.map((incident_id) => ({ case_id: caseId, incident_id })))
      .execute();
  }
}

export async function insertCaseIncidents(db: Q, rows: readonly { case_id: string; incident_id: string }[]) {
  for (let i = 0; i < rows.length; i += 5000) {
    await db
      .insertInto('case_incidents')
      .values(rows.slice(i, i + 5000))
      .execute();
  }
}

export async function listCaseIncidentIds(db: Q, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_incidents')
    .select('incident_id')
    .where('case_id', '=', caseId)
    .orderBy('incident_id')
    .execute();
  return rows.map((r) => r.incident_id);
}

/** Which of these incidents belong to a country (cases link their own country's incidents). */
export async function incidentsOfCountry(
  db: Q,
  country: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('incidents')
    .select('id')
    .where('country_code', '=', country)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function listSuspects(db: Q, caseId: string): Promise<SuspectRow[]> {
  return db
    .selectFrom('case_suspects')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findSuspect(db: Q, caseId: string, id: string): Promise<SuspectRow | undefined> {
  return db
    .selectFrom('case_suspects')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSuspects(db: Q, rows: readonly SuspectRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('case_suspects')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function updateSuspect(db: Q, row: SuspectRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable('case_suspects').set(rest).where('id', '=', id).execute();
}

export async function deleteSuspect(db: Q, caseId: string, id: string): Promise<void> {
  await db.deleteFrom('case_suspects').where('case_id', '=', caseId).where('id', '=', id).execute();
}

export function listAssets(db: Q, caseId: string): Promise<AssetRow[]> {
  return db
    .selectFrom('case_assets')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findAsset(db: Q, caseId: string, id: string): Promise<AssetRow | undefined> {
  return db
    .selectFrom('case_assets')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAssets(db: Q, rows: readonly AssetRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('case_assets')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function updateAsset(db: Q, row: AssetRow): Promise<void> {
  const { id, ...rest } = row;
  await db.updateTable('case_assets').set(rest).where('id', '=', id).execute();
}

export async function deleteAsset(db: Q, caseId: string, id: string): Promise<void> {
  await db.deleteFrom('case_assets').where('case_id', '=', caseId).where('id', '=', id).execute();
}

export function listEvidence(db: Q, caseId: string): Promise<EvidenceRow[]> {
  return db
    .selectFrom('case_evidence')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('collected_at')
    .orderBy('id')
    .execute();
}

export function findEvidence(db: Q, caseId: string, id: string): Promise<EvidenceRow | undefined> {
  return db
    .selectFrom('case_evidence')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertEvidence(db: Q, row: EvidenceRow): Promise<void> {
  await db.insertInto('case_evidence').values(row).execute();
}

export function listCustody(db: Q, evidenceIds: readonly string[]): Promise<CustodyRow[]> {
  if (evidenceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evidence_custody')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('evidence_id')
    .orderBy('seq')
    .execute();
}

export async function insertCustody(db: Q, row: CustodyRow): Promise<void> {
  await db.insertInto('evidence_custody').values(row).execute();
}

/** Ends the current holder's custody, if still the one at `seq`; false when it changed meanwhile. */
export async function closeCustody(db: Q, evidenceId: string, seq: number, at: string): Promise<boolean> {
  const res = await db
    .updateTable('evidence_custody')
    .set({ to_at: at })
    .where('evidence_id', '=', evidenceId)
    .where('seq', '=', seq)
    .where('to_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listShares(db: Q, caseId: string): Promise<ShareRow[]> {
  return db
    .selectFrom('case_shares')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('granted_at')
    .orderBy('id')
    .execute();
}

export function findShare(db: Q, caseId: string, id: string): Promise<ShareRow | undefined> {
  return db
    .selectFrom('case_shares')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertShare(db: Q, row: ShareRow): Promise<void> {
  await db.insertInto('case_shares').values(row).execute();
}

export async function revokeShare(db: Q, id: string, at: string, by: string): Promise<boolean> {
  const res = await db
    .updateTable('case_shares')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
