import { AGE_GROUPS } from '@enlace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageGroupsInSql } from '../../src/modules/registry/registry-occupancy.repository';
import { ageGroupOn } from '../../src/modules/registry/registry.match';
import { reportIncident } from '../factories/incidents';
import { buildCentre, buildPerson, buildStay } from '../factories/registry';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const ID = '00000000-0000-4000-8000-000000000000';
// The ICAO 9303 specimen passport: Anna Maria Eriksson of Utopia, born 12 August 1974, expired 2012.
const SPECIMEN = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

const audits = (action: string, objectId?: string) => {
  let q = t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (objectId) q = q.where('object_id', '=', objectId);
  return q.execute();
};

let officer: Session;
let supervisor: Session;
let officerGt: Session;
let protection: Session;
beforeAll(async () => {
  officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
  supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
  officerGt = await signedIn(t, { role: 'centre_officer', countryCode: 'GTM' });
  protection = await signedIn(t, { role: 'protection_officer', countryCode: 'MEX' });
});

describe('routes of documents', () => {
  it('answers 401 to an anonymous caller', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const url of [
      `/api/registry/persons/${ID}/documents`,
      `/api/registry/persons/${ID}/documents/${ID}/withdraw`,
    ]) {
      const res = await b.post(url, {});
      expect(res.statusCode, url).toBe(401);
    }
    expect((await b.get(`/api/registry/centres/${ID}/occupancy`)).statusCode).toBe(401);
    expect((await b.get(`/api/registry/centres/${ID}/resources`)).statusCode).toBe(401);
  });

  it('refuses a role without registry.write (403, logged)', async () => {
    const person = await buildPerson(officer.browser);
    const add = await protection.browser.post(`/api/registry/persons/${person}/documents`, {
      kind: 'passport',
      number: 'G100',
    });
    expect(add.statusCode).toBe(403);
    const withdraw = await protection.browser.post(
      `/api/registry/persons/${person}/documents/${person}/withdraw`,
      { reason: 'x' },
    );
    expect(withdraw.statusCode).toBe(403);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', protection.user.id)
      .execute();
    expect(denied.length).toBe(2);
  });
});

