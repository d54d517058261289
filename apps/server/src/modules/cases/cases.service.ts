import { randomUUID } from 'node:crypto';
import {
  type AssetBody,
  type AssetKind,
  type AssetUpdateBody,
  assetBodySchema,
  type Case,
  type CaseCreateBody,
  type CaseListQuery,
  type CasePage,
  type CaseStage,
  type CaseUpdateBody,
  type CustodyTransferBody,
  caseCreateBodySchema,
  custodyTransferBodySchema,
  type EvidenceBody,
  evidenceBodySchema,
  type SuspectBody,
  type SuspectRole,
  type SuspectUpdateBody,
  suspectBodySchema,
  SEARCH_TOTAL_CAP,
  TOTAL_CAP,
} from '@enlace/shared';
import { inScope, recordDenial, requireActor, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, type Deps, nowIso, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import { parseSearch, searchTerms } from '../../platform/search/search';
import { findShareById, sharesOfObject } from '../../platform/shares/shares.repository';
import {
  acceptedSharesWith,
  checkShareTarget,
  liveSharesWith,
  offerShare,
  revokeShare,
} from '../../platform/shares/shares.service';
import { conflict, type FieldError, forbidden, invalidFields, notFound } from '../../platform/errors';
import { monthOf } from '../incidents/incident-state';
import { loadVocabIndex } from '../incidents/incidents.service';
import { isIso3 } from '../incidents/iso-countries';
import { caseAbilities } from './cases.policy';
import {
  type AssetRow,
  type CaseRow,
  casesForSearch,
  closeCustody,
  type Q,
  deleteAsset,
  deleteSuspect,
  type CustodyRow,
  type EvidenceRow,
  findAsset,
  findCase,
  findCaseByReference,
  findEvidence,
  findSuspect,
  incidentsOfCountry,
  insertAssets,
  insertCase,
  insertCaseIncidents,
  insertCases,
  insertCustody,
  insertEvidence,
  insertStageEvents,
  insertSuspects,
  listAssets,
  listCaseIncidentIds,
  pageOfCases,
  listCustody,
  listEvidence,
  listStageEvents,
  listSuspects,
  replaceCaseIncidents,
  setCaseSearchTerms,
  type SuspectRow,
  updateAsset,
  updateCase,
  updateSuspect,
} from './cases.repository';

const P = {
  summary: 'case.summary',
  name: 'case.suspect.name',
  asset: 'case.asset.description',
  evidence: 'case.evidence.description',
  holder: 'case.custody.holder',
  purpose: 'case.custody.purpose',
};

const enc = (deps: Deps, v: string | null | undefined, purpose: string) =>
  v === null || v === undefined || v === '' ? null : encryptField(deps.config.secretKey, v, purpose);
const dec = (deps: Deps, v: string | null, purpose: string) =>
  v === null ? null : decryptField(deps.config.secretKey, v, purpose);

/**
 * The case's search tokens: reference and title in clear, summary and suspects' names blinded,
 * and its owner country.
 */
function caseSearchTerms(
  deps: Deps,
  c: { reference: string; title: string; summary?: string | null; countryCode: string },
  suspectNames: readonly string[],
): string {
  return searchTerms(deps.config.secretKey, {
    plain: [c.reference, c.title],
    secret: [c.summary, ...suspectNames],
    owner: c.countryCode,
  });
}

/** The search tokens of a stored case as it now stands in the transaction (its suspects read there). */
async function storedCaseSearchTerms(deps: Deps, trx: Q, row: CaseRow): Promise<string> {
  const suspects = await listSuspects(trx, row.id);
  return caseSearchTerms(
    deps,
    {
      reference: row.reference,
      title: row.title,
      summary: dec(deps, row.summary_enc, P.summary),
      countryCode: row.country_code,
    },
    suspects.map((s) => dec(deps, s.name_enc, P.name) ?? ''),
  );
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const toMinor = (amount: number) => Math.round(amount * 100);

/** A case the actor may read: their country's, or one shared with it (then read-only). */
async function readableCase(
  ctx: Ctx,
  id: string,
  action: string,
): Promise<{ row: CaseRow; shared: boolean }> {
  const actor = requireActor(ctx);
  const row = await findCase(ctx.db.kysely, id);
  if (row && inScope(actor, row.country_code)) return { row, shared: false };
  if (row && (await acceptedSharesWith(ctx, 'case', id, actor.countryCode)).length > 0)
    return { row, shared: true };
  await recordDenial(ctx, { action, objectType: 'case', objectId: id, reason: row ? 'scope' : 'not_found' });
  throw notFound();
}

/** Whether the actor may read a case (a link to it from another room); refusals are the caller's. */
export async function mayReadCase(ctx: Ctx, id: string): Promise<boolean> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has('cases.read')) return false;
  const row = await findCase(ctx.db.kysely, id);
  if (!row) return false;
  return (
    inScope(actor, row.country_code) ||
    (await acceptedSharesWith(ctx, 'case', id, actor.countryCode)).length > 0
  );
}

