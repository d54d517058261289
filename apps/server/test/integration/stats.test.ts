import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../src/modules/incidents/incidents.service';
import { ROLLUPS } from '../../src/modules/stats/rollups';
import { reportIncident } from '../factories/incidents';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
let mx: Awaited<ReturnType<typeof signedIn>>;
let gt: Awaited<ReturnType<typeof signedIn>>;
let observer: Awaited<ReturnType<typeof signedIn>>;

const landReport = (over: Record<string, unknown> = {}) => ({
  kind: 'transit_detection',
  mode: 'land' as const,
  occurredAt: null,
  timeZone: null,
  conveyance: null,
  modusOperandi: ['tractor_trailer'],
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp();
  mx = await signedIn(t, { role: 'analyst', countryCode: 'MEX' });
  gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
  observer = await signedIn(t, { role: 'observer', countryCode: 'IOM' });
  // A large group and a small one in Chiapas (Mexico's), one small in Petén (Guatemala's).
  await reportIncident(
    mx.browser,
    landReport({
      occurredOn: '2025-04-03',
      place: { name: 'Tapachula', countryCode: 'MEX', latitude: 14.905, longitude: -92.262 },
      people: { migrants: null, dead: 0, unaccompaniedChildren: 3 },
      breakdown: [
        { sex: 'male', ageGroup: '18-59', nationality: 'HND', count: 30 },
        { sex: 'female', ageGroup: '18-59', nationality: 'HND', count: 12 },
        { sex: 'female', ageGroup: '12-17', nationality: 'GTM', count: 3 },
        { sex: 'male', ageGroup: '0-11', nationality: 'SLV', count: 2 },
      ],
      route: { code: 'guatemala_mexico_border', origin: 'HND', destination: 'MEX' },
    }),
  );
  await reportIncident(
    mx.browser,
    landReport({
      occurredOn: '2025-04-20',
      place: { name: 'Tapachula', countryCode: 'MEX', latitude: 14.91, longitude: -92.25 },
      people: { migrants: 4, dead: 1 },
      route: { code: 'guatemala_mexico_border', origin: 'SLV', destination: 'MEX' },
      modusOperandi: ['guided_on_foot', 'river_crossing'],
    }),
  );
  await reportIncident(
    gt.browser,
    landReport({
      occurredOn: '2025-05-11',
      place: { name: 'El Ceibo', countryCode: 'GTM', latitude: 14.92, longitude: -92.24 },
      people: { migrants: 3, dead: 2 },
      route: { code: 'guatemala_mexico_border', origin: 'HND', destination: 'MEX' },
      nationalities: ['HND'],
    }),
  );
});
afterAll(async () => {
  await t.close();
});

describe('statistics routes: who may call them', () => {
  it('answers 401 anonymously; every role with stats.read may read the regional picture', async () => {
    const anonymous = new Browser(t);
    await anonymous.get('/api/auth/session');
    for (const path of [
      'incidents',
      'people',
      'flows',
      'modus-operandi',
      'cases',
      'map',
      'databases',
      'export',
    ]) {
      expect((await anonymous.get(`/api/stats/${path}`)).statusCode, path).toBe(401);
    }
    const centre = await signedIn(t, { role: 'centre_officer', countryCode: 'HND' });
    expect((await centre.browser.get('/api/stats/incidents')).statusCode).toBe(200);
    expect((await centre.browser.post('/api/stats/databases', {})).statusCode).toBe(403);
  });
});

