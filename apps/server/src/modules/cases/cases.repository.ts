import type { CaseSort } from '@enlace/shared';
import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../../db/dialect';
import { countPartsUpTo, type ListPage, type OrderColumn, pageOfParts } from '../../db/order';
import type { Database } from '../../db/schema';
import { ftsMatchesAtMost, matchesSearch, type QueryWord } from '../../platform/search/search';
import type {
  CaseAssetsTable,
  CaseEvidenceTable,
  CaseStageEventsTable,
  CaseSuspectsTable,
  CasesTable,
  EvidenceCustodyTable,
} from '../../db/schema/cases';
import type { Actor, Tx } from '../../platform/context';
import { idsSharedWith } from '../../platform/shares/shares.repository';

export type Q = Tx | Kysely<Database>;
export type CaseRow = Selectable<CasesTable>;
export type StageEventRow = Selectable<CaseStageEventsTable>;
export type SuspectRow = Selectable<CaseSuspectsTable>;
export type AssetRow = Selectable<CaseAssetsTable>;
export type EvidenceRow = Selectable<CaseEvidenceTable>;
export type CustodyRow = Selectable<EvidenceCustodyTable>;

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

export interface CaseFilter {
  stage?: string;
  /** The words searched (platform/search `parseSearch`). */
  search?: QueryWord[];
}

/**
 * Cases the actor may read, as disjoint parts each on its own indexes (db/order.ts): their
 * country's (a search asks the full-text index for the owner's records only), and other
 * countries' cases shared with it and not revoked. On SQLite, `drive` says how to find the rows,
 * as for incidents (incidents.repository.ts): `walk` an order's index, checking the rest on its
 * rows, or let a `search` with few matches drive.
 */
function casesMatching(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: CaseFilter,
  drive?: 'walk' | 'search',
) {
  const hinted = dialect === 'sqlite' && drive !== undefined;
  const col = (name: string, own: boolean) =>
    hinted && drive === 'search' && own
      ? sql<string>`+${sql.ref(`cases.${name}`)}`
      : sql<string>`${sql.ref(`cases.${name}`)}`;
  const parts: { qb: ReturnType<typeof selectCases>; owner?: string }[] =
    actor.scope === 'all'
      ? [{ qb: selectCases(db) }]
      : [
          {
            qb: selectCases(db).where(col('country_code', true), '=', actor.countryCode),
            owner: actor.countryCode,
          },
          {
            // Driven by the shares (few): as a correlated EXISTS, every other country's case
            // was read to check it (100 ms at 50,000 cases).
            qb: selectCases(db)
              .where('cases.country_code', '<>', actor.countryCode)
              .where('cases.id', 'in', idsSharedWith(db, 'case', actor.countryCode)),
          },
        ];
  return parts.map(({ qb: part, owner }) => {
    const own = owner !== undefined || actor.scope === 'all';
    let qb = part;
    if (filter.stage) qb = qb.where(col('stage', own), '=', filter.stage);
    if (filter.search) {
      const checked = hinted && drive === 'walk';
      qb = qb.where(matchesSearch(dialect, 'cases', filter.search, { checked, owner }));
    }
    return qb;
  });
}

const selectCases = (db: Q) => db.selectFrom('cases');

const SORT_COLUMNS: Record<CaseSort, OrderColumn> = {
  updatedAt: { ref: 'cases.updated_at' },
  openedOn: { ref: 'cases.opened_on' },
  reference: { ref: 'cases.reference', bytes: true },
  title: { ref: 'cases.title', bytes: true },
  stage: { ref: 'cases.stage', bytes: true },
  country: { ref: 'cases.country_code', bytes: true },
};

/**
 * A page of the cases the actor may read, in the order asked, ties broken by id, and how many
 * match (counted up to `cap + 1`), found as incidents' are (incidents.repository pageOfIncidents).
 */
export async function pageOfCases(
  db: Q,
  dialect: DialectName,
  actor: Actor,
  filter: CaseFilter,
  page: ListPage<CaseSort>,
): Promise<{ count: number; rows: CaseRow[] }> {
  const bySearch =
    dialect === 'sqlite' &&
    filter.search !== undefined &&
    (await ftsMatchesAtMost(db as Kysely<unknown>, 'cases', filter.search, page.cap));
  const count = await countPartsUpTo(
    db,
    casesMatching(db, dialect, actor, filter, bySearch ? 'search' : undefined),
    page.cap,
  );
  const rows = await pageOfParts<CaseRow, Database, 'cases', object>(
    db,
    dialect,
    'cases',
    (walk) => casesMatching(db, dialect, actor, filter, walk ? 'walk' : bySearch ? 'search' : undefined),
    { column: SORT_COLUMNS[page.sort], dir: page.dir },
    { ...page, matches: count },
  );
  return { count, rows };
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
