import type { IncidentState } from '@enlace/shared';
import { appendAudit } from '../../platform/audit/audit';
import type { Deps, Tx } from '../../platform/context';
import { uuidv7 } from '../../platform/ids';
import { applyRollupDelta } from '../stats/rollup.repository';
import { RollupDelta } from '../stats/rollups';
import { applyPatch, checkState, diffStates, emptyState } from './incident-state';
import { findByExternalIds, hasIncidentsFrom, insertIncidents } from './incidents.repository';
import {
  loadVocabIndex,
  metaOf,
  type NewIncident,
  prepareNewIncidents,
  stateOf,
  storeAmendment,
} from './incidents.service';
import {
  type ImportIssue,
  MM_COLUMN_OF_FIELD,
  type MmLayout,
  type MmRecord,
  readMissingMigrants,
} from './missing-migrants';

/** What an import needs besides the file: decided by the caller, who has checked the access. */
export interface ImportTask {
  owner: string;
  userId: string | null;
  actorCountry: string | null;
  ip: string | null;
  via: 'api' | 'cli';
  dryRun: boolean;
  demo: boolean;
  /** The caller's clock when it started (tests move it) and the latest local date anywhere. */
  now: string;
  today: string;
}

export interface ImportRun {
  layout: MmLayout | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The first MAX_LISTED errors by row, and how many there were. */
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
}

/** Rows and phase of a running import, shared with whoever shows its progress. */
export const PROGRESS = { rows: 0, phase: 1, estimate: 2 } as const;
export const PHASE = { reading: 0, writing: 1, done: 2 } as const;

export const MAX_LISTED = 1000;
const CHUNK = 5000;
const YIELD_EVERY = 1000;

/** Thrown to roll the import's transaction back (errors found, or a dry run). */
class Rollback extends Error {}

/**
 * The one place where imported incidents are written (with their statistics added to `delta`,
 * written once at the end): anything kept beside an incident row in the bulk write path is
 * written here too.
 */
async function writeNewIncidents(
  deps: Deps,
  trx: Tx,
  fresh: readonly NewIncident[],
  delta: RollupDelta,
): Promise<void> {
  await insertIncidents(deps.db, trx, prepareNewIncidents(deps, fresh, delta));
}

/**
 * Reads, checks and writes a Missing Migrants file into `task.owner`: all rows or none, in one
 * transaction on `deps.db` (a worker thread's own connection, see import.worker.ts). A row whose
 * Incident ID was imported before into that country amends it (a "reimport" version) when the
 * file says something new. A dry run reads in a read-only transaction and writes nothing.
 * `progress` (optional, shared memory) is kept up to date as rows are read.
 */