/** Only the owning country changes a case; a country it is shared with reads it. */
async function writableCase(ctx: Ctx, id: string, action: string): Promise<{ actor: Actor; row: CaseRow }> {
  const actor = await requirePermission(ctx, 'cases.write');
  const { row, shared } = await readableCase(ctx, id, action);
  if (shared) {
    await recordDenial(ctx, { action, objectType: 'case', objectId: id, reason: 'shared_read_only' });
    throw forbidden();
  }
  return { actor, row };
}

async function checkTerms(ctx: Ctx, codes: readonly string[], path: string): Promise<FieldError[]> {
  const offences = (await loadVocabIndex(ctx.db)).get('offence');
  return codes.flatMap((code, i) =>
    offences?.get(code)?.active
      ? []
      : [{ path: `${path}.${i}`, code: 'unknown_term', params: { value: code } }],
  );
}

function checkCountries(list: readonly { countryCode: string }[] | undefined): FieldError[] {
  return (list ?? []).flatMap((c, i) =>
    isIso3(c.countryCode)
      ? []
      : [
          {
            path: `countries.${i}.countryCode`,
            code: 'unknown_country_code',
            params: { value: c.countryCode },
          },
        ],
  );
}

async function checkIncidents(
  ctx: Ctx,
  country: string,
  ids: readonly string[] | undefined,
): Promise<FieldError[]> {
  if (!ids?.length) return [];
  const mine = await incidentsOfCountry(ctx.db.kysely, country, ids);
  return ids.flatMap((id, i) =>
    mine.has(id) ? [] : [{ path: `incidentIds.${i}`, code: 'incident_not_found' }],
  );
}

function presentSuspect(ctx: Ctx, s: SuspectRow): Case['suspects'][number] {
  return {
    id: s.id,
    kind: s.kind as Case['suspects'][number]['kind'],
    name: dec(ctx, s.name_enc, P.name) ?? '',
    nationality: s.nationality,
    role: s.role as Case['suspects'][number]['role'],
    defendant: s.defendant === 1,
    charges: JSON.parse(s.charges) as string[],
    outcome: s.outcome as Case['suspects'][number]['outcome'],
    outcomeOn: s.outcome_on,
    sentenceMonths: s.sentence_months === null ? null : Number(s.sentence_months),
    fine:
      s.fine_minor === null || s.fine_currency === null
        ? null
        : { amount: Number(s.fine_minor) / 100, currency: s.fine_currency },
  };
}

function presentAsset(ctx: Ctx, a: AssetRow): Case['assets'][number] {
  return {
    id: a.id,
    kind: a.kind as Case['assets'][number]['kind'],
    description: dec(ctx, a.description_enc, P.asset),
    status: a.status as Case['assets'][number]['status'],
    value: a.value_minor === null ? null : Number(a.value_minor) / 100,
    currency: a.currency,
    identifiedOn: a.identified_on,
    seizedOn: a.seized_on,
    confiscatedOn: a.confiscated_on,
    releasedOn: a.released_on,
  };
}

function presentEvidence(ctx: Ctx, e: EvidenceRow, custody: CustodyRow[]): Case['evidence'][number] {
  return {
    id: e.id,
    kind: e.kind as Case['evidence'][number]['kind'],
    description: dec(ctx, e.description_enc, P.evidence) ?? '',
    sha256: e.sha256,
    collectedAt: e.collected_at,
    custody: custody.map((c) => ({
      holder: dec(ctx, c.holder_enc, P.holder) ?? '',
      from: c.from_at,
      to: c.to_at,
      purpose: dec(ctx, c.purpose_enc, P.purpose),
      hashVerified: c.hash_verified === null ? null : c.hash_verified === 1,
    })),
  };
}

async function present(ctx: Ctx, row: CaseRow, shared: boolean): Promise<Case> {
  const db = ctx.db.kysely;
  const [stages, incidentIds, suspects, assets, evidence, shares] = await Promise.all([
    listStageEvents(db, row.id),
    listCaseIncidentIds(db, row.id),
    listSuspects(db, row.id),
    listAssets(db, row.id),
    listEvidence(db, row.id),
    shared ? Promise.resolve([]) : sharesOfObject(db, 'case', row.id),
  ]);
  const custody = await listCustody(
    db,
    evidence.map((e) => e.id),
  );
  const actor = requireActor(ctx);
  return {
    id: row.id,
    countryCode: row.country_code,
    reference: row.reference,
    title: row.title,
    summary: dec(ctx, row.summary_enc, P.summary),
    stage: row.stage as CaseStage,
    stages: stages.map((s) => ({
      stage: s.stage as CaseStage,
      occurredOn: s.occurred_on,
      recordedAt: s.recorded_at,
    })),
    openedOn: row.opened_on,
    judgedOn: row.judged_on,
    offences: JSON.parse(row.offences) as string[],
    incidentIds: shared ? [] : incidentIds,
    countries: JSON.parse(row.countries) as Case['countries'],
    financialInvestigation: row.financial_investigation === 1,
    jointTeam: row.joint_team ? (JSON.parse(row.joint_team) as Case['jointTeam']) : null,
    suspects: suspects.map((s) => presentSuspect(ctx, s)),
    assets: assets.map((a) => presentAsset(ctx, a)),
    evidence: evidence.map((e) =>
      presentEvidence(
        ctx,
        e,
        custody.filter((c) => c.evidence_id === e.id),
      ),
    ),
    shares: shares.map((s) => ({
      id: s.id,
      countryCode: s.shared_with,
      grantedAt: s.offered_at,
      revokedAt: s.revoked_at,
    })),
    sharedWithMe: shared,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: caseAbilities(actor, row, shared),
  };
}

