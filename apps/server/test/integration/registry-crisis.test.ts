import type { Role } from '@enlace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCrisisLevels } from '../../src/modules/registry/crisis.service';
import { H0, type Session } from '../factories/exchange';
import { admissionBody, buildCentre, buildPerson, buildStay } from '../factories/registry';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const HOUR = 3_600_000;

const PEOPLE: [string, string, 'male' | 'female', string][] = [
  ['Rosa Elvira', 'Tzul Ajpop', 'female', '1994-03-07'],
  ['Juan Carlos', 'Méndez López', 'male', '1988-11-02'],
  ['Dayana', 'Mairena Ruiz', 'female', '2001-06-15'],
  ['Wilmer', 'Castillo Reyes', 'male', '1979-01-30'],
  ['Karla Patricia', 'Orellana Díaz', 'female', '1996-09-21'],
  ['Edwin Josué', 'Chávez Pineda', 'male', '1990-04-12'],
  ['Yesenia', 'Alvarado Cruz', 'female', '1985-12-08'],
  ['Marvin', 'Funes Argueta', 'male', '1999-07-19'],
  ['Glenda Marisol', 'Paz Hernández', 'female', '1983-02-25'],
  ['Óscar Armando', 'Velásquez Mejía', 'male', '1975-10-03'],
  ['Nohemí', 'Bonilla Zelaya', 'female', '2000-05-27'],
];

type Levels = {
  level: number;
  countryOccupancyPct: number | null;
  centreOccupancyPct: number | null;
  arrivals24h: number | null;
  notify: string[];
}[];

const levels = (over: Partial<Levels[number]>[] = []): Levels =>
  [1, 2, 3, 4].map((level, i) => ({
    level,
    countryOccupancyPct: null,
    centreOccupancyPct: null,
    arrivals24h: null,
    notify: [],
    ...over[i],
  }));

const crisisNotices = (userId: string) =>
  t.db.kysely
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', 'registry.crisis_level_raised')
    .execute();

const historyOf = (country: string) =>
  t.db.kysely
    .selectFrom('registry_crisis_history')
    .selectAll()
    .where('country_code', '=', country)
    .orderBy('seq')
    .execute();

