import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MM22_HEADERS } from '../../src/modules/incidents/missing-migrants';
import { incidentBody, reportIncident } from '../factories/incidents';
import { type Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

// Data is never silently changed: what is not valid is refused with a 400 in the user's language,
// and nothing is written.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Problem {
  code: string;
  title: string;
  errors?: { path: string; message: string }[];
}

async function incidentCount() {
  const row = await t.db.kysely
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function rawPost(browser: Browser, url: string, payload: string | Buffer) {
  return browser.request({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
}

const messageAt = (body: Problem, path: string) => body.errors?.find((e) => e.path === path)?.message;

describe('counts that must agree', () => {
  it('refuses 10 migrants and 50 dead on a report, a follow-up and a correction, changing nothing', async () => {
    const en = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'en' });
    const before = await incidentCount();
    const res = await en.browser.post(
      '/api/incidents',
      incidentBody({ people: { migrants: 10, dead: 50, survivors: null } }),
    );
    expect(res.statusCode).toBe(400);
    expect(messageAt(res.json(), 'people.dead')).toBe('50 is more than the number of migrants (10).');
    const fr = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'fr' });
    const frRes = await fr.browser.post(
      '/api/incidents',
      incidentBody({ people: { migrants: 10, dead: 4, missing: 4, survivors: 3 } }),
    );
    expect(frRes.statusCode).toBe(400);
    expect(messageAt(frRes.json(), 'people.survivors')).toBe(
      'Morts, disparus et survivants font 11 personnes, plus que les migrants (10).',
    );
    expect(await incidentCount()).toBe(before);

    const incident = await reportIncident(en.browser);
    const followUp = await en.browser.post(`/api/incidents/${incident.id}/follow-ups`, {
      note: 'More bodies found',
      people: { dead: 50 },
    });
    expect(followUp.statusCode).toBe(400);
    expect(messageAt(followUp.json(), 'people.dead')).toBe('50 is more than the number of migrants (40).');
    const correction = await en.browser.patch(`/api/incidents/${incident.id}`, {
      people: { females: 30, males: 20 },
    });
    expect(correction.statusCode).toBe(400);
    expect(messageAt(correction.json(), 'people.males')).toBe(
      '30 females and 20 males are more persons than the migrants (40).',
    );
    const after = (await en.browser.get(`/api/incidents/${incident.id}`)).json();
    expect(after.version).toBe(1);
    expect(after.people).toMatchObject({ migrants: 40, dead: 0, females: null, males: null });
    expect(await incidentCount()).toBe(before + 1);
  });
});

describe('limits of what a request may say', () => {
  it('says a number is too large and a text too long, in the user’s language, with its numbers', async () => {
    const es = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'es' });
    const before = await incidentCount();
    const res = await es.browser.post(
      '/api/incidents',
      incidentBody({
        people: { migrants: 2_000_000 },
        place: { name: 'x'.repeat(301) },
        narrative: 'y'.repeat(20_001),
        modusOperandi: Array.from({ length: 41 }, (_, i) => `term_${i}`),
      }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as Problem;
    expect(messageAt(body, 'people.migrants')).toBe('Demasiado grande (máximo 1.000.000).');
    expect(messageAt(body, 'place.name')).toBe('Demasiado largo (como máximo 300 caracteres).');
    expect(messageAt(body, 'narrative')).toBe('Demasiado largo (como máximo 20.000 caracteres).');
    expect(messageAt(body, 'modusOperandi')).toBe('Demasiados elementos (como máximo 40).');
    const en = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'en' });
    const small = await en.browser.post('/api/incidents', incidentBody({ people: { dead: -5 } }));
    expect(messageAt(small.json(), 'people.dead')).toBe('Too small (minimum 0).');
    const half = await en.browser.post('/api/incidents', incidentBody({ people: { dead: 3.5 } }));
    expect(messageAt(half.json(), 'people.dead')).toBe('Enter a whole number.');
    expect(await incidentCount()).toBe(before);
  });

  it('refuses unknown keys at any depth of a body, naming each where it is', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'en' });
    const before = await incidentCount();
    const body = {
      ...incidentBody(),
      place: { name: 'Off Tulum', secret: 'x' },
      breakdown: [{ sex: 'male', ageGroup: '18-59', nationality: null, count: 2, note: 'x' }],
    };
    const res = await browser.post('/api/incidents', body);
    expect(res.statusCode).toBe(400);
    const problem = res.json() as Problem;
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'place.secret', message: 'This field is not allowed.' },
        { path: 'breakdown.0.note', message: 'This field is not allowed.' },
      ]),
    );
    expect(await incidentCount()).toBe(before);
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'CRI', locale: 'en' });
    const agency = await admin.browser.post('/api/admin/agencies', {
      countryCode: 'CRI',
      kind: 'police',
      name: { es: 'Policía', en: 'Police', fr: 'Police', de: 'Polizei' },
    });
    expect(agency.statusCode).toBe(400);
    expect(agency.json().errors).toEqual([{ path: 'name.de', message: 'This field is not allowed.' }]);
  });

  it('refuses lone surrogates and bytes that are not UTF-8, storing no replacement character', async () => {
    const { browser } = await signedIn(t, { role: 'country_admin', countryCode: 'CRI', locale: 'fr' });
    const agencies = async () => (await browser.get('/api/admin/agencies?country=CRI')).json();
    const before = await agencies();
    const lone = await rawPost(
      browser,
      '/api/admin/agencies',
      String.raw`{"countryCode":"CRI","kind":"police","name":{"es":"Polic\ud800ía","en":"Police","fr":"Police"}}`,
    );
    expect(lone.statusCode).toBe(400);
    expect(lone.json()).toMatchObject({ code: 'invalid_encoding', title: expect.stringContaining('UTF-8') });
    const latin1 = Buffer.concat([
      Buffer.from('{"countryCode":"CRI","kind":"police","name":{"es":"Polic'),
      Buffer.from([0xed, 0x61]),
      Buffer.from('","en":"Police","fr":"Police"}}'),
    ]);
    const invalid = await rawPost(browser, '/api/admin/agencies', latin1);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('invalid_encoding');
    expect(await agencies()).toEqual(before);
    // A surrogate pair (an emoji) is text like any other.
    const pair = await rawPost(
      browser,
      '/api/admin/agencies',
      String.raw`{"countryCode":"CRI","kind":"police","name":{"es":"Guardia \ud83d\udea2","en":"Guard","fr":"Garde"}}`,
    );
    expect(pair.statusCode).toBe(201);
    expect(pair.json().name.es).toBe('Guardia 🚢');
  });
});