/**
 * A page of the cases the actor may read (own country's and those shared with it), searched by
 * `q` (reference, title, summary, suspects' names), sorted, with how many match.
 */
export async function listCases(ctx: Ctx, query: CaseListQuery): Promise<CasePage> {
  const actor = await requirePermission(ctx, 'cases.read');
  const search = parseSearch(ctx.config.secretKey, query.q) ?? undefined;
  const cap = search ? SEARCH_TOTAL_CAP : TOTAL_CAP;
  const { count, rows } = await pageOfCases(
    ctx.db.kysely,
    ctx.db.dialect,
    actor,
    { stage: query.stage, search },
    { ...query, cap },
  );
  return {
    total: Math.min(count, cap),
    totalCapped: count > cap,
    items: rows.map((r) => ({
      id: r.id,
      countryCode: r.country_code,
      reference: r.reference,
      title: r.title,
      stage: r.stage as CaseStage,
      openedOn: r.opened_on,
      sharedWithMe: actor.scope !== 'all' && r.country_code !== actor.countryCode,
      updatedAt: r.updated_at,
    })),
  };
}

/** Reads of a case are audited: it names persons. */
export async function getCase(ctx: Ctx, id: string): Promise<Case> {
  await requirePermission(ctx, 'cases.read');
  const { row, shared } = await readableCase(ctx, id, 'case.read');
  await withTx(ctx, async (_trx, audit) => {
    await audit({ action: 'case.read', objectType: 'case', objectId: id, details: { shared } });
  });
  return present(ctx, row, shared);
}

export async function createCase(ctx: Ctx, raw: CaseCreateBody): Promise<Case> {
  const actor = await requirePermission(ctx, 'cases.write');
  const body = caseCreateBodySchema.parse(raw);
  const country = actor.countryCode;
  const errors = [
    ...(await checkTerms(ctx, body.offences, 'offences')),
    ...checkCountries(body.countries),
    ...(await checkIncidents(ctx, country, body.incidentIds)),
  ];
  if (body.openedOn > nowIso(ctx).slice(0, 10)) errors.push({ path: 'openedOn', code: 'date_out_of_range' });
  if (errors.length) throw invalidFields(errors);
  if (await findCaseByReference(ctx.db.kysely, country, body.reference))
    throw conflict('case_reference_taken');
  const now = nowIso(ctx);
  const row: CaseRow = {
    id: randomUUID(),
    country_code: country,
    reference: body.reference,
    title: body.title,
    summary_enc: enc(ctx, body.summary, P.summary),
    stage: body.stage,
    opened_on: body.openedOn,
    month: monthOf(body.openedOn),
    judged_on: null,
    days_to_judgment: null,
    offences: JSON.stringify([...new Set(body.offences)]),
    countries: JSON.stringify(body.countries),
    financial_investigation: body.financialInvestigation ? 1 : 0,
    joint_team: body.jointTeam ? JSON.stringify(body.jointTeam) : null,
    version: 1,
    is_demo: 0,
    created_at: now,
    created_by: actor.userId,
    updated_at: now,
    search_terms: caseSearchTerms(ctx, { ...body, countryCode: country }, []),
  };
  await withTx(ctx, async (trx, audit) => {
    await insertCase(trx, row);
    await insertStageEvents(trx, [
      {
        id: randomUUID(),
        case_id: row.id,
        stage: body.stage,
        occurred_on: body.openedOn,
        recorded_at: now,
        recorded_by: actor.userId,
      },
    ]);
    await replaceCaseIncidents(trx, row.id, [...new Set(body.incidentIds)]);
    await audit({
      action: 'case.created',
      objectType: 'case',
      objectId: row.id,
      details: { country, stage: body.stage },
    });
  });
  return present(ctx, row, false);
}

