import type { Config } from '../../config';
import { openDb } from '../../db/dialect';
import { type ScanPart, scanRegistrations } from './registry-scan';

// Runs in a worker thread of the scan pool (registry-scan.ts), on this thread's own connection.

export interface ScanWorkerTask {
  url: string;
  config: Config;
  countryCode: string;
  personIds: string[];
}

let db: ReturnType<typeof openDb> | null = null;

export default async function scanInWorker(t: ScanWorkerTask): Promise<ScanPart> {
  // One connection per thread, kept while the thread lives (a scan sends it many parts).
  if (db?.url !== t.url) {
    await db?.close();
    db = openDb(t.url, { poolMax: 1 });
  }
  const config = { ...t.config, secretKey: Buffer.from(t.config.secretKey) };
  return scanRegistrations(
    { db, config, clock: { now: () => new Date() } },
    db.kysely,
    t.countryCode,
    t.personIds,
  );
}
