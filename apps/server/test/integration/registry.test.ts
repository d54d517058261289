import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';
import { admissionBody, buildCentre, buildPerson, buildStay, personBody } from '../factories/registry';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const ID = '00000000-0000-4000-8000-000000000000';

const audits = (action: string, objectId?: string) => {
  let q = t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (objectId) q = q.where('object_id', '=', objectId);
  return q.execute();
};
const count = async (table: 'registry_persons' | 'registry_stays' | 'registry_centres') =>
  Number(
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('centre registry', () => {
  let officer: Session;
  let supervisor: Session;
  let officerGt: Session;
  let centre: string;
  let other: string;
  beforeAll(async () => {
    officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    officerGt = await signedIn(t, { role: 'centre_officer', countryCode: 'GTM' });
    centre = await buildCentre(supervisor.browser);
    other = await buildCentre(supervisor.browser, { type: 'shelter' });
  });

  it('answers 401 to an anonymous caller on every route', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const [method, url] of [
      ['POST', '/api/registry/persons/search'],
      ['POST', '/api/registry/persons'],
      ['GET', `/api/registry/persons/${ID}`],
      ['GET', '/api/registry/centres'],
      ['POST', '/api/registry/centres'],
      ['GET', `/api/registry/centres/${ID}/occupancy`],
      ['GET', '/api/registry/aggregates'],
      ['POST', '/api/registry/stays'],
      ['POST', `/api/registry/stays/${ID}/transfer`],
      ['POST', `/api/registry/stays/${ID}/release`],
      ['POST', `/api/registry/stays/${ID}/release/resolve`],
    ] as const) {
      const res = await b.request({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses a role without the permission (403, logged); admins manage accounts, not the registry', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    for (const s of [liaison, admin]) {
      expect(
        (await s.browser.post('/api/registry/persons/search', { familyNames: 'Hernández' })).statusCode,
      ).toBe(403);
      expect((await s.browser.post('/api/registry/persons', personBody())).statusCode).toBe(403);
    }
    // An officer registers and admits, but neither opens centres nor resolves release checks.
    expect((await officer.browser.post('/api/registry/centres', {})).statusCode).toBe(403);
    expect(
      (
        await officer.browser.post(`/api/registry/stays/${ID}/release/resolve`, {
          decision: 'same_person',
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'access.denied')
      .where('actor_id', 'in', [liaison.user.id, admin.user.id, officer.user.id])
      .execute();
    expect(denied.length).toBe(6);
  });

  it('catches a duplicate admission by search before create: accent dropped, day and month swapped', async () => {
    const maria = await buildPerson(officer.browser);
    await buildPerson(officer.browser, { givenNames: 'Ana Lucía', birthDate: '1997-11-20' });
    await buildPerson(officer.browser, {
      familyNames: 'Pérez Gómez',
      nationality: 'GTM',
      birthDate: '1980',
      birthDatePrecision: 'year',
    });
    await buildPerson(officer.browser, {
      givenNames: 'Tesfaye',
      familyNames: 'Gebremedhin',
      sex: 'male',
      nationality: 'ERI',
      birthDate: undefined,
      birthDatePrecision: 'estimated_age',
      estimatedAge: 30,
    });
    const res = await officer.browser.post('/api/registry/persons/search', {
      givenNames: 'Maria Jose',
      familyNames: 'Hernandez Avila',
      birthDate: '1994-07-03',
      sex: 'female',
      nationality: 'HND',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.candidates[0].person.id).toBe(maria);
    expect(body.candidates[0].person.givenNames).toBe('María José');
    expect(body.candidates[0].score).toBeGreaterThanOrEqual(0.95);
    const fields = Object.fromEntries(
      body.candidates[0].explanation.fields.map((f: { field: string }) => [f.field, f]),
    );
    expect(fields.birth_date.level).toBe('day and month swapped');
    expect(fields.birth_date.given).toBe('1994-07-03');
    expect(fields.birth_date.recorded).toBe('1994-03-07');
    expect(fields.family_names.agreement).toBe('strong');
    expect(fields.sex.agreement).not.toBe('disagrees');
    // The Eritrean shares no blocking key: never retrieved, never scored.
    expect(
      body.candidates.some((c: { person: { givenNames: string } }) => c.person.givenNames === 'Tesfaye'),
    ).toBe(false);
    for (const c of body.candidates.slice(1)) expect(c.score).toBeLessThan(body.candidates[0].score);
    const searched = await audits('registry.persons_searched');
    expect(searched.at(-1)?.details).toContain(maria);
    expect(searched.at(-1)?.details).not.toContain('Hern');
    // Names are encrypted at rest, keys are keyed hashes.
    const raw = await t.db.kysely
      .selectFrom('registry_persons')
      .selectAll()
      .where('id', '=', maria)
      .executeTakeFirst();
    expect(JSON.stringify(raw)).not.toContain('Hern');
    const keys = await t.db.kysely
      .selectFrom('registry_person_keys')
      .select('key')
      .where('person_id', '=', maria)
      .execute();
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.every((k) => /^b[0-9a-f]{16}$/.test(k.key))).toBe(true);
  });

  it('keeps a person of one country invisible to another', async () => {
    const mexican = await buildPerson(officer.browser, {
      givenNames: 'Wilmer Josué',
      familyNames: 'Zelaya Cruz',
      sex: 'male',
    });
    const search = await officerGt.browser.post('/api/registry/persons/search', {
      givenNames: 'Wilmer Josué',
      familyNames: 'Zelaya Cruz',
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().candidates).toEqual([]);
    expect(search.json().compared).toBe(0);
    const read = await officerGt.browser.get(`/api/registry/persons/${mexican}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('Wilmer');
    const gtCentre = await buildCentre(
      (await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' })).browser,
    );
    expect(
      (await officerGt.browser.post('/api/registry/stays', admissionBody(mexican, gtCentre))).statusCode,
    ).toBe(404);
    expect((await officerGt.browser.get(`/api/registry/centres/${centre}/occupancy`)).statusCode).toBe(404);
    const centres = (await officerGt.browser.get('/api/registry/centres')).json();
    expect(centres.items.map((c: { id: string }) => c.id)).toEqual([gtCentre]);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select('object_id')
      .where('actor_id', '=', officerGt.user.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.map((d) => d.object_id)).toEqual(expect.arrayContaining([mexican, centre]));
    // The owner reads it, and the read is audited.
    expect((await officer.browser.get(`/api/registry/persons/${mexican}`)).statusCode).toBe(200);
    expect((await audits('registry.person_read', mexican)).length).toBe(1);
  });

  it('answers 404 to another country for a stay, and 409 for a closed centre; a document number finds a person', async () => {
    const person = await buildPerson(officer.browser, {
      givenNames: 'Dayana',
      familyNames: 'Mairena Ruiz',
      nationality: 'NIC',
      documentNumber: 'C 0012345',
    });
    const stay = await buildStay(officer.browser, person, centre);
    const release = {
      releasedAt: '2026-11-23T10:00:00Z',
      outcome: 'return',
      identity: { givenNames: 'Dayana', familyNames: 'Mairena Ruiz' },
    };
    expect((await officerGt.browser.post(`/api/registry/stays/${stay}/release`, release)).statusCode).toBe(
      404,
    );
    expect(
      (
        await officerGt.browser.post(`/api/registry/stays/${stay}/transfer`, {
          toCentreId: other,
          at: '2026-11-22T10:00:00Z',
        })
      ).statusCode,
    ).toBe(404);
    const closed = await buildCentre(supervisor.browser, { status: 'closed' });
    const moved = await officer.browser.post(`/api/registry/stays/${stay}/transfer`, {
      toCentreId: closed,
      at: '2026-11-22T10:00:00Z',
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('registry_centre_closed');
    const early = await officer.browser.post(`/api/registry/stays/${stay}/transfer`, {
      toCentreId: other,
      at: '2026-11-01T10:00:00Z',
    });
    expect(early.statusCode).toBe(400);
    const someone = await buildPerson(officer.browser, {
      givenNames: 'Kevin',
      familyNames: 'Sandoval',
      sex: 'male',
    });
    const refused = await officer.browser.post('/api/registry/stays', admissionBody(someone, closed));
    expect(refused.statusCode).toBe(409);
    // Names unlike in every word, the document the same: retrieved by the document rule and scored
    // (the engine weighs the names' disagreement against the document's agreement).
    const mangled = await officer.browser.post('/api/registry/persons/search', {
      givenNames: 'Diana',
      familyNames: 'Moreira',
      documentNumber: 'C0012345',
    });
    expect(mangled.json().compared).toBeGreaterThanOrEqual(1);
    const holder = mangled.json().candidates.find((c: { person: { id: string } }) => c.person.id === person);
    expect(holder, 'the holder of the same document is proposed').toBeDefined();
    expect(
      holder.explanation.fields.find((f: { field: string }) => f.field === 'document_number').agreement,
    ).toBe('strong');
    expect(holder.score).toBeLessThan(0.5);
    const byDocument = await officer.browser.post('/api/registry/persons/search', {
      givenNames: 'Dallana',
      familyNames: 'Mayrena',
      documentNumber: 'c-0012345',
    });
    const first = byDocument.json().candidates[0];
    expect(first?.person.id).toBe(person);
    expect(
      first.explanation.fields.find((f: { field: string }) => f.field === 'document_number').agreement,
    ).toBe('strong');
  });

  it('admits a person once when two officers admit them at the same moment', async () => {
    const person = await buildPerson(officer.browser, {
      givenNames: 'Yessenia',
      familyNames: 'Cruz Lagos',
      sex: 'female',
    });
    const answers = await Promise.all(
      [centre, other, centre, other].map((c) =>
        officer.browser.post('/api/registry/stays', admissionBody(person, c)),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json().code).toBe('registry_already_in_centre');
    const read = (await officer.browser.get(`/api/registry/persons/${person}`)).json();
    expect(read.stays.filter((s: { status: string }) => s.status === 'open')).toHaveLength(1);
  });

  it('admits and releases a person whose identity is confirmed at the door', async () => {
    const person = await buildPerson(officer.browser, {
      givenNames: 'Rosa Elvira',
      familyNames: 'Tzul Ajpop',
      nationality: 'GTM',
    });
    const stay = await buildStay(officer.browser, person, centre);
    const again = await officer.browser.post('/api/registry/stays', admissionBody(person, other));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('registry_already_in_centre');
    const read = (await officer.browser.get(`/api/registry/persons/${person}`)).json();
    expect(read.stays).toMatchObject([
      { id: stay, status: 'open', centreId: centre, releaseCheckPending: false },
    ]);
    expect(read.abilities.admit).toBe(false);
    const res = await officer.browser.post(`/api/registry/stays/${stay}/release`, {
      releasedAt: '2026-11-23T10:00:00Z',
      outcome: 'return',
      notes: 'Assisted voluntary return',
      identity: {
        givenNames: 'ROSA ELVIRA',
        familyNames: 'Tzul Ajpop',
        birthDate: '1994-03-07',
        sex: 'female',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'released',
      releaseOutcome: 'return',
      releaseNotes: 'Assisted voluntary return',
    });
    expect((await audits('registry.stay_admitted', stay)).length).toBe(1);
    expect((await audits('registry.stay_released', stay)).length).toBe(1);
    const twice = await officer.browser.post(`/api/registry/stays/${stay}/release`, {
      releasedAt: '2026-11-23T10:00:00Z',
      outcome: 'return',
      identity: { givenNames: 'Rosa Elvira', familyNames: 'Tzul Ajpop' },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('stops a release on a failed identity check until a supervisor resolves it, audited', async () => {
    const person = await buildPerson(officer.browser, {
      givenNames: 'Yesenia',
      familyNames: 'Orellana Bonilla',
      birthDate: '2001-08-14',
    });
    const stay = await buildStay(officer.browser, person, centre);
    const release = {
      releasedAt: '2026-11-23T11:00:00Z',
      outcome: 'asylum',
      identity: {
        givenNames: 'Karla Patricia',
        familyNames: 'Mejía Sosa',
        birthDate: '1989-02-02',
        sex: 'female',
      },
    };
    // The refusal is said in the officer's language.
    const spanish = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX', locale: 'es' });
    const stopped = await spanish.browser.post(`/api/registry/stays/${stay}/release`, release);
    expect(stopped.statusCode).toBe(409);
    expect(stopped.json().code).toBe('registry_identity_mismatch');
    expect(stopped.json().title).toMatch(/no coincide con el registro de ingreso/);
    let s = await t.db.kysely
      .selectFrom('registry_stays')
      .selectAll()
      .where('id', '=', stay)
      .executeTakeFirstOrThrow();
    expect(s.status).toBe('open');
    expect((await audits('registry.release_check_failed', stay)).length).toBe(1);
    const read = (await officer.browser.get(`/api/registry/persons/${person}`)).json();
    expect(read.stays[0].releaseCheckPending).toBe(true);
    // Nobody releases around the pending check, not even with the right person.
    const retry = await officer.browser.post(`/api/registry/stays/${stay}/release`, {
      ...release,
      identity: { givenNames: 'Yesenia', familyNames: 'Orellana Bonilla', birthDate: '2001-08-14' },
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('registry_release_check_pending');
    const resolved = await supervisor.browser.post(`/api/registry/stays/${stay}/release/resolve`, {
      decision: 'same_person',
      note: 'Identity confirmed with the consulate; the data given at release was a relative’s',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'released',
      releaseOutcome: 'asylum',
      releasedAt: '2026-11-23T11:00:00.000Z',
      releaseCheck: { status: 'confirmed' },
    });
    s = await t.db.kysely
      .selectFrom('registry_stays')
      .selectAll()
      .where('id', '=', stay)
      .executeTakeFirstOrThrow();
    expect(s.status).toBe('released');
    const audit = await audits('registry.release_check_resolved', stay);
    expect(audit.length).toBe(1);
    expect(audit[0]?.actor_id).toBe(supervisor.user.id);
    expect(
      (
        await supervisor.browser.post(`/api/registry/stays/${stay}/release/resolve`, {
          decision: 'same_person',
          note: 'again',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('does not let the supervisor who attempted a release resolve its check; a rejection keeps the stay open', async () => {
    const person = await buildPerson(officer.browser, {
      givenNames: 'Lesly',
      familyNames: 'Paz Funes',
      birthDate: '1999-01-30',
    });
    const stay = await buildStay(officer.browser, person, centre);
    const stopped = await supervisor.browser.post(`/api/registry/stays/${stay}/release`, {
      releasedAt: '2026-11-23T11:30:00Z',
      outcome: 'other',
      identity: { givenNames: 'Pedro', familyNames: 'Ramírez', sex: 'male', birthDate: '1975-05-05' },
    });
    expect(stopped.statusCode).toBe(409);
    const own = await supervisor.browser.post(`/api/registry/stays/${stay}/release/resolve`, {
      decision: 'same_person',
      note: 'mine',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('registry_resolve_own_check');
    const second = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    const rejected = await second.browser.post(`/api/registry/stays/${stay}/release/resolve`, {
      decision: 'not_same_person',
      note: 'Another man presented himself: reported to the authority',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'open', releaseCheck: { status: 'rejected' } });
  });

  it('counts occupancy right after admissions, a transfer and a release', async () => {
    const a = await buildCentre(supervisor.browser, {
      capacity: { adult_men: 3, adult_women: 2, families: 1, unaccompanied_children: 0 },
    });
    const b = await buildCentre(supervisor.browser, { type: 'shelter' });
    const p1 = await buildPerson(officer.browser, { givenNames: 'Juana', familyNames: 'Xol Caal' });
    const p2 = await buildPerson(officer.browser, {
      givenNames: 'Marvin',
      familyNames: 'Guevara Lobo',
      sex: 'male',
    });
    const p3 = await buildPerson(officer.browser, { givenNames: 'Olga', familyNames: 'Rivas Mena' });
    const s1 = await buildStay(officer.browser, p1, a, { admittedAt: '2026-11-20T08:00:00Z' });
    await buildStay(officer.browser, p2, a, { unit: 'adult_men', admittedAt: '2026-11-21T08:00:00Z' });
    const s3 = await buildStay(officer.browser, p3, a, { admittedAt: '2026-11-21T09:00:00Z' });
    const moved = await officer.browser.post(`/api/registry/stays/${s3}/transfer`, {
      toCentreId: b,
      at: '2026-11-22T10:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ centreId: b, transfers: [{ fromCentreId: a, toCentreId: b }] });
    const released = await officer.browser.post(`/api/registry/stays/${s1}/release`, {
      releasedAt: '2026-11-23T08:00:00Z',
      outcome: 'regularisation',
      identity: { givenNames: 'Juana', familyNames: 'Xol Caal', birthDate: '1994-03-07' },
    });
    expect(released.statusCode, released.body).toBe(200);
    const res = await officer.browser.get(
      `/api/registry/centres/${a}/occupancy?from=2026-11-19&to=2026-11-23`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.units).toEqual([
      { unit: 'adult_men', places: 3, occupied: 1, free: 2 },
      { unit: 'adult_women', places: 2, occupied: 0, free: 2 },
      { unit: 'families', places: 1, occupied: 0, free: 1 },
      { unit: 'unaccompanied_children', places: 0, occupied: 0, free: 0 },
    ]);
    expect(o.total).toEqual({ places: 6, occupied: 1, free: 5 });
    expect(o.days).toEqual([
      { date: '2026-11-19', arrivals: 0, departures: 0 },
      { date: '2026-11-20', arrivals: 1, departures: 0 },
      { date: '2026-11-21', arrivals: 2, departures: 0 },
      { date: '2026-11-22', arrivals: 0, departures: 1 },
      { date: '2026-11-23', arrivals: 0, departures: 1 },
    ]);
    expect(o.lengthOfStay).toEqual({
      released: 1,
      meanDays: 3,
      medianDays: 3,
      current: 1,
      currentMeanDays: 2.17,
    });
    expect(o.residents).toEqual({
      bySex: [
        { sex: 'male', count: 1 },
        { sex: 'female', count: 0 },
        { sex: 'other', count: 0 },
      ],
      byAgeGroup: [
        { ageGroup: '0-11', count: 0 },
        { ageGroup: '12-17', count: 0 },
        { ageGroup: '18-59', count: 1 },
        { ageGroup: '60+', count: 0 },
        { ageGroup: 'unknown', count: 0 },
      ],
      byNationality: [{ nationality: 'HND', count: 1 }],
    });
    const child = await buildPerson(officer.browser, {
      givenNames: 'Dilcia',
      familyNames: 'Pop Choc',
      birthDate: '2009',
      birthDatePrecision: 'year',
      nationality: 'GTM',
    });
    await buildStay(officer.browser, child, a, { unit: 'adult_women' });
    const withChild = (await officer.browser.get(`/api/registry/centres/${a}/occupancy`)).json();
    expect(withChild.residents.byAgeGroup).toContainEqual({ ageGroup: '12-17', count: 1 });
    expect(withChild.residents.byNationality).toEqual([
      { nationality: 'GTM', count: 1 },
      { nationality: 'HND', count: 1 },
    ]);
    const ob = (
      await officer.browser.get(`/api/registry/centres/${b}/occupancy?from=2026-11-22&to=2026-11-22`)
    ).json();
    expect(ob.units.find((u: { unit: string }) => u.unit === 'adult_women').occupied).toBe(1);
    expect(ob.days).toEqual([{ date: '2026-11-22', arrivals: 1, departures: 0 }]);
    expect((await audits('registry.stay_transferred', s3)).length).toBe(1);
    const bad = await officer.browser.get(
      `/api/registry/centres/${a}/occupancy?from=2026-11-23&to=2026-11-01`,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad input with a clear 400 and changes nothing', async () => {
    const before = await Promise.all([
      count('registry_persons'),
      count('registry_stays'),
      count('registry_centres'),
    ]);
    const unknown = await officer.browser.post('/api/registry/persons', {
      ...personBody(),
      nickname: 'La Flaca',
    });
    expect(unknown.statusCode).toBe(400);
    const long = await officer.browser.post(
      '/api/registry/persons',
      personBody({ givenNames: 'A'.repeat(201) }),
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ path: 'givenNames' });
    expect(long.json().errors[0].message).toMatch(/200/);
    const future = await officer.browser.post(
      '/api/registry/persons',
      personBody({ birthDate: '2027-01-05' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([
      { path: 'birthDate', message: 'The birth date cannot be later than today.' },
    ]);
    const precision = await officer.browser.post(
      '/api/registry/persons',
      personBody({ birthDatePrecision: 'year' }),
    );
    expect(precision.statusCode).toBe(400);
    const searchFuture = await officer.browser.post('/api/registry/persons/search', {
      familyNames: 'X',
      birthDate: '2030',
    });
    expect(searchFuture.statusCode).toBe(400);
    expect((await officer.browser.post('/api/registry/persons/search', { sex: 'female' })).statusCode).toBe(
      400,
    );
    const stayUnknown = await officer.browser.post('/api/registry/stays', {
      ...admissionBody(ID, centre),
      extra: 1,
    });
    expect(stayUnknown.statusCode).toBe(400);
    const centreBad = await supervisor.browser.post('/api/registry/centres', {
      code: 'X',
      names: { es: 'x', en: 'x', fr: 'x' },
      type: 'prison',
      capacity: { adult_men: -1, adult_women: 0, families: 0, unaccompanied_children: 0 },
    });
    expect(centreBad.statusCode).toBe(400);
    const after = await Promise.all([
      count('registry_persons'),
      count('registry_stays'),
      count('registry_centres'),
    ]);
    expect(after).toEqual(before);
  });
});

describe('resources of a centre', () => {
  it('keeps every declaration of staff and budget, refuses bad input and other countries', async () => {
    const supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    const officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    const outsider = await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' });
    const centre = await buildCentre(supervisor.browser);
    const url = `/api/registry/centres/${centre}/resources`;
    const empty = (await officer.browser.get(url)).json();
    expect(empty).toMatchObject({ current: null, history: [], series: { dates: [], budget: [] } });
    const first = {
      asOf: '2026-10-01',
      staff: [
        { role: 'custody', count: 12 },
        { role: 'medical', count: 2 },
      ],
      budget: [{ line: 'Alimentación', year: 2026, amount: 1250000.5, currency: 'MXN' }],
    };
    const made = await supervisor.browser.post(url, first);
    expect(made.statusCode, made.body).toBe(201);
    const second = { ...first, asOf: '2026-11-01', staff: [{ role: 'custody', count: 10 }] };
    expect((await supervisor.browser.post(url, second)).statusCode).toBe(201);
    const read = (await officer.browser.get(url)).json();
    expect(read.current).toMatchObject({ asOf: '2026-11-01', staff: [{ role: 'custody', count: 10 }] });
    expect(read.current.budget).toEqual(first.budget);
    expect(read.history.map((h: { asOf: string; staff: number }) => [h.asOf, h.staff])).toEqual([
      ['2026-11-01', 10],
      ['2026-10-01', 14],
    ]);
    expect((await audits('registry.centre_resources_declared', centre)).length).toBe(2);

    const bad = [
      { ...first, asOf: '2099-01-01' },
      {
        ...first,
        staff: [
          { role: 'custody', count: 1 },
          { role: 'custody', count: 2 },
        ],
      },
      { ...first, staff: [{ role: 'custody', count: -1 }] },
      { ...first, budget: [{ ...first.budget[0], currency: 'pesos' }] },
      { ...first, extra: true },
      { ...first, staff: [{ role: 'custody', count: 1, note: 'x' }] },
    ];
    for (const body of bad) {
      const res = await supervisor.browser.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const future = await supervisor.browser.post(url, { ...first, asOf: '2099-01-01' });
    expect(future.json().errors).toEqual([
      { path: 'asOf', message: 'The date of the resources cannot be later than today.' },
    ]);
    expect((await officer.browser.post(url, second)).statusCode).toBe(403);
    expect((await outsider.browser.get(url)).statusCode).toBe(404);
    expect((await outsider.browser.post(url, second)).statusCode).toBe(404);
    expect((await officer.browser.get(url)).json().history).toHaveLength(2);
  });
});

describe('search before create among namesakes', () => {
  it('finds a returning person whose first registration had only an estimated age', async () => {
    const officer = await signedIn(t, { role: 'centre_officer', countryCode: 'SLV' });
    // First registration: no date, the officer estimated "about 30". A namesake born in 1962.
    const returning = await buildPerson(officer.browser, {
      givenNames: 'Reina Isabel',
      familyNames: 'Quintanilla Ayala',
      birthDate: undefined,
      birthDatePrecision: 'estimated_age',
      estimatedAge: 30,
      nationality: 'SLV',
    });
    const namesake = await buildPerson(officer.browser, {
      givenNames: 'Reina Isabel',
      familyNames: 'Quintanilla Ayala',
      birthDate: '1962-04-02',
      birthDatePrecision: 'exact',
      nationality: 'SLV',
    });
    // Back with her papers: born 1984. The estimate is not a date: it neither counts against her
    // nor for her, and is shown as the year it stands for.
    const res = await officer.browser.post('/api/registry/persons/search', {
      givenNames: 'Reina Isabel',
      familyNames: 'Quintanilla Ayala',
      birthDate: '1984-10-30',
      sex: 'female',
      nationality: 'SLV',
    });
    expect(res.statusCode, res.body).toBe(200);
    const candidates = res.json().candidates as {
      person: { id: string };
      explanation: { fields: { field: string; recorded: string; agreement: string }[] };
    }[];
    expect(candidates.map((c) => c.person.id).slice(0, 2)).toEqual([returning, namesake]);
    expect(candidates[0]?.explanation.fields.find((f) => f.field === 'birth_date')).toMatchObject({
      recorded: '1996',
      agreement: 'missing',
    });
  });

  it('draws its candidates from a wider pool, ranked by the dates stored in clear', async () => {
    const { rankCandidates } = await import('../../src/modules/registry/registry.service');
    const officer = await signedIn(t, { role: 'centre_officer', countryCode: 'NIC' });
    const person = {
      givenNames: 'Jorge Luis',
      familyNames: 'Espinoza Téllez',
      sex: 'male' as const,
      birthDatePrecision: 'exact' as const,
      nationality: 'NIC',
    };
    // The returning man first, then four namesakes born decades apart: all share his name keys
    // only (his date comes back with the year mistyped), and the later ids win a tie.
    const him = await buildPerson(officer.browser, { ...person, birthDate: '1988-06-14' });
    for (const year of [1961, 1968, 2003, 2006])
      await buildPerson(officer.browser, { ...person, birthDate: `${year}-02-27` });
    const query = { ...person, sex: 'male', birthDate: '1989-06-14' };
    const ids = async (limit: number, pool: number) =>
      (await rankCandidates(t.ctx, t.db.kysely, 'NIC', query, limit, pool)).ranked.map(
        (s) => s.candidate.row.id,
      );
    expect(await ids(2, 2)).not.toContain(him);
    expect((await ids(2, 5))[0]).toBe(him);
  });
});
