import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('operations', () => {
  it('answers /healthz and /readyz (database reachable)', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document of every API route with its schemas', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/admin/users/{id}']),
    );
    expect(doc.paths['/api/auth/sign-in'].post.requestBody).toBeDefined();
  });
});

describe('security headers and error bodies', () => {
  it('sends CSP with frame-ancestors none, nosniff and no-store on the API; HSTS only off localhost', async () => {
    const local = await t.app.inject({ url: '/api/auth/session', headers: { host: 'localhost:8080' } });
    expect(local.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(local.headers['content-security-policy']).toContain("default-src 'self'");
    expect(local.headers['x-content-type-options']).toBe('nosniff');
    expect(local.headers['cache-control']).toBe('no-store');
    expect(local.headers['strict-transport-security']).toBeUndefined();
    const remote = await t.app.inject({ url: '/api/auth/session', headers: { host: 'enlace.example.org' } });
    expect(remote.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('answers errors as problem+json in the caller’s language, without internals', async () => {
    const es = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'es-MX' } });
    const fr = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'fr' } });
    const en = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en' } });
    expect(es.statusCode).toBe(404);
    expect(es.headers['content-type']).toContain('application/problem+json');
    expect(new Set([es.json().title, fr.json().title, en.json().title]).size).toBe(3);
    expect(es.json()).toMatchObject({ status: 404, code: 'not_found', type: 'urn:enlace:problem:not_found' });
    expect(es.body).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('refuses a malformed JSON body with a generic 400', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    const res = await b.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('Unexpected');
  });

  it('refuses a NUL character anywhere in a JSON body, in the caller’s language, storing nothing', async () => {
    const { browser } = await signedIn(t, { role: 'country_admin', countryCode: 'CRI', locale: 'fr' });
    // Raw JSON text, as a client would send it.
    const postRaw = (payload: string) =>
      browser.request({
        method: 'POST',
        url: '/api/admin/agencies',
        payload,
        headers: { 'content-type': 'application/json' },
      });
    const before = (await browser.get('/api/admin/agencies?country=CRI')).json();
    const res = await postRaw(
      String.raw`{"countryCode":"CRI","kind":"police","name":{"es":"Polic\u0000ía","en":"Police","fr":"Police"}}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_character',
      title: expect.stringContaining('caractère NUL'),
    });
    expect((await browser.get('/api/admin/agencies?country=CRI')).json()).toEqual(before);
    // A backslash written as text before "u0000" is no NUL; prototype poisoning is still refused.
    const literal = await postRaw(
      String.raw`{"countryCode":"CRI","kind":"police","name":{"es":"Guardia \\u0000","en":"Guard","fr":"Garde"}}`,
    );
    expect(literal.statusCode).toBe(201);
    expect((await postRaw('{"__proto__":{"admin":true},"countryCode":"CRI"}')).statusCode).toBe(400);
  });
});

/** Paths of the objects of a request schema that would accept a key they do not list. */
function lenientObjects(
  schema: z.core.$ZodType,
  path: string,
  out: string[],
  seen = new Set<unknown>(),
): string[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (s: unknown, p: string) => {
    if (s) lenientObjects(s as z.core.$ZodType, p, out, seen);
  };
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as z.core.$ZodType | undefined;
      if (catchall?._zod.def.type !== 'never') out.push(path || '(body)');
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>))
        walk(v, path ? `${path}.${k}` : k);
      break;
    }
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'record':
      walk(def.valueType, `${path}{}`);
      break;
    case 'union':
      for (const o of def.options as unknown[]) walk(o, path);
      break;
    case 'intersection':
      walk(def.left, path);
      walk(def.right, path);
      break;
    case 'pipe':
      walk(def.in, path);
      break;
    default:
      walk(def.innerType, path);
  }
  return out;
}

describe('request bodies', () => {
  it('refuse unknown keys at every depth, on every route', () => {
    const lenient = t.app.registeredRoutes.flatMap((r) => {
      const body = (r.schema as { body?: z.core.$ZodType } | undefined)?.body;
      if (!body) return [];
      const method = Array.isArray(r.method) ? r.method.join(',') : r.method;
      return lenientObjects(body, '', []).map((p) => `${method} ${r.url} ${p}`);
    });
    expect(lenient).toEqual([]);
  });
});

describe('reference data and administration', () => {
  it('lists the 11 RCM members, the Caribbean partners and the observer organisations in three languages', async () => {
    const { browser } = await signedIn(t);
    const countries = (await browser.get('/api/countries')).json() as {
      code: string;
      kind: string;
      name: Record<string, string>;
    }[];
    const members = countries
      .filter((c) => c.kind === 'member')
      .map((c) => c.code)
      .sort();
    expect(members).toEqual(['BLZ', 'CAN', 'CRI', 'DOM', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'SLV', 'USA']);
    expect(countries.filter((c) => c.kind === 'partner').map((c) => c.code)).toEqual(
      expect.arrayContaining(['BHS', 'HTI', 'JAM']),
    );
    expect(countries.find((c) => c.code === 'CUB')?.kind).toBe('origin');
    expect(countries.filter((c) => c.kind === 'organisation').map((c) => c.code)).toEqual(
      expect.arrayContaining(['IOM', 'UNODC', 'UNHCR']),
    );
    const mex = countries.find((c) => c.code === 'MEX');
    expect(mex?.name).toMatchObject({ es: 'México', en: 'Mexico', fr: 'Mexique' });
  });

  it('lets a country administrator create and edit an agency of their own country only, audited', async () => {
    const { user, browser } = await signedIn(t, { role: 'country_admin', countryCode: 'HND' });
    const name = { es: 'Fuerza Naval', en: 'Naval Force', fr: 'Force navale' };
    const created = await browser.post('/api/admin/agencies', {
      countryCode: 'HND',
      kind: 'coast_guard',
      name,
      acronym: 'FNH',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const edited = await browser.patch(`/api/admin/agencies/${id}`, { acronym: 'FN' });
    expect(edited.json().acronym).toBe('FN');
    const staff = await browser.post('/api/admin/users', {
      email: 'marinera@example.org',
      displayName: 'Marinera',
      password: 'Golfo de Fonseca al alba',
      role: 'centre_officer',
      countryCode: 'HND',
      agencyId: id,
      locale: 'es',
    });
    expect(staff.statusCode).toBe(201);
    const own = new Browser(t);
    // A password set by an administrator is changed by its owner before anything else.
    const first = await own.signIn('marinera@example.org', 'Golfo de Fonseca al alba');
    expect(first.json().stage).toBe('password_change_required');
    expect((await own.get('/api/auth/session')).json().stage).toBe('password_change_required');
    expect((await own.get('/api/countries')).statusCode).toBe(401);
    const same = await own.post('/api/auth/password', {
      currentPassword: 'Golfo de Fonseca al alba',
      newPassword: 'Golfo de Fonseca al alba',
    });
    expect(same.statusCode).toBe(400);
    const changed = await own.post('/api/auth/password', {
      currentPassword: 'Golfo de Fonseca al alba',
      newPassword: 'Amapala, puerto del golfo 1838',
    });
    expect(changed.json().stage).toBe('signed_in');
    expect((await own.get('/api/countries')).statusCode).toBe(200);
    const again = new Browser(t);
    expect((await again.signIn('marinera@example.org', 'Amapala, puerto del golfo 1838')).json().stage).toBe(
      'signed_in',
    );
    // A centre officer may not list agencies, yet sees the name of their own.
    expect((await own.get('/api/admin/agencies')).statusCode).toBe(403);
    expect((await own.get('/api/auth/session')).json().user.agency).toEqual({ id, name, acronym: 'FN' });
    const foreign = await browser.post('/api/admin/agencies', { countryCode: 'SLV', kind: 'police', name });
    expect(foreign.statusCode).toBe(403);
    const trail = await t.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('actor_id', '=', user.id)
      .execute();
    expect(trail.map((r) => r.action)).toEqual(
      expect.arrayContaining(['agency.created', 'agency.updated', 'access.denied']),
    );
  });

  it('rejects an agency with a missing translation, changing nothing', async () => {
    const { browser } = await signedIn(t, { role: 'country_admin', countryCode: 'HND', locale: 'fr' });
    const before = await t.db.kysely
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await browser.post('/api/admin/agencies', {
      countryCode: 'HND',
      kind: 'police',
      name: { es: 'Policía', en: '', fr: 'Police' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('name.en');
    const after = await t.db.kysely
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('shows the audit trail to the network administrator only', async () => {
    const net = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
    const events = (await net.browser.get('/api/admin/audit?limit=5')).json().items as { seq: number }[];
    expect(events.length).toBe(5);
    expect(events[0]?.seq).toBeGreaterThan(events[4]?.seq ?? 0);
    const liaison = await signedIn(t, { role: 'liaison_officer' });
    expect((await liaison.browser.get('/api/admin/audit')).statusCode).toBe(403);

    // Filtered by the start of the action and by outcome, with the name of whoever acted.
    type Event = { action: string; outcome: string; actorId: string | null; actorName: string | null };
    const denied = (await net.browser.get('/api/admin/audit?outcome=denied')).json().items as Event[];
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.outcome === 'denied')).toBe(true);
    const refusal = denied.find((e) => e.actorId === liaison.user.id);
    expect(refusal?.actorName).toBe(liaison.user.displayName);
    const signIns = (await net.browser.get('/api/admin/audit?action=auth.&limit=50')).json().items as Event[];
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect((await net.browser.get('/api/admin/audit?action=x%27%20OR%201%3D1')).statusCode).toBe(400);
  });
});
