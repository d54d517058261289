import { INCIDENT_SORTS, type IncidentSort } from '@enlace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_MATCHES_BELOW } from '../../src/db/order';
import {
  countIncidentsInScope,
  type IncidentRow,
  listIncidentsInScope,
  pageOfIncidents,
} from '../../src/modules/incidents/incidents.repository';
import { buildActor } from '../../src/platform/authz/access';
import { parseSearch } from '../../src/platform/search/search';
import { reportIncident } from '../factories/incidents';
import { buildTestApp, signedIn, type TestApp } from '../helpers';

// A reader's list is two parts (own country; other countries' public-source records), each
// sorted on its own indexes and merged (db/order.ts). Whichever way a page is found — sorting a
// few matches, or walking the order's index — it must be the page of the one sorted list.
let t: TestApp;
const HEAD =
  'Main ID,Incident ID,Region,Incident Date,Year,Reported Month,Number Dead,Minimum Estimated Number of Missing,Number of Survivors,Number of Females,Number of Males,Number of Children,Region of Origin,Cause of Death,Country of Origin,Location of death,Information Source,Coordinates,Migration route,URL,UNSD Geographical Grouping,Source Quality\n';
const mmRow = (id: string, day: number, dead: string, place: string, coords: string) =>
  `${id},${id},Central America,"Sun, 01/${String(day).padStart(2, '0')}/2026 - 12:00",2026,January,${dead},0,,,1,,Central America,Drowning,Mexico,"${place}",El Pinero,"${coords}",,https://perma.cc/7ADS-JAK8,Central America,1\n`;