export async function editCase(ctx: Ctx, id: string, body: CaseUpdateBody): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.update');
  const errors = [
    ...(await checkTerms(ctx, body.offences ?? [], 'offences')),
    ...checkCountries(body.countries),
    ...(await checkIncidents(ctx, row.country_code, body.incidentIds)),
  ];
  if (errors.length) throw invalidFields(errors);
  const next: CaseRow = {
    ...row,
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.summary !== undefined ? { summary_enc: enc(ctx, body.summary, P.summary) } : {}),
    ...(body.offences !== undefined ? { offences: JSON.stringify([...new Set(body.offences)]) } : {}),
    ...(body.countries !== undefined ? { countries: JSON.stringify(body.countries) } : {}),
    ...(body.financialInvestigation !== undefined
      ? { financial_investigation: body.financialInvestigation ? 1 : 0 }
      : {}),
    ...(body.jointTeam !== undefined
      ? { joint_team: body.jointTeam ? JSON.stringify(body.jointTeam) : null }
      : {}),
    version: Number(row.version) + 1,
    updated_at: nowIso(ctx),
  };
  await withTx(ctx, async (trx, audit) => {
    next.search_terms = await storedCaseSearchTerms(ctx, trx, next);
    await updateCase(trx, next);
    if (body.incidentIds !== undefined) await replaceCaseIncidents(trx, id, [...new Set(body.incidentIds)]);
    await audit({
      action: 'case.updated',
      objectType: 'case',
      objectId: id,
      details: { fields: Object.keys(body).join(',') },
    });
  });
  return present(ctx, next, false);
}

/**
 * Moves a case to a stage on a date. Dates never go back; reaching judgment the first time
 * records the time from detection (the case's opening) to judgment.
 */
export async function moveStage(
  ctx: Ctx,
  id: string,
  body: { stage: CaseStage; occurredOn: string },
): Promise<Case> {
  const { actor, row } = await writableCase(ctx, id, 'case.stage');
  if (body.stage === row.stage) throw invalidFields([{ path: 'stage', code: 'stage_unchanged' }]);
  const events = await listStageEvents(ctx.db.kysely, id);
  const last = events[events.length - 1]?.occurred_on ?? row.opened_on;
  if (body.occurredOn < last || body.occurredOn > nowIso(ctx).slice(0, 10)) {
    throw invalidFields([{ path: 'occurredOn', code: 'stage_date_order', params: { date: last } }]);
  }
  const judged = body.stage === 'judgment' && row.judged_on === null;
  const now = nowIso(ctx);
  const next: CaseRow = {
    ...row,
    stage: body.stage,
    ...(judged
      ? { judged_on: body.occurredOn, days_to_judgment: daysBetween(row.opened_on, body.occurredOn) }
      : {}),
    version: Number(row.version) + 1,
    updated_at: now,
  };
  await withTx(ctx, async (trx, audit) => {
    await updateCase(trx, next);
    await insertStageEvents(trx, [
      {
        id: randomUUID(),
        case_id: id,
        stage: body.stage,
        occurred_on: body.occurredOn,
        recorded_at: now,
        recorded_by: actor.userId,
      },
    ]);
    await audit({
      action: 'case.stage_changed',
      objectType: 'case',
      objectId: id,
      details: { from: row.stage, to: body.stage },
    });
  });
  return present(ctx, next, false);
}

export async function addSuspect(ctx: Ctx, id: string, raw: SuspectBody): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.suspect.add');
  const body = suspectBodySchema.parse(raw);
  const errors = await checkTerms(ctx, body.charges, 'charges');
  if (body.nationality && !isIso3(body.nationality) && body.nationality !== 'XXA') {
    errors.push({ path: 'nationality', code: 'unknown_country_code', params: { value: body.nationality } });
  }
  if (body.charges.length && !body.defendant)
    errors.push({ path: 'charges', code: 'charges_require_defendant' });
  if (errors.length) throw invalidFields(errors);
  const suspect: SuspectRow = {
    id: randomUUID(),
    case_id: id,
    country_code: row.country_code,
    month: row.month,
    kind: body.kind,
    name_enc: enc(ctx, body.name, P.name) ?? '',
    nationality: body.nationality ?? null,
    role: body.role,
    defendant: body.defendant ? 1 : 0,
    charges: JSON.stringify([...new Set(body.charges)]),
    outcome: 'pending',
    outcome_on: null,
    sentence_months: null,
    fine_minor: null,
    fine_currency: null,
    created_at: nowIso(ctx),
  };
  await withTx(ctx, async (trx, audit) => {
    await insertSuspects(trx, [suspect]);
    await touch(ctx, trx, row);
    await audit({
      action: 'case.suspect_added',
      objectType: 'case',
      objectId: id,
      details: { suspect: suspect.id, kind: body.kind },
    });
  });
  return present(ctx, { ...row, updated_at: nowIso(ctx) }, false);
}

