import type { Writable } from 'node:stream';
import type { ImportJob, ImportResult, ImportRowError, Locale, LocalizedText } from '@enlace/shared';
import { inScope, recordDenial, requirePermission } from '../../platform/authz/access';
import { type Ctx, type Deps, nowIso, withTx } from '../../platform/context';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { findCountry } from '../admin/admin.repository';
import {
  type ExportFormat,
  type ExportLayout,
  type ExportRecord,
  type TermNames,
  writeIncidents,
} from './incidents.export';
import { ownerCountry } from './incidents.policy';
import {
  findJob,
  type ImportFile,
  type ImportJobEntry,
  isBlank,
  newProgress,
  phaseOf,
  runImportOffThread,
  startJob,
  textOf,
} from './import-jobs';
import { type ImportRun, type ImportTask, MAX_LISTED, PROGRESS, runImport } from './import-run';
import { listVocabTerms, pageIncidents } from './incidents.repository';
import { latestLocalDate, metaOf, stateOf } from './incidents.service';
import type { ImportIssue } from './missing-migrants';

export type ImportOutcome =
  | ({ ok: true } & ImportResult)
  | { ok: false; layout: string | null; rows: number; errors: ImportRowError[] };

function localize(locale: Locale, issues: readonly ImportIssue[]): ImportRowError[] {
  return issues.slice(0, MAX_LISTED).map((i) => ({
    row: i.row,
    column: i.column,
    code: i.code,
    message: t(locale, `errors.${i.code}`, i.params ?? {}),
  }));
}

function outcomeOf(locale: Locale, run: ImportRun, dryRun: boolean): ImportOutcome {
  if (run.errorCount)
    return { ok: false, layout: run.layout, rows: run.rows, errors: localize(locale, run.errors) };
  return {
    ok: true,
    layout: run.layout ?? '',
    rows: run.rows,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    dryRun,
    warnings: localize(locale, run.warnings),
  };
}

type ImportOptions = { country?: string; dryRun?: boolean; cli?: boolean; demo?: boolean };

/** Who may import into which country (checked here, on the request's thread), and the task. */
async function prepareImport(ctx: Ctx, file: ImportFile, opts: ImportOptions): Promise<ImportTask> {
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
  if (isBlank(file)) throw badRequest('import_no_file');
  return {
    owner,
    userId,
    actorCountry: ctx.actor?.countryCode ?? null,
    ip: ctx.ip,
    via: opts.cli ? 'cli' : 'api',
    dryRun: opts.dryRun ?? false,
    demo: opts.demo ?? false,
    now: nowIso(ctx),
    today: latestLocalDate(ctx),
  };
}

/**
 * Imports a Missing Migrants file (either layout) into `country`: all rows or none, read, checked
 * and written on a worker thread (import-run.ts, import-jobs.ts) so that other requests are
 * served meanwhile; this waits for the outcome. `opts.cli`: run by the operator's command line
 * (or a benchmark), without a signed-in actor, on the caller's thread.
 */
export async function importMissingMigrants(
  ctx: Ctx,
  file: ImportFile,
  opts: ImportOptions = {},
): Promise<ImportOutcome> {
  const task = await prepareImport(ctx, file, opts);
  // The command line is a process of its own, with no one else's requests to keep answering:
  // it imports on its thread, without a worker's start-up.
  const run = opts.cli
    ? await runImport(ctx, task, textOf(file), newProgress())
    : await runImportOffThread(ctx, task, file, newProgress());
  return outcomeOf(ctx.locale, run, task.dryRun);
}

/** Starts the same import as a job and answers at once; the page then polls `getImportJob`. */
export async function startImportJob(
  ctx: Ctx,
  file: ImportFile,
  opts: { country?: string; dryRun?: boolean },
  onError: (err: unknown) => void,
): Promise<ImportJob> {
  const task = await prepareImport(ctx, file, opts);
  return presentJob(ctx.locale, startJob(ctx, task, file, onError));
}

/** A job's progress or outcome, for its owner country's importers (404 for anyone else). */
export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJob> {
  const actor = await requirePermission(ctx, 'incidents.import');
  const job = findJob(id);
  if (!job || !(inScope(actor, job.owner) || job.createdBy === actor.userId)) {
    await recordDenial(ctx, {
      action: 'incidents.import',
      objectType: 'import_job',
      objectId: id,
      reason: job ? 'scope' : 'not_found',
    });
    throw notFound();
  }
  return presentJob(ctx.locale, job);
}

function presentJob(locale: Locale, job: ImportJobEntry): ImportJob {
  const outcome = job.run ? outcomeOf(locale, job.run, job.dryRun) : null;
  const rowsRead = Atomics.load(job.progress, PROGRESS.rows);
  return {
    id: job.id,
    state: job.state,
    phase: job.state === 'running' ? phaseOf(job.progress) : 'done',
    dryRun: job.dryRun,
    rowsRead: job.run ? job.run.rows : rowsRead,
    rowsEstimated: job.run
      ? job.run.rows
      : Math.max(rowsRead, Atomics.load(job.progress, PROGRESS.estimate) - 1),
    result: outcome?.ok ? (({ ok: _ok, ...result }) => result)(outcome) : null,
    failure:
      outcome && !outcome.ok
        ? {
            code: 'import_rejected',
            title: t(locale, 'errors.import_rejected', { count: job.run?.errorCount ?? 0 }),
            layout: outcome.layout,
            rows: outcome.rows,
            errors: outcome.errors,
          }
        : job.state === 'failed'
          ? { code: 'internal', title: t(locale, 'errors.internal'), layout: null, rows: 0, errors: [] }
          : null,
  };
}

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
