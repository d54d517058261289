import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportIncident } from '../factories/incidents';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const caseBody = (title: string) => ({
  reference: `GT-${Math.random().toString(36).slice(2, 8)}`,
  title,
  summary: 'Network moving migrants through Tecún Umán.',
  openedOn: '2025-02-10',
  offences: ['smuggling_of_migrants'],
  countries: [{ countryCode: 'MEX', role: 'transit' }],
  financialInvestigation: false,
});

type HomeBody = {
  shared: {
    unopened: number;
    items: { id: string; title: string; countryCode: string; opened: boolean }[];
  } | null;
  recentIncidents: { id: string; reference: string }[] | null;
  recentCases: { id: string; title: string }[] | null;
  tasks: { kind: string; count: number }[];
};

describe('GET /api/home', () => {
  it('answers 401 to an anonymous caller', async () => {
    expect((await new Browser(t).get('/api/home')).statusCode).toBe(401);
  });

  it('shows an observer only what waits for them: no records, no shares', async () => {
    const observer = await signedIn(t, { role: 'observer', countryCode: 'IOM' });
    const res = await observer.browser.get('/api/home');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      shared: null,
      recentIncidents: null,
      recentCases: null,
      tasks: [{ kind: 'mfa_off', count: 1 }],
    });
  });

  it('lists the user’s own recent records, never another country’s, and the cases shared with their country', async () => {
    const gtAnalyst = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
    const gtIncident = await reportIncident(gtAnalyst.browser);
    const mx = await signedIn(t, { role: 'analyst', countryCode: 'MEX' });
    const colleague = await signedIn(t, { role: 'analyst', countryCode: 'MEX' });
    const mine = await reportIncident(mx.browser);
    const theirs = await reportIncident(colleague.browser);

    const gtProsecutor = await signedIn(t, { role: 'prosecutor', countryCode: 'GTM' });
    const sharedCase = (await gtProsecutor.browser.post('/api/cases', caseBody('Operación Frontera'))).json();
    const unshared = (await gtProsecutor.browser.post('/api/cases', caseBody('Operación Interna'))).json();
    expect(
      (await gtProsecutor.browser.post(`/api/cases/${sharedCase.id}/shares`, { countryCode: 'MEX' }))
        .statusCode,
    ).toBe(200);
    const ownCase = (await mx.browser.post('/api/cases', caseBody('Operación Norte'))).json();

    const before = (await mx.browser.get('/api/home')).json() as HomeBody;
    expect(before.recentIncidents?.map((i) => i.id)).toEqual([mine.id]);
    expect(before.recentIncidents?.some((i) => i.id === gtIncident.id || i.id === theirs.id)).toBe(false);
    expect(before.recentCases?.map((c) => c.id)).toEqual([ownCase.id]);
    expect(before.shared).toMatchObject({
      unopened: 1,
      items: [{ id: sharedCase.id, title: 'Operación Frontera', countryCode: 'GTM', opened: false }],
    });
    expect(before.shared?.items.some((c) => c.id === unshared.id)).toBe(false);

    expect((await mx.browser.get(`/api/cases/${sharedCase.id}`)).statusCode).toBe(200);
    const after = (await mx.browser.get('/api/home')).json() as HomeBody;
    expect(after.shared).toMatchObject({ unopened: 0, items: [{ id: sharedCase.id, opened: true }] });

    // The sharing country sees its own case in its recent records, not as shared with it.
    const gt = (await gtProsecutor.browser.get('/api/home')).json() as HomeBody;
    expect(gt.shared?.items).toEqual([]);
    expect(gt.recentIncidents).toBeNull();
    expect(gt.recentCases?.map((c) => c.id).sort()).toEqual([sharedCase.id, unshared.id].sort());
  });

  it('tells an administrator about the accounts of their country only', async () => {
    const admin = await signedIn(t, { role: 'country_admin', countryCode: 'HND' });
    await signedIn(t, { role: 'analyst', countryCode: 'HND' });
    const before = (await admin.browser.get('/api/home')).json() as HomeBody;
    const mfa = before.tasks.find((k) => k.kind === 'users_without_mfa')?.count ?? 0;
    await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    await signedIn(t, { role: 'liaison_officer', countryCode: 'SLV' });
    const after = (await admin.browser.get('/api/home')).json() as HomeBody;
    expect(after.tasks.find((k) => k.kind === 'users_without_mfa')?.count).toBe(mfa + 1);
    expect(after.shared).toBeNull();
  });
});
