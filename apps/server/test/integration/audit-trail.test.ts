import { type AuditEvent, type AuditPage, auditLabel } from '@enlace/shared';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportIncident } from '../factories/incidents';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
let liaison: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
let network: Awaited<ReturnType<typeof signedIn>>;
let incident: { id: string; reference: string };
let lateIncident: { id: string; reference: string };

beforeAll(async () => {
  t = await buildTestApp();
  // 2026-11-23T12:00Z: a Mexican liaison officer reports an incident, reads it.
  liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
  incident = await reportIncident(liaison.browser, { timeZone: 'America/Mexico_City' });
  await liaison.browser.get(`/api/incidents/${incident.id}`);
  // 16 hours later: 2026-11-24T04:00Z, still the evening of 23 November in Mexico City (UTC−6).
  t.clock.advance(16 * 3600_000);
  await liaison.browser.signIn(liaison.user.email);
  lateIncident = await reportIncident(liaison.browser, { timeZone: 'America/Mexico_City' });
  admin = await signedIn(t, { role: 'country_admin', countryCode: 'MEX', locale: 'fr' });
  network = await signedIn(t, { role: 'network_admin', countryCode: 'RCM', locale: 'es' });
  // Another country's activity, which the Mexican administrator must not see.
  await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function page(browser: Browser, query: string): Promise<AuditPage> {
  const res = await browser.get(`/api/admin/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AuditPage;
}

describe('the audit trail: who may read it', () => {
  it('answers 401 to an anonymous caller and 403 without audit.read, for the page, the actors and the export', async () => {
    const anonymous = new Browser(t);
    await anonymous.get('/api/auth/session');
    for (const url of ['/api/admin/audit', '/api/admin/audit/actors', '/api/admin/audit/export']) {
      expect((await anonymous.get(url)).statusCode).toBe(401);
      expect((await liaison.browser.get(url)).statusCode).toBe(403);
    }
  });
});

describe('the audit trail: actions in words, objects named', () => {
  it('gives every action in the reader’s language and names the incident by its reference, linked', async () => {
    const created = await admin.browser.post('/api/admin/users', {
      email: 'ana.newcomer@example.org',
      displayName: 'Ana Newcomer',
      role: 'analyst',
      countryCode: 'MEX',
      password: 'a long and unusual passphrase 77',
    });
    expect(created.statusCode, created.body).toBe(201);
    const newcomer = created.json() as { id: string };
    const { items, total } = await page(admin.browser, 'limit=200');
    expect(total).toBe(items.length);
    for (const e of items) expect(e.actionLabel).toBe(auditLabel('fr', 'actions', e.action));
    const reported = items.find((e) => e.action === 'incident.created' && e.object?.id === incident.id);
    expect(reported).toMatchObject({
      actionLabel: 'Incident enregistré',
      actorId: liaison.user.id,
      actorName: liaison.user.displayName,
      object: {
        type: 'incident',
        id: incident.id,
        label: incident.reference,
        href: `/incidents/${incident.id}`,
      },
    });
    const account = items.find((e) => e.action === 'user.created' && e.object?.id === newcomer.id);
    expect(account?.object).toMatchObject({ type: 'user', label: 'Ana Newcomer', href: null });
    // The country administrator's scope: Mexico only.
    expect(items.every((e) => e.actorCountry === 'MEX' || e.actorCountry === null)).toBe(true);
  });

  it('names the incident for the network administrator but links it only for those who may read incidents', async () => {
    const { items } = await page(network.browser, `objectType=incident&objectId=${incident.id}`);
    const created = items.find((e) => e.action === 'incident.created');
    expect(created?.actionLabel).toBe('Incidente registrado');
    expect(created?.object).toMatchObject({ label: incident.reference, href: null });
  });

  it('says what a refusal attempted', async () => {
    await liaison.browser.get('/api/admin/users');
    const { items } = await page(admin.browser, 'action=access.denied');
    expect(items[0]).toMatchObject({
      actionLabel: 'Accès refusé',
      outcome: 'denied',
      actorId: liaison.user.id,
    });
    expect(items[0]?.attempted).toBeTruthy();
  });
});

describe('the audit trail: filters', () => {
  it('filters by user, by object, by action and outcome', async () => {
    const mine = await page(admin.browser, `actor=${liaison.user.id}&limit=200`);
    expect(mine.total).toBeGreaterThan(2);
    expect(mine.items.every((e) => e.actorId === liaison.user.id)).toBe(true);
    const object = await page(admin.browser, `objectType=incident&objectId=${incident.id}`);
    expect(object.items.map((e) => e.action).sort()).toEqual(['incident.created', 'incident.read']);
    // `_` is matched as written, not as LIKE's any-character.
    const signIns = await page(admin.browser, 'action=auth.sign_in&outcome=success');
    expect(signIns.total).toBeGreaterThan(0);
    expect(signIns.items.every((e) => e.action === 'auth.sign_in' && e.outcome === 'success')).toBe(true);
    expect((await page(admin.browser, 'action=auth.sign_i')).total).toBe(signIns.total);
    expect((await page(admin.browser, 'action=auth._ign')).total).toBe(0);
  });

  it('reads the date range as days in the administrator’s time zone', async () => {
    const q = `objectType=incident&from=2026-11-23&to=2026-11-23`;
    const mexico = await page(admin.browser, `${q}&tz=America/Mexico_City`);
    const ids = (p: AuditPage) => p.items.map((e) => e.object?.id);
    // 04:00 UTC on the 24th is still the 23rd in Mexico City…
    expect(ids(mexico)).toContain(lateIncident.id);
    expect(ids(mexico)).toContain(incident.id);
    // …but not in UTC, and a range that starts on the 24th in UTC holds only the late one.
    const utc = await page(admin.browser, `${q}&tz=UTC`);
    expect(ids(utc)).not.toContain(lateIncident.id);
    expect(ids(utc)).toContain(incident.id);
    const next = await page(admin.browser, 'objectType=incident&from=2026-11-24&tz=UTC');
    expect(ids(next)).toEqual([lateIncident.id]);
  });

  it('pages with total, newest first by default, oldest first on request', async () => {
    const first = await page(admin.browser, 'limit=2');
    const second = await page(admin.browser, 'limit=2&offset=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(4);
    expect(first.items[0]?.seq).toBeGreaterThan(first.items[1]?.seq ?? 0);
    expect(second.items[0]?.seq).toBeLessThan(first.items[1]?.seq ?? 0);
    const asc = await page(admin.browser, 'limit=2&dir=asc');
    expect(asc.items[0]?.seq).toBeLessThan(asc.items[1]?.seq ?? 0);
  });

  it('refuses a bad time zone, a reversed range and an unknown object type with a 400 in the user’s language', async () => {
    for (const q of [
      'tz=Mars/Olympus',
      'from=2026-11-24&to=2026-11-23',
      'objectType=planet',
      'actor=nobody',
    ]) {
      const res = await admin.browser.get(`/api/admin/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().title).toBe('Certains champs ne sont pas valides.');
    }
  });

  it('offers as users the accounts that acted in the reader’s scope, and no others', async () => {
    const res = await admin.browser.get('/api/admin/audit/actors');
    expect(res.statusCode).toBe(200);
    const actors = res.json() as { id: string; name: string; countryCode: string }[];
    expect(actors.map((a) => a.id)).toContain(liaison.user.id);
    expect(actors.every((a) => a.countryCode === 'MEX')).toBe(true);
  });
});

