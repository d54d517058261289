import { DEMO_PASSWORD } from '@enlace/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/admin/admin.service';
import { Browser, buildTestApp, buildUser, type TestApp } from '../helpers';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function withDemoAccount(app: TestApp) {
  await createUser(
    app.ctx,
    {
      email: 'liaison.mex@demo.enlace.example',
      displayName: 'Demo liaison',
      role: 'liaison_officer',
      countryCode: 'MEX',
      password: DEMO_PASSWORD,
    },
    { cli: true, demo: true },
  );
  // A real account beside it, which must never be listed.
  await buildUser(app, { role: 'country_admin', countryCode: 'MEX', email: 'real.admin@example.org' });
}

describe('GET /api/auth/demo-accounts', () => {
  it('in demo mode lists the demo accounts (email, role, country and its name) and their password, to anyone', async () => {
    t = await buildTestApp({ config: { demoMode: true, production: false } });
    await withDemoAccount(t);
    const res = await new Browser(t).get('/api/auth/demo-accounts');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      password: DEMO_PASSWORD,
      accounts: [
        {
          email: 'liaison.mex@demo.enlace.example',
          role: 'liaison_officer',
          countryCode: 'MEX',
          // Named in the three languages: the sign-in page lists the accounts before anyone signs in.
          countryName: { es: 'México', en: 'Mexico', fr: 'Mexique' },
        },
      ],
    });
    // The listed password signs the demo account in.
    const b = new Browser(t);
    expect((await b.signIn('liaison.mex@demo.enlace.example', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('does not exist outside demo mode (production): 404, even with demo accounts in the database', async () => {
    t = await buildTestApp({ config: { demoMode: false, production: true } });
    await withDemoAccount(t);
    const res = await new Browser(t).get('/api/auth/demo-accounts');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('demo.enlace.example');
    expect(res.body).not.toContain(DEMO_PASSWORD);
    expect(t.app.registeredRoutes.some((r) => r.url === '/api/auth/demo-accounts')).toBe(false);
  });
});
