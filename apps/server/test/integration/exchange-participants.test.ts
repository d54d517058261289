import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise } from '../factories/directory';
import { Browser, buildTestApp, buildUser, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const SEARCH = '/api/exchange/participants/search';

async function rename(id: string, name: string) {
  await t.db.kysely.updateTable('users').set({ display_name: name }).where('id', '=', id).execute();
}

describe('exchange participants search', () => {
  let gt: Session;
  let prosecutor: Session;
  let mxId: string;
  let crProsecutorId: string;
  let agencyId: string;
  beforeAll(async () => {
    gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    prosecutor = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI' });
    const mx = await buildUser(t, { role: 'liaison_officer', countryCode: 'MEX' });
    mxId = mx.id;
    await rename(mx.id, 'Paola Núñez Ibarra');
    const cr = await buildUser(t, { role: 'prosecutor', countryCode: 'CRI' });
    crProsecutorId = cr.id;
    await rename(cr.id, 'Daniel Núñez Mora');
    for (const id of [gt.user.id, prosecutor.user.id, mx.id, cr.id]) await authorise(t, id);
    // A liaison whose Foreign Affairs authorisation is not recorded cannot be added: not offered.
    const unauthorised = await buildUser(t, { role: 'liaison_officer', countryCode: 'SLV' });
    await rename(unauthorised.id, 'Marta Núñez Sinnota');
    // Same name, but outside the exchange (a centre officer) or no longer active.
    const centre = await buildUser(t, { role: 'centre_officer', countryCode: 'MEX' });
    await rename(centre.id, 'Lucía Núñez Centro');
    const gone = await buildUser(t, { role: 'liaison_officer', countryCode: 'HND' });
    await rename(gone.id, 'Pedro Núñez Baja');
    await t.db.kysely.updateTable('users').set({ status: 'disabled' }).where('id', '=', gone.id).execute();
    agencyId = randomUUID();
    await t.db.kysely
      .insertInto('agencies')
      .values({
        id: agencyId,
        country_code: 'HND',
        kind: 'migration',
        names: JSON.stringify({
          es: 'Instituto Nacional de Migración',
          en: 'National Migration Institute',
          fr: 'Institut national des migrations',
        }),
        acronym: 'INM',
        active: 1,
        created_at: new Date().toISOString(),
      })
      .execute();
  });

  it('answers 401 to an anonymous caller and 403 to a role outside the exchange', async () => {
    expect((await new Browser(t).post(SEARCH, { q: 'nunez' })).statusCode).toBe(401);
    const centre = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    expect((await centre.browser.post(SEARCH, { q: 'nunez' })).statusCode).toBe(403);
  });

  it('finds active people of the exchange in every country by name, accents and case aside, and agencies of other countries', async () => {
    const res = await gt.browser.post(SEARCH, { q: 'NUNEZ' });
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().users.map((u: { name: string }) => u.name);
    expect(names).toEqual(['Daniel Núñez Mora', 'Paola Núñez Ibarra']);
    expect(res.json().users[1]).toEqual({
      id: mxId,
      name: 'Paola Núñez Ibarra',
      countryCode: 'MEX',
      role: 'liaison_officer',
      agency: null,
    });
    // The e-mail address and other account fields are not sent.
    expect(res.body).not.toContain('@');

    // Found by its name in any language (here the Spanish one), named in the reader's (English).
    const agencies = (await gt.browser.post(SEARCH, { q: 'migracion nacional' })).json().agencies;
    expect(agencies).toEqual([
      { id: agencyId, name: 'National Migration Institute', acronym: 'INM', countryCode: 'HND' },
    ]);
    const spanish = await signedIn(t, { role: 'liaison_officer', countryCode: 'PAN', locale: 'es' });
    await authorise(t, spanish.user.id);
    expect((await spanish.browser.post(SEARCH, { q: 'inm' })).json().agencies[0].name).toBe(
      'Instituto Nacional de Migración',
    );
  });

  it('offers only prosecutors in the prosecutors’ channel, which only prosecutors may search', async () => {
    const res = await prosecutor.browser.post(SEARCH, { q: 'nunez', channel: 'prosecutors' });
    expect(res.json().users.map((u: { id: string }) => u.id)).toEqual([crProsecutorId]);
    expect((await gt.browser.post(SEARCH, { q: 'nunez', channel: 'prosecutors' })).statusCode).toBe(403);
  });

  it('names the accounts asked for by id (a permission’s requester), and never the searcher', async () => {
    const res = await gt.browser.post(SEARCH, { ids: [mxId, gt.user.id] });
    expect(
      res
        .json()
        .users.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([mxId, gt.user.id].sort());
    const self = await gt.browser.post(SEARCH, { q: gt.user.displayName });
    expect(self.json().users.map((u: { id: string }) => u.id)).not.toContain(gt.user.id);
  });

  it('takes the names in the body only: a strict body, nothing in the address', async () => {
    expect((await gt.browser.post(SEARCH, { q: 'x', email: 'a@b.c' })).statusCode).toBe(400);
    expect((await gt.browser.get(`${SEARCH}?q=nunez`)).statusCode).toBe(404);
  });
});
