import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const put = (b: Browser, payload: object) =>
  b.request({ method: 'PUT', url: '/api/auth/time-zone', payload });

describe('the user’s display time zone', () => {
  it('unauthenticated → 401', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    expect((await put(b, { timeZone: 'America/Mexico_City' })).statusCode).toBe(401);
  });

  it('follows the browser until chosen, then is the account’s, audited, and can be reset', async () => {
    const { browser, user } = await signedIn(t, { countryCode: 'MEX' });
    expect((await browser.get('/api/auth/session')).json().user.timeZone).toBeNull();

    expect((await put(browser, { timeZone: 'America/Tijuana' })).statusCode).toBe(200);
    expect((await browser.get('/api/auth/session')).json().user.timeZone).toBe('America/Tijuana');
    // Another browser of the same account reads the same choice.
    const other = new Browser(t);
    await other.signIn(user.email);
    expect((await other.get('/api/auth/session')).json().user.timeZone).toBe('America/Tijuana');

    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('actor_id', '=', user.id)
      .where('action', '=', 'user.time_zone_changed')
      .execute();
    expect(events.map((e) => JSON.parse(e.details ?? '{}'))).toEqual([{ timeZone: 'America/Tijuana' }]);

    expect((await put(browser, { timeZone: null })).statusCode).toBe(200);
    expect((await browser.get('/api/auth/session')).json().user.timeZone).toBeNull();
  });

  it('refuses an unknown zone, a missing one and any other field, in the user’s language', async () => {
    const { browser } = await signedIn(t, { locale: 'es' });
    const unknown = await put(browser, { timeZone: 'Mars/Olympus_Mons' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('Huso horario desconocido: elija uno de la lista.');
    expect((await put(browser, {})).statusCode).toBe(400);
    expect((await put(browser, { timeZone: 'UTC', locale: 'fr' })).statusCode).toBe(400);
    expect((await browser.get('/api/auth/session')).json().user.timeZone).toBeNull();
  });
});