describe('the regional picture', () => {
  it('sums incidents and people by the dimensions asked for, with filters', async () => {
    const res = (
      await mx.browser.get('/api/stats/incidents?by=country,month&from=2025-04&to=2025-05')
    ).json();
    expect(res.suppression).toBe(false);
    expect(res.filters).toEqual({ from: '2025-04', to: '2025-05' });
    expect(res.rows.map((r: { key: object; incidents: number }) => [r.key, r.incidents])).toEqual([
      [{ country: 'GTM', month: '2025-05' }, 1],
      [{ country: 'MEX', month: '2025-04' }, 2],
    ]);
    expect(res.total.values).toMatchObject({
      migrants: 54,
      dead: 3,
      females: 15,
      children: 5,
      unaccompaniedChildren: 3,
    });
    // Counts nobody gave stay unknown, and say over how many incidents each was known.
    expect(res.total.known).toMatchObject({
      migrants: 3,
      dead: 3,
      females: 1,
      unaccompaniedChildren: 1,
      injured: 0,
    });
    expect(res.total.values.injured).toBeNull();
    const april = (await mx.browser.get('/api/stats/incidents?by=year&from=2025-04&to=2025-04')).json();
    expect(april.rows).toEqual([expect.objectContaining({ key: { year: '2025' }, incidents: 2 })]);
    const bad = await mx.browser.get('/api/stats/incidents?by=planet');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('by');
  });

  it('filters by nationality: incidents involving it, and only its persons', async () => {
    const hnd = (await mx.browser.get('/api/stats/incidents?nationality=HND')).json();
    expect(hnd.total.incidents).toBe(2);
    const people = (await mx.browser.get('/api/stats/people?nationality=HND')).json();
    expect(people.detailed.persons).toBe(42);
    expect(people.byNationality).toEqual([{ nationality: 'HND', persons: 42, suppressed: false }]);
    const all = (await mx.browser.get('/api/stats/people')).json();
    expect(all.bySex).toEqual([
      { sex: 'female', persons: 15, suppressed: false },
      { sex: 'male', persons: 32, suppressed: false },
      { sex: 'unknown', persons: 0, suppressed: false },
    ]);
    expect(all.byAgeGroup.find((a: { ageGroup: string }) => a.ageGroup === '12-17').persons).toBe(3);
  });

  it('gives route flows and modus operandi', async () => {
    const flows = (await mx.browser.get('/api/stats/flows?route=guatemala_mexico_border')).json();
    expect(flows.flows).toEqual([
      {
        origin: 'HND',
        destination: 'MEX',
        incidents: 2,
        migrants: 50,
        dead: 2,
        missing: null,
        suppressed: [],
      },
      {
        origin: 'SLV',
        destination: 'MEX',
        incidents: 1,
        migrants: 4,
        dead: 1,
        missing: null,
        suppressed: [],
      },
    ]);
    const modus = (await mx.browser.get('/api/stats/modus-operandi?country=MEX')).json();
    expect(modus.incidents).toBe(2);
    expect(modus.terms).toEqual(
      [
        { code: 'tractor_trailer', incidents: 1 },
        { code: 'guided_on_foot', incidents: 1 },
        { code: 'river_crossing', incidents: 1 },
      ].sort((a, b) => b.incidents - a.incidents || a.code.localeCompare(b.code)),
    );
  });

  it('suppresses small cells for observers and for publication, with a flag', async () => {
    const seen = (await observer.browser.get('/api/stats/incidents?by=country')).json();
    expect(seen.suppression).toBe(true);
    const gtm = seen.rows.find((r: { key: { country: string } }) => r.key.country === 'GTM');
    const mex = seen.rows.find((r: { key: { country: string } }) => r.key.country === 'MEX');
    // Guatemala's 3 migrants and 2 dead are withheld, and so are Mexico's 51 migrants (else the
    // total of 54 minus 51 would reveal Guatemala's 3) and Mexico's 1 dead.
    expect(gtm.values.migrants).toBeNull();
    expect(gtm.suppressed).toEqual(expect.arrayContaining(['migrants', 'dead']));
    expect(gtm.incidents).toBe(1);
    expect(mex.values.migrants).toBeNull();
    expect(mex.suppressed).toEqual(expect.arrayContaining(['migrants', 'dead']));
    expect(seen.total.values.migrants).toBe(54);
    expect(mex.values.dead).toBeNull();
    expect(seen.total.values.dead).toBeNull();
    expect(seen.total.suppressed).toContain('dead');
    const people = (await observer.browser.get('/api/stats/people')).json();
    expect(people.byNationality.find((n: { nationality: string }) => n.nationality === 'GTM')).toEqual({
      nationality: 'GTM',
      persons: null,
      suppressed: true,
    });
    // The analyst sees the small cells, unless asking for figures to publish.
    const exact = (await mx.browser.get('/api/stats/incidents?by=country')).json();
    expect(exact.rows.find((r: { key: { country: string } }) => r.key.country === 'GTM').values.dead).toBe(2);
    const publication = (await mx.browser.get('/api/stats/incidents?by=country&publication=true')).json();
    expect(publication.suppression).toBe(true);
    expect(
      publication.rows.find((r: { key: { country: string } }) => r.key.country === 'GTM').values.dead,
    ).toBeNull();
    const csv = await mx.browser.get('/api/stats/export?table=incidents&by=country&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const table = parse(csv.body) as string[][];
    const header = table[0] ?? [];
    const gtmLine = table.find((l) => l[0] === 'GTM') ?? [];
    // Withheld: an empty cell, named in the flag column; unknown: empty too, not flagged.
    expect(gtmLine[header.indexOf('Dead')]).toBe('');
    expect(gtmLine[header.indexOf('Withheld (fewer than 5)')]).toContain('Dead');
    expect(gtmLine[header.indexOf('Injured')]).toBe('');
    expect(gtmLine[header.indexOf('Withheld (fewer than 5)')]).not.toContain('Injured');
  });

  it('draws the map: clusters at low zoom; zoomed in, own incidents as points over every country’s cells', async () => {
    const world = (await observer.browser.get('/api/stats/map?zoom=2')).json();
    expect(world.kind).toBe('cells');
    expect(world.cellDegrees).toBe(5);
    expect(world.cells).toHaveLength(1);
    expect(world.cells[0]).toMatchObject({ incidents: 3, migrants: 54, dead: null, suppressed: ['dead'] });
    expect((await mx.browser.get('/api/stats/map?zoom=2')).json().cells[0]).toMatchObject({
      dead: 3,
      suppressed: [],
    });
    const box = 'bbox=-92.5,14.7,-92.0,15.1';
    const near = (await mx.browser.get(`/api/stats/map?zoom=11&${box}`)).json();
    expect(near.kind).toBe('points');
    expect(near.points).toHaveLength(2);
    expect(near.points.map((p: { occurredOn: string }) => p.occurredOn).sort()).toEqual([
      '2025-04-03',
      '2025-04-20',
    ]);
    // Every country's incidents as the finest cells beneath: Guatemala's is only counted there.
    expect(near.cells).toEqual([expect.objectContaining({ incidents: 3, migrants: 54, dead: 3 })]);
    expect(near.truncated).toBe(false);
    const gtMap = (await gt.browser.get(`/api/stats/map?zoom=11&${box}`)).json();
    expect(gtMap.points).toEqual([expect.objectContaining({ occurredOn: '2025-05-11', migrants: 3 })]);
    const observed = (await observer.browser.get(`/api/stats/map?zoom=11&${box}`)).json();
    expect(observed.kind).toBe('cells');
    expect(observed.points).toEqual([]);
    expect(observed.cellDegrees).toBe(0.2);
    const small = observed.cells.find((c: { incidents: number }) => c.incidents === 3);
    expect(small).toMatchObject({ degrees: 1 });
    // The 0.2° cells hold whole years; a period that cuts a year is drawn on 1° cells, with the
    // same counts.
    const wholeYear = (await mx.browser.get(`/api/stats/map?zoom=7&${box}&from=2025-01&to=2025-12`)).json();
    expect(wholeYear.cellDegrees).toBe(0.2);
    const spring = (await mx.browser.get(`/api/stats/map?zoom=7&${box}&from=2025-04&to=2025-05`)).json();
    expect(spring.cellDegrees).toBe(1);
    const total = (m: { cells: { incidents: number }[] }) => m.cells.reduce((n, c) => n + c.incidents, 0);
    expect(total(wholeYear)).toBe(3);
    expect(total(spring)).toBe(3);
    const april = (await mx.browser.get(`/api/stats/map?zoom=7&${box}&from=2025-04&to=2025-04`)).json();
    expect(total(april)).toBe(2);
  });
});

describe('the database inventory', () => {
  it('is read by everyone and kept by each country for its own databases', async () => {
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'GTM' });
    const created = await admin.browser.post('/api/stats/databases', {
      name: 'Registro de detenciones en frontera',
      ownerAgency: 'Dirección General de Migración',
      coverage: 'national',
      coverageFrom: 2017,
      fields: ['fecha', 'nacionalidad', 'sexo', 'edad'],
      updateFrequency: 'monthly',
      sharingStatus: 'shared_national',
      quality: 'fair',
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({ countryCode: 'GTM', abilities: { update: true } });
    const listed = (await observer.browser.get('/api/stats/databases')).json();
    expect(listed.find((e: { id: string }) => e.id === entry.id).abilities.update).toBe(false);
    const mxAdmin = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    expect(
      (await mxAdmin.browser.patch(`/api/stats/databases/${entry.id}`, { quality: 'poor' })).statusCode,
    ).toBe(403);
    expect(
      (
        await mxAdmin.browser.post('/api/stats/databases', {
          ...entry,
          id: undefined,
          abilities: undefined,
          updatedAt: undefined,
          countryCode: 'GTM',
        })
      ).statusCode,
    ).toBe(403);
    const updated = await admin.browser.patch(`/api/stats/databases/${entry.id}`, {
      quality: 'good',
      coverageTo: 2016,
    });
    expect(updated.statusCode).toBe(400);
    expect(
      (await admin.browser.patch(`/api/stats/databases/${entry.id}`, { quality: 'good' })).json().quality,
    ).toBe('good');
    expect((await admin.browser.delete(`/api/stats/databases/${entry.id}`)).statusCode).toBe(200);
    expect((await observer.browser.get('/api/stats/databases?country=GTM')).json()).toEqual([]);
  });
});

describe('rollups', () => {
  it('agree with a rebuild from the incidents', async () => {
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const spec of Object.values(ROLLUPS)) {
        const measures = spec.measures.filter((m) => !m.endsWith('_sum'));
        const { rows } = await sql<
          Record<string, unknown>
        >`SELECT ${sql.join(spec.dims.map((d) => sql.ref(d)))},
          ${sql.join(measures.map((m) => sql`SUM(${sql.ref(m)}) AS ${sql.ref(m)}`))}
          FROM ${sql.table(spec.table)} GROUP BY ${sql.join(spec.dims.map((d) => sql.ref(d)))}
          HAVING ${sql.join(
            measures.map((m) => sql`SUM(${sql.ref(m)}) <> 0`),
            sql` OR `,
          )}
          ORDER BY ${sql.join(spec.dims.map((d) => sql.ref(d)))}`.execute(t.db.kysely);
        out[spec.table] = rows.map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
        );
      }
      return out;
    };
    const incremental = await snapshot();
    expect(incremental.stats_incidents?.length).toBeGreaterThan(0);
    await rebuildRollups(t.ctx);
    expect(await snapshot()).toEqual(incremental);
  });

  it('have the columns the code expects (the migration keeps its own copy)', async () => {
    const tables = await t.db.kysely.introspection.getTables();
    for (const spec of Object.values(ROLLUPS)) {
      const table = tables.find((x) => x.name === spec.table);
      expect(table?.columns.map((c) => c.name).sort(), spec.table).toEqual(
        [...spec.dims, ...spec.measures].sort(),
      );
    }
  });
});

