import { randomBytes, randomUUID } from 'node:crypto';
import type { termCreateBodySchema, termUpdateBodySchema } from '@enlace/shared';
import {
  EXTENSIBLE_VOCABULARIES,
  FIXED_LABELS,
  type Incident,
  type IncidentAmendBody,
  type IncidentCreateBody,
  type IncidentListQuery,
  type IncidentPage,
  type IncidentState,
  type IncidentVersion,
  type IncidentVersionKind,
  type LocalizedText,
  SEARCH_TOTAL_CAP,
  TOTAL_CAP,
  VOCABULARIES,
  type Vocabularies,
  type Vocabulary,
  type VocabularyTerm,
} from '@enlace/shared';
import type { z } from 'zod';
import type { Db } from '../../db/dialect';
import { inScope, recordDenial, requireInScope, requirePermission } from '../../platform/authz/access';
import { type Ctx, type Deps, nowIso, type Tx, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import {
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  invalidFields,
  notFound,
} from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { newSearchMemo, parseSearch, type SearchMemo, searchTerms } from '../../platform/search/search';
import { findUserById } from '../../platform/users/user.repository';
import { findAgency } from '../admin/admin.repository';
import { applyRollupDelta, clearRollups } from '../stats/rollup.repository';
import { RollupDelta } from '../stats/rollups';
import { type RowMeta, rowOf, searchFieldsOf, stateOfRow, summaryOfRow } from './incident-row';
import {
  applyPatch,
  checkState,
  diffStates,
  emptyState,
  type FieldChange,
  factOf,
  localDate,
  revertChanges,
  type VocabIndex,
} from './incident-state';
import { incidentAbilities, incidentReadable, ownerCountry } from './incidents.policy';
import {
  caseIdsOfIncident,
  deleteIncident,
  deleteLink,
  findIncident,
  findVocabTerm,
  type IncidentRow,
  incidentsForSearch,
  insertIncidents,
  insertLink,
  insertVersion,
  insertVocabTerm,
  listLinks,
  listVersions,
  listVocabTerms,
  pageIncidents,
  pageOfIncidents,
  setIncidentSearchTerms,
  updateIncidentAtVersion,
  updateVocabTerm,
} from './incidents.repository';
import { isoCountryList } from './iso-countries';

const NARRATIVE = 'incident.narrative';
const HISTORY = 'incident.history';
const NOTE = 'incident.note';

export async function loadVocabIndex(db: Db | Tx): Promise<VocabIndex> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const index = new Map<Vocabulary, Map<string, { active: boolean; attributes: Record<string, string> }>>();
  for (const v of VOCABULARIES) index.set(v, new Map());
  for (const row of await listVocabTerms(kysely)) {
    index.get(row.vocabulary as Vocabulary)?.set(row.code, {
      active: row.active === 1,
      attributes: JSON.parse(row.attributes) as Record<string, string>,
    });
  }
  return index;
}

/** Tomorrow in UTC: the latest local date anywhere on Earth right now. */
export function latestLocalDate(deps: Deps): string {
  return localDate(new Date(deps.clock.now().getTime() + 24 * 3600 * 1000).toISOString(), null);
}

function decryptOrNull(deps: Deps, value: string | null, purpose: string): string | null {
  return value === null ? null : decryptField(deps.config.secretKey, value, purpose);
}

function encryptOrNull(deps: Deps, value: string | null, purpose: string): string | null {
  return value === null ? null : encryptField(deps.config.secretKey, value, purpose);
}

export function stateOf(deps: Deps, row: IncidentRow): IncidentState {
  return stateOfRow(row, decryptOrNull(deps, row.narrative_enc, NARRATIVE));
}

function incidentSearchTerms(
  deps: Deps,
  state: IncidentState,
  meta: { reference: string; countryCode: string; source: string },
  memo?: SearchMemo,
): string {
  return searchTerms(deps.config.secretKey, searchFieldsOf(state, meta), memo);
}

