import { type Permission, ROLE_PERMISSIONS, ROLES } from '@enlace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { Browser, buildTestApp, buildUser, signedIn, type TestApp, testConfig } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

// Routes anyone may call. Adding one here is a security decision: review it.
const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/auth/session',
  'POST /api/auth/sign-in',
  'GET /api/openapi.json',
]);

function routes() {
  return t.app.registeredRoutes.flatMap((r) =>
    (Array.isArray(r.method) ? r.method : [r.method])
      .filter((m) => m !== 'HEAD')
      .map((method) => ({
        method,
        url: r.url,
        access: (r.config as { access?: string } | undefined)?.access,
      })),
  );
}

const sample = (url: string) =>
  url.replace(/:id\b/g, '00000000-0000-4000-8000-000000000000').replace(/:code\b/g, 'GTM');

describe('deny by default', () => {
  it('every registered route declares its access, and only the reviewed ones are public', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(15);
    const undeclared = all.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const publicOnes = all.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicOnes.sort()).toEqual([...PUBLIC].sort());
  });

  it('every non-public route answers 401 to an anonymous caller', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const r of routes().filter((x) => x.access !== 'public')) {
      const res = await b.request({
        method: r.method,
        url: sample(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('every permission route answers 403 to each role that lacks the permission, and logs it', async () => {
    const permissionRoutes = routes().filter(
      (r) => r.access && !['public', 'session', 'signed_in'].includes(r.access),
    );
    expect(permissionRoutes.length).toBeGreaterThan(5);
    for (const role of ROLES) {
      const { user, browser } = await signedIn(t, {
        role,
        countryCode: role === 'network_admin' ? 'RCM' : 'HND',
      });
      for (const r of permissionRoutes) {
        if ((ROLE_PERMISSIONS[role] as readonly Permission[]).includes(r.access as Permission)) continue;
        const res = await browser.request({
          method: r.method,
          url: sample(r.url),
          payload: r.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
      }
      const denials = await t.db.kysely
        .selectFrom('audit_events')
        .select(['action', 'outcome'])
        .where('actor_id', '=', user.id)
        .where('action', '=', 'access.denied')
        .execute();
      const expected = permissionRoutes.filter(
        (r) => !(ROLE_PERMISSIONS[role] as readonly string[]).includes(r.access ?? ''),
      ).length;
      expect(denials.length, role).toBe(expected);
    }
  });

  it('refuses a route that forgot to declare its access', async () => {
    const app = await buildApp({ db: t.db, config: testConfig(), clock: t.clock });
    app.get('/api/forgotten', async () => ({ secret: true }));
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/forgotten' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('secret');
    await app.close();
  });
});

describe('tenancy: a country sees its own objects', () => {
  it('a country administrator gets 404, not 403, for another country’s user, and the refusal is audited', async () => {
    const guatemalan = await buildUser(t, { countryCode: 'GTM' });
    const mexican = await buildUser(t, { countryCode: 'MEX' });
    const { user: admin, browser } = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    expect((await browser.get(`/api/admin/users/${mexican.id}`)).statusCode).toBe(200);
    const res = await browser.get(`/api/admin/users/${guatemalan.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(guatemalan.email);
    const edit = await browser.patch(`/api/admin/users/${guatemalan.id}`, { status: 'disabled' });
    expect(edit.statusCode).toBe(404);
    const still = await t.db.kysely
      .selectFrom('users')
      .select('status')
      .where('id', '=', guatemalan.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('active');
    const denial = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_id', '=', admin.id)
      .where('action', '=', 'access.denied')
      .where('object_id', '=', guatemalan.id)
      .execute();
    expect(denial.length).toBe(2);
    expect(denial[0]?.actor_country).toBe('MEX');
  });

  it('lists only the actor’s own country’s users, while the network administrator sees all', async () => {
    await buildUser(t, { countryCode: 'GTM' });
    const { browser } = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    type Page = { total: number; items: { countryCode: string; email: string; displayName: string }[] };
    const mine = (await browser.get('/api/admin/users?limit=200')).json() as Page;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.total).toBe(mine.items.length);
    expect(mine.items.every((u) => u.countryCode === 'MEX')).toBe(true);
    const asked = (await browser.get('/api/admin/users?country=GTM')).json() as Page;
    expect(asked).toEqual({ total: 0, items: [] });
    const net = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
    const all = (await net.browser.get('/api/admin/users?limit=200')).json() as Page;
    expect(new Set(all.items.map((u) => u.countryCode)).has('GTM')).toBe(true);

    // Searched by part of the name or address, any case, a page at a time.
    const someone = mine.items[0] as Page['items'][number];
    // The search text travels in a POST body, never in the address.
    const found = (
      await browser.post('/api/admin/users/search', { q: someone.email.slice(0, 8).toUpperCase() })
    ).json() as Page;
    expect(found.items.map((u) => u.email)).toContain(someone.email);
    const none = (await browser.post('/api/admin/users/search', { q: '%_nobody_%' })).json() as Page;
    expect(none).toEqual({ total: 0, items: [] });
    const foreign = (await browser.post('/api/admin/users/search', { q: '', country: 'GTM' })).json() as Page;
    expect(foreign).toEqual({ total: 0, items: [] });
    expect((await browser.get(`/api/admin/users?q=${encodeURIComponent(someone.email)}`)).statusCode).toBe(
      400,
    );
    expect((await browser.post('/api/admin/users/search', { q: 'x', name: 'y' })).statusCode).toBe(400);
    const anonymous = new Browser(t);
    await anonymous.get('/api/auth/session');
    expect((await anonymous.post('/api/admin/users/search', { q: 'a' })).statusCode).toBe(401);
    const first = (await net.browser.get('/api/admin/users?limit=2')).json() as Page;
    const second = (await net.browser.get('/api/admin/users?limit=2&offset=2')).json() as Page;
    expect(first.items).toHaveLength(2);
    expect(second.total).toBe(first.total);
    expect(second.items.map((u) => u.email)).not.toContain(first.items[0]?.email);
    expect((await net.browser.get('/api/admin/users?limit=5000')).statusCode).toBe(400);
  });

  it('a country administrator cannot create an account in another country or a network administrator', async () => {
    const { browser } = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    const base = { displayName: 'X', password: 'Un río largo y tranquilo', locale: 'es' };
    const other = await browser.post('/api/admin/users', {
      ...base,
      email: 'x1@example.org',
      role: 'analyst',
      countryCode: 'GTM',
    });
    expect(other.statusCode).toBe(403);
    const up = await browser.post('/api/admin/users', {
      ...base,
      email: 'x2@example.org',
      role: 'network_admin',
      countryCode: 'MEX',
    });
    expect(up.statusCode).toBe(403);
    const ok = await browser.post('/api/admin/users', {
      ...base,
      email: 'x3@example.org',
      role: 'analyst',
      countryCode: 'MEX',
    });
    expect(ok.statusCode).toBe(201);
    const rows = await t.db.kysely
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['x1@example.org', 'x2@example.org'])
      .execute();
    expect(rows).toEqual([]);
  });
});