describe('numbers of a case', () => {
  it('refuses a negative asset value, a fine with three decimals and a fractional sentence, changing nothing', async () => {
    const { browser } = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI', locale: 'en' });
    const created = await browser.post('/api/cases', {
      reference: `CR-${Math.random().toString(36).slice(2, 8)}`,
      title: 'Operación Arrecife',
      openedOn: '2025-02-10',
      offences: ['smuggling_of_migrants'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const asset = await browser.post(`/api/cases/${id}/assets`, {
      kind: 'cash',
      status: 'seized',
      value: -1000,
      currency: 'USD',
      statusOn: '2025-02-11',
    });
    expect(asset.statusCode).toBe(400);
    expect(messageAt(asset.json(), 'value')).toBe('Too small (minimum 0).');
    const cents = await browser.post(`/api/cases/${id}/assets`, {
      kind: 'cash',
      status: 'seized',
      value: 10.505,
      currency: 'USD',
      statusOn: '2025-02-11',
    });
    expect(messageAt(cents.json(), 'value')).toBe('At most 2 decimal places.');
    const suspect = await browser.post(`/api/cases/${id}/suspects`, {
      kind: 'person',
      name: 'Marvin Solano Ruiz',
      defendant: true,
    });
    const suspectId = suspect.json().suspects[0].id as string;
    const sentence = await browser.patch(`/api/cases/${id}/suspects/${suspectId}`, {
      outcome: 'convicted',
      outcomeOn: '2025-06-01',
      sentenceMonths: 30.5,
    });
    expect(sentence.statusCode).toBe(400);
    expect(messageAt(sentence.json(), 'sentenceMonths')).toBe('Enter a whole number.');
    const after = (await browser.get(`/api/cases/${id}`)).json();
    expect(after.assets).toEqual([]);
    expect(after.suspects[0]).toMatchObject({ outcome: 'pending', sentenceMonths: null });
  });
});

describe('incident dates', () => {
  it('refuses a date before 1990 or after today with the dates written in the user’s language', async () => {
    const en = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'en' });
    const es = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX', locale: 'es' });
    const before = await incidentCount();
    const old = incidentBody({ occurredAt: null, timeZone: null, occurredOn: '1900-01-01' });
    const res = await en.browser.post('/api/incidents', old);
    expect(res.statusCode).toBe(400);
    expect(messageAt(res.json(), 'occurredOn')).toBe(
      'The date of an incident must be between January 1, 1990 and today.',
    );
    const future = await es.browser.post(
      '/api/incidents',
      incidentBody({ occurredAt: null, timeZone: null, occurredOn: '2026-11-30' }),
    );
    expect(future.statusCode).toBe(400);
    expect(messageAt(future.json(), 'occurredOn')).toBe(
      'La fecha de un incidente debe estar entre el 1 de enero de 1990 y hoy.',
    );
    expect(await incidentCount()).toBe(before);
    expect(
      (
        await en.browser.post(
          '/api/incidents',
          incidentBody({ occurredAt: null, timeZone: null, occurredOn: '1990-01-01' }),
        )
      ).statusCode,
    ).toBe(201);
  });
});

describe('Missing Migrants rows that cannot be kept as they are', () => {
  const row = (id: string, cells: { date?: string; location?: string } = {}) =>
    [
      id,
      id,
      'Caribbean',
      `"${cells.date ?? 'Thu, 01/01/2026 - 12:00'}"`,
      '2026',
      'January',
      '1',
      '0',
      '',
      '',
      '',
      '',
      '',
      'Drowning',
      'Haiti',
      `"${cells.location ?? 'Off Haiti'}"`,
      'Src',
      '"18.5, -72.3"',
      '',
      '',
      '',
      '3',
    ].join(',');

  it('lists over-long cells and out-of-range dates as row errors and imports nothing', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'HTI', locale: 'en' });
    const before = await incidentCount();
    const text = [
      MM22_HEADERS.join(','),
      row('Z1'),
      row('Z2', { location: `Off Haiti ${'x'.repeat(400)}` }),
      row('Z3', { date: 'Sun, 01/01/1989 - 12:00' }),
      row('Z4', { date: 'Mon, 12/28/2026 - 12:00' }),
    ].join('\n');
    const res = await browser.request({
      method: 'POST',
      url: '/api/incidents/import?format=missing-migrants',
      payload: text,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as { title: string; errors: { row: number; column: string; message: string }[] };
    expect(body.title).toBe('Nothing was imported: the file has 3 errors.');
    expect(body.errors).toEqual([
      {
        row: 3,
        column: 'Location of death',
        code: 'import_too_long',
        message: 'This cell has 410 characters; at most 300 are accepted. Shorten it in the file.',
      },
      {
        row: 4,
        column: 'Incident Date',
        code: 'import_date_out_of_range',
        message: 'The date January 1, 1989 is before January 1, 1990 or after today.',
      },
      {
        row: 5,
        column: 'Incident Date',
        code: 'date_out_of_range',
        message: 'The date of an incident must be between January 1, 1990 and today.',
      },
    ]);
    expect(await incidentCount()).toBe(before);
  });
});

