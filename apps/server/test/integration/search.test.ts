import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as searchFacets from '../../src/db/migrations/0024-incident-search-facets';
import { refreshSearch } from '../../src/server';
import { reportIncident } from '../factories/incidents';
import { type Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

// Each test works in countries of its own: the database is shared by the file's tests.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Page {
  total: number;
  totalCapped?: boolean;
  items: { id: string; reference: string; dead?: number | null }[];
}

async function list(browser: Browser, path: string, params: Record<string, string>): Promise<Page> {
  const res = await browser.get(`${path}?${new URLSearchParams(params)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}

const ids = (p: Page) => p.items.map((i) => i.id);

describe('incident search', () => {
  it('finds by place, vessel, reference and narrative, without accents or case, in the own country only', async () => {
    const hn = await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    const gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    const place = (name: string, countryCode = 'HND') => ({
      name,
      latitude: 15.9,
      longitude: -85.9,
      countryCode,
      maritimeZone: 'territorial_sea' as const,
    });
    const a = await reportIncident(hn.browser, {
      place: place('Puerto Castilla, Trujillo'),
      conveyance: {
        type: 'vessel',
        name: 'Estrella del Mar',
        registration: 'HN-4471',
        model: null,
        stateless: false,
      },
      narrative: 'Intercepción nocturna; el capitán Ramírez fue detenido.',
    });
    const b = await reportIncident(hn.browser, {
      place: place('Bahía de Tela'),
      narrative: 'Rescate de un cayuco con 30 personas.',
    });
    // Guatemala's report matches the same words: Honduras never sees it, nor learns it exists.
    const foreign = await reportIncident(gt.browser, {
      place: place('Trujillo', 'GTM'),
      conveyance: {
        type: 'vessel',
        name: 'Estrella del Mar',
        registration: null,
        model: null,
        stateless: null,
      },
      narrative: 'El capitán Ramírez huyó.',
    });

    const q = (text: string) => list(hn.browser, '/api/incidents', { q: text });
    expect(ids(await q('trujillo'))).toEqual([a.id]);
    expect(ids(await q('TRUJ'))).toEqual([a.id]); // a clear field matches by prefix
    expect(ids(await q('bahia'))).toEqual([b.id]); // stored as "Bahía"
    expect(ids(await q('BAHÍA tela'))).toEqual([b.id]);
    expect(ids(await q('estrella mar'))).toEqual([a.id]);
    expect(ids(await q('hn-4471'))).toEqual([a.id]);
    expect(ids(await q(a.reference))).toEqual([a.id]);
    // The narrative is encrypted: it is found by whole words, with or without accents.
    expect(ids(await q('ramirez'))).toEqual([a.id]);
    expect(ids(await q('Capitán RAMÍREZ'))).toEqual([a.id]);
    expect(ids(await q('cayuco'))).toEqual([b.id]);
    expect((await q('rami')).items).toEqual([]);
    expect((await q('ramirez tela')).total).toBe(0); // every word must match
    expect((await q('nowhere')).total).toBe(0);
    expect(await q('trujillo')).toMatchObject({ total: 1, totalCapped: false });
    const fromGt = await list(gt.browser, '/api/incidents', { q: 'ramirez' });
    expect(ids(fromGt)).toEqual([foreign.id]);

    // The narrative's words never reach the index in clear.
    const rows = await t.db.kysely
      .selectFrom('incidents')
      .select('search_terms')
      .where('id', '=', a.id)
      .execute();
    expect(rows[0]?.search_terms).toContain('ptrujillo');
    expect(rows[0]?.search_terms).not.toMatch(/ramirez|capitan|nocturna/);

    // A correction re-indexes the report in the same write.
    const fixed = await hn.browser.patch(`/api/incidents/${b.id}`, { narrative: 'Rescate de una lancha.' });
    expect(fixed.statusCode).toBe(200);
    expect((await q('cayuco')).total).toBe(0);
    expect(ids(await q('lancha'))).toEqual([b.id]);
    const followUp = await hn.browser.post(`/api/incidents/${b.id}/follow-ups`, {
      note: 'Identified the boat',
      conveyance: { type: 'vessel', name: 'La Gaviota', registration: null, model: null, stateless: null },
    });
    expect(followUp.statusCode, followUp.body).toBe(200);
    expect(ids(await q('gaviota'))).toEqual([b.id]);
    // Deleted, it is gone from the search too.
    expect((await hn.browser.delete(`/api/incidents/${b.id}`)).statusCode).toBe(200);
    expect((await q('gaviota')).total).toBe(0);
  });

  it('sorts by a column with ties broken by id, pages by offset, filters by place country and region', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'NIC' });
    const made: { id: string; dead: number | null }[] = [];
    for (const dead of [3, null, 1, 3, 0]) {
      const r = await reportIncident(browser, {
        kind: 'death_disappearance',
        place: { name: 'San Juan del Norte', latitude: 10.9, longitude: -83.7, countryCode: 'NIC' },
        people: { migrants: 10, dead, missing: null },
      });
      made.push({ id: r.id, dead });
    }
    const byDead = (dir: 'asc' | 'desc') =>
      [...made]
        .sort((x, y) => {
          const a = x.dead ?? -1;
          const b = y.dead ?? -1;
          return (a - b || (x.id < y.id ? -1 : 1)) * (dir === 'asc' ? 1 : -1);
        })
        .map((m) => m.id);
    const all = (dir: 'asc' | 'desc') =>
      list(browser, '/api/incidents', { q: 'san juan norte', sort: 'dead', dir, limit: '10' });
    // Unknown counts sort as the smallest value, on both databases.
    expect(ids(await all('asc'))).toEqual(byDead('asc'));
    expect(ids(await all('desc'))).toEqual(byDead('desc'));
    const second = await list(browser, '/api/incidents', {
      q: 'san juan',
      sort: 'dead',
      dir: 'desc',
      limit: '2',
      offset: '2',
    });
    expect(second.total).toBe(5);
    expect(ids(second)).toEqual(byDead('desc').slice(2, 4));
    expect((await list(browser, '/api/incidents', { country: 'NIC' })).total).toBe(5);
    expect((await list(browser, '/api/incidents', { country: 'CRI' })).total).toBe(0);
    const refs = await list(browser, '/api/incidents', { sort: 'reference', dir: 'asc' });
    expect(refs.items.map((i) => i.reference)).toEqual(refs.items.map((i) => i.reference).sort());
    const bad = await browser.get('/api/incidents?sort=narrative');
    expect(bad.statusCode).toBe(400);
    expect((await browser.get('/api/incidents?limit=0')).statusCode).toBe(400);
  });

  it('with filters finds exactly what the words and the filters select, after a change too, and migration 0024 writes the tokens the application writes', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'PAN' });
    const place = (name: string, countryCode: string) => ({
      name,
      latitude: 8.9,
      longitude: -79.5,
      countryCode,
    });
    const sea = await reportIncident(browser, {
      place: place('Bahía Piñas', 'PAN'),
      occurredAt: '2025-12-30T10:00:00Z',
    });
    const land = await reportIncident(browser, {
      kind: 'transit_detection',
      mode: 'land',
      route: { code: 'darien', origin: 'COL', destination: 'USA' },
      place: place('Piñas, Darién', 'PAN'),
      occurredAt: '2026-02-03T10:00:00Z',
      conveyance: null,
    });
    const abroad = await reportIncident(browser, {
      place: place('Piñas Bay', 'COL'),
      occurredAt: '2024-06-01T10:00:00Z',
    });
    const search = (params: Record<string, string>) =>
      list(browser, '/api/incidents', { q: 'pinas', ...params }).then((p) => ids(p).sort());
    const sorted = (...xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(await search({})).toEqual(sorted(sea, land, abroad));
    expect(await search({ mode: 'sea' })).toEqual(sorted(sea, abroad));
    expect(await search({ kind: 'transit_detection' })).toEqual(sorted(land));
    expect(await search({ route: 'darien' })).toEqual(sorted(land));
    expect(await search({ country: 'COL' })).toEqual(sorted(abroad));
    expect(await search({ region: 'central_america' })).toEqual(sorted(sea, land));
    expect(await search({ source: 'enlace', mode: 'land' })).toEqual(sorted(land));
    expect(await search({ from: '2025-12-30', to: '2026-02-02' })).toEqual(sorted(sea));
    expect(await search({ from: '2024-06-01' })).toEqual(sorted(sea, land, abroad));
    // A change of a filtered value moves the record between the filters' results.
    const moved = await browser.patch(`/api/incidents/${land.id}`, {
      mode: 'sea',
      expectedVersion: land.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await search({ mode: 'land' })).toEqual([]);
    expect(await search({ mode: 'sea', route: 'darien' })).toEqual(sorted(land));

    // The migration's tokens, from the columns, are the application's, in the same order.
    const db = t.db.kysely as unknown as Kysely<unknown>;
    const terms = () =>
      db
        .selectFrom('incidents' as never)
        .select(['id', 'search_terms'] as never)
        .where('id' as never, 'in', [sea.id, land.id, abroad.id] as never)
        .orderBy('id' as never)
        .execute() as Promise<{ id: string; search_terms: string }[]>;
    const written = await terms();
    expect(written[0]?.search_terms).toMatch(/ opan fk\w+ fs\w+ fm\w+/);
    await searchFacets.down(db, t.db.dialect);
    const without = await terms();
    expect(
      without.every(
        (r, i) => !r.search_terms.includes(' fk') && written[i]?.search_terms.startsWith(r.search_terms),
      ),
    ).toBe(true);
    // PostgreSQL asks its index for the filters' tokens: without them it finds none.
    expect(await search({ mode: 'sea' })).toEqual(
      t.db.dialect === 'postgres' ? [] : sorted(sea, land, abroad),
    );
    await searchFacets.up(db, t.db.dialect);
    expect(await terms()).toEqual(written);
    expect(await search({ mode: 'sea' })).toEqual(sorted(sea, land, abroad));
  });

  it('fills the tokens of records written before search existed', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'BLZ' });
    const r = await reportIncident(browser, {
      place: { name: 'Dangriga', latitude: 16.97, longitude: -88.22, countryCode: 'BLZ' },
      narrative: 'Desembarco en la playa de Hopkins.',
    });
    await t.db.kysely.updateTable('incidents').set({ search_terms: null }).where('id', '=', r.id).execute();
    expect((await list(browser, '/api/incidents', { q: 'dangriga' })).total).toBe(0);
    const counts = await refreshSearch({ db: t.db, config: t.config, clock: t.clock }, { all: false });
    expect(counts.incidents).toBe(1);
    expect(ids(await list(browser, '/api/incidents', { q: 'dangriga hopkins' }))).toEqual([r.id]);
    await refreshSearch({ db: t.db, config: t.config, clock: t.clock }, { all: true });
    expect(ids(await list(browser, '/api/incidents', { q: 'hopkins' }))).toEqual([r.id]);
  });
  it('finds records imported in bulk, and those written after an import, whether it was kept or refused', async () => {
    const admin = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
    const reader = await signedIn(t, { role: 'liaison_officer', countryCode: 'SLV' });
    const head =
      'Main ID,Incident ID,Region,Incident Date,Year,Reported Month,Number Dead,Minimum Estimated Number of Missing,Number of Survivors,Number of Females,Number of Males,Number of Children,Region of Origin,Cause of Death,Country of Origin,Location of death,Information Source,Coordinates,Migration route,URL,UNSD Geographical Grouping,Source Quality\n';
    const row = (id: string, place: string, date = 'Sun, 01/04/2026 - 12:00') =>
      `${id},${id},Central America,"${date}",2026,January,1,0,,,1,,Central America,Drowning,Mexico,"${place}",El Pinero,"18.14611646, -96.08555154",,https://perma.cc/7ADS-JAK8,Central America,1\n`;
    const importCsv = (csv: string) =>
      admin.browser.request({
        method: 'POST',
        url: '/api/incidents/import?format=missing-migrants&country=IOM',
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      });
    const kept = await importCsv(
      head + row('2026.SRCH01', 'Pueblo Nuevo, Tuxtepec, Oaxaca') + row('2026.SRCH02', 'Ixtepec, Oaxaca'),
    );
    expect(kept.statusCode, kept.body).toBe(200);
    const q = (text: string) => list(reader.browser, '/api/incidents', { q: text });
    expect((await q('tuxtepec')).items.map((i) => i.reference)).toEqual(['MM-2026.SRCH01']);
    expect((await q('oaxaca')).total).toBe(2);
    // A refused file (its second row has no valid date) leaves nothing behind, in the index either.
    const refused = await importCsv(
      head + row('2026.SRCH03', 'Matias Romero, Oaxaca') + row('2026.SRCH04', 'Juchitan', 'someday'),
    );
    expect(refused.statusCode).toBe(422);
    expect((await q('matias')).total).toBe(0);
    // Records written one at a time after either import are indexed as ever.
    const own = await signedIn(t, { role: 'liaison_officer', countryCode: 'SLV' });
    const r = await reportIncident(own.browser, {
      place: { name: 'La Hachadura', latitude: 13.86, longitude: -90.08, countryCode: 'SLV' },
    });
    expect(ids(await q('hachadura'))).toEqual([r.id]);
    if (t.db.sqlite) {
      // FTS5 checks its index against the table: a row indexed twice or not at all fails it.
      t.db.sqlite.exec(`INSERT INTO incidents_search (incidents_search) VALUES ('integrity-check')`);
    }
  });
});

