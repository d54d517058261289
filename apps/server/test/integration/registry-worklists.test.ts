import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionBody, buildCentre, buildPerson, buildStay } from '../factories/registry';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const ID = '00000000-0000-4000-8000-000000000000';

const audits = (action: string, objectId?: string) => {
  let q = t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (objectId) q = q.where('object_id', '=', objectId);
  return q.execute();
};

/** What a centre works from: a stay's detail, the residents of a centre, the checks to decide. */
describe('registry work lists', () => {
  let officer: Session;
  let supervisor: Session;
  let supervisor2: Session;
  let officerGt: Session;
  let centre: string;
  beforeAll(async () => {
    officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    supervisor2 = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    officerGt = await signedIn(t, { role: 'centre_officer', countryCode: 'GTM' });
    centre = await buildCentre(supervisor.browser);
  });

  it('answers 401 to an anonymous caller and 403 to a role without the permission', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const url of [
      `/api/registry/stays/${ID}`,
      `/api/registry/centres/${ID}/residents`,
      '/api/registry/release-checks',
    ])
      expect((await b.get(url)).statusCode, url).toBe(401);
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    expect((await liaison.browser.get(`/api/registry/centres/${centre}/residents`)).statusCode).toBe(403);
    // Officers release; only supervisors see the queue of stopped releases.
    expect((await officer.browser.get('/api/registry/release-checks')).statusCode).toBe(403);
  });

  it('lists the residents of a centre newest first, paged, with names; another country gets 404', async () => {
    const here = await buildCentre(supervisor.browser);
    const ids: string[] = [];
    for (const [i, name] of ['Ana', 'Berta', 'Carla'].entries()) {
      const person = await buildPerson(officer.browser, { givenNames: name, familyNames: `Ruiz ${i}` });
      ids.push(person);
      await buildStay(officer.browser, person, here, { admittedAt: `2026-11-2${i}T10:00:00Z` });
    }
    const page = await officer.browser.get(`/api/registry/centres/${here}/residents?limit=2`);
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(3);
    expect(page.json().items.map((r: { givenNames: string }) => r.givenNames)).toEqual(['Carla', 'Berta']);
    const next = await officer.browser.get(`/api/registry/centres/${here}/residents?limit=2&offset=2`);
    expect(next.json().items.map((r: { personId: string }) => r.personId)).toEqual([ids[0]]);
    const [event] = await audits('registry.residents_read', here);
    expect(event?.details).toContain(ids[2]);
    expect(event?.details).not.toContain('Carla');

    expect((await officerGt.browser.get(`/api/registry/centres/${here}/residents`)).statusCode).toBe(404);
    expect((await audits('access.denied', here)).length).toBeGreaterThan(0);
    expect((await officer.browser.get(`/api/registry/centres/${here}/residents?limit=0`)).statusCode).toBe(
      400,
    );
    expect((await officer.browser.get(`/api/registry/centres/${here}/residents?x=1`)).statusCode).toBe(400);
  });

  it('shows a stopped release to another supervisor with the explanation, and what each may do', async () => {
    const person = await buildPerson(officer.browser, {
      givenNames: 'Rosa Elena',
      familyNames: 'Pérez Gómez',
      birthDate: '1990-05-04',
      nationality: 'GTM',
    });
    const stay = await buildStay(officer.browser, person, centre);

    const open = await officer.browser.get(`/api/registry/stays/${stay}`);
    expect(open.statusCode).toBe(200);
    expect(open.json().abilities).toEqual({ transfer: true, release: true, resolve: false });
    expect(open.json().reason).toBe(admissionBody(person, centre).reason);
    expect((await audits('registry.stay_read', stay)).length).toBe(1);
    expect((await officerGt.browser.get(`/api/registry/stays/${stay}`)).statusCode).toBe(404);

    // Someone else walks out: the identity check stops the release.
    const refused = await supervisor.browser.post(`/api/registry/stays/${stay}/release`, {
      releasedAt: '2026-11-23T12:00:00Z',
      outcome: 'return',
      identity: { givenNames: 'Carlos', familyNames: 'Mendoza', birthDate: '1971-01-01', sex: 'male' },
    });
    expect(refused.statusCode, refused.body).toBe(409);

    const queue = await supervisor2.browser.get('/api/registry/release-checks');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((c: { stayId: string }) => c.stayId === stay);
    expect(item).toMatchObject({
      personId: person,
      givenNames: 'Rosa Elena',
      outcome: 'return',
      mayResolve: true,
    });
    // The supervisor who attempted it sees it too, but may not decide it.
    const own = (await supervisor.browser.get('/api/registry/release-checks')).json();
    expect(own.items.find((c: { stayId: string }) => c.stayId === stay).mayResolve).toBe(false);

    const pending = (await supervisor2.browser.get(`/api/registry/stays/${stay}`)).json();
    expect(pending.abilities).toEqual({ transfer: false, release: false, resolve: true });
    expect(pending.releaseCheck).toMatchObject({ status: 'pending', outcome: 'return' });
    const fields = pending.releaseCheck.explanation.fields.map((f: { field: string }) => f.field);
    expect(fields.length).toBeGreaterThan(2);
    expect((await supervisor.browser.get(`/api/registry/stays/${stay}`)).json().abilities.resolve).toBe(
      false,
    );

    const resolved = await supervisor2.browser.post(`/api/registry/stays/${stay}/release/resolve`, {
      decision: 'not_same_person',
      note: 'Another man presented her papers',
    });
    expect(resolved.statusCode).toBe(200);
    const after = (await supervisor2.browser.get('/api/registry/release-checks')).json();
    expect(after.items.some((c: { stayId: string }) => c.stayId === stay)).toBe(false);
  });
});
