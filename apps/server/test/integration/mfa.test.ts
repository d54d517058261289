import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildTestApp, buildUser, signedIn, type TestApp, totpAt } from '../helpers';

async function enrol(t: TestApp, browser: Browser) {
  const enrolment = await browser.post('/api/auth/mfa/enrol');
  expect(enrolment.statusCode).toBe(200);
  const { secret, qrDataUrl, otpauthUrl } = enrolment.json();
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Enlace/);
  const confirm = await browser.post('/api/auth/mfa/confirm', { code: await totpAt(secret, t.clock) });
  expect(confirm.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: confirm.json().recoveryCodes as string[] };
}

describe('multi-factor (demo mode: optional)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('enrols with a QR code and recovery codes, then asks for a code at every sign-in', async () => {
    const { user, browser } = await signedIn(t);
    const { secret, recoveryCodes } = await enrol(t, browser);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    t.clock.advance(60_000);
    const b = new Browser(t);
    const res = await b.signIn(user.email);
    expect(res.json().stage).toBe('mfa_required');
    // Half signed in: nothing but the MFA routes — and the choice of language.
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(401);
    expect(
      (await b.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'fr' } })).statusCode,
    ).toBe(200);
    const ok = await b.post('/api/auth/mfa/verify', { code: await totpAt(secret, t.clock) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('signed_in');
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).json().user.locale).toBe('fr');
  });

  it('refuses a code that was already used, even in another sign-in', async () => {
    const { user, browser } = await signedIn(t);
    const { secret } = await enrol(t, browser);
    t.clock.advance(30_000);
    const code = await totpAt(secret, t.clock);
    const first = new Browser(t);
    await first.signIn(user.email);
    expect((await first.post('/api/auth/mfa/verify', { code })).statusCode).toBe(200);

    const second = new Browser(t);
    await second.signIn(user.email);
    const replay = await second.post('/api/auth/mfa/verify', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('mfa_invalid_code');
    // An older code (one step back, within the drift window) is refused too: steps only advance.
    const older = await second.post('/api/auth/mfa/verify', { code: await totpAt(secret, t.clock, -1) });
    expect(older.statusCode).toBe(401);
    t.clock.advance(30_000);
    expect(
      (await second.post('/api/auth/mfa/verify', { code: await totpAt(secret, t.clock) })).statusCode,
    ).toBe(200);
  });

  it('replaces the recovery codes on a current authenticator code, audited; the old ones stop working', async () => {
    const { user, browser } = await signedIn(t);
    expect((await browser.get('/api/auth/mfa/recovery-codes')).json()).toEqual({ left: 0 });
    expect((await browser.post('/api/auth/mfa/recovery-codes', { code: '123456' })).statusCode).toBe(409);
    const { secret, recoveryCodes } = await enrol(t, browser);
    const used = new Browser(t);
    await used.signIn(user.email);
    expect((await used.post('/api/auth/mfa/verify', { code: recoveryCodes[0] })).statusCode).toBe(200);
    expect((await browser.get('/api/auth/mfa/recovery-codes')).json()).toEqual({ left: 9 });

    // A recovery code is not enough to replace them: it takes the authenticator.
    const refused = await browser.post('/api/auth/mfa/recovery-codes', { code: recoveryCodes[1] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('mfa_invalid_code');
    expect((await browser.get('/api/auth/mfa/recovery-codes')).json()).toEqual({ left: 9 });

    t.clock.advance(30_000);
    const replaced = await browser.post('/api/auth/mfa/recovery-codes', {
      code: await totpAt(secret, t.clock),
    });
    expect(replaced.statusCode).toBe(200);
    const fresh = replaced.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[1]);
    expect((await browser.get('/api/auth/mfa/recovery-codes')).json()).toEqual({ left: 10 });

    const old = new Browser(t);
    await old.signIn(user.email);
    expect((await old.post('/api/auth/mfa/verify', { code: recoveryCodes[1] })).statusCode).toBe(401);
    expect((await old.post('/api/auth/mfa/verify', { code: fresh[0] })).statusCode).toBe(200);

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('actor_id', '=', user.id)
      .where('action', '=', 'auth.recovery_codes_replaced')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.outcome)).toEqual(['failure', 'success']);
  });

  it('accepts each recovery code once', async () => {
    const { user, browser } = await signedIn(t);
    const { recoveryCodes } = await enrol(t, browser);
    const code = recoveryCodes[0] ?? '';
    const a = new Browser(t);
    await a.signIn(user.email);
    expect((await a.post('/api/auth/mfa/verify', { code })).statusCode).toBe(200);
    const b = new Browser(t);
    await b.signIn(user.email);
    expect((await b.post('/api/auth/mfa/verify', { code })).statusCode).toBe(401);
  });

  it('refuses a wrong confirmation code and leaves MFA off', async () => {
    const { browser } = await signedIn(t);
    await browser.post('/api/auth/mfa/enrol');
    const res = await browser.post('/api/auth/mfa/confirm', { code: '000000' });
    expect(res.statusCode).toBe(400);
    expect((await browser.get('/api/auth/session')).json().user.mfaEnabled).toBe(false);
  });

  it('keeps the MFA secret encrypted at rest', async () => {
    const { user, browser } = await signedIn(t);
    const { secret } = await enrol(t, browser);
    const row = await t.db.kysely
      .selectFrom('users')
      .select('mfa_secret_enc')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.mfa_secret_enc).toMatch(/^v1\./);
    expect(row.mfa_secret_enc).not.toContain(secret);
  });
});

describe('multi-factor in production: required for every staff account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ config: { production: true, demoMode: false } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes a new account enrol before anything else', async () => {
    const user = await buildUser(t, { role: 'analyst', countryCode: 'PAN' });
    const b = new Browser(t);
    const res = await b.signIn(user.email);
    expect(res.json().stage).toBe('mfa_enrolment_required');
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await b.get('/api/countries')).statusCode).toBe(401);
    await enrol(t, b);
    expect((await b.get('/api/auth/session')).json().stage).toBe('signed_in');
    expect((await b.get('/api/auth/sessions')).statusCode).toBe(200);
  });
});