beforeAll(async () => {
  t = await buildTestApp();
  const admin = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
  const csv =
    HEAD +
    [3, 7, 7, 12, 20]
      .map((day, i) =>
        mmRow(`2026.LST0${i}`, day, i === 1 ? '' : String(i), 'Tapachula, Chiapas', '14.9, -92.26'),
      )
      .join('');
  const res = await admin.browser.request({
    method: 'POST',
    url: '/api/incidents/import?format=missing-migrants&country=IOM',
    payload: csv,
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cr = await signedIn(t, { role: 'liaison_officer', countryCode: 'CRI' });
  const gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
  const place = { name: 'Peñas Blancas', latitude: 11.2, longitude: -85.6, countryCode: 'CRI' };
  for (const [day, dead, migrants] of [
    [7, 2, 10],
    [7, null, 3],
    [1, 0, null],
    [25, 7, 30],
  ] as const) {
    await reportIncident(cr.browser, {
      kind: 'death_disappearance',
      mode: day === 1 ? 'land' : 'sea',
      occurredAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`,
      timeZone: 'America/Costa_Rica',
      place,
      people: { migrants, dead, missing: null },
    });
  }
  // Another country's own record: never in Costa Rica's list.
  await reportIncident(gt.browser, {
    place: { name: 'Tecún Umán', latitude: 14.68, longitude: -92.14, countryCode: 'GTM' },
  });
});
afterAll(async () => {
  await t.close();
});

const COLUMN: Record<IncidentSort, keyof IncidentRow> = {
  occurredOn: 'occurred_on',
  reference: 'reference',
  country: 'place_country',
  kind: 'kind',
  mode: 'mode',
  migrants: 'migrants',
  dead: 'dead',
  missing: 'missing',
};

/** The list as it was defined before it came in parts: NULL first, text by bytes, ties by id. */
function expected(rows: IncidentRow[], sort: IncidentSort, dir: 'asc' | 'desc'): string[] {
  const key = COLUMN[sort];
  const cmp = (a: unknown, b: unknown) => {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => sign * (cmp(x[key], y[key]) || cmp(x.id, y.id))).map((r) => r.id);
}

describe('a list in two parts', () => {
  it('pages alike whether it sorts the matches or walks the order, in every sort and direction', async () => {
    const actor = buildActor(
      {
        id: '00000000-0000-4000-8000-000000000001',
        role: 'liaison_officer',
        country_code: 'CRI',
        agency_id: null,
      },
      'test',
    );
    const db = t.db.kysely;
    const readable = await db
      .selectFrom('incidents')
      .selectAll()
      .where((eb) => eb.or([eb('country_code', '=', 'CRI'), eb('source', '=', 'missing_migrants')]))
      .execute();
    expect(readable).toHaveLength(9);
    expect(await countIncidentsInScope(db, t.db.dialect, actor, {}, 10_000)).toBe(9);
    expect(await countIncidentsInScope(db, t.db.dialect, actor, {}, 5)).toBeGreaterThan(5);
    for (const sort of INCIDENT_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const want = expected(readable, sort, dir);
        // `matches` below and above the threshold: the two ways of finding a page.
        for (const matches of [readable.length, SORT_MATCHES_BELOW]) {
          for (const [offset, limit] of [
            [0, 50],
            [0, 4],
            [3, 4],
            [8, 4],
          ] as const) {
            const rows = await listIncidentsInScope(
              db,
              t.db.dialect,
              actor,
              {},
              {
                sort,
                dir,
                limit,
                offset,
                matches,
                cap: 10_000,
              },
            );
            expect(
              rows.map((r) => r.id),
              `${sort} ${dir} ${matches} ${offset}`,
            ).toEqual(want.slice(offset, offset + limit));
          }
        }
      }
    }
    // A walk by reference with a date range starts at each part's first match (db/order.ts,
    // seekFirstMatches): the same page, in both directions; a part with no match drops out.
    for (const [filter, dir] of [
      [{ from: '2026-01-07', to: '2026-12-31' }, 'asc'],
      [{ from: '2025-06-01', to: '2026-01-07' }, 'desc'],
      [{ from: '2026-01-21', to: '2026-02-28' }, 'asc'],
      [{ from: '2025-12-01', to: '2026-01-02' }, 'desc'],
    ] as const) {
      const inRange = readable.filter((r) => r.occurred_on >= filter.from && r.occurred_on <= filter.to);
      expect(inRange.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const want = expected(inRange, 'reference', dir);
      for (const [offset, limit] of [
        [0, 50],
        [1, 2],
      ] as const) {
        const rows = await listIncidentsInScope(db, t.db.dialect, actor, filter, {
          sort: 'reference',
          dir,
          limit,
          offset,
          matches: SORT_MATCHES_BELOW,
          cap: 10_000,
        });
        expect(
          rows.map((r) => r.id),
          `${JSON.stringify(filter)} ${dir} ${offset}`,
        ).toEqual(want.slice(offset, offset + limit));
      }
    }
    // A filter applies to both parts.
    const jan7 = await listIncidentsInScope(
      db,
      t.db.dialect,
      actor,
      { from: '2026-01-07', to: '2026-01-07' },
      {
        sort: 'occurredOn',
        dir: 'desc',
        limit: 50,
        offset: 0,
        matches: 4,
        cap: 10_000,
      },
    );
    expect(jan7.map((r) => r.id).sort()).toEqual(
      readable
        .filter((r) => r.occurred_on === '2026-01-07')
        .map((r) => r.id)
        .sort(),
    );
  });
});

describe('a searched list', () => {
  it('finds the same page whether the matches drive the query or an index range is checked against them', async () => {
    const actor = buildActor(
      {
        id: '00000000-0000-4000-8000-000000000002',
        role: 'liaison_officer',
        country_code: 'CRI',
        agency_id: null,
      },
      'test',
    );
    const db = t.db.kysely;
    const all = await db.selectFrom('incidents').selectAll().execute();
    const cases: [string, (r: IncidentRow) => boolean][] = [
      // The own country's records (first part), other countries' public records (second part),
      // another country's own record (never), and a word that matches nothing.
      ['peñas', (r) => r.country_code === 'CRI'],
      ['TAPACHULA', (r) => r.source === 'missing_migrants'],
      ['tecún', () => false],
      ['zzqx', () => false],
    ];
    for (const [q, readable] of cases) {
      const search = parseSearch(t.config.secretKey, q) ?? undefined;
      const matching = all.filter(readable);
      for (const sort of ['occurredOn', 'dead', 'reference'] as const) {
        const want = expected(matching, sort, 'desc');
        // A cap above the matches: counted exactly (on SQLite the search drives); a cap below:
        // counted as "more than", the page found by walking the order's index.
        for (const cap of [50, 2]) {
          for (const offset of [0, 2]) {
            const { count, rows } = await pageOfIncidents(
              db,
              t.db.dialect,
              actor,
              { search },
              { sort, dir: 'desc', limit: 2, offset, cap },
            );
            const label = `${q} ${sort} cap ${cap} offset ${offset}`;
            expect(Math.min(count, cap + 1), label).toBe(Math.min(want.length, cap + 1));
            expect(
              rows.map((r) => r.id),
              label,
            ).toEqual(want.slice(offset, offset + 2));
          }
        }
      }
    }
  });
});
