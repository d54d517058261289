import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MM22_HEADERS, MM25_HEADERS } from '../../src/modules/incidents/missing-migrants';
import { type Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

/** The real IOM sample, read where it lives (never copied into the repository). */
const SAMPLE_PATH = resolve(
  import.meta.dirname,
  '../../../..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const RAW = parse(SAMPLE, { columns: true, bom: true }) as Record<string, string>[];
const sum = (rows: Record<string, string>[], col: string) =>
  rows.reduce((a, r) => a + (r[col] ? Number(r[col]) : 0), 0);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

function importCsv(browser: Browser, text: string, query = '') {
  return browser.request({
    method: 'POST',
    url: `/api/incidents/import?format=missing-migrants${query}`,
    payload: text,
    headers: { 'content-type': 'text/csv' },
  });
}

async function regional(browser: Browser, by: string, filters = '') {
  const res = await browser.get(`/api/stats/incidents?by=${by}${filters}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    rows: { key: Record<string, string | null>; incidents: number; values: Record<string, number | null> }[];
    total: { incidents: number; values: Record<string, number | null>; known: Record<string, number> };
  };
}

async function counts() {
  const incidents = await t.db.kysely
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rollup = await t.db.kysely
    .selectFrom('stats_incidents')
    .select((eb) => eb.fn.sum<number>('incidents').as('n'))
    .where('nat', '=', '*')
    .executeTakeFirstOrThrow();
  return { incidents: Number(incidents.n), rollup: Number(rollup.n ?? 0) };
}

describe('Missing Migrants import', () => {
  it('imports the real sample and shows its totals in the regional statistics', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const res = await importCsv(browser, SAMPLE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      layout: 'missing-migrants-22',
      rows: RAW.length,
      created: RAW.length,
      updated: 0,
      dryRun: false,
    });
    const stats = await regional(browser, 'region');
    expect(stats.total.incidents).toBe(RAW.length);
    expect(stats.total.values.dead).toBe(sum(RAW, 'Number Dead'));
    expect(stats.total.values.missing).toBe(sum(RAW, 'Minimum Estimated Number of Missing'));
    expect(stats.total.values.survivors).toBe(sum(RAW, 'Number of Survivors'));
    expect(stats.total.values.females).toBe(sum(RAW, 'Number of Females'));
    // Blank counts are unknown, not zero: they are not among the known ones.
    expect(stats.total.known.dead).toBe(RAW.filter((r) => r['Number Dead'] !== '').length);
    expect(stats.total.known.survivors).toBe(RAW.filter((r) => r['Number of Survivors'] !== '').length);
    expect(stats.total.values.migrants).toBeNull();
    const central = RAW.filter((r) => r.Region === 'Central America');
    const row = stats.rows.find((r) => r.key.region === 'central_america');
    expect(row?.incidents).toBe(central.length);
    expect(row?.values.dead).toBe(sum(central, 'Number Dead'));
    // The border route, as the dashboard's route chart and the map's flows see it.
    const border = RAW.filter((r) => r['Migration route'] === 'US-Mexico border crossing');
    const byRoute = await regional(browser, 'route');
    expect(byRoute.rows.find((r) => r.key.route === 'us_mexico_border')?.incidents).toBe(border.length);
    const flows = (await browser.get('/api/stats/flows?route=us_mexico_border')).json();
    expect(flows.flows.reduce((a: number, f: { incidents: number }) => a + f.incidents, 0)).toBe(
      border.length,
    );
    expect(flows.flows.every((f: { destination: string }) => f.destination === 'USA')).toBe(true);
    // The records belong to the importing country.
    const list = (await browser.get('/api/incidents?source=missing_migrants&limit=5')).json();
    expect(list.items[0].countryCode).toBe('GTM');
  });

  it('imports the same file again as unchanged, and a changed row as a new version', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const again = await importCsv(browser, SAMPLE);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: RAW.length });
    const edited = SAMPLE.replace(
      '2026.MMP0001,2026.MMP0001,"Western Asia","Thu, 01/01/2026 - 12:00",2026,January,1,',
      '2026.MMP0001,2026.MMP0001,"Western Asia","Thu, 01/01/2026 - 12:00",2026,January,2,',
    );
    expect(edited).not.toBe(SAMPLE);
    const before = await regional(browser, '');
    const res = await importCsv(browser, edited);
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: RAW.length - 1 });
    const after = await regional(browser, '');
    expect((after.total.values.dead ?? 0) - (before.total.values.dead ?? 0)).toBe(1);
    expect(after.total.incidents).toBe(before.total.incidents);
    const row = await t.db.kysely
      .selectFrom('incidents')
      .select(['id', 'version'])
      .where('external_id', '=', '2026.MMP0001')
      .where('country_code', '=', 'GTM')
      .executeTakeFirstOrThrow();
    const history = (await browser.get(`/api/incidents/${row.id}/history`)).json();
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['import', 'reimport']);
    expect(history[1].changes).toEqual([{ field: 'people.dead', before: 1, after: 2 }]);
  });

  it('refuses a malformed file whole: every bad cell listed with its row and column, nothing changed', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'es' });
    const lines = SAMPLE.trimEnd().split('\n');
    // Row 3: a word for a count; row 6: an impossible date; row 9: coordinates out of range.
    lines[2] = lines[2]?.replace(/,January,1,0,/, ',January,one,0,') ?? '';
    lines[5] = lines[5]?.replace('"Sat, 01/03/2026 - 12:00"', '"Sat, 02/30/2026 - 12:00"') ?? '';
    lines[8] = lines[8]?.replace(/"(-?\d+\.\d+), (-?\d+\.\d+)"/, '"95.5, $2"') ?? '';
    const before = await counts();
    const auditBefore = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'incidents.imported')
      .execute();
    const res = await importCsv(browser, `${lines.join('\n')}\n`);
    expect(res.statusCode).toBe(422);
    const body = res.json() as {
      code: string;
      title: string;
      errors: { row: number; column: string; message: string }[];
    };
    expect(body.code).toBe('import_rejected');
    expect(body.title).toMatch(/No se importó nada/);
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Number Dead'],
      [6, 'Incident Date'],
      [9, 'Coordinates'],
    ]);
    expect(body.errors[0]?.message).toMatch(/«one»/);
    expect(await counts()).toEqual(before);
    const auditAfter = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'incidents.imported')
      .execute();
    expect(auditAfter.length).toBe(auditBefore.length);
    const other = await importCsv(browser, 'Name,Date\nx,y\n');
    expect(other.statusCode).toBe(422);
    expect(other.json().errors[0].message).toMatch(/Incident Date/);
  });

  it('reads the older 25-column layout too', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    const rows = RAW.map((r) => {
      const dead = r['Number Dead'] ?? '';
      const missing = r['Minimum Estimated Number of Missing'] ?? '';
      const values: Record<(typeof MM25_HEADERS)[number], string> = {
        'Main ID': r['Main ID'] ?? '',
        'Incident ID': r['Incident ID'] ?? '',
        'Incident Type': 'Incident',
        'Region of Incident': r.Region ?? '',
        'Incident Date': r['Incident Date'] ?? '',
        'Incident Year': r.Year ?? '',
        Month: r['Reported Month'] ?? '',
        'Number of Dead': dead,
        'Minimum Estimated Number of Missing': missing,
        'Total Number of Dead and Missing':
          dead !== '' && missing !== '' ? String(Number(dead) + Number(missing)) : '',
        'Number of Survivors': r['Number of Survivors'] ?? '',
        'Number of Females': r['Number of Females'] ?? '',
        'Number of Males': r['Number of Males'] ?? '',
        'Number of Children': r['Number of Children'] ?? '',
        'Country of Origin': r['Country of Origin'] ?? '',
        'Region of Origin': r['Region of Origin'] ?? '',
        'Cause of Death': r['Cause of Death'] ?? '',
        'Country of Incident': r.Region === 'Central America' ? 'Mexico' : '',
        'Migration Route': r['Migration route'] ?? '',
        'Location of Incident': r['Location of death'] ?? '',
        Coordinates: r.Coordinates ?? '',
        'UNSD Geographical Grouping': r['UNSD Geographical Grouping'] ?? '',
        'Information Source': r['Information Source'] ?? '',
        URL: r.URL ?? '',
        'Source Quality': r['Source Quality'] ?? '',
      };
      return MM25_HEADERS.map((h) => values[h]);
    });
    const text = stringify([[...MM25_HEADERS], ...rows]);
    const res = await importCsv(browser, text);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ layout: 'missing-migrants-25', created: RAW.length });
    const mex = await regional(browser, '', '&country=MEX');
    expect(mex.total.incidents).toBeGreaterThanOrEqual(
      RAW.filter((r) => r.Region === 'Central America').length * 2,
    );
  });

  it('lets a network administrator import for a country, and nobody else import for another', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'CRI' });
    const refused = await importCsv(liaison.browser, SAMPLE, '&country=PAN');
    expect(refused.statusCode).toBe(403);
    const admin = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
    const dry = await importCsv(admin.browser, SAMPLE, '&country=PAN&dryRun=true');
    expect(dry.json()).toMatchObject({ created: RAW.length, dryRun: true });
    const pan = await t.db.kysely
      .selectFrom('incidents')
      .select('id')
      .where('country_code', '=', 'PAN')
      .execute();
    expect(pan.length).toBe(0);
    expect((await importCsv(admin.browser, SAMPLE, '&country=PAN')).json().created).toBe(RAW.length);
  });
});

describe('exports', () => {
  it('writes the Missing Migrants layout as CSV that imports back to the same totals', async () => {
    const gt = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const res = await gt.browser.get('/api/incidents/export?format=csv&layout=missing-migrants');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...MM22_HEADERS]);
    expect(rows.length).toBe(RAW.length);
    expect(res.body).not.toContain('intercepted');
    // Round trip: the export imports into another country with the same figures.
    const cr = await signedIn(t, { role: 'analyst', countryCode: 'CRI' });
    const back = await importCsv(cr.browser, res.body);
    expect(back.statusCode).toBe(200);
    const crStats = await t.db.kysely
      .selectFrom('incidents')
      .select((eb) => [
        eb.fn.sum<number>('dead').as('dead'),
        eb.fn.sum<number>('missing').as('missing'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('country_code', '=', 'CRI')
      .where('source', '=', 'missing_migrants')
      .executeTakeFirstOrThrow();
    expect(Number(crStats.n)).toBe(RAW.length);
    expect(Number(crStats.dead)).toBe(sum(RAW, 'Number Dead') + 1);
    expect(Number(crStats.missing)).toBe(sum(RAW, 'Minimum Estimated Number of Missing'));
  });

  it('writes HXL-tagged CSV with a second row of hashtags, and XLSX', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const hxl = await browser.get('/api/incidents/export?format=hxl&layout=missing-migrants');
    const table = parse(hxl.body) as string[][];
    expect(table[1]).toEqual(
      expect.arrayContaining([
        '#event+id',
        '#date+occurred',
        '#affected+dead',
        '#affected+missing',
        '#geo+lat',
        '#geo+lon',
        '#country+name',
      ]),
    );
    expect(table.length).toBe(RAW.length + 2);
    const enlace = await browser.get('/api/incidents/export?format=hxl&layout=enlace');
    expect((parse(enlace.body) as string[][])[1]).toEqual(
      expect.arrayContaining(['#affected+children+unaccompanied', '#country+code']),
    );
    const xlsx = await browser.request({
      method: 'GET',
      url: '/api/incidents/export?format=xlsx&layout=enlace',
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Reference');
    expect(sheet?.rowCount).toBe(RAW.length + 1);
    // Exports are audited with their size, never their content.
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'incidents.exported')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});
