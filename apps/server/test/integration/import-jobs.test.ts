import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportJob } from '@enlace/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUPS } from '../../src/modules/stats/rollups';
import { incidentBody } from '../factories/incidents';
import { type Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

/** The real IOM sample, read where it lives (never copied into the repository). */
const SAMPLE = readFileSync(
  resolve(
    import.meta.dirname,
    '../../../..',
    '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
  ),
  'utf8',
);
const [HEADER = '', FIRST = ''] = SAMPLE.split('\n');

/** A file of `n` rows: the sample's first row under new identifiers; `bad` rows get an impossible date. */
function bigFile(n: number, bad: readonly number[] = []): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    const id = `2026.TST${String(i).padStart(6, '0')}`;
    let line = FIRST.replaceAll('2026.MMP0001', id);
    if (bad.includes(i)) line = line.replace('"Thu, 01/01/2026 - 12:00"', '"Thu, 13/45/2026 - 12:00"');
    lines.push(line);
  }
  return lines.join('\n');
}

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

function startJob(browser: Browser, text: string, query = '') {
  return browser.request({
    method: 'POST',
    url: `/api/incidents/imports?format=missing-migrants${query}`,
    payload: text,
    headers: { 'content-type': 'text/csv' },
  });
}

async function untilDone(browser: Browser, id: string): Promise<ImportJob> {
  for (;;) {
    const res = await browser.get(`/api/incidents/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json() as ImportJob;
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Everything an import writes: incidents, their versions, every rollup table, the audit trail. */
async function footprint() {
  const count = async (table: string) => {
    const r = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(
      t.db.kysely,
    );
    return Number(r.rows[0]?.n ?? 0);
  };
  const out: Record<string, number> = {};
  for (const table of [
    'incidents',
    'incident_versions',
    'audit_events',
    ...Object.values(ROLLUPS).map((r) => r.table),
  ])
    out[table] = await count(table);
  const sums = await sql<{
    n: number | string | null;
  }>`SELECT SUM(incidents) AS n FROM stats_incidents`.execute(t.db.kysely);
  out.rolledUp = Number(sums.rows[0]?.n ?? 0);
  return out;
}

describe('imports as jobs', () => {
  it('unauthenticated → 401; without the import permission → 403; another country’s job → 404', async () => {
    const { browser: analyst } = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const started = await startJob(analyst, bigFile(3));
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as ImportJob;

    const anonymous = (await signedIn(t, { role: 'analyst', countryCode: 'GTM' })).browser;
    await anonymous.post('/api/auth/sign-out', {});
    expect((await anonymous.get(`/api/incidents/imports/${id}`)).statusCode).toBe(401);
    expect((await startJob(anonymous, bigFile(1))).statusCode).toBe(401);

    const { browser: observer } = await signedIn(t, { role: 'observer', countryCode: 'GTM' });
    expect((await observer.get(`/api/incidents/imports/${id}`)).statusCode).toBe(403);
    expect((await startJob(observer, bigFile(1))).statusCode).toBe(403);

    const { browser: other } = await signedIn(t, { role: 'analyst', countryCode: 'HND' });
    expect((await other.get(`/api/incidents/imports/${id}`)).statusCode).toBe(404);
    expect((await other.get('/api/incidents/imports/018f0000-0000-7000-8000-000000000000')).statusCode).toBe(
      404,
    );

    const done = await untilDone(analyst, id);
    expect(done).toMatchObject({ state: 'done', phase: 'done', rowsRead: 3, failure: null });
    expect(done.result).toMatchObject({ rows: 3, created: 3, dryRun: false });
    // A colleague of the same country may follow it too.
    const { browser: colleague } = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    expect((await colleague.get(`/api/incidents/imports/${id}`)).statusCode).toBe(200);
  });

  it('no file, or an empty one: a clear 400 in the user’s language, nothing started', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'GTM', locale: 'fr' });
    for (const path of ['/api/incidents/imports', '/api/incidents/import']) {
      for (const payload of ['', '  \n']) {
        const res = await browser.request({
          method: 'POST',
          url: path,
          payload,
          headers: { 'content-type': 'text/csv' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'import_no_file' });
        expect(res.json().title).toMatch(/^Aucun fichier/);
      }
    }
  });

  it('a file that fails after several chunks were written leaves nothing: incidents, rollups, audit unchanged', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'PAN' });
    const before = await footprint();
    // 12,000 rows: the first two chunks of 5,000 are written before row 11,500 is read.
    const res = await startJob(browser, bigFile(12_000, [11_500]));
    expect(res.statusCode).toBe(202);
    const job = await untilDone(browser, (res.json() as ImportJob).id);
    expect(job.state).toBe('failed');
    expect(job.failure?.code).toBe('import_rejected');
    expect(job.failure?.errors.map((e) => [e.row, e.column])).toEqual([[11_501, 'Incident Date']]);
    expect(await footprint()).toEqual(before);
  });

  it('a dry run reads the whole file and writes nothing', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'CRI' });
    const before = await footprint();
    const res = await startJob(browser, bigFile(6000), '&dryRun=true');
    const job = await untilDone(browser, (res.json() as ImportJob).id);
    expect(job).toMatchObject({ state: 'done', dryRun: true, rowsRead: 6000 });
    expect(job.result).toMatchObject({ created: 6000, dryRun: true });
    expect(await footprint()).toEqual(before);
  });

  it('another country’s reads are answered while an import runs, and its writes wait and land', async () => {
    const { browser: importer } = await signedIn(t, { role: 'analyst', countryCode: 'SLV' });
    const { browser: reader } = await signedIn(t, { role: 'analyst', countryCode: 'DOM' });
    const total = async () => {
      const res = await reader.get('/api/stats/incidents?by=');
      expect(res.statusCode).toBe(200);
      return (res.json() as { total: { incidents: number } }).total.incidents;
    };
    const before = { incidents: (await footprint()).incidents ?? 0, dashboard: await total() };
    const res = await startJob(importer, bigFile(30_000));
    expect(res.statusCode).toBe(202);
    const { id } = res.json() as ImportJob;

    const list = await reader.get('/api/incidents?limit=1');
    expect(list.statusCode).toBe(200);
    const dashboard = await total();
    // Both answered while the import was still going, and saw nothing of it yet.
    const during = (await importer.get(`/api/incidents/imports/${id}`)).json() as ImportJob;
    expect(during.state).toBe('running');
    expect(dashboard).toBe(before.dashboard);

    // A write of another country meanwhile is not lost: on SQLite it waits for the import's
    // transaction (without holding up the reads above), on PostgreSQL it goes ahead.
    const created = await reader.post('/api/incidents', incidentBody());
    expect(created.statusCode).toBe(201);

    const job = await untilDone(importer, id);
    expect(job.state).toBe('done');
    expect(job.result?.created).toBe(30_000);
    expect(((await footprint()).incidents ?? 0) - before.incidents).toBe(30_001);
    expect((await total()) - before.dashboard).toBe(30_001);
  });
});
