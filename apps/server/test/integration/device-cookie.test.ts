import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE } from '../../src/platform/auth/throttle';
import { Browser, buildTestApp, buildUser, TEST_PASSWORD, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const WRONG = 'wrong password guess';

/** The owner's browser: signed in once, so it holds a device cookie; then signed out. */
async function knownDevice(email: string): Promise<Browser> {
  const device = new Browser(t);
  const res = await device.signIn(email);
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === DEVICE_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
  expect(cookie?.maxAge).toBeGreaterThan(300 * 24 * 3600);
  // The cookie names no one.
  expect(cookie?.value).not.toContain(email.split('@')[0]);
  await device.post('/api/auth/sign-out');
  return device;
}

/** Someone who knows the address keeps the account locked from addresses of their own. */
async function lockFromElsewhere(email: string) {
  for (let i = 0; i < 6; i++) await new Browser(t).signIn(email, WRONG);
  expect((await new Browser(t).signIn(email)).statusCode).toBe(429);
}

describe('device cookies (OWASP): a lock from unknown browsers does not lock out a known one', () => {
  it('lets the known device sign in while the account is locked for every other browser', async () => {
    const user = await buildUser(t);
    const device = await knownDevice(user.email);
    await lockFromElsewhere(user.email);
    const res = await device.signIn(user.email);
    expect(res.statusCode).toBe(200);
    expect(res.json().stage).toBe('signed_in');
    // The owner's success does not lift the lock for the others.
    expect((await new Browser(t).signIn(user.email)).statusCode).toBe(429);
  });

  it('still locks the known device on its own failures', async () => {
    const user = await buildUser(t);
    const device = await knownDevice(user.email);
    for (let i = 0; i < 5; i++) expect((await device.signIn(user.email, WRONG)).statusCode).toBe(401);
    const locked = await device.signIn(user.email);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Its failures were its own: a new browser of the owner is not locked by them.
    expect((await new Browser(t).signIn(user.email)).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await device.signIn(user.email)).statusCode).toBe(200);
  });

  it('keeps an unknown device locked, and a forged or altered cookie is an unknown device', async () => {
    const user = await buildUser(t);
    const device = await knownDevice(user.email);
    await lockFromElsewhere(user.email);
    const forged = new Browser(t);
    const value = device.cookies.get(DEVICE_COOKIE) ?? '';
    forged.cookies.set(DEVICE_COOKIE, `${value.slice(0, -2)}xx`);
    expect((await forged.signIn(user.email)).statusCode).toBe(429);
    const junk = new Browser(t);
    junk.cookies.set(DEVICE_COOKIE, 'a.b.c');
    expect((await junk.signIn(user.email)).statusCode).toBe(429);
  });

  it('does not let the cookie of one account help another', async () => {
    const a = await buildUser(t);
    const b = await buildUser(t);
    const deviceOfA = await knownDevice(a.email);
    await lockFromElsewhere(b.email);
    const res = await deviceOfA.signIn(b.email);
    expect(res.statusCode).toBe(429);
    // Nor do its failures against B count as the device's own: they stay in B's pool.
    expect((await deviceOfA.signIn(a.email)).statusCode).toBe(200);
  });

  it('works across addresses: the cookie, not the address, makes a device known', async () => {
    const user = await buildUser(t);
    const device = await knownDevice(user.email);
    await lockFromElsewhere(user.email);
    const elsewhere = new Browser(t);
    elsewhere.cookies.set(DEVICE_COOKIE, device.cookies.get(DEVICE_COOKIE) ?? '');
    expect((await elsewhere.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
