import type { Writable } from 'node:stream';
import type { ImportResult, ImportRowError, IncidentState, Locale, LocalizedText } from '@enlace/shared';
import { recordDenial, requirePermission } from '../../platform/authz/access';
import { type Ctx, type Deps, nowIso, withTx } from '../../platform/context';
import { badRequest, forbidden } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { uuidv7 } from '../../platform/ids';
import { findCountry } from '../admin/admin.repository';
import { applyRollupDelta } from '../stats/rollup.repository';
import { RollupDelta } from '../stats/rollups';
import { applyPatch, checkState, diffStates, emptyState } from './incident-state';
import {
  type ExportFormat,
  type ExportLayout,
  type ExportRecord,
  type TermNames,
  writeIncidents,
} from './incidents.export';
import { ownerCountry } from './incidents.policy';
import {
  findByExternalIds,
  hasIncidentsFrom,
  insertIncidents,
  listVocabTerms,
  pageIncidents,
} from './incidents.repository';
import {
  latestLocalDate,
  loadVocabIndex,
  metaOf,
  type NewIncident,
  prepareNewIncidents,
  stateOf,
  storeAmendment,
} from './incidents.service';
import { type ImportIssue, MM_COLUMN_OF_FIELD, type MmRecord, readMissingMigrants } from './missing-migrants';

export type ImportOutcome =
  | ({ ok: true } & ImportResult)
  | { ok: false; layout: string | null; rows: number; errors: ImportRowError[] };

const MAX_LISTED = 1000;

function localize(ctx: Ctx, issues: readonly ImportIssue[]): ImportRowError[] {
  return issues.slice(0, MAX_LISTED).map((i) => ({
    row: i.row,
    column: i.column,
    code: i.code,
    message: t(ctx.locale, `errors.${i.code}`, i.params ?? {}),
  }));
}

/**
 * Imports a Missing Migrants file (either layout) into `country`: all rows or none. A row whose
 * Incident ID was imported before into that country amends it (a "reimport" version) when the
 * file says something new; counts left blank stay unknown.
 * `opts.cli`: run by the operator's command line, without a signed-in actor.
 */
export async function importMissingMigrants(
  ctx: Ctx,
  text: string,
  opts: { country?: string; dryRun?: boolean; cli?: boolean; demo?: boolean } = {},
): Promise<ImportOutcome> {
  let owner: string;
  let userId: string | null = null;
  if (opts.cli) {
    owner = opts.country ?? 'IOM';
  } else {
    const actor = await requirePermission(ctx, 'incidents.import');
    const chosen = ownerCountry(actor, opts.country);
    if (!chosen) {
      await recordDenial(ctx, {
        action: 'incidents.import',
        objectType: 'country',
        objectId: opts.country,
        reason: 'scope',
      });
      throw forbidden();
    }
    owner = chosen;
    userId = actor.userId;
  }
  if (!(await findCountry(ctx.db.kysely, owner))) throw badRequest('unknown_country');

  const vocab = await loadVocabIndex(ctx.db);
  const reader = readMissingMigrants(text, vocab);
  const today = latestLocalDate(ctx);
  const columns = reader.layout ? MM_COLUMN_OF_FIELD[reader.layout] : {};
  const lookForRepeats = await hasIncidentsFrom(ctx.db.kysely, owner, 'missing_migrants');
  const now = nowIso(ctx);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  let records = 0;

  // The file is read, checked and written in chunks inside one transaction, so that a large file
  // is never held whole in memory; the first error stops the writing (reading goes on, to list
  // every error) and the transaction is rolled back: all rows or none. A dry run writes nothing.
  await withTx(ctx, async (trx, audit) => {
    const delta = new RollupDelta();
    // Chunks are sent without waiting for the previous one: on PostgreSQL the server inserts a
    // chunk while the next is read here (on SQLite the writes are synchronous anyway).
    const inserts: Promise<void>[] = [];
    const errors = reader.errors;
    const write = async (chunk: MmRecord[]) => {
      const states = chunk.map((record) => {
        const { state, errors: patchErrors } = applyPatch(
          emptyState('death_disappearance'),
          record.patch,
          owner,
        );
        for (const p of [...patchErrors, ...checkState(state, vocab, today, null, { adjustments: true })]) {
          const field = Object.keys(columns).find((f) => p.path === f || p.path.startsWith(`${f}.`));
          errors.push({
            row: record.row,
            column: field ? (columns[field] ?? null) : null,
            code: p.code,
            params: p.params,
          });
        }
        return state;
      });
      if (errors.length) return;
      const earlier = lookForRepeats
        ? await findByExternalIds(
            trx,
            owner,
            'missing_migrants',
            chunk.map((r) => r.externalId),
          )
        : [];
      const existing = new Map(earlier.map((row) => [row.external_id ?? '', row]));
      const fresh: NewIncident[] = [];
      for (const [k, record] of chunk.entries()) {
        const prior = existing.get(record.externalId);
        if (prior) {
          const current = stateOf(ctx, prior);
          const { state: next } = applyPatch(current, record.patch, owner);
          const sameExtra = JSON.stringify(metaOf(prior).sourceExtra ?? {}) === JSON.stringify(record.extra);
          if (diffStates(current, next).length === 0 && sameExtra) counts.unchanged++;
          else {
            counts.updated++;
            if (!opts.dryRun) {
              const row = { ...prior, source_extra: JSON.stringify(record.extra) };
              await storeAmendment(ctx, trx, row, current, next, {
                kind: 'reimport',
                note: null,
                by: userId,
                at: now,
              });
            }
          }
          continue;
        }
        counts.created++;
        fresh.push({
          state: states[k] as IncidentState,
          meta: {
            id: uuidv7(),
            countryCode: owner,
            reference: `MM-${record.externalId}`,
            source: 'missing_migrants',
            externalId: record.externalId,
            sourceExtra: record.extra,
            version: 1,
            isDemo: opts.demo ?? false,
            createdAt: now,
            createdBy: userId,
            updatedAt: now,
            updatedBy: userId,
          },
        });
      }
      if (!opts.dryRun && fresh.length)
        inserts.push(insertIncidents(ctx.db, trx, prepareNewIncidents(ctx, fresh, delta)));
    };
    let chunk: MmRecord[] = [];
    for (const record of reader.records()) {
      records++;
      chunk.push(record);
      if (chunk.length === CHUNK) {
        await write(chunk);
        chunk = [];
      }
      // The driver sends a queued statement only when this loop lets it: often enough that the
      // server never waits long for the next chunk (PostgreSQL stores one while the next is read).
      if (records % YIELD_EVERY === 0) await new Promise(setImmediate);
    }
    await write(chunk);
    await Promise.all(inserts);
    if (records === 0 && errors.length === 0) errors.push({ row: 2, column: null, code: 'import_no_rows' });
    if (errors.length || opts.dryRun) throw new Rollback();
    await applyRollupDelta(ctx.db, trx, delta);
    await audit({
      action: 'incidents.imported',
      objectType: 'country',
      objectId: owner,
      details: {
        format: 'missing-migrants',
        layout: reader.layout ?? '',
        rows: reader.rows(),
        ...counts,
        via: opts.cli ? 'cli' : 'api',
      },
    });
  }).catch((err: unknown) => {
    if (!(err instanceof Rollback)) throw err;
  });
  const errors = reader.errors;
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, layout: reader.layout, rows: reader.rows(), errors: localize(ctx, errors) };
  }
  return {
    ok: true,
    layout: reader.layout ?? '',
    rows: reader.rows(),
    ...counts,
    dryRun: opts.dryRun ?? false,
    warnings: localize(ctx, reader.warnings),
  };
}

