import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, samplePdf, samplePng } from '../factories/files';
import { admissionBody, buildCentre, buildPerson, buildStay, personBody } from '../factories/registry';
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

  it('keeps a photo with the person, readable in the country only; a document that is not an image is refused', async () => {
    const upload = async (name: string, content: Buffer, type: string) =>
      (
        await officer.browser.request({
          method: 'POST',
          url: '/api/files',
          ...multipart(name, content, type),
        })
      ).json().id as string;
    const persons = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('registry_persons')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await persons();
    const pdf = await upload('informe.pdf', samplePdf(), 'application/pdf');
    const refused = await officer.browser.post('/api/registry/persons', personBody({ photoFileId: pdf }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('files_not_image');
    expect(await persons()).toBe(before);

    const photo = await upload('rostro.png', samplePng(Buffer.alloc(32, 2)), 'image/png');
    const created = await officer.browser.post('/api/registry/persons', personBody({ photoFileId: photo }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json().photo).toMatchObject({ id: photo, type: 'image/png' });
    // Another officer of the country sees it at release; another country cannot download it.
    const colleague = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    expect((await colleague.browser.get(`/api/files/${photo}`)).statusCode).toBe(200);
    expect((await officerGt.browser.get(`/api/files/${photo}`)).statusCode).toBe(404);

    // A newer photo is added later and is the one shown; the earlier stays on file.
    t.clock.advance(60_000);
    const newer = await upload('rostro2.png', samplePng(Buffer.alloc(40, 3)), 'image/png');
    const added = await officer.browser.post(`/api/registry/persons/${id}/photo`, { fileId: newer });
    expect(added.statusCode).toBe(200);
    expect(added.json().photo.id).toBe(newer);
    expect((await audits('registry.person_photo_added', id)).length).toBe(1);
    expect(
      (await officerGt.browser.post(`/api/registry/persons/${id}/photo`, { fileId: newer })).statusCode,
    ).toBe(404);
    expect(
      (await officer.browser.post(`/api/registry/persons/${id}/photo`, { fileId: newer })).statusCode,
    ).toBe(400);
  });
});
