import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers';

const CLI = resolve(import.meta.dirname, '../../bin/enlace.mjs');
const KEY = Buffer.alloc(32, 9).toString('base64');

let db: TestDb;
function enlace(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test', ENLACE_SECRET_KEY: KEY },
    encoding: 'utf8',
    input,
  });
}

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db.drop();
});

describe('enlace CLI', () => {
  it('creates an account from a password on standard input, audited as done by the CLI', async () => {
    const run = enlace(
      [
        'user',
        'create',
        '--email',
        'jefa@example.org',
        '--name',
        'Jefa',
        '--role',
        'country_admin',
        '--country',
        'pan',
        '--password-file',
        '-',
      ],
      'Canal de Panamá 1914\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Created jefa@example.org \(country_admin, PAN\)/);
    const row = await db.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'jefa@example.org')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await db.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', row.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('user.created');
  });

  it('refuses a weak password or an unknown role with a clear message, creating nothing', async () => {
    const weak = enlace(
      [
        'user',
        'create',
        '--email',
        'weak@example.org',
        '--name',
        'W',
        '--role',
        'analyst',
        '--country',
        'PAN',
        '--password-file',
        '-',
      ],
      'password123456',
    );
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toMatch(/common|breach/i);
    const role = enlace(
      [
        'user',
        'create',
        '--email',
        'r@example.org',
        '--name',
        'R',
        '--role',
        'king',
        '--country',
        'PAN',
        '--password-file',
        '-',
      ],
      'Canal de Panamá 1914',
    );
    expect(role.status).not.toBe(0);
    expect(role.stderr).toMatch(/Unknown role: king/);
    const rows = await db.db.kysely
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['weak@example.org', 'r@example.org'])
      .execute();
    expect(rows).toEqual([]);
  });

  it('disables an account and resets its second factor', async () => {
    expect(enlace(['user', 'disable', 'jefa@example.org']).status).toBe(0);
    expect(enlace(['user', 'reset-mfa', 'jefa@example.org']).status).toBe(0);
    const row = await db.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'jefa@example.org')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('disabled');
    expect(row.mfa_enabled).toBe(0);
    expect(enlace(['user', 'disable', 'nobody@example.org']).status).not.toBe(0);
  });

  it('backs up SQLite online, or prints the pg_dump command for PostgreSQL', () => {
    if (db.file) {
      const out = `${db.file}.backup`;
      const run = enlace(['backup', '--out', out]);
      expect(run.status).toBe(0);
      expect(existsSync(out)).toBe(true);
    } else {
      const run = enlace(['backup']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^pg_dump --format=custom .* enlace_test_/);
    }
  });

  it('loads demo data into a new database only, marked as demo', async () => {
    const refused = enlace(['seed', '--demo']);
    expect(refused.status).toBe(0);
    expect(refused.stdout).toMatch(/already has users/);
    const existing = db;
    db = await createTestDb();
    try {
      expect(enlace(['seed', '--demo']).stdout).toMatch(/Demo data loaded/);
      const demo = await db.db.kysely.selectFrom('users').select(['email', 'is_demo']).execute();
      // The demo accounts (apps/server/src/seeds/demo/index.ts), the centre supervisors of Mexico
      // and of Guatemala (who receives Mexico's shares) among them.
      expect(demo.length).toBe(13);
      expect(demo.map((u) => u.email)).toContain('supervision.mx@demo.enlace.example');
      expect(demo.map((u) => u.email)).toContain('supervision.gt@demo.enlace.example');
      expect(demo.every((u) => u.is_demo === 1 && u.email.endsWith('@demo.enlace.example'))).toBe(true);
      const refusedInProduction = spawnSync(process.execPath, [CLI, 'seed', '--demo'], {
        env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'production', ENLACE_SECRET_KEY: KEY },
        encoding: 'utf8',
      });
      expect(refusedInProduction.status).not.toBe(0);
    } finally {
      await db.drop();
      db = existing;
    }
  });
});
