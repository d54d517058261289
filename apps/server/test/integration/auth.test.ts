import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildTestApp, buildUser, signedIn, TEST_PASSWORD, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in', () => {
  it('signs in with the right password, sets a __Host- cookie and shows who is signed in', async () => {
    const user = await buildUser(t, { role: 'prosecutor', countryCode: 'CRI' });
    const b = new Browser(t);
    const res = await b.signIn(user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('signed_in');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/__Host-enlace_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const me = (await b.get('/api/auth/session')).json();
    expect(me.user).toMatchObject({
      email: user.email,
      role: 'prosecutor',
      countryCode: 'CRI',
      agency: null,
    });
    expect(me.user.permissions).toContain('cases.read');
  });

  it('answers unknown accounts and wrong passwords alike, and signs no one in', async () => {
    const user = await buildUser(t);
    const wrong = await new Browser(t, { 'accept-language': 'fr' }).signIn(
      user.email,
      'not the password at all',
    );
    const unknown = await new Browser(t, { 'accept-language': 'fr' }).signIn(
      'nobody@example.org',
      'not the password',
    );
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().title).toMatch(/identifiants|mot de passe/i);
    expect(wrong.cookies.find((c) => c.name === '__Host-enlace_session')).toBeUndefined();
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const { user, browser } = await signedIn(t);
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'MEX' });
    const res = await admin.browser.patch(`/api/admin/users/${user.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    // Disabling ends the account's sessions at once.
    expect((await browser.get('/api/auth/sessions')).statusCode).toBe(401);
    const again = await new Browser(t).signIn(user.email);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('invalid_credentials');
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right password, then backs off', async () => {
    const user = await buildUser(t);
    for (let i = 0; i < 4; i++) {
      expect((await new Browser(t).signIn(user.email, 'wrong password guess')).statusCode).toBe(401);
    }
    expect((await new Browser(t).signIn(user.email, 'wrong password guess')).statusCode).toBe(401);
    const locked = await new Browser(t).signIn(user.email);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(61_000);
    // One more failure after the lock: locked for twice as long.
    expect((await new Browser(t).signIn(user.email, 'wrong password guess')).statusCode).toBe(401);
    t.clock.advance(61_000);
    expect((await new Browser(t).signIn(user.email)).statusCode).toBe(429);
    t.clock.advance(61_000);
    expect((await new Browser(t).signIn(user.email)).statusCode).toBe(200);
  });

  it('throttles an address that tries many accounts', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await b.post('/api/auth/sign-in', { email: `guess${i}@example.org`, password: 'a guess!!!!!' }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('forgets old failures after a quiet quarter of an hour, so a shared office address is not locked for ever', async () => {
    const user = await buildUser(t);
    const office = new Browser(t);
    await office.get('/api/auth/session');
    for (let i = 0; i < 19; i++) {
      await office.post('/api/auth/sign-in', { email: `typo${i}@example.org`, password: 'a typo!!!!!!' });
    }
    t.clock.advance(16 * 60_000);
    const typo = await office.post('/api/auth/sign-in', {
      email: 'typo@example.org',
      password: 'one more typo',
    });
    expect(typo.statusCode).toBe(401);
    const res = await office.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
  });

  it('rejects a malformed sign-in with a localised validation error', async () => {
    const b = new Browser(t, { 'accept-language': 'es' });
    await b.get('/api/auth/session');
    const res = await b.post('/api/auth/sign-in', { email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation');
    expect(res.json().errors.length).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  it('rotates the token at sign-in: the old session cookie no longer works', async () => {
    const user = await buildUser(t);
    const b = new Browser(t);
    await b.signIn(user.email);
    const first = b.cookies.get('__Host-enlace_session');
    await b.signIn(user.email);
    const second = b.cookies.get('__Host-enlace_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      cookies: { '__Host-enlace_session': first ?? '' },
    });
    expect(old.statusCode).toBe(401);
  });

  it('expires after 30 minutes idle', async () => {
    const { browser } = await signedIn(t);
    t.clock.advance(29 * 60_000);
    expect((await browser.get('/api/auth/sessions')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await browser.get('/api/auth/sessions')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await browser.get('/api/auth/sessions')).statusCode).toBe(401);
  });

  it('expires 12 hours after sign-in however active the user is', async () => {
    const { browser } = await signedIn(t);
    for (let h = 0; h < 23; h++) {
      t.clock.advance(30 * 60_000 - 1000);
      expect((await browser.get('/api/auth/sessions')).statusCode).toBe(200);
    }
    t.clock.advance(30 * 60_000);
    expect((await browser.get('/api/auth/sessions')).statusCode).toBe(401);
  });

  it('is revoked at sign-out', async () => {
    const { browser } = await signedIn(t);
    const token = browser.cookies.get('__Host-enlace_session') ?? '';
    expect((await browser.post('/api/auth/sign-out')).statusCode).toBe(200);
    const replay = await t.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      cookies: { '__Host-enlace_session': token },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('lists the user’s own sessions and lets them end another one', async () => {
    const user = await buildUser(t);
    const laptop = new Browser(t, { 'user-agent': 'Laptop' });
    const phone = new Browser(t, { 'user-agent': 'Phone' });
    await laptop.signIn(user.email);
    await phone.signIn(user.email);
    const list = (await laptop.get('/api/auth/sessions')).json() as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current);
    expect(other).toBeDefined();
    expect((await laptop.delete(`/api/auth/sessions/${other?.id}`)).statusCode).toBe(200);
    expect((await phone.get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/sessions')).statusCode).toBe(200);
  });

  it('cannot end someone else’s session (404)', async () => {
    const a = await signedIn(t);
    const b = await signedIn(t);
    const bs = (await b.browser.get('/api/auth/sessions')).json() as { id: string }[];
    expect((await a.browser.delete(`/api/auth/sessions/${bs[0]?.id}`)).statusCode).toBe(404);
    expect((await b.browser.get('/api/auth/sessions')).statusCode).toBe(200);
  });

  it('are all revoked but the current one when the password changes', async () => {
    const user = await buildUser(t);
    const here = new Browser(t);
    const there = new Browser(t);
    await here.signIn(user.email);
    await there.signIn(user.email);
    const res = await here.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Volcán Arenal al amanecer',
    });
    expect(res.statusCode).toBe(200);
    expect((await there.get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await new Browser(t).signIn(user.email)).statusCode).toBe(401);
    expect((await new Browser(t).signIn(user.email, 'Volcán Arenal al amanecer')).statusCode).toBe(200);
  });

  it('refuses a breached new password and a wrong current one, changing nothing', async () => {
    const { user, browser } = await signedIn(t, { locale: 'fr' });
    const breached = await browser.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password123456',
    });
    expect(breached.statusCode).toBe(400);
    expect(breached.json().code).toBe('password_common');
    const wrong = await browser.post('/api/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'Une phrase de passe solide',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await new Browser(t).signIn(user.email)).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, with a wrong one, or from another site', async () => {
    const { browser } = await signedIn(t);
    const none = await browser.request({
      method: 'PUT',
      url: '/api/auth/locale',
      payload: { locale: 'fr' },
      headers: { 'x-csrf-token': '' },
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('csrf');
    const wrong = await browser.request({
      method: 'PUT',
      url: '/api/auth/locale',
      payload: { locale: 'fr' },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    const cross = await browser.request({
      method: 'PUT',
      url: '/api/auth/locale',
      payload: { locale: 'fr' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.statusCode).toBe(403);
    expect((await browser.get('/api/auth/session')).json().user.locale).not.toBe('fr');
    const ok = await browser.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'fr' } });
    expect(ok.statusCode).toBe(200);
    expect((await browser.get('/api/auth/session')).json().user.locale).toBe('fr');
  });

  it('protects sign-in itself with the pre-session token', async () => {
    const user = await buildUser(t);
    const b = new Browser(t);
    await b.get('/api/auth/session');
    const res = await b.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
  });
});