/** After a change to a case's suspects, assets or evidence: a new version, its search tokens anew. */
async function touch(ctx: Ctx, trx: Q, row: CaseRow) {
  const next = { ...row, version: Number(row.version) + 1, updated_at: nowIso(ctx) };
  await updateCase(trx, { ...next, search_terms: await storedCaseSearchTerms(ctx, trx, next) });
}

/** Charges and the outcome of a defendant: conviction or acquittal on a date, sentence, fine. */
export async function editSuspect(
  ctx: Ctx,
  id: string,
  suspectId: string,
  body: SuspectUpdateBody,
): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.suspect.update');
  const suspect = await findSuspect(ctx.db.kysely, id, suspectId);
  if (!suspect) throw notFound();
  const errors = await checkTerms(ctx, body.charges ?? [], 'charges');
  const next: SuspectRow = {
    ...suspect,
    ...(body.name !== undefined ? { name_enc: enc(ctx, body.name, P.name) ?? '' } : {}),
    ...(body.nationality !== undefined ? { nationality: body.nationality } : {}),
    ...(body.role !== undefined ? { role: body.role } : {}),
    ...(body.defendant !== undefined ? { defendant: body.defendant ? 1 : 0 } : {}),
    ...(body.charges !== undefined ? { charges: JSON.stringify([...new Set(body.charges)]) } : {}),
    ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
    ...(body.outcomeOn !== undefined ? { outcome_on: body.outcomeOn } : {}),
    ...(body.sentenceMonths !== undefined ? { sentence_months: body.sentenceMonths } : {}),
    ...(body.fine !== undefined
      ? {
          fine_minor: body.fine ? toMinor(body.fine.amount) : null,
          fine_currency: body.fine?.currency ?? null,
        }
      : {}),
  };
  if (next.nationality && !isIso3(next.nationality) && next.nationality !== 'XXA') {
    errors.push({ path: 'nationality', code: 'unknown_country_code', params: { value: next.nationality } });
  }
  if (next.outcome !== 'pending' && next.defendant !== 1)
    errors.push({ path: 'outcome', code: 'outcome_requires_defendant' });
  if (next.outcome !== 'pending' && !next.outcome_on)
    errors.push({ path: 'outcomeOn', code: 'outcome_date_required' });
  if (next.outcome_on && next.outcome_on < row.opened_on) {
    errors.push({ path: 'outcomeOn', code: 'stage_date_order', params: { date: row.opened_on } });
  }
  if (next.outcome !== 'convicted' && (next.sentence_months !== null || next.fine_minor !== null)) {
    errors.push({ path: 'sentenceMonths', code: 'sentence_requires_conviction' });
  }
  if (JSON.parse(next.charges).length && next.defendant !== 1)
    errors.push({ path: 'charges', code: 'charges_require_defendant' });
  if (errors.length) throw invalidFields(errors);
  await withTx(ctx, async (trx, audit) => {
    await updateSuspect(trx, next);
    await touch(ctx, trx, row);
    await audit({
      action: 'case.suspect_updated',
      objectType: 'case',
      objectId: id,
      details: { suspect: suspectId, outcome: next.outcome, fields: Object.keys(body).join(',') },
    });
  });
  return present(ctx, { ...row, updated_at: nowIso(ctx) }, false);
}

/**
 * Removes a suspect recorded in error (with any outcome recorded for them: the audit keeps the
 * removal). Evidence, by contrast, is never removed: its chain of custody must stay whole.
 */
export async function removeSuspect(ctx: Ctx, id: string, suspectId: string): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.suspect.remove');
  const suspect = await findSuspect(ctx.db.kysely, id, suspectId);
  if (!suspect) throw notFound();
  await withTx(ctx, async (trx, audit) => {
    await deleteSuspect(trx, id, suspectId);
    await touch(ctx, trx, row);
    await audit({
      action: 'case.suspect_removed',
      objectType: 'case',
      objectId: id,
      details: { suspect: suspectId, defendant: suspect.defendant === 1, outcome: suspect.outcome },
    });
  });
  return present(ctx, { ...row, updated_at: nowIso(ctx) }, false);
}

const STATUS_DATE = {
  identified: 'identified_on',
  seized: 'seized_on',
  confiscated: 'confiscated_on',
  released: 'released_on',
} as const;

function checkMoney(value: number | null | undefined, currency: string | null | undefined): FieldError[] {
  return (value === null || value === undefined) !== (currency === null || currency === undefined)
    ? [{ path: 'currency', code: 'value_requires_currency' }]
    : [];
}