/** Thrown to roll the import's transaction back (errors found, or a dry run). */
class Rollback extends Error {}

const CHUNK = 5000;
const YIELD_EVERY = 1000;

/**
 * Names of vocabulary terms as exports write them: in the reader's language when one is given,
 * else the Missing Migrants name (English when it has none).
 */
export async function termNames(deps: Deps, locale?: Locale): Promise<TermNames> {
  const names = new Map<string, string>();
  for (const row of await listVocabTerms(deps.db.kysely)) {
    const labels = JSON.parse(row.labels) as LocalizedText;
    const attrs = JSON.parse(row.attributes) as Record<string, string>;
    const mm = (attrs.mm ?? '').split('|')[0];
    names.set(`${row.vocabulary}:${row.code}`, locale ? labels[locale] || labels.en : mm || labels.en);
  }
  return (vocabulary, code) => names.get(`${vocabulary}:${code}`) ?? code;
}

async function* exportPages(
  deps: Deps,
  country: string | null,
  from?: string,
  to?: string,
): AsyncGenerator<ExportRecord[]> {
  for await (const page of pageIncidents(deps.db.kysely, { country, from, to, pageSize: 2000 })) {
    yield page.map((row) => {
      // Exports never carry the narrative.
      const state = stateOf(deps, { ...row, narrative_enc: null });
      return { row, state, extra: metaOf(row).sourceExtra ?? {} };
    });
  }
}

/**
 * Prepares an export of incidents in record form: those of the actor's country (every country,
 * or the one named, for the command line and the network level). Checks happen here; the
 * returned function writes the file and audits the export with its size, never its content.
 */
export async function startExport(
  ctx: Ctx,
  opts: {
    format: ExportFormat;
    layout: ExportLayout;
    from?: string;
    to?: string;
    cli?: boolean;
    country?: string;
  },
): Promise<(out: Writable) => Promise<number>> {
  let country: string | null = opts.country ?? null;
  if (!opts.cli) {
    const actor = await requirePermission(ctx, 'incidents.export');
    country = actor.scope === 'all' ? (opts.country ?? null) : actor.countryCode;
  }
  // The Enlace layout is written in the reader's language; Missing Migrants' stays as IOM has it.
  const locale = ctx.locale;
  const names = await termNames(ctx, opts.layout === 'enlace' ? locale : undefined);
  return async (out) => {
    const count = await writeIncidents(
      exportPages(ctx, country, opts.from, opts.to),
      opts.format,
      opts.layout,
      names,
      out,
      locale,
    );
    await withTx(ctx, async (_trx, audit) => {
      await audit({
        action: 'incidents.exported',
        objectType: 'country',
        objectId: country,
        details: { format: opts.format, layout: opts.layout, count, via: opts.cli ? 'cli' : 'api' },
      });
    });
    return count;
  };
}
