import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const env = (more: Record<string, string>) => ({
  NODE_ENV: 'test',
  ENLACE_SECRET_KEY: randomBytes(32).toString('base64'),
  ...more,
});

describe('files settings', () => {
  it('keep files in a folder beside a SQLite database, and in the database when it is PostgreSQL', () => {
    const sqlite = loadConfig(env({ DATABASE_URL: '/srv/enlace/data/enlace.db' }));
    expect(sqlite.filesStore).toBe('folder');
    expect(sqlite.filesDir).toBe('/srv/enlace/data/files');
    expect(sqlite.filesMaxBytes).toBe(25 * 1024 * 1024);
    const pg = loadConfig(env({ DATABASE_URL: 'postgres://enlace@db:5432/enlace' }));
    expect(pg.filesStore).toBe('db');
    expect(pg.filesDir).toBe(resolve('./data/files'));
  });

  it('follow ENLACE_FILES_STORE, ENLACE_FILES_DIR and ENLACE_FILES_MAX_BYTES, and refuse nonsense', () => {
    const set = loadConfig(
      env({
        DATABASE_URL: 'postgres://enlace@db:5432/enlace',
        ENLACE_FILES_STORE: 'folder',
        ENLACE_FILES_DIR: '/mnt/shared/enlace-files',
        ENLACE_FILES_MAX_BYTES: '10485760',
      }),
    );
    expect([set.filesStore, set.filesDir, set.filesMaxBytes]).toEqual([
      'folder',
      '/mnt/shared/enlace-files',
      10485760,
    ]);
    expect(() => loadConfig(env({ ENLACE_FILES_STORE: 's3' }))).toThrow(/ENLACE_FILES_STORE/);
    expect(() => loadConfig(env({ ENLACE_FILES_MAX_BYTES: '25MB' }))).toThrow(/ENLACE_FILES_MAX_BYTES/);
    expect(() => loadConfig(env({ ENLACE_FILES_MAX_BYTES: '0' }))).toThrow(/ENLACE_FILES_MAX_BYTES/);
  });
});
