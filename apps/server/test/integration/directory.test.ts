import { parse } from 'vcard4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagStaleEntries, runAuthorisations } from '../../src/modules/directory/directory.service';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const DAY = 86_400_000;

const entry = (over: Record<string, unknown> = {}) => ({
  countryCode: 'MEX',
  areas: ['investigation_intelligence', 'contact_24_7'],
  name: 'José Pérez Hernández',
  function: 'Oficial de enlace, Unidad contra el Tráfico de Migrantes',
  languages: ['es', 'en'],
  channels: [
    { kind: 'work_phone', value: '+52 55 5346 0000' },
    { kind: 'secure_email', value: 'jose.perez@fgr.example.mx' },
    { kind: 'messaging', value: 'Signal +52 1 55 0000 0000' },
  ],
  availability: 'Lunes a viernes, 8:00–18:00',
  available247: true,
  timeZone: 'America/Mexico_City',
  ...over,
});

const notices = async (userId: string, kind: string) =>
  (
    await t.db.kysely
      .selectFrom('notifications')
      .select('object_id')
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute()
  ).map((n) => n.object_id);

describe('directory of focal points', () => {
  let adminMx: Session;
  let adminGt: Session;
  let liaison: Session;
  beforeAll(async () => {
    adminMx = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    adminGt = await signedIn(t, { role: 'country_admin', countryCode: 'GTM' });
    liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
  });

  it('answers 401 to an anonymous caller and refuses to write without directory.manage', async () => {
    expect((await new Browser(t).get('/api/directory/entries')).statusCode).toBe(401);
    expect(
      (await liaison.browser.post('/api/directory/entries', entry({ countryCode: 'GTM' }))).statusCode,
    ).toBe(403);
  });

  it('lets a country administrator write their country’s entries only, and every role read the network’s', async () => {
    const created = await adminMx.browser.post('/api/directory/entries', entry());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ stale: false, abilities: { update: true, verify: true } });
    expect((await adminGt.browser.post('/api/directory/entries', entry())).statusCode).toBe(403);
    expect((await adminGt.browser.patch(`/api/directory/entries/${id}`, { name: 'x' })).statusCode).toBe(403);
    const read = await liaison.browser.get(`/api/directory/entries/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false, verify: false });
    const bad = await adminMx.browser.post(
      '/api/directory/entries',
      entry({ timeZone: 'Mars/Olympus', channels: [] }),
    );
    expect(bad.statusCode).toBe(400);
  });

  it('finds entries accents and case aside (José = jose), with filters by country, area and channel', async () => {
    await adminGt.browser.post(
      '/api/directory/entries',
      entry({
        countryCode: 'GTM',
        name: 'Ana Xiloj',
        function: 'Procuraduría de la Niñez',
        areas: ['protection'],
        channels: [{ kind: 'email', value: 'ana@pgn.example.gt' }],
        timeZone: 'America/Guatemala',
      }),
    );
    const names = async (qs: string) =>
      (await liaison.browser.get(`/api/directory/entries?${qs}`))
        .json()
        .items.map((e: { name: string }) => e.name);
    expect(await names('q=jose%20perez')).toEqual(['José Pérez Hernández']);
    expect(await names('q=JOSÉ')).toEqual(['José Pérez Hernández']);
    expect(await names('q=trafico')).toEqual(['José Pérez Hernández']);
    expect(await names('country=GTM')).toEqual(['Ana Xiloj']);
    expect(await names('area=protection')).toEqual(['Ana Xiloj']);
    expect(await names('channel=secure_email')).toEqual(['José Pérez Hernández']);
  });

  it('exports vCard 4 that parses back, and CSV in the reader’s language', async () => {
    const res = await liaison.browser.get('/api/directory/export?format=vcard&country=MEX');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/vcard');
    const cards = res.body.split(/(?<=END:VCARD\r?\n)/).filter((c) => c.trim());
    expect(cards).toHaveLength(1);
    const parsed = (
      parse(cards[0] as string) as unknown as { parsedVcard: { property: string; value: unknown }[] }
    ).parsedVcard;
    const value = (p: string) => parsed.filter((x) => x.property === p).map((x) => x.value);
    expect(value('FN')).toEqual(['José Pérez Hernández']);
    expect(value('TEL')).toEqual(['tel:+52-55-5346-0000']);
    expect(value('EMAIL')).toEqual(['jose.perez@fgr.example.mx']);
    expect(value('TZ')).toEqual(['America/Mexico_City']);
    expect(value('LANG')).toEqual(['es', 'en']);
    // In the reader's language: the account's (English here).
    const csv = await adminMx.browser.get('/api/directory/export?format=csv');
    expect(csv.body).toContain('Country,Name,Function');
    expect(csv.body).toContain('Work phone: +52 55 5346 0000');
  });

  it('flags an entry not verified for six months to its country’s administrators, once; verifying clears it', async () => {
    const created = (
      await adminMx.browser.post('/api/directory/entries', entry({ name: 'Carla Soto' }))
    ).json();
    t.clock.advance(190 * DAY);
    await adminMx.browser.signIn(adminMx.user.email);
    await liaison.browser.signIn(liaison.user.email);
    await adminGt.browser.signIn(adminGt.user.email);
    expect(
      (await liaison.browser.get('/api/directory/entries?stale=1&country=MEX'))
        .json()
        .items.map((e: { id: string }) => e.id),
    ).toContain(created.id);
    await flagStaleEntries(t.ctx);
    await flagStaleEntries(t.ctx);
    expect(
      (await notices(adminMx.user.id, 'directory.entry_stale')).filter((id) => id === created.id),
    ).toHaveLength(1);
    expect(await notices(adminGt.user.id, 'directory.entry_stale')).not.toContain(created.id);
    const fresh = (await liaison.browser.get('/api/directory/freshness')).json();
    expect(fresh.find((f: { countryCode: string }) => f.countryCode === 'MEX').fresh).toBe(0);
    expect((await liaison.browser.post(`/api/directory/entries/${created.id}/verify`)).statusCode).toBe(403);
    const verified = await adminMx.browser.post(`/api/directory/entries/${created.id}/verify`);
    expect(verified.json().stale).toBe(false);
  });
});

describe('Foreign Affairs authorisations', () => {
  it('warn 30 days ahead once, and take the exchange away from a liaison on the job run after the last day', async () => {
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'HND' });
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    const other = await signedIn(t, { role: 'liaison_officer', countryCode: 'SLV' });
    const day = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString().slice(0, 10);
    const refused = await other.browser.post('/api/directory/authorisations', {
      userId: liaison.user.id,
      authorisedBy: 'x',
      noteReference: 'x',
      authorisedOn: day(0),
      validUntil: day(40 * DAY),
    });
    expect(refused.statusCode).toBe(403);
    // Without an authorisation a liaison has no exchange.
    expect((await liaison.browser.get('/api/exchange/threads')).statusCode).toBe(403);
    const recorded = await admin.browser.post('/api/directory/authorisations', {
      userId: liaison.user.id,
      authorisedBy: 'Vicecanciller de Asuntos Consulares',
      noteReference: 'SRECI-DGAC-2026-118',
      authorisedOn: day(0),
      validUntil: day(40 * DAY),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ status: 'active', current: true });
    expect((await liaison.browser.get('/api/exchange/threads')).statusCode).toBe(200);

    t.clock.advance(15 * DAY);
    await runAuthorisations(t.ctx);
    await runAuthorisations(t.ctx);
    expect(await notices(admin.user.id, 'directory.authorisation_expiring')).toEqual([recorded.json().id]);
    expect(await notices(liaison.user.id, 'directory.authorisation_expiring')).toHaveLength(1);

    t.clock.advance(26 * DAY);
    const result = await runAuthorisations(t.ctx);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    await liaison.browser.signIn(liaison.user.email);
    const after = await liaison.browser.get('/api/exchange/threads');
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe('exchange_not_authorised');
    expect(await notices(liaison.user.id, 'directory.authorisation_expired')).toHaveLength(1);
    const trail = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', recorded.json().id)
      .orderBy('seq')
      .execute();
    expect(trail.map((e) => e.action)).toEqual([
      'directory.authorisation_recorded',
      'directory.authorisation_expired',
    ]);
  });

  it('are only for liaison officers and prosecutors, with coherent dates', async () => {
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'PAN' });
    const analyst = await signedIn(t, { role: 'analyst', countryCode: 'PAN' });
    const res = await admin.browser.post('/api/directory/authorisations', {
      userId: analyst.user.id,
      authorisedBy: 'x',
      noteReference: 'x',
      authorisedOn: '2026-12-01',
      validUntil: '2026-11-01',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['userId', 'validUntil']);
  });
});
