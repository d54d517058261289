import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, reportIncident } from '../factories/incidents';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function totals(browser: Browser, query = '') {
  const res = await browser.get(`/api/stats/incidents?by=${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    rows: { key: Record<string, string | null>; incidents: number; values: Record<string, number | null> }[];
    total: { incidents: number; values: Record<string, number | null>; known: Record<string, number> };
  };
}

describe('incident routes: who may call them', () => {
  it('answers 401 to an anonymous caller and 403 to roles without the permission', async () => {
    const anonymous = new Browser(t);
    await anonymous.get('/api/auth/session');
    expect((await anonymous.get('/api/incidents')).statusCode).toBe(401);
    expect((await anonymous.post('/api/incidents', incidentBody())).statusCode).toBe(401);
    const observer = await signedIn(t, { role: 'observer', countryCode: 'IOM' });
    expect((await observer.browser.post('/api/incidents', incidentBody())).statusCode).toBe(403);
    expect((await observer.browser.get('/api/incidents')).statusCode).toBe(403);
    const prosecutor = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI' });
    expect((await prosecutor.browser.get('/api/incidents')).statusCode).toBe(403);
  });
});

describe('incident reports', () => {
  it('records the full report, keeps unknown counts unknown, and encrypts the narrative at rest', async () => {
    const { user, browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'DOM' });
    const res = await browser.post(
      '/api/incidents',
      incidentBody({
        breakdown: [
          { sex: 'female', ageGroup: '18-59', nationality: 'DOM', count: 12 },
          { sex: 'male', ageGroup: '18-59', nationality: 'DOM', count: 20 },
          { sex: 'male', ageGroup: '12-17', nationality: 'HTI', count: 3 },
          { sex: 'female', ageGroup: '0-11', nationality: 'HTI', count: 5 },
        ],
        people: { migrants: null, dead: 0, missing: null, unaccompaniedChildren: 2 },
      }),
    );
    expect(res.statusCode).toBe(201);
    const incident = res.json();
    expect(incident).toMatchObject({
      countryCode: 'DOM',
      kind: 'interception_at_sea',
      mode: 'sea',
      occurredOn: '2026-03-14',
      occurredAt: '2026-03-14T07:30:00.000Z',
      timeZone: 'America/Santo_Domingo',
      place: { countryCode: 'DOM', region: 'caribbean', maritimeZone: 'territorial_sea', latitude: 18.61 },
      conveyance: { type: 'vessel', stateless: true, flagState: null },
      narrative: 'Boat intercepted at dawn; two people taken to hospital.',
      version: 1,
      abilities: { update: true, delete: true, link: true },
    });
    // Totals implied by the breakdown; what nobody said stays unknown.
    expect(incident.people).toMatchObject({
      migrants: 40,
      females: 17,
      males: 23,
      children: 8,
      unaccompaniedChildren: 2,
      dead: 0,
      missing: null,
      injured: null,
    });
    const row = await t.db.kysely
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(row.narrative_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('intercepted at dawn');
    expect(row.missing).toBeNull();
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', incident.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('incident.created');
    expect(audit.find((a) => a.action === 'incident.created')?.actor_id).toBe(user.id);
    expect(JSON.stringify(audit)).not.toContain('intercepted');
    // Read back: same report; the read is audited.
    const again = await browser.get(`/api/incidents/${incident.id}`);
    expect(again.json().narrative).toBe(incident.narrative);
  });

  it('refuses an incoherent report field by field, in the user’s language, writing nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const bad = incidentBody({
      kind: 'teleportation',
      mode: 'land',
      conveyance: { type: 'vessel', stateless: true, flagState: 'PAN' },
      people: { migrants: 3, unaccompaniedChildren: 1 },
      breakdown: [{ sex: 'male', ageGroup: '18-59', nationality: 'ZZZ', count: 5 }],
      timeZone: 'Mars/Olympus',
    });
    const es = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'es' });
    const res = await es.browser.post('/api/incidents', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe('validation');
    const paths = body.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'kind',
        'place.maritimeZone',
        'conveyance.flagState',
        'breakdown.0.nationality',
        'breakdown',
        'timeZone',
      ]),
    );
    expect(body.errors.find((e) => e.path === 'place.maritimeZone')?.message).toMatch(/mar/);
    const fr = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'fr' });
    const frRes = await fr.browser.post('/api/incidents', bad);
    expect(frRes.json().errors.find((e: { path: string }) => e.path === 'kind').message).toMatch(
      /liste des valeurs/,
    );
    // A schema error (negative count) is localised too.
    const negative = await fr.browser.post('/api/incidents', incidentBody({ people: { dead: -2 } }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].path).toBe('people.dead');
    const after = await t.db.kysely
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps an incident of one country out of another’s reach (404, audited), yet counts it in the regional aggregates', async () => {
    const gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    const mx = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    const baseline = await totals(mx.browser, 'country');
    const incident = await reportIncident(gt.browser, {
      kind: 'transit_detection',
      mode: 'land',
      occurredAt: undefined,
      timeZone: null,
      occurredOn: '2026-05-02',
      place: { name: 'Tecún Umán', countryCode: 'GTM', latitude: 14.68, longitude: -92.14 },
      conveyance: null,
      people: { migrants: 17, dead: 0 },
      route: { code: 'guatemala_mexico_border' },
      modusOperandi: ['guided_on_foot'],
    });
    const res = await mx.browser.get(`/api/incidents/${incident.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Tecún');
    expect((await mx.browser.get(`/api/incidents/${incident.id}/history`)).statusCode).toBe(404);
    expect(
      (await mx.browser.patch(`/api/incidents/${incident.id}`, { people: { dead: 1 } })).statusCode,
    ).toBe(404);
    const list = (await mx.browser.get('/api/incidents?limit=200')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(incident.id);
    const denial = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('object_id', '=', incident.id)
      .execute();
    expect(denial.length).toBe(3);
    expect(denial.every((d) => d.actor_id === mx.user.id)).toBe(true);
    // …counted in the regional picture every country sees.
    const now = await totals(mx.browser, 'country');
    const gtm = (s: typeof now) => s.rows.find((r) => r.key.country === 'GTM');
    expect((gtm(now)?.incidents ?? 0) - (gtm(baseline)?.incidents ?? 0)).toBe(1);
    expect((gtm(now)?.values.migrants ?? 0) - (gtm(baseline)?.values.migrants ?? 0)).toBe(17);
    expect(now.total.incidents - baseline.total.incidents).toBe(1);
  });

  it('keeps the history of follow-up reports and corrections, and the statistics follow the latest', async () => {
    const { user, browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    const created = await reportIncident(browser, {
      kind: 'death_disappearance',
      mode: 'land',
      occurredAt: null,
      timeZone: null,
      occurredOn: '2026-06-10',
      place: { name: 'Río Guayape', countryCode: 'HND' },
      conveyance: null,
      narrative: 'Two bodies found by the river.',
      people: { migrants: null, dead: 2, missing: 3 },
      route: {},
      modusOperandi: ['river_crossing'],
    });
    const before = await totals(browser, 'country');
    const hnd = (s: typeof before) => s.rows.find((r) => r.key.country === 'HND')?.values;
    const follow = await browser.post(`/api/incidents/${created.id}/follow-ups`, {
      note: 'Search resumed: one more body recovered.',
      people: { dead: 3, missing: 2 },
      expectedVersion: 1,
    });
    expect(follow.statusCode).toBe(200);
    expect(follow.json()).toMatchObject({ version: 2, people: { dead: 3, missing: 2 } });
    const stale = await browser.patch(`/api/incidents/${created.id}`, {
      people: { injured: 1 },
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const fix = await browser.patch(`/api/incidents/${created.id}`, {
      place: { name: 'Río Guayape, Olancho' },
      narrative: 'Two bodies found by the river bank.',
      expectedVersion: 2,
    });
    expect(fix.statusCode).toBe(200);
    const history = (await browser.get(`/api/incidents/${created.id}/history`)).json() as {
      version: number;
      kind: string;
      note: string | null;
      recordedBy: { id: string } | null;
      changes: { field: string; before: unknown; after: unknown }[];
      state: { people: { dead: number; missing: number }; narrative: string; place: { name: string } };
    }[];
    expect(history.map((h) => [h.version, h.kind])).toEqual([
      [1, 'initial'],
      [2, 'follow_up'],
      [3, 'correction'],
    ]);
    // What was first reported is still there.
    expect(history[0]?.state.people).toMatchObject({ dead: 2, missing: 3 });
    expect(history[0]?.state.narrative).toBe('Two bodies found by the river.');
    expect(history[1]?.note).toBe('Search resumed: one more body recovered.');
    expect(history[1]?.changes).toEqual([
      { field: 'people.dead', before: 2, after: 3 },
      { field: 'people.missing', before: 3, after: 2 },
    ]);
    expect(history[2]?.changes.map((c) => c.field).sort()).toEqual(['narrative', 'place.name']);
    expect(history[2]?.state.place.name).toBe('Río Guayape, Olancho');
    expect(history.every((h) => h.recordedBy?.id === user.id)).toBe(true);
    // The history is encrypted at rest, like the narrative.
    const versions = await t.db.kysely
      .selectFrom('incident_versions')
      .selectAll()
      .where('incident_id', '=', created.id)
      .execute();
    expect(versions.length).toBe(2);
    expect(JSON.stringify(versions)).not.toContain('river');
    // Statistics moved from the old figures to the new ones, without counting twice.
    const after = await totals(browser, 'country');
    expect(after.total.incidents).toBe(before.total.incidents);
    expect((hnd(after)?.dead ?? 0) - (hnd(before)?.dead ?? 0)).toBe(1);
    expect((hnd(after)?.missing ?? 0) - (hnd(before)?.missing ?? 0)).toBe(-1);
  });

  it('links incidents of the same country and lists them with pages; deletion leaves the statistics', async () => {
    const { browser } = await signedIn(t, { role: 'analyst', countryCode: 'PAN' });
    const a = await reportIncident(browser, {
      place: { name: 'Bajo Chiquito', countryCode: 'PAN' },
      occurredOn: '2026-02-01',
      occurredAt: null,
    });
    const b = await reportIncident(browser, {
      place: { name: 'Lajas Blancas', countryCode: 'PAN' },
      occurredOn: '2026-02-02',
      occurredAt: null,
    });
    const c = await reportIncident(browser, {
      place: { name: 'Metetí', countryCode: 'PAN' },
      occurredOn: '2026-02-03',
      occurredAt: null,
    });
    const linked = await browser.post(`/api/incidents/${a.id}/links`, {
      incidentId: b.id,
      relation: 'same_network',
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().links).toEqual([
      { incidentId: b.id, reference: b.reference, relation: 'same_network' },
    ]);
    expect((await browser.get(`/api/incidents/${b.id}`)).json().links[0].incidentId).toBe(a.id);
    expect(
      (await browser.post(`/api/incidents/${b.id}/links`, { incidentId: a.id, relation: 'other' }))
        .statusCode,
    ).toBe(409);
    const other = await signedIn(t, { role: 'liaison_officer', countryCode: 'CRI' });
    const foreign = await reportIncident(other.browser);
    expect(
      (await browser.post(`/api/incidents/${a.id}/links`, { incidentId: foreign.id, relation: 'other' }))
        .statusCode,
    ).toBe(404);
    expect((await browser.delete(`/api/incidents/${a.id}/links/${b.id}`)).json().links).toEqual([]);

    const first = (await browser.get('/api/incidents?limit=2')).json() as {
      total: number;
      totalCapped: boolean;
      items: { id: string }[];
    };
    expect(first.items.map((i) => i.id)).toEqual([c.id, b.id]);
    expect(first.total).toBe(3);
    expect(first.totalCapped).toBe(false);
    const second = (await browser.get('/api/incidents?limit=2&offset=2')).json() as {
      total: number;
      items: { id: string }[];
    };
    expect(second.items.map((i) => i.id)).toEqual([a.id]);
    expect(second.total).toBe(3);

    const before = await totals(browser);
    expect((await browser.delete(`/api/incidents/${c.id}`)).statusCode).toBe(200);
    expect((await browser.get(`/api/incidents/${c.id}`)).statusCode).toBe(404);
    const after = await totals(browser);
    expect(after.total.incidents).toBe(before.total.incidents - 1);
    expect((after.total.values.migrants ?? 0) - (before.total.values.migrants ?? 0)).toBe(-40);
  });

  it('serves the vocabularies in three languages; the network administrator extends them', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    const vocab = (await browser.get('/api/vocabularies')).json();
    expect(vocab.terms.maritime_zone.map((z: { code: string }) => z.code)).toEqual([
      'internal_waters',
      'territorial_sea',
      'contiguous_zone',
      'exclusive_economic_zone',
      'high_seas',
    ]);
    expect(
      vocab.terms.offence.find((o: { code: string }) => o.code === 'enabling_illegal_stay'),
    ).toMatchObject({
      attributes: { category: 'protocol_art6', article: '6(1)(c)' },
      label: { es: 'Facilitación de la permanencia ilegal' },
    });
    expect(vocab.fixed.ageGroup['60+'].fr).toBe('60 ans et plus');
    expect(vocab.countries.find((c: { code: string }) => c.code === 'HTI').name.fr).toBe('Haïti');
    const before = await browser.post('/api/incidents', incidentBody({ modusOperandi: ['drone_guidance'] }));
    expect(before.statusCode).toBe(400);
    const admin = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
    const added = await admin.browser.post('/api/vocabularies/modus_operandi/terms', {
      code: 'drone_guidance',
      label: { es: 'Guía con drones', en: 'Drone guidance', fr: 'Guidage par drone' },
    });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await admin.browser.post('/api/vocabularies/maritime_zone/terms', {
          code: 'archipelagic_waters',
          label: { es: 'Aguas archipelágicas', en: 'Archipelagic waters', fr: 'Eaux archipélagiques' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await browser.post('/api/incidents', incidentBody({ modusOperandi: ['drone_guidance'] }))).statusCode,
    ).toBe(201);
    expect(
      (
        await browser.post('/api/vocabularies/modus_operandi/terms', {
          code: 'other_thing',
          label: { es: 'x', en: 'x', fr: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
