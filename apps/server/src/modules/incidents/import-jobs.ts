import { randomUUID } from 'node:crypto';
import { Piscina } from 'piscina';
import type { Deps } from '../../platform/context';
import { type ImportRun, type ImportTask, PHASE, PROGRESS, runImport } from './import-run';
import type { ImportWorkerTask } from './import.worker';

/**
 * Imports run on a worker thread (piscina) with its own database connection: parsing, checking
 * and writing a file of a hundred thousand rows never holds the server's event loop or its
 * connection. One import at a time per process runs, the next waits its turn (on SQLite two
 * imports could not write at once anyway; on two cores a second one would only slow the first).
 */
let pool: Piscina<ImportWorkerTask, ImportRun> | null = null;

function importPool(): Piscina<ImportWorkerTask, ImportRun> {
  pool ??= new Piscina<ImportWorkerTask, ImportRun>({
    filename: new URL('./import.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    // A thread kept a while is ready for the next import (loading the code takes a second).
    idleTimeout: 60_000,
  });
  return pool;
}

/** Stops the import threads (the command line, once done; the server, on shutdown). */
export async function closeImportPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/** A file to import: its text, or its bytes as received (decoded as UTF-8 where it is read). */
export type ImportFile = string | Buffer;

export function textOf(file: ImportFile): string {
  return typeof file === 'string' ? file : file.toString('utf8');
}

/** No file, or only white space. */
export function isBlank(file: ImportFile): boolean {
  if (typeof file === 'string') return file.trim() === '';
  return file.length < 4096 && file.toString('utf8').trim() === '';
}

export function newProgress(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Runs an import off the server's thread. An in-memory SQLite database (some tests) cannot be
 * opened by another thread: it is imported here, as before.
 */
export function runImportOffThread(
  deps: Deps,
  task: ImportTask,
  file: ImportFile,
  progress: Int32Array,
): Promise<ImportRun> {
  if (deps.db.dialect === 'sqlite' && deps.db.url === ':memory:')
    return runImport(deps, task, textOf(file), progress);
  if (typeof file === 'string')
    return importPool().run({ url: deps.db.url, config: deps.config, task, file, progress });
  // The bytes move to the worker (no copy) when they fill their own memory, as a large body does.
  const own = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
  const bytes = own ? new Uint8Array(file.buffer) : new Uint8Array(file);
  return importPool().run(
    { url: deps.db.url, config: deps.config, task, file: bytes, progress },
    { transferList: [bytes.buffer as ArrayBuffer] },
  );
}

export interface ImportJobEntry {
  id: string;
  owner: string;
  createdBy: string | null;
  dryRun: boolean;
  progress: Int32Array;
  state: 'running' | 'done' | 'failed';
  run: ImportRun | null;
  finishedAt: number | null;
}

/** Jobs are kept this long after they end, for the page that polls them. */
const KEEP_MS = 60 * 60 * 1000;
const jobs = new Map<string, ImportJobEntry>();

function forgetOld(now: number): void {
  for (const [id, job] of jobs)
    if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

/**
 * Starts an import as a job of this process and returns at once; `onError` hears of a failure
 * that is not the file's (the database gone, a bug), which the job then reports as such.
 */
export function startJob(
  deps: Deps,
  task: ImportTask,
  file: ImportFile,
  onError: (err: unknown) => void,
): ImportJobEntry {
  forgetOld(Date.now());
  const job: ImportJobEntry = {
    id: randomUUID(),
    owner: task.owner,
    createdBy: task.userId,
    dryRun: task.dryRun,
    progress: newProgress(),
    state: 'running',
    run: null,
    finishedAt: null,
  };
  jobs.set(job.id, job);
  runImportOffThread(deps, task, file, job.progress).then(
    (run) => {
      job.run = run;
      job.state = run.errorCount ? 'failed' : 'done';
      job.finishedAt = Date.now();
    },
    (err: unknown) => {
      job.state = 'failed';
      job.finishedAt = Date.now();
      onError(err);
    },
  );
  return job;
}

export function findJob(id: string): ImportJobEntry | undefined {
  return jobs.get(id);
}

export function phaseOf(progress: Int32Array): 'reading' | 'writing' | 'done' {
  const phase = Atomics.load(progress, PROGRESS.phase);
  return phase === PHASE.done ? 'done' : phase === PHASE.writing ? 'writing' : 'reading';
}
