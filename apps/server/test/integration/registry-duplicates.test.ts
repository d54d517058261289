import { type PersonInput, personInputSchema } from '@enlace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledJobs } from '../../src/jobs';
import { insertPersonsInBulk } from '../../src/modules/registry/registry.repository';
import { personRecord } from '../../src/modules/registry/registry.service';
import { scanDuplicates } from '../../src/modules/registry/registry-duplicates.service';
import { uuidv7 } from '../../src/platform/ids';
import { admissionBody, buildCentre, buildPerson, buildStay } from '../factories/registry';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
type Pair = {
  id: string;
  status: string;
  score: number;
  first: { id: string; givenNames: string; stays: number };
  second: { id: string; givenNames: string };
  explanation: { fields: { field: string; agreement: string; level: string | null }[] };
  note: string | null;
  abilities: { decide: boolean; undo: boolean };
};
const ID = '00000000-0000-4000-8000-000000000000';

const pairOf = (x: string, y: string) => (p: Pair) =>
  (p.first.id === x && p.second.id === y) || (p.first.id === y && p.second.id === x);
const pairRows = () => t.db.kysely.selectFrom('registry_duplicate_pairs').selectAll().orderBy('id').execute();
const person = (id: string) =>
  t.db.kysely.selectFrom('registry_persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const runJob = async () => {
  const job = scheduledJobs(t.ctx, { send: null }).find((j) => j.name === 'registry.duplicates');
  if (!job) throw new Error('registry.duplicates is not scheduled');
  return job.run(t.ctx, t.clock.now());
};

// The ICAO 9303 specimen passport (Anna Maria Eriksson of Utopia), and the same with the check
// digit of the document number wrong (6 → 5).
const SPECIMEN = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const WRONG_DIGIT = SPECIMEN.replace('L898902C36', 'L898902C35');