describe('the audit trail: CSV export for auditors', () => {
  it('streams the filtered trail in the reader’s language with dates in their zone, and audits the export', async () => {
    const res = await admin.browser.get(
      `/api/admin/audit/export?actor=${liaison.user.id}&from=2026-11-23&to=2026-11-23&tz=America/Mexico_City`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-trail\.csv"/);
    const rows = parse(res.body, { bom: true }) as string[][];
    const [header, ...data] = rows;
    expect(header?.[0]).toBe('N°');
    expect(header?.[1]).toBe('Date et heure (America/Mexico_City)');
    expect(header).toContain('Action');
    expect(data.length).toBeGreaterThan(2);
    // Oldest first, every row the liaison officer's, dates with the zone's offset.
    const seqs = data.map((r) => Number(r[0]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(data.every((r) => r[3] === liaison.user.id)).toBe(true);
    expect(data.every((r) => /^2026-11-2[34]T\d\d:\d\d:\d\d-06:00$/.test(r[1] ?? ''))).toBe(true);
    const created = data.find((r) => r[6] === 'incident.created' && r[10] === incident.id);
    expect(created?.[5]).toBe('Incident enregistré');
    expect(created?.[8]).toBe('Incident');
    expect(created?.[9]).toBe(incident.reference);
    expect(created?.[11]).toBe('Réussi');

    // The export is in the trail, with its filters.
    const { items } = await page(admin.browser, 'action=audit.exported');
    expect(items[0]).toMatchObject({ actorId: admin.user.id, actionLabel: "Journal d'audit exporté" });
    const row = await t.db.kysely
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'audit.exported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.details ?? '{}')).toMatchObject({
      actor: liaison.user.id,
      from: '2026-11-23',
      to: '2026-11-23',
      tz: 'America/Mexico_City',
    });
  });

  it('keeps the export inside the reader’s scope, in the reader’s language', async () => {
    const res = await network.browser.get('/api/admin/audit/export?objectType=incident');
    const rows = parse(res.body, { bom: true }) as string[][];
    expect(rows[0]?.[5]).toBe('Acción');
    const guatemala = await admin.browser.get('/api/admin/audit/export');
    const data = (parse(guatemala.body, { bom: true }) as string[][]).slice(1);
    expect(data.every((r) => r[4] === 'MEX' || r[4] === '')).toBe(true);
    expect(data.length).toBeGreaterThan(0);
  });
});

describe('the audit trail: AuditEvent shape', () => {
  it('sends no IP address or details beyond what was attempted', async () => {
    const { items } = await page(admin.browser, 'limit=5');
    const keys = Object.keys(items[0] as AuditEvent).sort();
    expect(keys).toEqual(
      [
        'action',
        'actionLabel',
        'actorCountry',
        'actorId',
        'actorName',
        'attempted',
        'object',
        'occurredAt',
        'outcome',
        'purpose',
        'seq',
      ].sort(),
    );
  });
});