function newReference(country: string, occurredOn: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const suffix = [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${country}-${occurredOn.replaceAll('-', '')}-${suffix}`;
}

// ——— vocabularies ———

function presentTerm(row: {
  code: string;
  labels: string;
  attributes: string;
  active: number;
}): VocabularyTerm {
  return {
    code: row.code,
    label: JSON.parse(row.labels) as LocalizedText,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    active: row.active === 1,
  };
}

/** Every vocabulary with its labels, the fixed lists' labels and the ISO countries (forms, charts). */
export async function getVocabularies(ctx: Ctx): Promise<Vocabularies> {
  const terms = Object.fromEntries(VOCABULARIES.map((v) => [v, [] as VocabularyTerm[]])) as Record<
    Vocabulary,
    VocabularyTerm[]
  >;
  for (const row of await listVocabTerms(ctx.db.kysely))
    terms[row.vocabulary as Vocabulary]?.push(presentTerm(row));
  return { terms, fixed: FIXED_LABELS, countries: isoCountryList() };
}

export async function addVocabularyTerm(
  ctx: Ctx,
  vocabulary: Vocabulary,
  body: z.infer<typeof termCreateBodySchema>,
): Promise<VocabularyTerm> {
  await requirePermission(ctx, 'vocabularies.manage');
  if (!EXTENSIBLE_VOCABULARIES.includes(vocabulary)) throw badRequest('vocabulary_closed');
  if (
    vocabulary === 'offence' &&
    !['protocol_art6', 'aggravating', 'related'].includes(body.attributes?.category ?? '')
  ) {
    throw invalidFields([{ path: 'attributes.category', code: 'offence_category_required' }]);
  }
  if (await findVocabTerm(ctx.db.kysely, vocabulary, body.code)) throw conflict('term_exists');
  const row = {
    vocabulary,
    code: body.code,
    labels: JSON.stringify(body.label),
    attributes: JSON.stringify(body.attributes ?? {}),
    sort_order: 10_000,
    active: 1,
    created_at: nowIso(ctx),
  };
  await withTx(ctx, async (trx, audit) => {
    await insertVocabTerm(trx, row);
    await audit({
      action: 'vocabulary.term_added',
      objectType: 'vocabulary',
      objectId: `${vocabulary}:${body.code}`,
    });
  });
  return presentTerm(row);
}

export async function updateVocabularyTerm(
  ctx: Ctx,
  vocabulary: Vocabulary,
  code: string,
  body: z.infer<typeof termUpdateBodySchema>,
): Promise<VocabularyTerm> {
  await requirePermission(ctx, 'vocabularies.manage');
  const row = await findVocabTerm(ctx.db.kysely, vocabulary, code);
  if (!row) throw notFound();
  const next = {
    ...row,
    ...(body.label ? { labels: JSON.stringify(body.label) } : {}),
    ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
  };
  await withTx(ctx, async (trx, audit) => {
    await updateVocabTerm(trx, vocabulary, code, { labels: next.labels, active: next.active });
    await audit({
      action: 'vocabulary.term_updated',
      objectType: 'vocabulary',
      objectId: `${vocabulary}:${code}`,
      details: { fields: Object.keys(body).join(',') },
    });
  });
  return presentTerm(next);
}

// ——— records ———

async function present(ctx: Ctx, row: IncidentRow): Promise<Incident> {
  const actor = ctx.actor;
  const links = (await listLinks(ctx.db.kysely, row.id)).filter(
    (l) => actor && (actor.scope === 'all' || l.country_code === actor.countryCode),
  );
  return {
    ...stateOf(ctx, row),
    id: row.id,
    countryCode: row.country_code,
    reference: row.reference,
    origin: { source: row.source as Incident['origin']['source'], externalId: row.external_id },
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    links: links.map((l) => ({
      incidentId: l.other,
      reference: l.reference,
      relation: l.relation as Incident['links'][number]['relation'],
    })),
    caseIds: actor ? await caseIdsOfIncident(ctx.db.kysely, actor, row.id) : [],
    abilities: actor ? incidentAbilities(actor, row) : { update: false, delete: false, link: false },
  };
}

/** Checks that go to the database: the reporting agency belongs to the owning country. */
async function checkAgency(ctx: Deps, s: IncidentState, owner: string): Promise<FieldError[]> {
  if (!s.reportingAgencyId) return [];
  const agency = await findAgency(ctx.db.kysely, s.reportingAgencyId);
  return agency && agency.country_code === owner
    ? []
    : [{ path: 'reportingAgencyId', code: 'agency_not_in_country' }];
}

export interface NewIncident {
  state: IncidentState;
  meta: RowMeta;
}

/**
 * Stores new incidents with their nationality rows and adds them to the statistics, in the
 * caller's transaction. Used by the API, the importer, the demo data and the benchmark alike.
 */
export async function storeNewIncidents(
  deps: Deps,
  trx: Tx,
  items: readonly NewIncident[],
  delta = new RollupDelta(),
  opts: { flush: boolean } = { flush: true },
) {
  await insertIncidents(deps.db, trx, prepareNewIncidents(deps, items, delta));
  // A caller storing in chunks may flush once at the end: a rollup row touched by many chunks is
  // then written once.
  if (opts.flush) await applyRollupDelta(deps.db, trx, delta);
}

/** The rows of new incidents (narratives encrypted), their statistics added to `delta`. */
export function prepareNewIncidents(
  deps: Deps,
  items: readonly NewIncident[],
  delta: RollupDelta,
): IncidentRow[] {
  const rows: IncidentRow[] = [];
  const memo = newSearchMemo();
  for (const { state, meta } of items) {
    rows.push(
      rowOf(
        state,
        meta,
        encryptOrNull(deps, state.narrative, NARRATIVE),
        incidentSearchTerms(deps, state, meta, memo),
      ),
    );
    delta.add(factOf(state, meta.source));
  }
  return rows;
}

/**
 * Records an amendment: the new state, a version with the changed fields (before and after,
 * encrypted, since the narrative may be among them) and the statistics moved from old to new.
 * Fails with 409 when someone else amended the incident meanwhile.
 */
export async function storeAmendment(
  deps: Deps,
  trx: Tx,
  row: IncidentRow,
  current: IncidentState,
  next: IncidentState,
  change: { kind: IncidentVersionKind; note: string | null; by: string | null; at: string },
  delta = new RollupDelta(),
): Promise<IncidentRow> {
  const changes = diffStates(current, next);
  const version = Number(row.version) + 1;
  const updated: IncidentRow = {
    ...rowOf(
      next,
      metaOf(row),
      encryptOrNull(deps, next.narrative, NARRATIVE),
      incidentSearchTerms(deps, next, metaOf(row)),
    ),
    version,
    updated_at: change.at,
    updated_by: change.by,
  };
  if (!(await updateIncidentAtVersion(trx, updated, Number(row.version)))) throw conflict('version_conflict');
  await insertVersion(trx, {
    id: randomUUID(),
    incident_id: row.id,
    version,
    kind: change.kind,
    recorded_at: change.at,
    recorded_by: change.by,
    changes_enc: encryptField(deps.config.secretKey, JSON.stringify(changes), HISTORY),
    note_enc: encryptOrNull(deps, change.note, NOTE),
  });
  delta.add(factOf(current, row.source), -1);
  delta.add(factOf(next, row.source), 1);
  await applyRollupDelta(deps.db, trx, delta);
  return updated;
}

export function metaOf(row: IncidentRow): RowMeta {
  return {
    id: row.id,
    countryCode: row.country_code,
    reference: row.reference,
    source: row.source as RowMeta['source'],
    externalId: row.external_id,
    sourceExtra: row.source_extra ? (JSON.parse(row.source_extra) as Record<string, string>) : null,
    version: Number(row.version),
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * A page of the incidents the actor may see: filtered, searched (`q`: reference, place, vessel or
 * vehicle, narrative), sorted, with how many match (counted up to TOTAL_CAP). Another country's
 * incidents are outside the query itself, so a search never reveals that one exists.
 */
export async function listIncidents(ctx: Ctx, query: IncidentListQuery): Promise<IncidentPage> {
  const actor = await requirePermission(ctx, 'incidents.read');
  const search = parseSearch(ctx.config.secretKey, query.q) ?? undefined;
  const cap = search ? SEARCH_TOTAL_CAP : TOTAL_CAP;
  const { count, rows } = await pageOfIncidents(
    ctx.db.kysely,
    ctx.db.dialect,
    actor,
    { ...query, search },
    { ...query, cap },
  );
  return {
    total: Math.min(count, cap),
    totalCapped: count > cap,
    items: rows.map(summaryOfRow),
  };
}

export async function createIncident(ctx: Ctx, body: IncidentCreateBody): Promise<Incident> {
  const actor = await requirePermission(ctx, 'incidents.write');
  const owner = ownerCountry(actor, undefined) ?? actor.countryCode;
  const vocab = await loadVocabIndex(ctx.db);
  const { state, errors } = applyPatch(emptyState(body.kind), body, owner);
  errors.push(...checkState(state, vocab, latestLocalDate(ctx)), ...(await checkAgency(ctx, state, owner)));
  if (errors.length) throw invalidFields(errors);
  const now = nowIso(ctx);
  const meta: RowMeta = {
    id: uuidv7(ctx.clock.now().getTime()),
    countryCode: owner,
    reference: newReference(owner, state.occurredOn),
    source: 'enlace',
    externalId: null,
    sourceExtra: null,
    version: 1,
    isDemo: false,
    createdAt: now,
    createdBy: actor.userId,
    updatedAt: now,
    updatedBy: actor.userId,
  };
  await withTx(ctx, async (trx, audit) => {
    await storeNewIncidents(ctx, trx, [{ state, meta }]);
    await audit({
      action: 'incident.created',
      objectType: 'incident',
      objectId: meta.id,
      details: { country: owner, kind: state.kind },
    });
  });
  const row = await findIncident(ctx.db.kysely, meta.id);
  if (!row) throw notFound();
  return present(ctx, row);
}

/**
 * An incident the actor may change: their scope's. One they may only read (a public source's,
 * imported by another tenant) answers 403, since they already see it; any other, 404.
 */
async function incidentInScope(ctx: Ctx, id: string, action: string): Promise<IncidentRow> {
  const row = await findIncident(ctx.db.kysely, id);
  const actor = ctx.actor;
  if (row && actor && !inScope(actor, row.country_code) && incidentReadable(actor, row)) {
    await recordDenial(ctx, { action, objectType: 'incident', objectId: id, reason: 'owner' });
    throw forbidden();
  }
  return requireInScope(ctx, row, { action, objectType: 'incident', objectId: id });
}

/** An incident the actor may read: their scope's, or a public source's (404 otherwise). */
async function readableIncident(ctx: Ctx, id: string, action: string): Promise<IncidentRow> {
  const row = await findIncident(ctx.db.kysely, id);
  if (row && ctx.actor && incidentReadable(ctx.actor, row)) return row;
  return requireInScope(ctx, row, { action, objectType: 'incident', objectId: id });
}

/** One incident in record form: its owner's country only (404 elsewhere). The read is audited. */
export async function getIncident(ctx: Ctx, id: string): Promise<Incident> {
  await requirePermission(ctx, 'incidents.read');
  const row = await readableIncident(ctx, id, 'incident.read');
  await withTx(ctx, async (_trx, audit) => {
    await audit({ action: 'incident.read', objectType: 'incident', objectId: id });
  });
  return present(ctx, row);
}

/** A correction (PATCH) or a follow-up report: amends the incident, keeping what it said before. */
export async function amendIncident(
  ctx: Ctx,
  id: string,
  body: IncidentAmendBody,
  kind: 'correction' | 'follow_up',
): Promise<Incident> {
  const actor = await requirePermission(ctx, 'incidents.write');
  const row = await incidentInScope(ctx, id, `incident.${kind}`);
  if (body.expectedVersion !== undefined && body.expectedVersion !== Number(row.version)) {
    throw conflict('version_conflict');
  }
  const { expectedVersion: _v, note, ...patch } = body;
  const current = stateOf(ctx, row);
  const vocab = await loadVocabIndex(ctx.db);
  const { state, errors } = applyPatch(current, patch, row.country_code);
  errors.push(
    ...checkState(state, vocab, latestLocalDate(ctx), current),
    ...(await checkAgency(ctx, state, row.country_code)),
  );
  if (errors.length) throw invalidFields(errors);
  const changes = diffStates(current, state);
  if (changes.length === 0 && !note) return present(ctx, row);
  await withTx(ctx, async (trx, audit) => {
    const updated = await storeAmendment(ctx, trx, row, current, state, {
      kind,
      note: note ?? null,
      by: actor.userId,
      at: nowIso(ctx),
    });
    await audit({
      action: kind === 'follow_up' ? 'incident.follow_up' : 'incident.corrected',
      objectType: 'incident',
      objectId: id,
      details: { version: updated.version, fields: changes.map((c) => c.field).join(',') },
    });
  });
  const fresh = await findIncident(ctx.db.kysely, id);
  if (!fresh) throw notFound();
  return present(ctx, fresh);
}

export async function removeIncident(ctx: Ctx, id: string): Promise<void> {
  await requirePermission(ctx, 'incidents.write');
  const row = await incidentInScope(ctx, id, 'incident.delete');
  const state = stateOf(ctx, row);
  await withTx(ctx, async (trx, audit) => {
    const delta = new RollupDelta();
    delta.add(factOf(state, row.source), -1);
    await applyRollupDelta(ctx.db, trx, delta);
    await deleteIncident(trx, id);
    await audit({
      action: 'incident.deleted',
      objectType: 'incident',
      objectId: id,
      details: { version: Number(row.version), source: row.source },
    });
  });
}

/** Every version of the report, first to current, with what each changed and the whole state. */
export async function getIncidentHistory(ctx: Ctx, id: string): Promise<IncidentVersion[]> {
  await requirePermission(ctx, 'incidents.read');
  const row = await readableIncident(ctx, id, 'incident.history');
  const versions = await listVersions(ctx.db.kysely, id);
  const users = new Map<string, { id: string; displayName: string } | null>();
  const who = async (userId: string | null) => {
    if (!userId) return null;
    if (!users.has(userId)) {
      const u = await findUserById(ctx.db.kysely, userId);
      users.set(userId, u ? { id: u.id, displayName: u.display_name } : null);
    }
    return users.get(userId) ?? null;
  };
  let state = stateOf(ctx, row);
  const out: IncidentVersion[] = [];
  for (const v of versions) {
    const changes = JSON.parse(decryptField(ctx.config.secretKey, v.changes_enc, HISTORY)) as FieldChange[];
    out.push({
      version: Number(v.version),
      kind: v.kind as IncidentVersionKind,
      recordedAt: v.recorded_at,
      recordedBy: await who(v.recorded_by),
      note: decryptOrNull(ctx, v.note_enc, NOTE),
      changes,
      state,
    });
    state = revertChanges(state, changes);
  }
  out.push({
    version: 1,
    kind: row.source === 'enlace' ? 'initial' : 'import',
    recordedAt: row.created_at,
    recordedBy: await who(row.created_by),
    note: null,
    changes: [],
    state,
  });
  await withTx(ctx, async (_trx, audit) => {
    await audit({ action: 'incident.history_read', objectType: 'incident', objectId: id });
  });
  return out.reverse();
}

export async function linkIncident(
  ctx: Ctx,
  id: string,
  body: { incidentId: string; relation: string },
): Promise<Incident> {
  const actor = await requirePermission(ctx, 'incidents.write');
  const row = await incidentInScope(ctx, id, 'incident.link');
  if (body.incidentId === id) throw badRequest('link_to_self');
  await requireInScope(ctx, await findIncident(ctx.db.kysely, body.incidentId), {
    action: 'incident.link',
    objectType: 'incident',
    objectId: body.incidentId,
  });
  const existing = (await listLinks(ctx.db.kysely, id)).some((l) => l.other === body.incidentId);
  if (existing) throw conflict('link_exists');
  await withTx(ctx, async (trx, audit) => {
    await insertLink(trx, {
      incident_id: id,
      linked_id: body.incidentId,
      relation: body.relation,
      created_at: nowIso(ctx),
      created_by: actor.userId,
    });
    await audit({
      action: 'incident.linked',
      objectType: 'incident',
      objectId: id,
      details: { linked: body.incidentId, relation: body.relation },
    });
  });
  return present(ctx, row);
}

export async function unlinkIncident(ctx: Ctx, id: string, linkedId: string): Promise<Incident> {
  await requirePermission(ctx, 'incidents.write');
  const row = await incidentInScope(ctx, id, 'incident.unlink');
  await withTx(ctx, async (trx, audit) => {
    if ((await deleteLink(trx, id, linkedId)) === 0) throw notFound();
    await audit({
      action: 'incident.unlinked',
      objectType: 'incident',
      objectId: id,
      details: { linked: linkedId },
    });
  });
  return present(ctx, row);
}

/**
 * Computes the search tokens of incidents: those still without (written before search existed;
 * the server does this at start), or all of them (`enlace search rebuild`, e.g. after a change
 * of the secret key). Returns how many were written.
 */
export async function refreshIncidentSearch(deps: Deps, opts: { all: boolean }): Promise<number> {
  let count = 0;
  let last = '';
  for (;;) {
    const page = await incidentsForSearch(deps.db.kysely, last, 2000, opts.all);
    if (page.length === 0) return count;
    await deps.db.kysely.transaction().execute(async (trx) => {
      for (const row of page) {
        await setIncidentSearchTerms(trx, row.id, incidentSearchTerms(deps, stateOf(deps, row), metaOf(row)));
      }
    });
    count += page.length;
    last = page[page.length - 1]?.id ?? last;
  }
}

/** Recomputes every rollup from the incidents (after a restore, or to verify them). */
export async function rebuildRollups(deps: Deps): Promise<number> {
  let count = 0;
  await deps.db.kysely.transaction().execute(async (trx) => {
    await clearRollups(trx);
    const delta = new RollupDelta();
    for await (const page of pageIncidents(trx, { pageSize: 5000 })) {
      for (const row of page) delta.add(factOf(stateOfRow(row, null), row.source));
      count += page.length;
      if (delta.size > 200_000) await applyRollupDelta(deps.db, trx, delta);
    }
    await applyRollupDelta(deps.db, trx, delta);
  });
  return count;
}