describe('duplicate review', () => {
  let officer: Session;
  let supervisor: Session;
  let other: Session;
  let supervisorGt: Session;
  let centre: string;
  let yessenia: string;
  let yesenia: string;
  let carlos: string;
  let gtYessenia: string;
  beforeAll(async () => {
    officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    other = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX', locale: 'es' });
    supervisorGt = await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' });
    centre = await buildCentre(supervisor.browser);
    const base = {
      givenNames: 'Yessenia Marisol',
      familyNames: 'Orellana Funes',
      birthDate: '1990-05-14',
      nationality: 'HND',
    };
    yessenia = await buildPerson(officer.browser, base);
    // The same woman registered again a few days later: one letter less, one changed.
    yesenia = await buildPerson(officer.browser, {
      ...base,
      givenNames: 'Yesenia Marisol',
      familyNames: 'Orellana Funez',
    });
    // Her brother: the same family names, nationality and a key shared, clearly someone else.
    carlos = await buildPerson(officer.browser, {
      givenNames: 'Carlos Alberto',
      familyNames: 'Orellana Funes',
      sex: 'male',
      birthDate: '1984-11-02',
      nationality: 'HND',
    });
    // The same woman as recorded by Guatemala: never paired across the border.
    gtYessenia = await buildPerson(
      (await signedIn(t, { role: 'centre_officer', countryCode: 'GTM' })).browser,
      base,
    );
  });

  it('answers 401 to an anonymous caller on every route', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const [method, url] of [
      ['GET', '/api/registry/duplicates'],
      ['POST', '/api/registry/duplicates/scan'],
      ['POST', `/api/registry/duplicates/${ID}/decision`],
      ['POST', `/api/registry/duplicates/${ID}/undo`],
      ['POST', '/api/registry/mrz/check'],
    ] as const) {
      const res = await b.request({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses a role without the permission (403, logged): an officer neither scans nor decides', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    expect((await liaison.browser.get('/api/registry/duplicates')).statusCode).toBe(403);
    expect((await liaison.browser.post('/api/registry/mrz/check', { mrz: SPECIMEN })).statusCode).toBe(403);
    expect((await officer.browser.post('/api/registry/duplicates/scan')).statusCode).toBe(403);
    expect(
      (
        await officer.browser.post(`/api/registry/duplicates/${ID}/decision`, {
          decision: 'different',
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await officer.browser.post(`/api/registry/duplicates/${ID}/undo`, { note: 'x' })).statusCode,
    ).toBe(403);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'access.denied')
      .where('actor_id', 'in', [liaison.user.id, officer.user.id])
      .execute();
    expect(denied.length).toBe(5);
    expect(await pairRows()).toEqual([]);
  });

  it('queues the seeded duplicate pair and not a clearly different person, never across countries', async () => {
    const scan = await supervisor.browser.post('/api/registry/duplicates/scan');
    expect(scan.statusCode).toBe(200);
    expect(scan.json().scanned).toBeGreaterThanOrEqual(3);
    expect(scan.json().queued).toBe(1);
    const rows = await pairRows();
    expect(rows).toHaveLength(1);
    expect([rows[0]?.person_a, rows[0]?.person_b]).toEqual([yessenia, yesenia]);
    expect(rows[0]?.country_code).toBe('MEX');
    expect(rows.some((r) => [r.person_a, r.person_b].includes(carlos))).toBe(false);
    expect(rows.some((r) => [r.person_a, r.person_b].includes(gtYessenia))).toBe(false);

    const list = await supervisor.browser.get('/api/registry/duplicates');
    expect(list.statusCode).toBe(200);
    const pair = (list.json().items as Pair[]).find(pairOf(yessenia, yesenia));
    expect(pair?.first.id).toBe(yessenia);
    expect(pair?.first.givenNames).toBe('Yessenia Marisol');
    expect(pair?.second.givenNames).toBe('Yesenia Marisol');
    expect(pair?.score).toBeGreaterThanOrEqual(0.5);
    expect(pair?.abilities).toEqual({ decide: true, undo: false });
    const fields = Object.fromEntries((pair?.explanation.fields ?? []).map((f) => [f.field, f]));
    expect(fields.birth_date?.agreement).toBe('strong');
    expect(fields.given_names?.agreement).not.toBe('disagrees');
    // The queue is read as personal records are: audited with the pairs' ids, never names.
    const listed = await t.db.kysely
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'registry.duplicates_listed')
      .execute();
    expect(listed.at(-1)?.details).toContain(rows[0]?.id);
    expect(listed.at(-1)?.details).not.toContain('Yes');
    // Guatemala sees none of it, and a decision on Mexico's pair is 404, audited.
    expect((await supervisorGt.browser.get('/api/registry/duplicates')).json().items).toEqual([]);
    const foreign = await supervisorGt.browser.post(`/api/registry/duplicates/${rows[0]?.id}/decision`, {
      decision: 'same_person',
      note: 'Looks the same',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Yes');
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select('object_id')
      .where('actor_id', '=', supervisorGt.user.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.map((d) => d.object_id)).toContain(rows[0]?.id);
    expect((await person(yesenia)).merged_into).toBeNull();
  });

  it('is idempotent: the nightly job run twice queues nothing more', async () => {
    const before = await pairRows();
    const first = await runJob();
    const second = await runJob();
    expect(first.queued).toBe(0);
    expect(second.queued).toBe(0);
    expect(await pairRows()).toEqual(before);
    const scans = await t.db.kysely.selectFrom('registry_duplicate_scans').selectAll().execute();
    expect(scans.map((s) => s.country_code).sort()).toEqual(['GTM', 'MEX']);
  });

  it('never proposes again a pair judged different, after a second scan', async () => {
    const [row] = await pairRows();
    const bad = await supervisor.browser.post(`/api/registry/duplicates/${row?.id}/decision`, {
      decision: 'maybe',
      note: 'x',
    });
    expect(bad.statusCode).toBe(400);
    const res = await supervisor.browser.post(`/api/registry/duplicates/${row?.id}/decision`, {
      decision: 'different',
      note: 'Two cousins, the centre staff know both',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('different');
    expect(res.json().note).toBe('Two cousins, the centre staff know both');
    expect(res.json().abilities).toEqual({ decide: false, undo: false });
    const again = await supervisor.browser.post(`/api/registry/duplicates/${row?.id}/decision`, {
      decision: 'same_person',
      note: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('registry_duplicate_decided');

    const rescan = await supervisor.browser.post('/api/registry/duplicates/scan');
    expect(rescan.json().queued).toBe(0);
    expect((await runJob()).queued).toBe(0);
    const pending = (await supervisor.browser.get('/api/registry/duplicates')).json().items as Pair[];
    expect(pending.some(pairOf(yessenia, yesenia))).toBe(false);
    const decided = (await supervisor.browser.get('/api/registry/duplicates?view=decided')).json()
      .items as Pair[];
    expect(decided.find(pairOf(yessenia, yesenia))?.status).toBe('different');
    const rows = await pairRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('different');
    expect(JSON.stringify(rows)).not.toContain('cousins');
    const audited = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_id', 'object_id'])
      .where('action', '=', 'registry.duplicate_judged_different')
      .execute();
    expect(audited).toEqual([{ actor_id: supervisor.user.id, object_id: row?.id }]);
  });

  it('merges the same person keeping every record, leads reads to the kept one, and undoes it exactly', async () => {
    const jhonny = await buildPerson(officer.browser, {
      givenNames: 'Jhonny Alexander',
      familyNames: 'Reyes Mejía',
      sex: 'male',
      birthDate: '1998-02-27',
      nationality: 'SLV',
      documentNumber: 'A12345678',
    });
    const johnny = await buildPerson(officer.browser, {
      givenNames: 'Johnny Alexander',
      familyNames: 'Reyes Mejia',
      sex: 'male',
      birthDate: '1998-02-27',
      nationality: 'SLV',
    });
    const first = await buildStay(officer.browser, jhonny, centre, { unit: 'adult_men' });
    const second = await buildStay(officer.browser, johnny, centre, {
      unit: 'adult_men',
      admittedAt: '2026-11-21T08:00:00Z',
    });
    const before = [await person(jhonny), await person(johnny)];
    expect((await supervisor.browser.post('/api/registry/duplicates/scan')).json().queued).toBe(1);
    const pair = ((await supervisor.browser.get('/api/registry/duplicates')).json().items as Pair[]).find(
      pairOf(jhonny, johnny),
    ) as Pair;
    expect(pair.first.id).toBe(jhonny);
    expect(pair.first.stays).toBe(1);

    const merged = await supervisor.browser.post(`/api/registry/duplicates/${pair.id}/decision`, {
      decision: 'same_person',
      note: 'Same photo and fingerprint card',
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().status).toBe('same_person');
    expect(merged.json().abilities.undo).toBe(true);
    expect((await person(johnny)).merged_into).toBe(jhonny);
    // Reading the duplicate leads to the kept person, with the stays of both where they were.
    const read = (await officer.browser.get(`/api/registry/persons/${johnny}`)).json();
    expect(read.id).toBe(jhonny);
    expect(read.stays.map((s: { id: string }) => s.id).sort()).toEqual([first, second].sort());
    expect((await officer.browser.get(`/api/registry/persons/${jhonny}`)).json().stays).toHaveLength(2);
    // Search before create: the kept person only, even typed as the duplicate was.
    const search = await officer.browser.post('/api/registry/persons/search', {
      givenNames: 'Johnny Alexander',
      familyNames: 'Reyes Mejia',
      birthDate: '1998-02-27',
      sex: 'male',
      nationality: 'SLV',
    });
    const ids = search.json().candidates.map((c: { person: { id: string } }) => c.person.id);
    expect(ids[0]).toBe(jhonny);
    expect(ids).not.toContain(johnny);
    expect(search.json().candidates[0].score).toBeGreaterThanOrEqual(0.95);
    // The merged-away record is no longer admitted on its own, and no scan proposes it again.
    const admitted = await officer.browser.post('/api/registry/stays', admissionBody(johnny, centre));
    expect(admitted.statusCode).toBe(409);
    expect(admitted.json().code).toBe('registry_person_merged');
    expect((await supervisor.browser.post('/api/registry/duplicates/scan')).json().queued).toBe(0);

    const undoBad = await supervisor.browser.post(`/api/registry/duplicates/${pair.id}/undo`, {});
    expect(undoBad.statusCode).toBe(400);
    const undone = await supervisor.browser.post(`/api/registry/duplicates/${pair.id}/undo`, {
      note: 'Fingerprint card belonged to his brother',
    });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().status).toBe('pending');
    expect(undone.json().note).toBe('Fingerprint card belonged to his brother');
    expect([await person(jhonny), await person(johnny)]).toEqual(before);
    expect(
      (await officer.browser.get(`/api/registry/persons/${johnny}`))
        .json()
        .stays.map((s: { id: string }) => s.id),
    ).toEqual([second]);
    expect(
      (await officer.browser.get(`/api/registry/persons/${jhonny}`))
        .json()
        .stays.map((s: { id: string }) => s.id),
    ).toEqual([first]);
    const twice = await supervisor.browser.post(`/api/registry/duplicates/${pair.id}/undo`, {
      note: 'again',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('registry_duplicate_not_merged');
    const actions = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', pair.id)
      .where('action', 'like', 'registry.duplicate%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'registry.duplicate_merged',
      'registry.duplicate_merge_undone',
    ]);
    // Back in the queue, decided anew by another supervisor.
    const pending = (await other.browser.get('/api/registry/duplicates')).json().items as Pair[];
    expect(pending.some(pairOf(jhonny, johnny))).toBe(true);
  });
});

describe('MRZ of travel documents', () => {
  let officer: Session;
  let officerEs: Session;
  beforeAll(async () => {
    officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    officerEs = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX', locale: 'es' });
  });

  const typed = {
    givenNames: 'Anna María',
    familyNames: 'Eriksson',
    birthDate: '1974-08-12',
    sex: 'female',
    documentNumber: 'L898902C3',
  };

  it('reports a check-digit failure by its field, the expiry and what disagrees, correcting nothing', async () => {
    const res = await officer.browser.post('/api/registry/mrz/check', {
      mrz: WRONG_DIGIT,
      ...typed,
      nationality: 'SWE',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format).toBe('TD3');
    expect(body.valid).toBe(false);
    expect(body.fields.documentNumber).toBe('L898902C3');
    expect(body.flags).toEqual(
      expect.arrayContaining([
        { kind: 'check_digit_invalid', field: 'documentNumber' },
        { kind: 'check_digit_invalid', field: 'composite' },
        { kind: 'expired', expiryDate: '2012-04-15' },
        { kind: 'mismatch', field: 'nationality', mrz: 'UTO', typed: 'SWE' },
      ]),
    );
    expect(body.flags).toHaveLength(4);
    const right = (await officer.browser.post('/api/registry/mrz/check', { mrz: SPECIMEN, ...typed })).json();
    expect(right.flags).toEqual([{ kind: 'expired', expiryDate: '2012-04-15' }]);
  });

  it('answers 400 in the reader’s language to a zone it cannot read, and to an unknown key', async () => {
    const res = await officerEs.browser.post('/api/registry/mrz/check', { mrz: 'P<UTOERIKSSON<<ANNA' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('registry_mrz_unreadable');
    expect(res.json().title).toContain('zona de lectura mecánica');
    const extra = await officer.browser.post('/api/registry/mrz/check', { mrz: SPECIMEN, photo: 'x' });
    expect(extra.statusCode).toBe(400);
  });

  it('stores the person as typed with the zone encrypted and its flags, returned when the person is read', async () => {
    const id = await buildPerson(officer.browser, {
      givenNames: 'Ana María',
      familyNames: 'Eriksson',
      birthDate: '1974-08-12',
      nationality: 'UTO',
      documentNumber: 'L898902C3',
      mrz: WRONG_DIGIT,
    });
    const read = (await officer.browser.get(`/api/registry/persons/${id}`)).json();
    expect(read.givenNames).toBe('Ana María');
    expect(read.mrz.format).toBe('TD3');
    expect(read.mrz.text).toBe(WRONG_DIGIT);
    expect(read.mrz.flags).toEqual(
      expect.arrayContaining([
        { kind: 'check_digit_invalid', field: 'documentNumber' },
        { kind: 'mismatch', field: 'givenNames', mrz: 'ANNA MARIA', typed: 'Ana María' },
        { kind: 'expired', expiryDate: '2012-04-15' },
      ]),
    );
    const raw = await t.db.kysely
      .selectFrom('registry_person_mrz')
      .selectAll()
      .where('person_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(raw.mrz_enc).not.toContain('ERIKSSON');
    const plain = await buildPerson(officer.browser, { givenNames: 'Sin', familyNames: 'Documento' });
    expect((await officer.browser.get(`/api/registry/persons/${plain}`)).json().mrz).toBeNull();
  });

  it('refuses a person with an unreadable zone and registers nobody', async () => {
    const count = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('registry_persons')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await officer.browser.post('/api/registry/persons', {
      givenNames: 'Anna',
      familyNames: 'Eriksson',
      sex: 'female',
      birthDatePrecision: 'year',
      birthDate: '1974',
      nationality: 'SWE',
      mrz: 'THIS IS NOT A ZONE',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'mrz', message: expect.stringContaining('ICAO 9303') }]);
    expect(await count()).toBe(before);
  });
});

describe('a scan in parts on worker threads', () => {
  it('queues a pair whose two registrations fall in different parts once, and a second scan nothing', async () => {
    await signedIn(t, { role: 'centre_supervisor', countryCode: 'CRI' });
    const user = await t.db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow();
    // 240 women, each with family names of her own and her own birth date (never 1 January).
    const given = [
      'Ana',
      'Berta',
      'Carmen',
      'Dolores',
      'Elena',
      'Fabiola',
      'Gloria',
      'Hilda',
      'Irma',
      'Julia',
    ];
    const head = ['Bar', 'Cor', 'Dal', 'Fer', 'Gal', 'Mon', 'Pal', 'Ros', 'Sal', 'Tor', 'Val', 'Zam'];
    const tail = ['ado', 'eño', 'illa', 'ino', 'ista', 'orra', 'uela', 'ales', 'ero', 'ondo'];
    const tail2 = ['acio', 'ente', 'ura', 'ido', 'aste', 'anza', 'ueta', 'iza', 'oya', 'era'];
    const endings = [...tail, ...tail2];
    const inputs: PersonInput[] = [];
    for (let i = 0; i < 240; i++)
      inputs.push({
        givenNames: `${given[i % 10]} ${given[(i * 3 + 1) % 10]}`,
        familyNames: `${head[i % 12]}${endings[Math.floor(i / 12)]} ${head[(i * 5 + 7) % 12]}${tail[Math.floor(i / 24) % 10]}`,
        sex: 'female',
        birthDate: `${1960 + (i % 40)}-${String(2 + (i % 11)).padStart(2, '0')}-${String(2 + (i % 27)).padStart(2, '0')}`,
        birthDatePrecision: 'exact',
        nationality: 'NIC',
      });
    // The fourth woman registered again after the 240, one letter changed: in a part of its own.
    const fourth = inputs[3] as PersonInput;
    inputs.push({ ...fourth, givenNames: fourth.givenNames.replace('Dolores', 'Dolorez') });
    const ids = inputs.map(() => uuidv7());
    const records = inputs.map((input, i) =>
      personRecord(
        t.ctx,
        { id: ids[i] as string, countryCode: 'CRI', userId: user.id },
        personInputSchema.parse(input),
        input.birthDate ?? null,
      ),
    );
    await t.db.kysely.transaction().execute((trx) => insertPersonsInBulk(t.db, trx, records));
    const first = await scanDuplicates(t.ctx, 'CRI');
    expect(first.scanned).toBe(241);
    const pairs = await t.db.kysely
      .selectFrom('registry_duplicate_pairs')
      .select(['person_a', 'person_b'])
      .where('country_code', '=', 'CRI')
      .execute();
    const [a, b] = [ids[3], ids[240]].sort();
    // Found from both sides (each registration is new), in two parts: one row.
    expect(pairs.filter((p) => p.person_a === a && p.person_b === b)).toHaveLength(1);
    expect(new Set(pairs.map((p) => `${p.person_a} ${p.person_b}`)).size).toBe(pairs.length);
    expect(first.queued).toBe(pairs.length);
    expect((await scanDuplicates(t.ctx, 'CRI')).queued).toBe(0);
  });
});

describe('duplicate scan: what one registration queues', () => {
  it('queues its best pairs only, and besides them any person sharing its document number', async () => {
    const supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'HND' });
    const same = {
      givenNames: 'Ana Lucía',
      familyNames: 'Pérez Gómez',
      sex: 'female' as const,
      birthDate: '1990-05-05',
      birthDatePrecision: 'exact' as const,
      nationality: 'HND',
    };
    // Four earlier registrations of the same woman (a register that already holds duplicates),
    // and a man of another age who shows the same document number (a family's shared passport).
    const namesakes: string[] = [];
    for (const n of ['HN0001', 'HN0002', 'HN0003', 'HN0004'])
      namesakes.push(await buildPerson(supervisor.browser, { ...same, documentNumber: n }));
    const brother = await buildPerson(supervisor.browser, {
      givenNames: 'Pedro José',
      familyNames: 'Pérez Gómez',
      sex: 'male',
      birthDate: '1975-11-30',
      birthDatePrecision: 'exact',
      nationality: 'HND',
      documentNumber: 'HN7788',
    });
    // The night's scan, then later (each step past the scan's overlap of 15 minutes, within the
    // session's 30) she is registered once more, with the family's passport.
    t.clock.advance(16 * 60 * 1000);
    await scanDuplicates(t.ctx, 'HND');
    t.clock.advance(10 * 60 * 1000);
    const again = await buildPerson(supervisor.browser, { ...same, documentNumber: 'HN7788' });
    const scan = await scanDuplicates(t.ctx, 'HND');
    expect(scan.scanned).toBe(1);
    const queued = await t.db.kysely
      .selectFrom('registry_duplicate_pairs')
      .select(['person_a', 'person_b'])
      .where((eb) => eb.or([eb('person_a', '=', again), eb('person_b', '=', again)]))
      .execute();
    const others = queued.map((p) => (p.person_a === again ? p.person_b : p.person_a));
    expect(scan.queued).toBe(queued.length);
    expect(others.filter((o) => namesakes.includes(o))).toHaveLength(3);
    expect(others).toContain(brother);
    expect(others).toHaveLength(4);
  });
});
