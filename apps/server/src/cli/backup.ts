import { resolve } from 'node:path';
import type { Config } from '../config';
import { openDb } from '../db/dialect';
import { ensurePrivateFile } from '../db/private-files';

/**
 * SQLite: an online backup (consistent while the server keeps writing) to `out`.
 * PostgreSQL: the pg_dump command to run, since the dump belongs to the database's own tools.
 */
export async function backup(config: Config, out?: string): Promise<string> {
  const db = openDb(config.databaseUrl);
  try {
    if (!db.sqlite) {
      const url = new URL(config.databaseUrl);
      const name = url.pathname.replace(/^\//, '');
      return `pg_dump --format=custom --file=enlace-$(date -u +%Y%m%dT%H%M%SZ).dump --host=${url.hostname} --port=${url.port || 5432} --username=${decodeURIComponent(url.username)} ${name}`;
    }
    const file = resolve(out ?? `./data/backup-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
    // The copy holds what the database holds: 0600 before the first page is written.
    ensurePrivateFile(file, { tighten: true });
    await db.sqlite.backup(file);
    return `Backup written to ${file}`;
  } finally {
    await db.close();
  }
}
