import type { Config } from '../../config';
import { openDb } from '../../db/dialect';
import { type ImportRun, type ImportTask, runImport } from './import-run';

// Runs in a worker thread of the import pool (import-jobs.ts): the file is read, checked and
// written here, on this thread's own database connection, so the server's thread and its
// connection stay free for everyone else's requests while a large import runs.

export interface ImportWorkerTask {
  url: string;
  config: Config;
  task: ImportTask;
  /** The file's text, or its UTF-8 bytes (moved here from the request's thread). */
  file: string | Uint8Array;
  /** Shared with the main thread: rows read, phase, estimated rows (import-run.ts PROGRESS). */
  progress: Int32Array;
}

export default async function importInWorker(t: ImportWorkerTask): Promise<ImportRun> {
  // One connection is all an import uses (on PostgreSQL the server's pool stays for the others).
  const db = openDb(t.url, { poolMax: 1 });
  // Time as the caller's clock had it when the import began (tests move that clock), advancing.
  const started = Date.now();
  const base = Date.parse(t.task.now);
  const clock = { now: () => new Date(base + Date.now() - started) };
  // A Buffer arrives as a plain Uint8Array.
  const config = { ...t.config, secretKey: Buffer.from(t.config.secretKey) };
  try {
    const text = typeof t.file === 'string' ? t.file : new TextDecoder().decode(t.file);
    return await runImport({ db, config, clock }, t.task, text, t.progress);
  } finally {
    await db.close();
  }
}