/** A directory entry of the admin's country, linked to an account (or not), made through the API. */
async function focalEntry(admin: Session, countryCode: string, userId: string | null, name: string) {
  const res = await admin.browser.post('/api/directory/entries', {
    countryCode,
    areas: ['detention_alternatives'],
    name,
    function: 'Coordinación de estaciones migratorias',
    languages: ['es'],
    channels: [{ kind: 'work_phone', value: '+52 55 5000 0000' }],
    timeZone: 'America/Mexico_City',
    userId,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('crisis levels', () => {
  let supervisor: Session;
  let officer: Session;
  let fpOne: Session;
  let fpTwo: Session;
  let entryOne: string;
  let entryTwo: string;
  let entryNoAccount: string;
  let entryGt: string;
  let centre: string;
  const persons: string[] = [];
  const stays: string[] = [];

  beforeAll(async () => {
    supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    fpOne = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    fpTwo = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    const adminGt = await signedIn(t, { role: 'country_admin', countryCode: 'GTM' });
    entryOne = await focalEntry(admin, 'MEX', fpOne.user.id, 'Coordinación nacional (nivel 1)');
    entryTwo = await focalEntry(admin, 'MEX', fpTwo.user.id, 'Guardia de estaciones (nivel 2)');
    entryNoAccount = await focalEntry(admin, 'MEX', null, 'Oficina sin cuenta');
    entryGt = await focalEntry(adminGt, 'GTM', null, 'Dirección de albergues GT');
    // Ten places: each admission is ten points of occupancy.
    centre = await buildCentre(supervisor.browser, {
      capacity: { adult_men: 4, adult_women: 4, families: 2, unaccompanied_children: 0 },
    });
    for (const [given, family, sex, birth] of PEOPLE)
      persons.push(
        await buildPerson(officer.browser, {
          givenNames: given,
          familyNames: family,
          sex,
          birthDate: birth,
          nationality: 'HND',
        }),
      );
  });

  const admitNext = async () => {
    const i = stays.length;
    stays.push(
      await buildStay(officer.browser, persons[i] as string, centre, {
        unit: PEOPLE[i]?.[2] === 'male' ? 'adult_men' : 'adult_women',
        admittedAt: '2026-11-20T09:30:00Z',
      }),
    );
  };

  it('answers 401 to an anonymous caller on every route', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const [method, url] of [
      ['GET', '/api/registry/crisis'],
      ['GET', '/api/registry/crisis/thresholds'],
      ['PUT', '/api/registry/crisis/thresholds'],
      ['POST', '/api/registry/crisis/declaration'],
      ['POST', '/api/registry/crisis/declaration/lift'],
      ['POST', '/api/registry/crisis/alerts'],
    ] as const) {
      const res = await b.request({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses whoever is not a supervisor (403, logged); officers read the level', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    for (const s of [liaison, admin])
      expect((await s.browser.get('/api/registry/crisis')).statusCode).toBe(403);
    for (const s of [officer, admin]) {
      const put = await s.browser.request({
        method: 'PUT',
        url: '/api/registry/crisis/thresholds',
        payload: { levels: levels() },
      });
      expect(put.statusCode).toBe(403);
      expect(
        (await s.browser.post('/api/registry/crisis/declaration', { level: 2, reason: 'x' })).statusCode,
      ).toBe(403);
      expect(
        (await s.browser.post('/api/registry/crisis/alerts', { countryCode: 'GTM', codes: H0 })).statusCode,
      ).toBe(403);
    }
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'access.denied')
      .where('actor_id', 'in', [liaison.user.id, admin.user.id, officer.user.id])
      .execute();
    expect(denied.length).toBe(8);
    const read = await officer.browser.get('/api/registry/crisis');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ countryCode: 'MEX', level: 0, abilities: { configure: false } });
  });

  it('refuses thresholds out of order, or focal points it cannot tell, storing nothing', async () => {
    const put = (body: object, who = supervisor) =>
      who.browser.request({ method: 'PUT', url: '/api/registry/crisis/thresholds', payload: body });
    const res = await put({
      levels: levels([
        { countryOccupancyPct: 50 },
        { countryOccupancyPct: 40 },
        { arrivals24h: 30 },
        { arrivals24h: 20 },
      ]),
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path)).toEqual(['levels.1.countryOccupancyPct', 'levels.3.arrivals24h']);
    expect(errors[0]?.message).toContain('Level 2 must be at least 50');
    const spanish = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX', locale: 'es' });
    const es = await put(
      { levels: levels([{ countryOccupancyPct: 50 }, { countryOccupancyPct: 40 }]) },
      spanish,
    );
    expect(es.json().errors[0].message).toContain('El nivel 2 debe ser de al menos 50');
    const swapped = levels();
    [swapped[0], swapped[1]] = [swapped[1] as Levels[number], swapped[0] as Levels[number]];
    expect((await put({ levels: swapped })).json().errors[0].path).toBe('levels.0.level');
    const entries = await put({
      levels: levels([{ notify: [entryNoAccount] }, { notify: [entryGt] }]),
    });
    expect(entries.statusCode).toBe(400);
    expect(entries.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'levels.0.notify.0',
      'levels.1.notify.0',
    ]);
    expect((await put({ levels: levels().map((l) => ({ ...l, extra: 1 })) })).statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('registry_crisis_states').selectAll().execute()).toEqual([]);
    const set = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'registry.crisis_thresholds_set')
      .execute();
    expect(set).toEqual([]);
  });

  it('raises the level when an admission crosses a threshold, tells the focal points of that level once', async () => {
    const res = await supervisor.browser.request({
      method: 'PUT',
      url: '/api/registry/crisis/thresholds',
      payload: {
        levels: levels([
          { countryOccupancyPct: 50, notify: [entryOne] },
          { countryOccupancyPct: 80, notify: [entryTwo, entryTwo] },
          { countryOccupancyPct: 100 },
          { countryOccupancyPct: 150, arrivals24h: 500 },
        ]),
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().level).toBe(0);
    expect(res.json().thresholds.levels[1].notify).toEqual([entryTwo]);
    expect(res.json().thresholds.levels[0].focalPoints[0]).toMatchObject({
      entryId: entryOne,
      reachable: true,
    });

    for (let i = 0; i < 4; i++) await admitNext();
    expect((await supervisor.browser.get('/api/registry/crisis')).json().level).toBe(0);
    await admitNext(); // 5 of 10 places: 50 %
    const now = (await supervisor.browser.get('/api/registry/crisis')).json();
    expect(now).toMatchObject({
      level: 1,
      trigger: { kind: 'threshold', level: 1, criterion: 'country_occupancy', threshold: 50, value: 50 },
      figures: { places: 10, occupied: 5, countryOccupancyPct: 50, centreId: centre },
    });
    expect(now.history.items[0]).toMatchObject({
      fromLevel: 0,
      toLevel: 1,
      cause: 'automatic',
      notified: 1,
      figures: { occupied: 5, places: 10 },
    });
    expect((await crisisNotices(fpOne.user.id)).length).toBe(1);
    expect((await crisisNotices(fpTwo.user.id)).length).toBe(0);
    expect((await crisisNotices(supervisor.user.id)).length).toBe(0);
    const notice = (await fpOne.browser.get('/api/notifications')).json().items[0];
    expect(notice).toMatchObject({
      kind: 'registry.crisis_level_raised',
      objectType: 'registry_crisis',
      objectId: 'MEX',
      params: { country: 'MEX', level: 1 },
    });
    const changed = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'registry.crisis_level_changed')
      .execute();
    expect(changed.length).toBe(1);
    expect(changed[0]?.details).toContain('"to":1');

    // Still level 1: nothing is told again, by a movement or by the periodic job.
    await admitNext();
    expect(await evaluateCrisisLevels(t.ctx)).toMatchObject({ changed: 0 });
    expect((await crisisNotices(fpOne.user.id)).length).toBe(1);
    expect((await historyOf('MEX')).length).toBe(1);

    await admitNext();
    await admitNext(); // 80 %
    const two = (await supervisor.browser.get('/api/registry/crisis')).json();
    expect(two.level).toBe(2);
    expect((await crisisNotices(fpTwo.user.id)).length).toBe(1);
    expect((await crisisNotices(fpOne.user.id)).length).toBe(1);
  });

  it('lowers the level by itself when a release brings occupancy under the threshold', async () => {
    const [given, family, sex, birth] = PEOPLE[7] as (typeof PEOPLE)[number];
    const res = await officer.browser.post(`/api/registry/stays/${stays[7]}/release`, {
      releasedAt: '2026-11-23T10:00:00Z',
      outcome: 'return',
      identity: { givenNames: given, familyNames: family, sex, birthDate: birth },
    });
    expect(res.statusCode, res.body).toBe(200);
    const now = (await supervisor.browser.get('/api/registry/crisis')).json();
    expect(now.level).toBe(1);
    expect(now.history.items[0]).toMatchObject({ fromLevel: 2, toLevel: 1, cause: 'automatic', notified: 0 });
    expect((await crisisNotices(fpOne.user.id)).length).toBe(1);
  });

  it('refuses a binational alert below level 3', async () => {
    const res = await supervisor.browser.post('/api/registry/crisis/alerts', {
      countryCode: 'GTM',
      codes: H0,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().title).toContain('level now is 1');
  });

  it('holds a declared level until lifted, with its reason and who declared it', async () => {
    const res = await supervisor.browser.post('/api/registry/crisis/declaration', {
      level: 3,
      reason: 'Caravan of 2,000 people announced at Ciudad Hidalgo',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      level: 3,
      trigger: { kind: 'declared', level: 3 },
      declared: { level: 3, reason: 'Caravan of 2,000 people announced at Ciudad Hidalgo' },
      abilities: { alert: true },
    });
    expect(body.history.items[0]).toMatchObject({
      fromLevel: 1,
      toLevel: 3,
      cause: 'declared',
      reason: 'Caravan of 2,000 people announced at Ciudad Hidalgo',
    });
    // Crossing 2 and 3: the focal point of level 2 is told of this new crossing.
    expect((await crisisNotices(fpTwo.user.id)).length).toBe(2);
    // The reason is encrypted at rest.
    const row = await t.db.kysely.selectFrom('registry_crisis_states').selectAll().executeTakeFirstOrThrow();
    expect(row.declared_reason_enc).not.toContain('Caravan');
    // A release does not lower a declared level.
    const [given, family, sex, birth] = PEOPLE[6] as (typeof PEOPLE)[number];
    await officer.browser.post(`/api/registry/stays/${stays[6]}/release`, {
      releasedAt: '2026-11-23T10:00:00Z',
      outcome: 'return',
      identity: { givenNames: given, familyNames: family, sex, birthDate: birth },
    });
    expect((await supervisor.browser.get('/api/registry/crisis')).json().level).toBe(3);
  });

  it('opens a binational alert thread seen by the neighbour’s focal point and by no third country', async () => {
    const gtFocal = await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' });
    const gtOther = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const hnd = await signedIn(t, { role: 'analyst', countryCode: 'HND' });
    const alert = (body: object) => supervisor.browser.post('/api/registry/crisis/alerts', body);
    expect((await alert({ countryCode: 'MEX', codes: H0 })).statusCode).toBe(400);
    expect((await alert({ countryCode: 'GTM', codes: { handling: 'H0' } })).statusCode).toBe(400);
    // Guatemala has named nobody yet and has no centres' focal point with an account.
    const none = await alert({ countryCode: 'GTM', codes: H0 });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('registry_crisis_alert_no_focal_points');

    const adminGt = await signedIn(t, { role: 'country_admin', countryCode: 'GTM' });
    const gtEntry = await focalEntry(adminGt, 'GTM', gtFocal.user.id, 'Dirección de albergues (nivel 3)');
    const gtSet = await gtFocal.browser.request({
      method: 'PUT',
      url: '/api/registry/crisis/thresholds',
      payload: { levels: levels([{}, {}, { notify: [gtEntry] }, {}]) },
    });
    expect(gtSet.statusCode, gtSet.body).toBe(200);

    const res = await alert({
      countryCode: 'GTM',
      codes: H0,
      note: 'Pedimos coordinar albergues en Tecún Umán',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { threadId, reference, recipients, level } = res.json();
    expect({ recipients, level }).toEqual({ recipients: 1, level: 3 });
    expect(reference).toMatch(/^EX-MEX-/);

    const seen = await gtFocal.browser.get(`/api/exchange/threads/${threadId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ type: 'alert', priority: 'urgent' });
    const messages = (await gtFocal.browser.get(`/api/exchange/threads/${threadId}/messages`)).json();
    expect(messages.items[0].codes).toMatchObject(H0);
    expect(messages.items[0].body).toContain('crisis level 3 of 4');
    expect(messages.items[0].body).toContain('Tecún Umán');
    expect((await gtFocal.browser.get('/api/notifications')).json().items[0]).toMatchObject({
      kind: 'exchange.new_thread',
      objectId: threadId,
    });
    expect((await hnd.browser.get(`/api/exchange/threads/${threadId}`)).statusCode).toBe(404);
    expect((await gtOther.browser.get(`/api/exchange/threads/${threadId}`)).statusCode).toBe(404);
    expect((await supervisor.browser.get(`/api/exchange/threads/${threadId}`)).statusCode).toBe(200);

    const history = (await supervisor.browser.get('/api/registry/crisis?limit=1')).json().history;
    expect(history.items[0]).toMatchObject({
      cause: 'alert',
      alertCountry: 'GTM',
      threadId,
      fromLevel: 3,
      toLevel: 3,
    });
    expect(history.items.length).toBe(1);
    expect(history.total).toBeGreaterThan(3);
    const sent = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'registry.crisis_alert_sent')
      .execute();
    expect(sent[0]?.details).toContain(threadId);
  });

  it('lifts a declared level: the figures decide again', async () => {
    const res = await supervisor.browser.post('/api/registry/crisis/declaration/lift', {
      reason: 'The caravan was received in Tapachula',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ level: 1, declared: null });
    expect(res.json().history.items[0]).toMatchObject({ fromLevel: 3, toLevel: 1, cause: 'lifted' });
    const again = await supervisor.browser.post('/api/registry/crisis/declaration/lift', { reason: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('counts arrivals over a sliding 24 hours: the periodic job lowers the level when they age out', async () => {
    const role: Role = 'centre_supervisor';
    const sup = await signedIn(t, { role, countryCode: 'CRI' });
    const off = await signedIn(t, { role: 'centre_officer', countryCode: 'CRI' });
    const cri = await buildCentre(sup.browser, {
      capacity: { adult_men: 100, adult_women: 100, families: 0, unaccompanied_children: 0 },
    });
    const set = await sup.browser.request({
      method: 'PUT',
      url: '/api/registry/crisis/thresholds',
      payload: { levels: levels([{ arrivals24h: 2 }, { arrivals24h: 5 }]) },
    });
    expect(set.statusCode, set.body).toBe(200);
    const at = new Date(t.clock.now().getTime() - HOUR).toISOString();
    for (const [given, family, sex, birth] of PEOPLE.slice(0, 2)) {
      const p = await buildPerson(off.browser, {
        givenNames: given,
        familyNames: family,
        sex,
        birthDate: birth,
      });
      await buildStay(off.browser, p, cri, {
        unit: sex === 'male' ? 'adult_men' : 'adult_women',
        admittedAt: at,
      });
    }
    expect((await sup.browser.get('/api/registry/crisis')).json()).toMatchObject({
      level: 1,
      trigger: { criterion: 'arrivals_24h', value: 2 },
    });
    t.clock.advance(24 * HOUR);
    expect(await evaluateCrisisLevels(t.ctx)).toMatchObject({ changed: 1 });
    // Sessions do not outlive a day of idleness: a colleague of the same country reads it.
    const reader = await signedIn(t, { role, countryCode: 'CRI' });
    const now = (await reader.browser.get('/api/registry/crisis')).json();
    expect(now.level).toBe(0);
    expect(now.history.items[0]).toMatchObject({ fromLevel: 1, toLevel: 0, cause: 'automatic' });
    // Mexico, at level 1 by its occupancy, is not changed by the job.
    const mex = await t.db.kysely
      .selectFrom('registry_crisis_states')
      .select('level')
      .where('country_code', '=', 'MEX')
      .executeTakeFirstOrThrow();
    expect(mex.level).toBe(1);
  });

  it('records and tells one crossing once when two admissions race across the threshold', async () => {
    const sup = await signedIn(t, { role: 'centre_supervisor', countryCode: 'PAN' });
    const fp = await signedIn(t, { role: 'centre_officer', countryCode: 'PAN' });
    const adminPa = await signedIn(t, { role: 'country_admin', countryCode: 'PAN' });
    const entry = await focalEntry(adminPa, 'PAN', fp.user.id, 'Guardia de albergues PA');
    const pan = await buildCentre(sup.browser, {
      capacity: { adult_men: 3, adult_women: 0, families: 0, unaccompanied_children: 0 },
    });
    const set = await sup.browser.request({
      method: 'PUT',
      url: '/api/registry/crisis/thresholds',
      payload: { levels: levels([{ countryOccupancyPct: 100, notify: [entry] }]) },
    });
    expect(set.statusCode, set.body).toBe(200);
    const men = PEOPLE.filter((p) => p[2] === 'male').slice(0, 3);
    const ids: string[] = [];
    for (const [given, family, sex, birth] of men)
      ids.push(
        await buildPerson(sup.browser, { givenNames: given, familyNames: family, sex, birthDate: birth }),
      );
    await buildStay(sup.browser, ids[0] as string, pan, { unit: 'adult_men' });
    const raced = await Promise.all(
      ids
        .slice(1)
        .map((id) => sup.browser.post('/api/registry/stays', admissionBody(id, pan, { unit: 'adult_men' }))),
    );
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201]);
    const history = await historyOf('PAN');
    expect(history.map((h) => [h.from_level, h.to_level])).toEqual([[0, 1]]);
    expect(JSON.parse(history[0]?.figures ?? '{}')).toMatchObject({ occupied: 3, places: 3 });
    expect((await crisisNotices(fp.user.id)).length).toBe(1);
  });
});