describe('case search', () => {
  it('finds by reference, title, summary and suspect names, in the cases the actor may read', async () => {
    const sv = await signedIn(t, { role: 'prosecutor', countryCode: 'SLV' });
    const mx = await signedIn(t, { role: 'prosecutor', countryCode: 'MEX' });
    const create = async (b: Browser, body: Record<string, unknown>) => {
      const res = await b.post('/api/cases', {
        openedOn: '2025-02-10',
        offences: ['smuggling_of_migrants'],
        countries: [],
        financialInvestigation: false,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const c = await create(sv.browser, {
      reference: 'SV-2025-0042',
      title: 'Operación Volcán',
      summary: 'Red que cruzaba migrantes por Acajutla.',
    });
    const other = await create(sv.browser, {
      reference: 'SV-2025-0050',
      title: 'Operación Río',
      summary: null,
    });
    const foreign = await create(mx.browser, {
      reference: 'MX-2025-0001',
      title: 'Operación Volcán',
      summary: 'Acajutla también.',
    });
    await sv.browser.post(`/api/cases/${c.id}/suspects`, {
      kind: 'person',
      name: 'Óscar Núñez',
      role: 'leader',
    });
    await mx.browser.post(`/api/cases/${foreign.id}/suspects`, {
      kind: 'person',
      name: 'Oscar Nunez',
      role: 'guide',
    });

    const q = (b: Browser, text: string) => list(b, '/api/cases', { q: text });
    expect(ids(await q(sv.browser, 'volcan'))).toEqual([c.id]);
    expect(ids(await q(sv.browser, 'OPERACION'))).toEqual(expect.arrayContaining([c.id, other.id]));
    expect(ids(await q(sv.browser, 'sv-2025-0042'))).toEqual([c.id]);
    expect(ids(await q(sv.browser, 'acajutla'))).toEqual([c.id]);
    expect(ids(await q(sv.browser, 'oscar nunez'))).toEqual([c.id]);
    expect(ids(await q(sv.browser, 'ÓSCAR'))).toEqual([c.id]);
    expect(ids(await q(mx.browser, 'oscar'))).toEqual([foreign.id]);
    // Renamed or removed, a suspect is found by the new name only.
    const detail = (await sv.browser.get(`/api/cases/${c.id}`)).json() as { suspects: { id: string }[] };
    const suspect = detail.suspects[0]?.id as string;
    await sv.browser.patch(`/api/cases/${c.id}/suspects/${suspect}`, { name: 'Julio Argueta' });
    expect((await q(sv.browser, 'nunez')).total).toBe(0);
    expect(ids(await q(sv.browser, 'argueta'))).toEqual([c.id]);
    await sv.browser.delete(`/api/cases/${c.id}/suspects/${suspect}`);
    expect((await q(sv.browser, 'argueta')).total).toBe(0);
    // A summary edit re-indexes; a shared case is found by the country it is shared with.
    await sv.browser.patch(`/api/cases/${c.id}`, { summary: 'Ruta por La Hachadura.' });
    expect((await q(sv.browser, 'acajutla')).total).toBe(0);
    expect(ids(await q(sv.browser, 'hachadura'))).toEqual([c.id]);
    expect((await q(mx.browser, 'hachadura')).total).toBe(0);
    expect((await sv.browser.post(`/api/cases/${c.id}/shares`, { countryCode: 'MEX' })).statusCode).toBe(200);
    expect(ids(await q(mx.browser, 'hachadura'))).toEqual([c.id]);

    const sorted = await list(sv.browser, '/api/cases', { sort: 'reference', dir: 'desc', limit: '1' });
    expect(sorted).toMatchObject({ total: 2, totalCapped: false });
    expect(ids(sorted)).toEqual([other.id]);
  });
});
