import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit';
import { buildUser, buildTestApp, signedIn, type TestApp } from '../helpers';

const CLI = resolve(import.meta.dirname, '../../bin/enlace.mjs');

function auditVerify(databaseUrl: string) {
  return spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'test',
      ENLACE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
    encoding: 'utf8',
  });
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // A little history: accounts created, sign-ins, a refusal.
  for (let i = 0; i < 3; i++) await buildUser(t);
  const { browser } = await signedIn(t, { role: 'observer', countryCode: 'USA' });
  await browser.get('/api/admin/users');
});
afterAll(async () => {
  await t.close();
});

describe('audit trail', () => {
  it('records who did what, from where, in the same transaction, as an intact chain', async () => {
    const rows = await t.db.kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.created', 'auth.sign_in', 'access.denied']),
    );
    const denial = rows.find((r) => r.action === 'access.denied');
    expect(denial).toMatchObject({ actor_country: 'USA', outcome: 'denied' });
    expect(denial?.ip).toMatch(/^10\./);
    expect(denial?.occurred_at).toMatch(/Z$/);
    expect(await verifyAuditChain(t.db.kysely)).toEqual({ ok: true, count: rows.length });
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    await expect(
      sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`.execute(t.db.kysely),
    ).rejects.toThrow(/append-only/i);
    await expect(sql`DELETE FROM audit_events WHERE seq = 1`.execute(t.db.kysely)).rejects.toThrow(
      /append-only/i,
    );
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);
  });

  it('`enlace audit verify` exits 0 on the intact chain', () => {
    const run = auditVerify(t.testDb.url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/intact: \d+ entries/);
  });

  it('`enlace audit verify` names the first altered entry of a tampered copy', async () => {
    let target: string;
    if (t.testDb.file && t.db.sqlite) {
      target = `${t.testDb.file}.copy`;
      await t.db.sqlite.backup(target);
      const raw = new SQLite(target);
      // An attacker with file access drops the guard and rewrites history.
      raw.exec('DROP TRIGGER audit_events_no_update');
      raw.prepare("UPDATE audit_events SET actor_country = 'XXX' WHERE seq = 3").run();
      raw.close();
    } else {
      target = t.testDb.url;
      await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(t.db.kysely);
      await sql`UPDATE audit_events SET actor_country = 'XXX' WHERE seq = 3`.execute(t.db.kysely);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(t.db.kysely);
    }
    const run = auditVerify(target);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken at entry 3: entry_hash_mismatch/);
  });
});