export async function runImport(
  deps: Deps,
  task: ImportTask,
  text: string,
  progress?: Int32Array,
): Promise<ImportRun> {
  const { owner, userId, dryRun } = task;
  if (progress) {
    // An estimate for the progress bar: line breaks inside quoted cells make it a little high.
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    Atomics.store(progress, PROGRESS.estimate, Math.max(1, lines));
  }
  const vocab = await loadVocabIndex(deps.db);
  const reader = readMissingMigrants(text, vocab);
  const columns = reader.layout ? MM_COLUMN_OF_FIELD[reader.layout] : {};
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const errors = reader.errors;
  let records = 0;

  // Read, checked and written in chunks inside one transaction, so that a large file is never
  // held whole in memory; the first error stops the writing (reading goes on, to list every
  // error) and the transaction is rolled back: all rows or none.
  await deps.db.kysely
    .transaction()
    .setAccessMode(dryRun ? 'read only' : 'read write')
    .execute(async (trx) => {
      const lookForRepeats = await hasIncidentsFrom(trx, owner, 'missing_migrants');
      const delta = new RollupDelta();
      // Chunks are sent without waiting for the previous one: on PostgreSQL the server inserts a
      // chunk while the next is read here (on SQLite the writes are synchronous anyway).
      const inserts: Promise<void>[] = [];
      const rowErrors = (
        row: number,
        found: readonly { path: string; code: string; params?: Record<string, string | number> }[],
      ) => {
        for (const p of found) {
          const field = Object.keys(columns).find((f) => p.path === f || p.path.startsWith(`${f}.`));
          errors.push({
            row,
            column: field ? (columns[field] ?? null) : null,
            code: p.code,
            params: p.params,
          });
        }
      };
      const write = async (chunk: MmRecord[]) => {
        const states = chunk.map((record) => {
          const { state, errors: patchErrors } = applyPatch(
            emptyState('death_disappearance'),
            record.patch,
            owner,
          );
          rowErrors(record.row, [
            ...patchErrors,
            ...checkState(state, vocab, task.today, null, { adjustments: true }),
          ]);
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
            const current = stateOf(deps, prior);
            const { state: next } = applyPatch(current, record.patch, owner);
            // A reimported row amends a record that may have been corrected since: the amended
            // record must still agree with itself (counts, dates), as a correction by hand must.
            const amendErrors = checkState(next, vocab, task.today, current, { adjustments: true });
            if (amendErrors.length) {
              rowErrors(record.row, amendErrors);
              continue;
            }
            const sameExtra =
              JSON.stringify(metaOf(prior).sourceExtra ?? {}) === JSON.stringify(record.extra);
            if (diffStates(current, next).length === 0 && sameExtra) counts.unchanged++;
            else {
              counts.updated++;
              if (!dryRun) {
                const row = { ...prior, source_extra: JSON.stringify(record.extra) };
                await storeAmendment(deps, trx, row, current, next, {
                  kind: 'reimport',
                  note: null,
                  by: userId,
                  at: task.now,
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
              isDemo: task.demo,
              createdAt: task.now,
              createdBy: userId,
              updatedAt: task.now,
              updatedBy: userId,
            },
          });
        }
        if (!dryRun && fresh.length) inserts.push(writeNewIncidents(deps, trx, fresh, delta));
      };
      let chunk: MmRecord[] = [];
      for (const record of reader.records()) {
        records++;
        chunk.push(record);
        if (chunk.length === CHUNK) {
          await write(chunk);
          chunk = [];
        }
        if (records % YIELD_EVERY === 0) {
          if (progress) Atomics.store(progress, PROGRESS.rows, reader.rows());
          // The driver sends a queued statement only when this loop lets it: often enough that the
          // server never waits long for the next chunk (PostgreSQL stores one while the next is read).
          await new Promise(setImmediate);
        }
      }
      await write(chunk);
      if (progress) {
        Atomics.store(progress, PROGRESS.rows, reader.rows());
        Atomics.store(progress, PROGRESS.phase, PHASE.writing);
      }
      await Promise.all(inserts);
      if (records === 0 && errors.length === 0) errors.push({ row: 2, column: null, code: 'import_no_rows' });
      if (errors.length || dryRun) throw new Rollback();
      await applyRollupDelta(deps.db, trx, delta);
      await appendAudit(trx, deps.db.dialect, {
        actorId: userId,
        actorCountry: task.actorCountry,
        ip: task.ip,
        occurredAt: deps.clock.now().toISOString(),
        action: 'incidents.imported',
        objectType: 'country',
        objectId: owner,
        details: {
          format: 'missing-migrants',
          layout: reader.layout ?? '',
          rows: reader.rows(),
          ...counts,
          via: task.via,
        },
      });
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  if (progress) Atomics.store(progress, PROGRESS.phase, PHASE.done);
  errors.sort((a, b) => a.row - b.row);
  return {
    layout: reader.layout,
    rows: reader.rows(),
    ...counts,
    errors: errors.slice(0, MAX_LISTED),
    errorCount: errors.length,
    warnings: reader.warnings.slice(0, MAX_LISTED),
  };
}