export async function addAsset(ctx: Ctx, id: string, raw: AssetBody): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.asset.add');
  const body = assetBodySchema.parse(raw);
  const errors = checkMoney(body.value, body.currency);
  if (errors.length) throw invalidFields(errors);
  const asset: AssetRow = {
    id: randomUUID(),
    case_id: id,
    country_code: row.country_code,
    month: row.month,
    kind: body.kind,
    description_enc: enc(ctx, body.description, P.asset),
    status: body.status,
    value_minor: body.value === null || body.value === undefined ? null : toMinor(body.value),
    currency: body.currency ?? null,
    identified_on: null,
    seized_on: null,
    confiscated_on: null,
    released_on: null,
    created_at: nowIso(ctx),
  };
  asset[STATUS_DATE[body.status]] = body.statusOn;
  await withTx(ctx, async (trx, audit) => {
    await insertAssets(trx, [asset]);
    await touch(ctx, trx, row);
    await audit({
      action: 'case.asset_added',
      objectType: 'case',
      objectId: id,
      details: { asset: asset.id, status: asset.status },
    });
  });
  return present(ctx, { ...row, updated_at: nowIso(ctx) }, false);
}

/** Assets move identified → seized → confiscated (or released); each step keeps its date. */
export async function editAsset(ctx: Ctx, id: string, assetId: string, body: AssetUpdateBody): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.asset.update');
  const asset = await findAsset(ctx.db.kysely, id, assetId);
  if (!asset) throw notFound();
  const next: AssetRow = {
    ...asset,
    ...(body.description !== undefined ? { description_enc: enc(ctx, body.description, P.asset) } : {}),
    ...(body.value !== undefined ? { value_minor: body.value === null ? null : toMinor(body.value) } : {}),
    ...(body.currency !== undefined ? { currency: body.currency } : {}),
  };
  const errors = checkMoney(next.value_minor, next.currency);
  if (body.status !== undefined && body.status !== asset.status) {
    const order = ['identified', 'seized', 'confiscated'];
    const from = order.indexOf(asset.status);
    const to = order.indexOf(body.status);
    if (asset.status === 'released' || asset.status === 'confiscated' || (to >= 0 && to < from)) {
      errors.push({ path: 'status', code: 'asset_status_order', params: { from: asset.status } });
    }
    if (!body.statusOn) errors.push({ path: 'statusOn', code: 'import_required' });
    next.status = body.status;
    next[STATUS_DATE[body.status]] = body.statusOn ?? null;
  }
  if (errors.length) throw invalidFields(errors);
  await withTx(ctx, async (trx, audit) => {
    await updateAsset(trx, next);
    await touch(ctx, trx, row);
    await audit({
      action: 'case.asset_updated',
      objectType: 'case',
      objectId: id,
      details: { asset: assetId, status: next.status },
    });
  });
  return present(ctx, { ...row, updated_at: nowIso(ctx) }, false);
}

/** Removes an asset recorded in error, whatever its status; the audit keeps the removal. */
export async function removeAsset(ctx: Ctx, id: string, assetId: string): Promise<Case> {
  const { row } = await writableCase(ctx, id, 'case.asset.remove');
  const asset = await findAsset(ctx.db.kysely, id, assetId);
  if (!asset) throw notFound();
  await withTx(ctx, async (trx, audit) => {
    await deleteAsset(trx, id, assetId);
    await touch(ctx, trx, row);
    await audit({
      action: 'case.asset_removed',
      objectType: 'case',
      objectId: id,
      details: { asset: assetId, status: asset.status },
    });
  });
  return present(ctx, { ...row, updated_at: nowIso(ctx) }, false);
}

export async function addEvidence(ctx: Ctx, id: string, raw: EvidenceBody): Promise<Case> {
  const { actor, row } = await writableCase(ctx, id, 'case.evidence.add');
  const body = evidenceBodySchema.parse(raw);
  if (body.collectedAt > nowIso(ctx))
    throw invalidFields([{ path: 'collectedAt', code: 'date_out_of_range' }]);
  const now = nowIso(ctx);
  const evidence: EvidenceRow = {
    id: randomUUID(),
    case_id: id,
    kind: body.kind,
    description_enc: enc(ctx, body.description, P.evidence) ?? '',
    sha256: body.sha256 ?? null,
    collected_at: body.collectedAt,
    created_at: now,
    created_by: actor.userId,
  };
  await withTx(ctx, async (trx, audit) => {
    await insertEvidence(trx, evidence);
    await insertCustody(trx, {
      id: randomUUID(),
      evidence_id: evidence.id,
      seq: 1,
      holder_enc: enc(ctx, body.holder, P.holder) ?? '',
      from_at: body.collectedAt,
      to_at: null,
      purpose_enc: null,
      hash_verified: null,
      recorded_at: now,
      recorded_by: actor.userId,
    });
    await touch(ctx, trx, row);
    await audit({
      action: 'case.evidence_added',
      objectType: 'case',
      objectId: id,
      details: { evidence: evidence.id, sha256: evidence.sha256 },
    });
  });
  return present(ctx, { ...row, updated_at: now }, false);
}

/**
 * Hands an item over to a new holder: the current custody ends when the next begins, never
 * before it began. A hash given at hand-over is compared with the recorded one and the result
 * kept, match or not: a mismatch is evidence too.
 */
