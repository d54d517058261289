import {
  type DuplicateDecisionInput,
  type DuplicateList,
  type DuplicateListQuery,
  type DuplicatePair,
  type DuplicateScan,
  DUPLICATES_PAGE_MAX,
  duplicateDecisionInputSchema,
  duplicateListQuerySchema,
  duplicateUndoInputSchema,
  type DuplicateUndoInput,
  type Person,
} from '@enlace/shared';
import { requireInScope, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, type Deps, nowIso, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import { conflict } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import {
  countriesWithPersons,
  decidedByName,
  decidePair,
  findPair,
  hasMergedPersons,
  mergePerson,
  type PairRow,
  pairsOfCountry,
  queuePairs,
  recordScan,
  registeredSince,
  reopenMergedPair,
  scannedUntil,
  stayCounts,
  unmergePerson,
} from './registry-duplicates.repository';
import { scoreCandidates } from './registry.match';
import { scanInParallel } from './registry-scan';
import { findPerson, type PersonRow, personsInCentre } from './registry.repository';
import { decryptPerson, variantsOf } from './registry.service';

/**
 * A scan starts this long before the end of the last one: a registration committed while the
 * last scan ran (its time earlier than the scan's end) is not missed. Queuing is idempotent, so
 * the overlap costs only a few comparisons again.
 */
const SCAN_OVERLAP_MS = 15 * 60 * 1000;
const PAGE = 500;
const NOTE = 'registry.duplicate.note';

/**
 * Scans the persons of a country (or of every country, for the nightly job) registered since the
 * last scan: each is compared with the candidates its blocking keys retrieve — the same code path
 * as the search before create — and pairs above the review threshold are queued. A pair already
 * queued, merged or judged different is left as it is, so a scan may run any number of times.
 * Pairs never cross countries: candidates are retrieved in the person's own country only.
 */
export async function scanDuplicates(ctx: Ctx, countryCode?: string): Promise<DuplicateScan> {
  const deps: Deps = ctx;
  const db = deps.db.kysely;
  const countries = countryCode ? [countryCode] : await countriesWithPersons(db);
  const total: DuplicateScan = { scanned: 0, compared: 0, queued: 0 };
  for (const country of countries) {
    const started = nowIso(deps);
    const last = await scannedUntil(db, country);
    const since = last === null ? null : new Date(Date.parse(last) - SCAN_OVERLAP_MS).toISOString();
    const ids: string[] = [];
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const page = await registeredSince(db, country, since, after, PAGE);
      for (const person of page) ids.push(person.id);
      const tail = page.at(-1);
      if (!tail || page.length < PAGE) break;
      after = { createdAt: tail.created_at, id: tail.id };
    }
    const { compared, pairs } = await scanInParallel(deps, country, ids);
    const rows: PairRow[] = pairs.map((p) => ({
      id: uuidv7(),
      country_code: country,
      person_a: p.a,
      person_b: p.b,
      score: Number(p.probability.toFixed(4)),
      total: p.total,
      status: 'pending',
      found_at: started,
      decided_by: null,
      decided_at: null,
      note_enc: null,
      kept_person: null,
      merged_person: null,
    }));
    const queued = await withTx(ctx, async (trx, audit) => {
      const n = await queuePairs(trx, rows);
      await recordScan(trx, country, started);
      await audit({
        action: 'registry.duplicates_scanned',
        objectType: 'registry_duplicate_pair',
        details: { country, scanned: ids.length, compared, queued: n },
      });
      return n;
    });
    total.scanned += ids.length;
    total.compared += compared;
    total.queued += queued;
  }
  return total;
}

/** `POST /api/registry/duplicates/scan`: a supervisor scans their country now. */
export async function scanCountry(ctx: Ctx): Promise<DuplicateScan> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  return scanDuplicates(ctx, actor.countryCode);
}

// ---- the queue

async function presentPairs(ctx: Ctx, actor: Actor, rows: (PairRow & { decided_by_name: string | null })[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.person_a, r.person_b]))];
  const persons = new Map<string, PersonRow>();
  for (const id of ids) {
    const p = await findPerson(ctx.db.kysely, id);
    if (p) persons.set(id, p);
  }
  const [stays, inCentre] = await Promise.all([
    stayCounts(ctx.db.kysely, ids),
    personsInCentre(ctx.db.kysely, ids),
  ]);
  const supervise = actor.permissions.has('registry.supervise');
  return rows.map((r): DuplicatePair => {
    const a = persons.get(r.person_a) as PersonRow;
    const b = persons.get(r.person_b) as PersonRow;
    const fa = decryptPerson(ctx, a);
    const fb = decryptPerson(ctx, b);
    // The explanation of the two as they are now: the best agreement of any of their variants.
    const best = variantsOf(a, fa)
      .flatMap((v) => scoreCandidates(v, [b], (p) => variantsOf(p, fb)))
      .sort((x, y) => y.explanation.total - x.explanation.total)[0];
    const side = (p: PersonRow, f: typeof fa) => ({
      id: p.id,
      givenNames: f.givenNames,
      familyNames: f.familyNames,
      documentGivenNames: f.documentGivenNames,
      documentFamilyNames: f.documentFamilyNames,
      sex: p.sex as Person['sex'],
      birthDate: p.birth_date,
      birthDatePrecision: p.birth_date_precision as Person['birthDatePrecision'],
      nationality: p.nationality,
      documentNumber: f.documentNumber,
      createdAt: p.created_at,
      mergedInto: p.merged_into,
      stays: stays.get(p.id) ?? 0,
      inCentre: inCentre.has(p.id),
    });
    return {
      id: r.id,
      status: r.status as DuplicatePair['status'],
      score: r.score,
      foundAt: r.found_at,
      first: side(a, fa),
      second: side(b, fb),
      explanation: best?.explanation ?? { prior: 0, total: 0, fields: [] },
      decidedAt: r.decided_at,
      decidedBy: r.decided_by_name,
      note: r.note_enc === null ? null : decryptField(ctx.config.secretKey, r.note_enc, NOTE),
      abilities: {
        decide: supervise && r.status === 'pending' && a.merged_into === null && b.merged_into === null,
        undo: supervise && r.status === 'same_person',
      },
    };
  });
}