describe('periods', () => {
  it('groups by month over several years without the year rows, and by year from them', async () => {
    const byMonth = (await mx.browser.get('/api/stats/incidents?by=month')).json();
    expect(byMonth.rows.map((r: { key: { month: string } }) => r.key.month)).toEqual(['2025-04', '2025-05']);
    const byYear = (await mx.browser.get('/api/stats/incidents?by=year')).json();
    expect(byYear.rows).toEqual([expect.objectContaining({ key: { year: '2025' }, incidents: 3 })]);
    expect(byYear.total.incidents).toBe(byMonth.total.incidents);
    const part = (await mx.browser.get('/api/stats/incidents?from=2024-06&to=2025-04')).json();
    expect(part.total.incidents).toBe(2);
  });
});

describe('statistics exports: in the reader’s language, numbers as numbers', () => {
  it('writes readable headers, country names and a flag column in Spanish; numbers unquoted', async () => {
    const es = await signedIn(t, { role: 'analyst', countryCode: 'MEX', locale: 'es' });
    const res = await es.browser.get('/api/stats/export?table=incidents&by=country&format=csv');
    expect(res.statusCode).toBe(200);
    const [header = [], ...rows] = parse(res.body) as string[][];
    expect(header).toEqual([
      'Código de país',
      'País',
      'Incidentes',
      'Migrantes',
      'Mujeres',
      'Hombres',
      'Niñas y niños',
      'Niñas y niños no acompañados',
      'Fallecidos',
      'Desaparecidos',
      'Sobrevivientes',
      'Heridos',
      'Traficantes detenidos',
      'Reservado (menos de 5)',
    ]);
    const gtm = rows.find((r) => r[0] === 'GTM') ?? [];
    expect(gtm[1]).toBe('Guatemala');
    expect(gtm[header.indexOf('Fallecidos')]).toBe('');
    expect(gtm[header.indexOf('Reservado (menos de 5)')]).toContain('Fallecidos');
    expect(rows.find((r) => r[0] === 'MEX')?.[1]).toBe('México');
    expect(rows.at(-1)?.[1]).toBe('Total');
    // Numbers are written bare, text only quoted when it must be.
    expect(res.body.split('\n').find((l) => l.startsWith('MEX,'))).toMatch(/^MEX,México,2,/);
    expect(res.body).not.toContain('<5');
  });

  it('adds a row of HXL hashtags under the headers on request', async () => {
    const fr = await signedIn(t, { role: 'analyst', countryCode: 'MEX', locale: 'fr' });
    const res = await fr.browser.get('/api/stats/export?table=flows&format=hxl');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('-hxl.csv');
    const [header, tags, ...rows] = parse(res.body) as string[][];
    expect(header).toEqual([
      'Code d’origine',
      'Origine',
      'Code de destination',
      'Destination',
      'Incidents',
      'Migrants',
      'Morts',
      'Disparus',
      'Masqué (moins de 5)',
    ]);
    expect(tags).toEqual([
      '#country+code+origin',
      '#country+name+origin',
      '#country+code+destination',
      '#country+name+destination',
      '#indicator+incidents',
      '#affected+migrants',
      '#affected+dead',
      '#affected+missing',
      '#meta+suppressed',
    ]);
    expect(rows.find((r) => r[0] === 'HND' && r[2] === 'MEX')?.slice(1, 5)).toEqual([
      'Honduras',
      'MEX',
      'Mexique',
      '2',
    ]);
    const people = await fr.browser.get('/api/stats/export?table=people&format=hxl');
    const [pHeader, pTags, ...pRows] = parse(people.body) as string[][];
    expect(pHeader?.[0]).toBe('Ventilation');
    expect(pTags).toContain('#affected+persons');
    expect(pRows.find((r) => r[2] === 'Femme')?.[0]).toBe('Sexe');
  });

  it('writes XLSX with numeric cells, empty withheld cells and English headers for English readers', async () => {
    const res = await mx.browser.request({
      method: 'GET',
      url: '/api/stats/export?table=incidents&by=country&format=xlsx',
    });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Country code', 'Country', 'Incidents', 'Migrants']);
    const col = (name: string) => header.indexOf(name) + 1;
    let mexRow: ExcelJS.Row | undefined;
    let gtmRow: ExcelJS.Row | undefined;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === 'MEX') mexRow = row;
      if (row.getCell(1).value === 'GTM') gtmRow = row;
    });
    expect(mexRow?.getCell(col('Incidents')).type).toBe(ExcelJS.ValueType.Number);
    expect(mexRow?.getCell(col('Incidents')).value).toBe(2);
    expect(gtmRow?.getCell(col('Dead')).type).toBe(ExcelJS.ValueType.Null);
    expect(String(gtmRow?.getCell(col('Withheld (fewer than 5)')).value)).toContain('Dead');
  });

  it('writes the Enlace layout of the incident export in the reader’s language', async () => {
    const es = await signedIn(t, { role: 'analyst', countryCode: 'MEX', locale: 'es' });
    const res = await es.browser.get('/api/incidents/export?format=hxl&layout=enlace');
    const [header = [], tags = [], ...rows] = parse(res.body) as string[][];
    expect(header.slice(0, 5)).toEqual(['Referencia', 'País que informa', 'Fuente', 'ID externo', 'Tipo']);
    expect(tags[header.indexOf('País')]).toBe('#country+name');
    const first = rows[0] ?? [];
    expect(first[header.indexOf('País')]).toBe('México');
    expect(first[header.indexOf('Medio')]).toBe('Terrestre');
    expect(first[header.indexOf('Fuente')]).toBe('Registrado en Enlace');
    // The Missing Migrants layout keeps IOM's headers so that it imports back.
    const mm = await es.browser.get('/api/incidents/export?format=csv&layout=missing-migrants');
    expect((parse(mm.body) as string[][])[0]?.[0]).toBe('Main ID');
  });
});