export async function transferCustody(
  ctx: Ctx,
  id: string,
  evidenceId: string,
  raw: CustodyTransferBody,
): Promise<Case> {
  const { actor, row } = await writableCase(ctx, id, 'case.custody.transfer');
  const body = custodyTransferBodySchema.parse(raw);
  const evidence = await findEvidence(ctx.db.kysely, id, evidenceId);
  if (!evidence) throw notFound();
  const chain = await listCustody(ctx.db.kysely, [evidenceId]);
  const current = chain[chain.length - 1];
  if (!current) throw notFound();
  if (body.at < current.from_at || body.at > nowIso(ctx)) {
    throw invalidFields([{ path: 'at', code: 'custody_time_order', params: { date: current.from_at } }]);
  }
  if (body.sha256 && !evidence.sha256) throw invalidFields([{ path: 'sha256', code: 'no_recorded_hash' }]);
  const verified = body.sha256 ? (body.sha256 === evidence.sha256 ? 1 : 0) : null;
  const now = nowIso(ctx);
  await withTx(ctx, async (trx, audit) => {
    if (!(await closeCustody(trx, evidenceId, Number(current.seq), body.at)))
      throw conflict('version_conflict');
    await insertCustody(trx, {
      id: randomUUID(),
      evidence_id: evidenceId,
      seq: Number(current.seq) + 1,
      holder_enc: enc(ctx, body.holder, P.holder) ?? '',
      from_at: body.at,
      to_at: null,
      purpose_enc: enc(ctx, body.purpose, P.purpose),
      hash_verified: verified,
      recorded_at: now,
      recorded_by: actor.userId,
    });
    await touch(ctx, trx, row);
    await audit({
      action: 'case.custody_transferred',
      objectType: 'case',
      objectId: id,
      outcome: verified === 0 ? 'failure' : 'success',
      details: {
        evidence: evidenceId,
        seq: Number(current.seq) + 1,
        hashVerified: verified === null ? null : verified === 1,
      },
    });
  });
  return present(ctx, { ...row, updated_at: now }, false);
}

/** Shares a case with another country, read-only, until revoked. Explicit and audited. */
export async function shareCase(ctx: Ctx, id: string, countryCode: string): Promise<Case> {
  await requirePermission(ctx, 'cases.share');
  const { row, shared } = await readableCase(ctx, id, 'case.share');
  if (shared) {
    await recordDenial(ctx, {
      action: 'case.share',
      objectType: 'case',
      objectId: id,
      reason: 'shared_read_only',
    });
    throw forbidden();
  }
  await checkShareTarget(ctx, row.country_code, countryCode, 'countryCode');
  if ((await liveSharesWith(ctx, 'case', id, countryCode)).length > 0) throw conflict('already_shared');
  // Read-only and immediate: a case share needs no acceptance by the receiving country.
  await withTx(ctx, async (trx, audit) => {
    await offerShare(
      ctx,
      trx,
      audit,
      {
        kind: 'case',
        objectId: id,
        ownerCountry: row.country_code,
        sharedWith: countryCode,
        requiresAcceptance: false,
      },
      { action: 'case.shared', objectType: 'case', objectId: id },
    );
  });
  return present(ctx, row, false);
}

export async function revokeCaseShare(ctx: Ctx, id: string, shareId: string): Promise<Case> {
  await requirePermission(ctx, 'cases.share');
  const { row, shared } = await readableCase(ctx, id, 'case.share.revoke');
  if (shared) {
    await recordDenial(ctx, {
      action: 'case.share.revoke',
      objectType: 'case',
      objectId: id,
      reason: 'shared_read_only',
    });
    throw forbidden();
  }
  const share = await findShareById(ctx.db.kysely, shareId);
  if (share?.object_kind !== 'case' || share.object_id !== id) throw notFound();
  await withTx(ctx, async (trx, audit) => {
    await revokeShare(ctx, trx, audit, share, {
      action: 'case.share_revoked',
      objectType: 'case',
      objectId: id,
    });
  });
  return present(ctx, row, false);
}

/** Computes the search tokens of cases, as `refreshIncidentSearch` does for incidents. */
export async function refreshCaseSearch(deps: Deps, opts: { all: boolean }): Promise<number> {
  let count = 0;
  let last = '';
  for (;;) {
    const page = await casesForSearch(deps.db.kysely, last, 500, opts.all);
    if (page.length === 0) return count;
    await deps.db.kysely.transaction().execute(async (trx) => {
      for (const row of page)
        await setCaseSearchTerms(trx, row.id, await storedCaseSearchTerms(deps, trx, row));
    });
    count += page.length;
    last = page[page.length - 1]?.id ?? last;
  }
}