describe('a reimported Missing Migrants row', () => {
  it('is refused as a row error when it would make a corrected record disagree with itself', async () => {
    const { browser } = await signedIn(t, { role: 'liaison_officer', countryCode: 'HTI', locale: 'en' });
    // Main ID, Incident ID, region, date, year, month, dead, missing … (the 22-column layout)
    const line = (dead: number) =>
      [
        'R1',
        'R1',
        'Caribbean',
        '"Thu, 01/01/2026 - 12:00"',
        '2026',
        'January',
        String(dead),
        '0',
        '',
        '',
        '',
        '',
        '',
        'Drowning',
        'Haiti',
        '"Off Haiti"',
        'Src',
        '"18.5, -72.3"',
        '',
        '',
        '',
        '3',
      ].join(',');
    const importText = (text: string) =>
      browser.request({
        method: 'POST',
        url: '/api/incidents/import?format=missing-migrants',
        payload: text,
        headers: { 'content-type': 'text/csv' },
      });
    expect((await importText([MM22_HEADERS.join(','), line(1)].join('\n'))).statusCode).toBe(200);
    const list = (await browser.get('/api/incidents?q=MM-R1')).json() as { items: { id: string }[] };
    const id = list.items[0]?.id as string;
    expect(id).toBeDefined();
    // The owner learns that the boat carried 2 migrants.
    expect((await browser.patch(`/api/incidents/${id}`, { people: { migrants: 2 } })).statusCode).toBe(200);
    const before = (await browser.get(`/api/incidents/${id}`)).json();

    const res = await importText([MM22_HEADERS.join(','), line(5)].join('\n'));
    expect(res.statusCode).toBe(422);
    const body = res.json() as { errors: { row: number; column: string | null; message: string }[] };
    expect(body.errors[0]).toMatchObject({ row: 2, message: '5 is more than the number of migrants (2).' });
    const after = (await browser.get(`/api/incidents/${id}`)).json();
    expect(after.version).toBe(before.version);
    expect(after.people).toMatchObject({ migrants: 2, dead: 1 });
  });
});
