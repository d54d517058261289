import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backup } from '../../src/cli/backup';
import { loadConfig } from '../../src/config';
import { openDb } from '../../src/db/dialect';
import { migrateToLatest } from '../../src/db/migrate';

const CLI = resolve(import.meta.dirname, '../../bin/enlace.mjs');
const mode = (path: string) => statSync(path).mode & 0o777;

let root: string;
let previousUmask: number | null = null;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'enlace-modes-'));
  // The usual umask (022), under which files are created world-readable unless told otherwise.
  try {
    previousUmask = process.umask(0o022);
  } catch {
    previousUmask = null; // a worker thread cannot change it; the process's own umask stays
  }
});
afterEach(() => {
  if (previousUmask !== null) process.umask(previousUmask);
  rmSync(root, { recursive: true, force: true });
});

describe('files holding personal data are private to the account running Enlace', () => {
  it('creates a new data folder 0700 and the database, its WAL and shared memory, the key and backups 0600', async () => {
    const data = join(root, 'data');
    const config = loadConfig({ DATABASE_URL: join(data, 'enlace.db'), NODE_ENV: 'development' });
    const db = openDb(config.databaseUrl);
    try {
      await migrateToLatest(db); // writes: the -wal and -shm files exist from here on
      expect(mode(data)).toBe(0o700);
      for (const name of ['enlace.db', 'enlace.db-wal', 'enlace.db-shm', 'secret.key']) {
        expect(mode(join(data, name)), name).toBe(0o600);
      }
      const out = join(data, 'copy.db');
      expect(await backup(config, out)).toMatch(/Backup written/);
      expect(mode(out)).toBe(0o600);
      expect(statSync(out).size).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('leaves a folder that already exists as it is, and still makes the database file 0600', async () => {
    const shared = join(root, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    const db = openDb(join(shared, 'enlace.db'));
    try {
      await migrateToLatest(db);
      expect(mode(shared)).toBe(0o755);
      expect(mode(join(shared, 'enlace.db'))).toBe(0o600);
      expect(mode(join(shared, 'enlace.db-wal'))).toBe(0o600);
    } finally {
      await db.close();
    }
  });

  it('the enlace command creates a fresh data folder the same way', () => {
    const data = join(root, 'fresh', 'data');
    const run = spawnSync(process.execPath, [CLI, 'migrate'], {
      env: { ...process.env, DATABASE_URL: join(data, 'enlace.db'), NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(mode(data)).toBe(0o700);
    for (const name of ['enlace.db', 'secret.key']) expect(mode(join(data, name)), name).toBe(0o600);
  });
});