/**
 * One case for the bulk write path (storeGeneratedCases): what the case, its stage history,
 * suspects with their outcomes and assets hold, in plain values (names in clear: they are
 * encrypted on the way in). Defined here, by the module that writes it; producers of cases in
 * bulk (the demo seed, the benchmark) build this type and never the reverse.
 */
export interface CaseBulkInput {
  owner: string;
  reference: string;
  title: string;
  openedOn: string;
  /** In order; the last is the case's current stage. */
  stages: { stage: CaseStage; occurredOn: string }[];
  offences: string[];
  financialInvestigation: boolean;
  jointTeam: { name: string; establishedOn: string | null } | null;
  countries: {
    countryCode: string;
    role: 'origin' | 'transit' | 'destination' | 'jit_member' | 'requested';
  }[];
  suspects: {
    kind: 'person' | 'organisation';
    name: string;
    nationality: string | null;
    role: SuspectRole;
    defendant: boolean;
    charges: string[];
    outcome: 'pending' | 'convicted' | 'acquitted' | 'dismissed';
    outcomeOn: string | null;
    sentenceMonths: number | null;
  }[];
  assets: {
    kind: AssetKind;
    status: 'identified' | 'seized' | 'confiscated';
    /** In major units of `currency`. */
    value: number;
    currency: string;
    /** identified_on, seized_on, confiscated_on (YYYY-MM-DD) as they apply. */
    dates: Partial<Record<'identified_on' | 'seized_on' | 'confiscated_on', string>>;
  }[];
  /** Incidents the case is linked to. */
  incidentIds: string[];
}

/**
 * Stores cases (demo data, benchmark) in the caller's transaction, in bulk, through the same
 * rows as the API: encrypted names, stage events, judgment delay, assets.
 */
export async function storeGeneratedCases(
  deps: Deps,
  trx: Q,
  items: readonly CaseBulkInput[],
  opts: { demo: boolean; at: string },
): Promise<void> {
  const cases: CaseRow[] = [];
  const events: Parameters<typeof insertStageEvents>[1][number][] = [];
  const suspects: SuspectRow[] = [];
  const assets: AssetRow[] = [];
  const links: { case_id: string; incident_id: string }[] = [];
  for (const g of items) {
    const id = randomUUID();
    const last = g.stages[g.stages.length - 1];
    const judgedOn = g.stages.find((s) => s.stage === 'judgment')?.occurredOn ?? null;
    const month = monthOf(g.openedOn);
    cases.push({
      id,
      country_code: g.owner,
      reference: g.reference,
      title: g.title,
      summary_enc: null,
      stage: last?.stage ?? 'detection',
      opened_on: g.openedOn,
      month,
      judged_on: judgedOn,
      days_to_judgment: judgedOn ? daysBetween(g.openedOn, judgedOn) : null,
      offences: JSON.stringify(g.offences),
      countries: JSON.stringify(g.countries),
      financial_investigation: g.financialInvestigation ? 1 : 0,
      joint_team: g.jointTeam ? JSON.stringify(g.jointTeam) : null,
      version: 1,
      is_demo: opts.demo ? 1 : 0,
      created_at: opts.at,
      created_by: null,
      updated_at: opts.at,
      search_terms: caseSearchTerms(
        deps,
        { reference: g.reference, title: g.title, summary: null, countryCode: g.owner },
        g.suspects.map((s) => s.name),
      ),
    });
    for (const s of g.stages) {
      events.push({
        id: randomUUID(),
        case_id: id,
        stage: s.stage,
        occurred_on: s.occurredOn,
        recorded_at: opts.at,
        recorded_by: null,
      });
    }
    for (const s of g.suspects) {
      suspects.push({
        id: randomUUID(),
        case_id: id,
        country_code: g.owner,
        month,
        kind: s.kind,
        name_enc: enc(deps, s.name, P.name) ?? '',
        nationality: s.nationality,
        role: s.role,
        defendant: s.defendant ? 1 : 0,
        charges: JSON.stringify(s.charges),
        outcome: s.outcome,
        outcome_on: s.outcomeOn,
        sentence_months: s.sentenceMonths,
        fine_minor: null,
        fine_currency: null,
        created_at: opts.at,
      });
    }
    for (const a of g.assets) {
      assets.push({
        id: randomUUID(),
        case_id: id,
        country_code: g.owner,
        month,
        kind: a.kind,
        description_enc: null,
        status: a.status,
        value_minor: toMinor(a.value),
        currency: a.currency,
        identified_on: a.dates.identified_on ?? null,
        seized_on: a.dates.seized_on ?? null,
        confiscated_on: a.dates.confiscated_on ?? null,
        released_on: null,
        created_at: opts.at,
      });
    }
    for (const incidentId of g.incidentIds) links.push({ case_id: id, incident_id: incidentId });
  }
  await insertCases(trx, cases);
  await insertStageEvents(trx, events);
  await insertSuspects(trx, suspects);
  await insertAssets(trx, assets);
  await insertCaseIncidents(trx, links);
}