describe('the map gives no incident’s place away', () => {
  const coordinates = (body: string) =>
    [...body.matchAll(/"(lat|lon)":(-?\d+(?:\.\d+)?)/g)].map((m) => m[2] ?? '');

  it('draws a cell of few incidents at the centre of its 1° cell at every zoom, for every role', async () => {
    const box = 'bbox=-92.5,14.7,-92.0,15.1';
    for (const zoom of [9, 10, 12]) {
      const res = await observer.browser.get(`/api/stats/map?zoom=${zoom}&${box}`);
      const body = res.json();
      expect(body.kind).toBe('cells');
      // Three incidents in one 0.2° cell: fewer than five, so drawn as their 1° cell.
      expect(body.cells).toEqual([
        expect.objectContaining({ lat: 14.5, lon: -92.5, degrees: 1, incidents: 3, dead: null }),
      ]);
      expect(body.points).toEqual([]);
      // No coordinate finer than a tenth of a degree anywhere in the answer.
      for (const c of coordinates(res.body)) expect(c).toMatch(/^-?\d+(\.\d)?$/);
      expect(res.body).not.toMatch(/\d\.\d{3,}/);
    }
    // A holder of stats.detail sees the same cells; only its own incidents come as points.
    const analyst = (await mx.browser.get(`/api/stats/map?zoom=9&${box}`)).json();
    expect(analyst.cells).toEqual([expect.objectContaining({ lat: 14.5, lon: -92.5, degrees: 1, dead: 3 })]);
    expect(analyst.points.map((p: { lat: number }) => p.lat).sort()).toEqual([14.905, 14.91]);
  });

  it('draws coarse cells at their centre, not at the mean of their incidents', async () => {
    const world = (await observer.browser.get('/api/stats/map?zoom=2')).json();
    expect(world.cells).toEqual([expect.objectContaining({ lat: 12.5, lon: -92.5, degrees: 5 })]);
    const country = (await observer.browser.get('/api/stats/map?zoom=5')).json();
    expect(country.cells).toEqual([expect.objectContaining({ lat: 14.5, lon: -92.5, degrees: 1 })]);
  });

  it('keeps a 0.2° cell of five incidents or more at its own size, at its centre', async () => {
    for (const day of ['02', '03', '04', '05', '06']) {
      await reportIncident(
        gt.browser,
        landReport({
          occurredOn: `2024-03-${day}`,
          place: { name: 'Tecún Umán', countryCode: 'GTM', latitude: 14.6712, longitude: -92.1413 },
          people: { migrants: 6, dead: 0 },
        }),
      );
    }
    const res = await observer.browser.get(
      '/api/stats/map?zoom=9&bbox=-92.3,14.5,-92.0,14.8&from=2024-01&to=2024-12',
    );
    expect(res.json().cells).toEqual([
      expect.objectContaining({ lat: 14.7, lon: -92.1, degrees: 0.2, incidents: 5, migrants: 30 }),
    ]);
    expect(res.body).not.toContain('14.6712');
  });
});