describe('several documents per person', () => {
  let anna: string;
  beforeAll(async () => {
    anna = await buildPerson(officer.browser, {
      givenNames: 'Anna Maria',
      familyNames: 'Eriksson',
      birthDate: '1974-08-12',
      nationality: 'UTO',
      documentNumber: 'UT-ID-55501',
    });
  });

  it('lists the registration’s document as the first one, its id the person’s', async () => {
    const res = await officer.browser.get(`/api/registry/persons/${anna}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().documents).toEqual([
      expect.objectContaining({ id: anna, kind: 'unspecified', number: 'UT-ID-55501', status: 'current' }),
    ]);
  });

  it('adds a passport with its MRZ checked and flagged, encrypted at rest, audited without the number', async () => {
    const res = await officer.browser.post(`/api/registry/persons/${anna}/documents`, {
      kind: 'passport',
      number: 'L898902C3',
      issuingCountry: 'UTO',
      expiresOn: '2012-04-15',
      mrz: SPECIMEN,
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as {
      id: string;
      kind: string;
      number: string;
      issuingCountry: string;
      mrz: { format: string; flags: { kind: string }[] };
      addedByName: string;
    }[];
    expect(items.map((d) => d.kind)).toEqual(['unspecified', 'passport']);
    const passport = items[1];
    expect(passport).toMatchObject({ number: 'L898902C3', issuingCountry: 'UTO', expiresOn: '2012-04-15' });
    expect(passport?.mrz.format).toBe('TD3');
    expect(passport?.mrz.flags.map((f) => f.kind)).toEqual(['expired']);
    const row = await t.db.kysely
      .selectFrom('registry_person_documents')
      .selectAll()
      .where('id', '=', passport?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.number_enc).not.toContain('L898902C3');
    expect(row.mrz_enc).not.toContain('ERIKSSON');
    const [event] = await audits('registry.person_document_added', anna);
    expect(event?.details).not.toContain('L898902C3');
    expect(JSON.parse(event?.details ?? '{}')).toMatchObject({ kind: 'passport', mrzFlags: 1 });
  });

  it('finds the person by any of their document numbers, whatever the names typed', async () => {
    for (const documentNumber of ['L898902C3', 'UT-ID-55501']) {
      const res = await officer.browser.post('/api/registry/persons/search', { documentNumber });
      expect(res.statusCode).toBe(200);
      expect(res.json().candidates.map((c: { person: { id: string } }) => c.person.id)).toContain(anna);
    }
    // Someone else's names with her passport's number: she is shown (the same document).
    const other = await officer.browser.post('/api/registry/persons/search', {
      givenNames: 'Pedro',
      familyNames: 'Lopez Ruiz',
      sex: 'male',
      documentNumber: 'L898902C3',
    });
    const found = other.json().candidates.find((c: { person: { id: string } }) => c.person.id === anna);
    expect(found).toBeDefined();
    expect(
      found.explanation.fields.find((f: { field: string }) => f.field === 'document_number').agreement,
    ).toBe('strong');
    // Another country's search never finds her.
    const gt = await officerGt.browser.post('/api/registry/persons/search', { documentNumber: 'L898902C3' });
    expect(gt.json().candidates).toEqual([]);
  });

  it('refuses bad input, changing nothing', async () => {
    const before = await t.db.kysely.selectFrom('registry_person_documents').select('id').execute();
    const post = (body: object) => officer.browser.post(`/api/registry/persons/${anna}/documents`, body);
    expect((await post({ kind: 'passport', number: 'X1', extra: 1 })).statusCode).toBe(400);
    expect((await post({ kind: 'unspecified', number: 'X1' })).statusCode).toBe(400);
    expect((await post({ kind: 'passport', number: '' })).statusCode).toBe(400);
    expect((await post({ kind: 'passport', number: 'X'.repeat(61) })).statusCode).toBe(400);
    expect((await post({ kind: 'passport', number: 'X1', issuingCountry: 'mx' })).statusCode).toBe(400);
    const unreadable = await post({ kind: 'passport', number: 'X1', mrz: 'not a zone' });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().errors).toEqual([expect.objectContaining({ path: 'mrz' })]);
    const expiry = await post({ kind: 'passport', number: 'X1', expiresOn: '1970-01-01' });
    expect(expiry.statusCode).toBe(400);
    expect(expiry.json().errors).toEqual([
      { path: 'expiresOn', message: 'The expiry date is before the person’s birth date.' },
    ]);
    const held = await post({ kind: 'national_id', number: 'l898902c3' });
    expect(held.statusCode).toBe(400);
    expect(held.json().errors).toEqual([
      { path: 'number', message: 'This person already holds this document number as a current document.' },
    ]);
    const after = await t.db.kysely.selectFrom('registry_person_documents').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('answers 404 to another country (audited) and for a document of someone else', async () => {
    const res = await officerGt.browser.post(`/api/registry/persons/${anna}/documents`, {
      kind: 'passport',
      number: 'GT1',
    });
    expect(res.statusCode).toBe(404);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', officerGt.user.id)
      .where('object_id', '=', anna)
      .execute();
    expect(denied.length).toBe(1);
    const someone = await buildPerson(officer.browser, { givenNames: 'Rosa', documentNumber: 'RS-1' });
    const foreign = await officer.browser.post(
      `/api/registry/persons/${anna}/documents/${someone}/withdraw`,
      { reason: 'not hers' },
    );
    expect(foreign.statusCode).toBe(404);
    const gtWithdraw = await officerGt.browser.post(
      `/api/registry/persons/${anna}/documents/${anna}/withdraw`,
      { reason: 'x' },
    );
    expect(gtWithdraw.statusCode).toBe(404);
  });

  it('withdraws a document with its reason, never deleting it; a second withdrawal is 409', async () => {
    const bad = await officer.browser.post(`/api/registry/persons/${anna}/documents/${anna}/withdraw`, {
      reason: '',
    });
    expect(bad.statusCode).toBe(400);
    const res = await officer.browser.post(`/api/registry/persons/${anna}/documents/${anna}/withdraw`, {
      reason: 'Reported stolen',
    });
    expect(res.statusCode, res.body).toBe(200);
    const withdrawn = res.json().items.find((d: { id: string }) => d.id === anna);
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      number: 'UT-ID-55501',
      withdrawal: { reason: 'Reported stolen' },
    });
    const again = await officer.browser.post(`/api/registry/persons/${anna}/documents/${anna}/withdraw`, {
      reason: 'twice',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('registry_document_withdrawn');
    const [event] = await audits('registry.person_document_withdrawn', anna);
    expect(event?.details).not.toContain('stolen');
    // Still listed, and whoever shows that number again is found.
    const search = await officer.browser.post('/api/registry/persons/search', {
      documentNumber: 'UT-ID-55501',
    });
    expect(search.json().candidates.map((c: { person: { id: string } }) => c.person.id)).toContain(anna);
    // A withdrawn number may be recorded again as a current document (a document found again).
    const readd = await officer.browser.post(`/api/registry/persons/${anna}/documents`, {
      kind: 'national_id',
      number: 'UT-ID-55501',
    });
    expect(readd.statusCode).toBe(201);
  });

  it('refuses a document for a person merged into another (409)', async () => {
    const merged = await buildPerson(officer.browser, { givenNames: 'Merged' });
    const kept = await buildPerson(officer.browser, { givenNames: 'Kept' });
    await t.db.kysely
      .updateTable('registry_persons')
      .set({ merged_into: kept })
      .where('id', '=', merged)
      .execute();
    const res = await officer.browser.post(`/api/registry/persons/${merged}/documents`, {
      kind: 'passport',
      number: 'M1',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('registry_person_merged');
  });
});

describe('occupancy over time', () => {
  it('keeps one definition of the age group: the SQL one agrees with ageGroupOn', async () => {
    const births = [
      null,
      '2008-11-22',
      '2008-02-29',
      '2008-02',
      '2008-04',
      '2008',
      '2014-11-23',
      '1966-11-23',
      '2027',
    ];
    const daysOf = [
      '2008-02-28',
      '2008-12-31',
      '2020-02-29',
      '2026-02-28',
      '2026-03-01',
      '2026-04-29',
      '2026-04-30',
      '2026-05-01',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-12-31',
      '2027-01-01',
    ];
    const pairs = births.flatMap((birthDate) => daysOf.map((day) => ({ birthDate, day })));
    const sqlGroups = await ageGroupsInSql(t.db.kysely, pairs);
    expect(sqlGroups).toEqual(pairs.map((p) => ageGroupOn(p.birthDate, p.day)));
  });

  it('counts the residents at the end of each day by sex, age group and nationality, following transfers', async () => {
    const a = await buildCentre(supervisor.browser);
    const b = await buildCentre(supervisor.browser, { type: 'shelter' });
    const hnd = await buildPerson(officer.browser, { givenNames: 'Lidia', familyNames: 'Zelaya Paz' });
    // Turns 18 on 22 November.
    const gtm = await buildPerson(officer.browser, {
      givenNames: 'Byron',
      familyNames: 'Ajú Tzul',
      sex: 'male',
      birthDate: '2008-11-22',
      nationality: 'GTM',
    });
    const sameDay = await buildPerson(officer.browser, {
      givenNames: 'Elena',
      familyNames: 'Cruz Soto',
      nationality: 'SLV',
    });
    const s1 = await buildStay(officer.browser, hnd, a, { admittedAt: '2026-11-20T08:00:00Z' });
    await buildStay(officer.browser, gtm, a, {
      unit: 'unaccompanied_children',
      admittedAt: '2026-11-21T08:00:00Z',
    });
    const s3 = await buildStay(officer.browser, sameDay, a, { admittedAt: '2026-11-21T09:00:00Z' });
    const released = await officer.browser.post(`/api/registry/stays/${s3}/release`, {
      releasedAt: '2026-11-21T15:00:00Z',
      outcome: 'regularisation',
      identity: {
        givenNames: 'Elena',
        familyNames: 'Cruz Soto',
        birthDate: '1994-03-07',
        nationality: 'SLV',
      },
    });
    expect(released.statusCode, released.body).toBe(200);
    const moved = await officer.browser.post(`/api/registry/stays/${s1}/transfer`, {
      toCentreId: b,
      at: '2026-11-22T10:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const res = await officer.browser.get(
      `/api/registry/centres/${a}/occupancy?from=2026-11-19&to=2026-11-23`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json().residentsOverTime;
    expect(o.dates).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(o.total).toEqual([0, 1, 2, 1, 1]);
    expect(o.bySex).toEqual([
      { sex: 'male', counts: [0, 0, 1, 1, 1] },
      { sex: 'female', counts: [0, 1, 1, 0, 0] },
      { sex: 'other', counts: [0, 0, 0, 0, 0] },
    ]);
    const ages = Object.fromEntries(
      o.byAgeGroup.map((g: { ageGroup: string; counts: number[] }) => [g.ageGroup, g.counts]),
    );
    expect(Object.keys(ages)).toEqual([...AGE_GROUPS]);
    expect(ages['12-17']).toEqual([0, 0, 1, 0, 0]);
    expect(ages['18-59']).toEqual([0, 1, 1, 1, 1]);
    expect(o.byNationality).toEqual([
      { nationality: 'GTM', counts: [0, 0, 1, 1, 1] },
      { nationality: 'HND', counts: [0, 1, 1, 0, 0] },
    ]);
    // The last day is today: its count is the residents now.
    expect(o.total.at(-1)).toBe(res.json().total.occupied);
    const atB = (
      await officer.browser.get(`/api/registry/centres/${b}/occupancy?from=2026-11-19&to=2026-11-23`)
    ).json();
    expect(atB.residentsOverTime.total).toEqual([0, 0, 0, 1, 1]);
    expect(atB.residentsOverTime.byNationality).toEqual([{ nationality: 'HND', counts: [0, 0, 0, 1, 1] }]);
  });

  it('answers 404 to another country and 400 to a bad range', async () => {
    const a = await buildCentre(supervisor.browser);
    expect((await officerGt.browser.get(`/api/registry/centres/${a}/occupancy`)).statusCode).toBe(404);
    expect(
      (await officer.browser.get(`/api/registry/centres/${a}/occupancy?from=2026-11-20&to=2026-11-01`))
        .statusCode,
    ).toBe(400);
    expect((await officer.browser.get(`/api/registry/centres/${a}/occupancy?from=nope`)).statusCode).toBe(
      400,
    );
  });
});

describe('resources over time', () => {
  it('gives one point per day declared (its latest declaration), staff by role and budget by currency', async () => {
    const c = await buildCentre(supervisor.browser);
    const empty = (await officer.browser.get(`/api/registry/centres/${c}/resources`)).json();
    expect(empty.series).toEqual({
      dates: [],
      staff: expect.arrayContaining([{ role: 'custody', counts: [] }]),
      budget: [],
    });
    const declare = async (body: object) => {
      const res = await supervisor.browser.post(`/api/registry/centres/${c}/resources`, body);
      expect(res.statusCode, res.body).toBe(201);
      t.clock.advance(60_000);
    };
    await declare({
      asOf: '2026-10-01',
      staff: [
        { role: 'custody', count: 5 },
        { role: 'medical', count: 1 },
      ],
      budget: [
        { line: 'Food', year: 2026, amount: 1000.1, currency: 'MXN' },
        { line: 'Health', year: 2026, amount: 200.2, currency: 'MXN' },
        { line: 'UNHCR grant', year: 2026, amount: 50, currency: 'USD' },
      ],
    });
    await declare({ asOf: '2026-11-01', staff: [{ role: 'custody', count: 6 }], budget: [] });
    await declare({ asOf: '2026-11-01', staff: [{ role: 'custody', count: 7 }], budget: [] });
    const res = await officer.browser.get(`/api/registry/centres/${c}/resources`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.history.length).toBe(3);
    expect(r.series.dates).toEqual(['2026-10-01', '2026-11-01']);
    const staff = Object.fromEntries(
      r.series.staff.map((s: { role: string; counts: number[] }) => [s.role, s.counts]),
    );
    expect(staff.custody).toEqual([5, 7]);
    expect(staff.medical).toEqual([1, 0]);
    expect(staff.legal).toEqual([0, 0]);
    expect(r.series.budget).toEqual([
      { currency: 'MXN', amounts: [1200.3, 0] },
      { currency: 'USD', amounts: [50, 0] },
    ]);
    expect((await officerGt.browser.get(`/api/registry/centres/${c}/resources`)).statusCode).toBe(404);
  });
});

describe('the incident of an admission', () => {
  it('gives the stay the linked incident’s reference; another country’s incident is refused', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    const incident = await reportIncident(liaison.browser, {
      place: { name: 'Tapachula', countryCode: 'MEX', latitude: 14.9, longitude: -92.26 },
    });
    const liaisonGt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    const foreign = await reportIncident(liaisonGt.browser, {
      place: { name: 'Tecún Umán', countryCode: 'GTM', latitude: 14.67, longitude: -92.14 },
    });
    const centre = await buildCentre(supervisor.browser);
    const person = await buildPerson(officer.browser, { givenNames: 'Incidencia' });
    const refused = await officer.browser.post('/api/registry/stays', {
      personId: person,
      centreId: centre,
      unit: 'adult_women',
      admittedAt: '2026-11-22T09:30:00Z',
      referringAuthority: 'INM',
      reason: 'Interception',
      custodyType: 'administrative_custody',
      incidentId: foreign.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'incidentId' })]);
    const stay = await buildStay(officer.browser, person, centre, {
      admittedAt: '2026-11-22T09:30:00Z',
      incidentId: incident.id,
    });
    const res = await officer.browser.get(`/api/registry/stays/${stay}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      incidentId: incident.id,
      incident: { id: incident.id, reference: incident.reference },
    });
    const other = await buildPerson(officer.browser, { givenNames: 'Sin incidente' });
    const plain = await buildStay(officer.browser, other, centre, { admittedAt: '2026-11-22T09:30:00Z' });
    expect((await officer.browser.get(`/api/registry/stays/${plain}`)).json().incident).toBeNull();
    // The incidents the picker searches: the incidents list with its text search, for incident readers.
    const found = await liaison.browser.get(
      `/api/incidents?q=${encodeURIComponent(incident.reference)}&limit=10`,
    );
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(incident.id);
    expect((await officer.browser.get('/api/incidents?q=x')).statusCode).toBe(403);
  });
});