/** The queue (pending pairs, best first) or the decided pairs of the reader's country. Audited. */
export async function listDuplicates(ctx: Ctx, query: DuplicateListQuery): Promise<DuplicateList> {
  const actor = await requirePermission(ctx, 'registry.read');
  const { view } = duplicateListQuerySchema.parse(query);
  const { rows, total } = await pairsOfCountry(ctx.db.kysely, actor.countryCode, view, DUPLICATES_PAGE_MAX);
  // Both persons of every pair are personal records read: audited with the pairs' ids.
  await withTx(ctx, async (_trx, audit) => {
    await audit({
      action: 'registry.duplicates_listed',
      objectType: 'registry_duplicate_pair',
      details: { view, returned: rows.length, ids: rows.map((r) => r.id).join(' ') },
    });
  });
  return { items: await presentPairs(ctx, actor, rows), total };
}

async function pairInScope(ctx: Ctx, id: string, action: string): Promise<PairRow> {
  return requireInScope(ctx, await findPair(ctx.db.kysely, id), {
    action,
    objectType: 'registry_duplicate_pair',
    objectId: id,
  });
}

async function presentOne(ctx: Ctx, actor: Actor, id: string): Promise<DuplicatePair> {
  const row = (await findPair(ctx.db.kysely, id)) as PairRow;
  const name = await decidedByName(ctx.db.kysely, row.decided_by);
  const [pair] = await presentPairs(ctx, actor, [{ ...row, decided_by_name: name }]);
  return pair as DuplicatePair;
}

/**
 * A supervisor's decision. `different` is kept forever (the pair's row stays, so no scan queues it
 * again). `same_person` merges the later registration into the earlier: it points at the kept
 * person (merged_into) and nothing else changes, so every record of both is kept and the merge
 * can be undone. A merge never makes a chain: a person others were merged into is not merged away.
 */
export async function decideDuplicate(
  ctx: Ctx,
  id: string,
  body: DuplicateDecisionInput,
): Promise<DuplicatePair> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = duplicateDecisionInputSchema.parse(body);
  const pair = await pairInScope(ctx, id, 'registry.duplicate_decide');
  if (pair.status !== 'pending') throw conflict('registry_duplicate_decided');
  const [a, b] = await Promise.all([
    findPerson(ctx.db.kysely, pair.person_a),
    findPerson(ctx.db.kysely, pair.person_b),
  ]);
  if (a?.merged_into || b?.merged_into) throw conflict('registry_duplicate_person_merged');
  const merge = input.decision === 'same_person';
  if (merge && (await hasMergedPersons(ctx.db.kysely, pair.person_b)))
    throw conflict('registry_duplicate_merge_chain');
  const at = nowIso(ctx);
  await withTx(ctx, async (trx, audit) => {
    const decided = await decidePair(trx, pair.id, {
      status: input.decision,
      decided_by: actor.userId,
      decided_at: at,
      note_enc: encryptField(ctx.config.secretKey, input.note, NOTE),
      kept_person: merge ? pair.person_a : null,
      merged_person: merge ? pair.person_b : null,
    });
    if (!decided) throw conflict('registry_duplicate_decided');
    if (merge) {
      if (!(await mergePerson(trx, pair.person_b, pair.person_a)))
        throw conflict('registry_duplicate_person_merged');
      // Checked again inside the transaction: the kept person must not have been merged away.
      const kept = await findPerson(trx, pair.person_a);
      if (kept?.merged_into) throw conflict('registry_duplicate_person_merged');
    }
    await audit({
      action: merge ? 'registry.duplicate_merged' : 'registry.duplicate_judged_different',
      objectType: 'registry_duplicate_pair',
      objectId: pair.id,
      details: merge
        ? { kept: pair.person_a, merged: pair.person_b, score: pair.score }
        : { first: pair.person_a, second: pair.person_b, score: pair.score },
    });
  });
  return presentOne(ctx, actor, pair.id);
}

/**
 * Undoes a merge: the duplicate points at nobody again, exactly as before (nothing else was
 * changed by the merge), and the pair goes back to the queue for a new decision, with the note
 * of the undo. Audited.
 */
export async function undoMerge(ctx: Ctx, id: string, body: DuplicateUndoInput): Promise<DuplicatePair> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = duplicateUndoInputSchema.parse(body);
  const pair = await pairInScope(ctx, id, 'registry.duplicate_undo');
  if (pair.status !== 'same_person' || !pair.merged_person || !pair.kept_person)
    throw conflict('registry_duplicate_not_merged');
  const { merged_person: merged, kept_person: kept } = pair;
  await withTx(ctx, async (trx, audit) => {
    const note = encryptField(ctx.config.secretKey, input.note, NOTE);
    if (!(await reopenMergedPair(trx, pair.id, note))) throw conflict('registry_duplicate_not_merged');
    if (!(await unmergePerson(trx, merged, kept))) throw conflict('registry_duplicate_not_merged');
    await audit({
      action: 'registry.duplicate_merge_undone',
      objectType: 'registry_duplicate_pair',
      objectId: pair.id,
      details: { kept, merged },
    });
  });
  return presentOne(ctx, actor, pair.id);
}
