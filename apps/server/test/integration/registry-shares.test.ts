import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';
import { buildCentre, buildPerson, buildStay } from '../factories/registry';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const ID = '00000000-0000-4000-8000-000000000000';

const denials = (objectId: string, actorId: string) =>
  t.db.kysely
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'access.denied')
    .where('object_id', '=', objectId)
    .where('actor_id', '=', actorId)
    .execute();
const events = (objectId: string) =>
  t.db.kysely
    .selectFrom('audit_events')
    .selectAll()
    .where('object_id', '=', objectId)
    .orderBy('seq')
    .execute();
const stayRow = (id: string) =>
  t.db.kysely.selectFrom('registry_stays').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const shareBody = (overrides: object = {}) => ({
  countryCode: 'GTM',
  purpose: 'consular_assistance',
  note: 'Consulate asks to confirm identity',
  ...overrides,
});
const acceptBody = (centreId: string, overrides: object = {}) => ({
  centreId,
  unit: 'adult_women',
  admittedAt: '2026-11-23T08:00:00Z',
  custodyType: 'shelter',
  ...overrides,
});

describe('registry shares across countries', () => {
  let officerMx: Session;
  let supervisorMx: Session;
  let supervisorGt: Session;
  let officerGt: Session;
  let supervisorHn: Session;
  let centreMx: string;
  let centreGt: string;
  beforeAll(async () => {
    officerMx = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    supervisorMx = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    supervisorGt = await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' });
    officerGt = await signedIn(t, { role: 'centre_officer', countryCode: 'GTM' });
    supervisorHn = await signedIn(t, { role: 'centre_supervisor', countryCode: 'HND' });
    centreMx = await buildCentre(supervisorMx.browser);
    centreGt = await buildCentre(supervisorGt.browser, { code: 'GT-ALB-1' });
  });

  it('answers 401 to an anonymous caller on every route', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const [method, url] of [
      ['POST', `/api/registry/persons/${ID}/shares`],
      ['GET', `/api/registry/persons/${ID}/shares`],
      ['DELETE', `/api/registry/persons/${ID}/shares/${ID}`],
      ['POST', `/api/registry/stays/${ID}/transfer-abroad`],
      ['GET', '/api/registry/shares/incoming'],
      ['GET', '/api/registry/shares/outgoing'],
      ['POST', `/api/registry/shares/${ID}/accept`],
      ['POST', `/api/registry/shares/${ID}/decline`],
    ] as const) {
      const res = await b.request({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('refuses without the permission (403, logged): only a supervisor shares, transfers and answers', async () => {
    const person = await buildPerson(officerMx.browser);
    const stay = await buildStay(officerMx.browser, person, centreMx);
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    expect((await liaison.browser.get('/api/registry/shares/incoming')).statusCode).toBe(403);
    expect(
      (await officerMx.browser.post(`/api/registry/persons/${person}/shares`, shareBody())).statusCode,
    ).toBe(403);
    expect(
      (await officerMx.browser.post(`/api/registry/stays/${stay}/transfer-abroad`, { countryCode: 'GTM' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await officerGt.browser.post(`/api/registry/shares/${ID}/accept`, acceptBody(centreGt))).statusCode,
    ).toBe(403);
    const logged = await t.db.kysely
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', officerMx.user.id)
      .execute();
    expect(logged.map((r) => JSON.parse(r.details ?? '{}').reason)).toContain('permission');
  });

  it('keeps a person invisible to another country until shared, and again once revoked; each refusal audited', async () => {
    const person = await buildPerson(officerMx.browser, {
      givenNames: 'Ana Lucía',
      familyNames: 'Pérez Orellana',
      documentNumber: 'HN0012345',
      aliases: ['La Güera'],
      languages: ['es', 'chj'],
    });
    const first = await buildStay(officerMx.browser, person, centreMx, {
      admittedAt: '2026-11-01T10:00:00Z',
    });
    // A first stay, released, and a second one open: only the one chosen is shared.
    await t.db.kysely
      .updateTable('registry_stays')
      .set({ status: 'released', released_at: '2026-11-05T10:00:00Z', release_outcome: 'other' })
      .where('id', '=', first)
      .execute();
    const second = await buildStay(officerMx.browser, person, centreMx, {
      admittedAt: '2026-11-10T10:00:00Z',
    });

    expect((await officerGt.browser.get(`/api/registry/persons/${person}`)).statusCode).toBe(404);
    expect(await denials(person, officerGt.user.id)).toHaveLength(1);

    // Bad shares change nothing.
    expect(
      (
        await supervisorMx.browser.post(
          `/api/registry/persons/${person}/shares`,
          shareBody({ countryCode: 'MEX' }),
        )
      ).statusCode,
    ).toBe(400);
    const foreignStay = await supervisorMx.browser.post(
      `/api/registry/persons/${person}/shares`,
      shareBody({ stayIds: [ID] }),
    );
    expect(foreignStay.statusCode).toBe(400);
    expect(foreignStay.json().errors[0].path).toBe('stayIds.0');
    expect(
      (await supervisorMx.browser.post(`/api/registry/persons/${person}/shares`, shareBody({ extra: 1 })))
        .statusCode,
    ).toBe(400);
    // Another country's supervisor cannot share a person that is not theirs.
    expect(
      (
        await supervisorGt.browser.post(
          `/api/registry/persons/${person}/shares`,
          shareBody({ countryCode: 'HND' }),
        )
      ).statusCode,
    ).toBe(404);

    const shared = await supervisorMx.browser.post(
      `/api/registry/persons/${person}/shares`,
      shareBody({ fields: ['languages'], stayIds: [second] }),
    );
    expect(shared.statusCode).toBe(201);
    const share = shared.json();
    expect(share).toMatchObject({
      kind: 'registry_person',
      ownerCountry: 'MEX',
      sharedWith: 'GTM',
      status: 'accepted',
      requiresAcceptance: false,
      purpose: 'consular_assistance',
      fields: ['languages'],
      stayIds: [second],
      abilities: { revoke: true, accept: false },
    });
    expect(
      (await supervisorMx.browser.post(`/api/registry/persons/${person}/shares`, shareBody())).statusCode,
    ).toBe(409);

    const seen = await officerGt.browser.get(`/api/registry/persons/${person}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      id: person,
      countryCode: 'MEX',
      givenNames: 'Ana Lucía',
      familyNames: 'Pérez Orellana',
      languages: ['es', 'chj'],
      // Not shared: never sent.
      documentNumber: null,
      aliases: [],
      abilities: { admit: false },
      sharedWithMe: { fields: ['languages'], stayIds: [second] },
    });
    expect(seen.json().stays.map((s: { id: string }) => s.id)).toEqual([second]);
    const incoming = (await officerGt.browser.get('/api/registry/shares/incoming')).json();
    expect(incoming.items.map((s: { id: string }) => s.id)).toContain(share.id);

    // A third country never sees it.
    const officerHn = await signedIn(t, { role: 'centre_officer', countryCode: 'HND' });
    expect((await officerHn.browser.get(`/api/registry/persons/${person}`)).statusCode).toBe(404);
    expect((await officerHn.browser.get('/api/registry/shares/incoming')).json().items).toEqual([]);
    expect(
      (await supervisorHn.browser.delete(`/api/registry/persons/${person}/shares/${share.id}`)).statusCode,
    ).toBe(404);
    // The receiving country does not revoke: the owner does.
    expect(
      (await supervisorGt.browser.delete(`/api/registry/persons/${person}/shares/${share.id}`)).statusCode,
    ).toBe(404);

    // Search before create in the other country never retrieves a shared person (sovereignty).
    const search = await officerGt.browser.post('/api/registry/persons/search', {
      givenNames: 'Ana Lucía',
      familyNames: 'Pérez Orellana',
      birthDate: '1994-03-07',
    });
    expect(search.json().candidates).toEqual([]);

    const revoked = await supervisorMx.browser.delete(`/api/registry/persons/${person}/shares/${share.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', abilities: { revoke: false } });
    expect(
      (await supervisorMx.browser.delete(`/api/registry/persons/${person}/shares/${share.id}`)).statusCode,
    ).toBe(409);
    expect((await officerGt.browser.get(`/api/registry/persons/${person}`)).statusCode).toBe(404);
    expect(await denials(person, officerGt.user.id)).toHaveLength(2);
    expect((await officerGt.browser.get('/api/registry/shares/incoming')).json().items).toEqual([]);

    const trail = await events(person);
    const actions = trail.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'registry.person_shared',
        'registry.person_read',
        'registry.person_share_revoked',
      ]),
    );
    const granted = trail.find((e) => e.action === 'registry.person_shared');
    expect(granted?.actor_id).toBe(supervisorMx.user.id);
    expect(granted?.purpose).toBe('consular_assistance');
    expect(JSON.parse(granted?.details ?? '{}')).toMatchObject({ country: 'GTM', share: share.id, stays: 1 });
    const read = trail.find((e) => e.action === 'registry.person_read' && e.actor_id === officerGt.user.id);
    expect(JSON.parse(read?.details ?? '{}')).toEqual({ shared: true });
    expect(JSON.stringify(trail)).not.toContain('Ana');
    // The note is encrypted at rest.
    const stored = await t.db.kysely
      .selectFrom('shares')
      .selectAll()
      .where('id', '=', share.id)
      .executeTakeFirst();
    expect(JSON.stringify(stored)).not.toContain('Consulate');
  });

  it('transfers a stay abroad only when the receiving country accepts; declined, it stays open', async () => {
    const person = await buildPerson(officerMx.browser, {
      givenNames: 'Rosa Elvira',
      familyNames: 'Cux Tzoc',
    });
    const stay = await buildStay(officerMx.browser, person, centreMx, { admittedAt: '2026-11-20T09:30:00Z' });

    // Declined: nothing moves.
    const offer = await supervisorMx.browser.post(`/api/registry/stays/${stay}/transfer-abroad`, {
      countryCode: 'GTM',
      note: 'Family in Quetzaltenango',
      fields: ['attention'],
    });
    expect(offer.statusCode).toBe(201);
    expect(offer.json()).toMatchObject({
      status: 'offered',
      purpose: 'transfer',
      transfer: { originStayId: stay },
    });
    expect(
      (await supervisorMx.browser.post(`/api/registry/stays/${stay}/transfer-abroad`, { countryCode: 'GTM' }))
        .statusCode,
    ).toBe(409);
    // Offered is not accepted: the person is not readable yet.
    expect((await officerGt.browser.get(`/api/registry/persons/${person}`)).statusCode).toBe(404);
    const waiting = (await supervisorGt.browser.get('/api/registry/shares/incoming')).json().items;
    const mine = waiting.find((s: { id: string }) => s.id === offer.json().id);
    expect(mine).toMatchObject({
      status: 'offered',
      person: { givenNames: 'Rosa Elvira', nationality: 'HND' },
      abilities: { accept: true, decline: true, revoke: false },
    });
    expect(mine.stays[0]).toMatchObject({ id: stay, attentionKinds: ['medical', 'consular'] });
    // A third country can neither see nor answer it.
    expect(
      (
        await supervisorHn.browser.post(
          `/api/registry/shares/${offer.json().id}/accept`,
          acceptBody(centreGt),
        )
      ).statusCode,
    ).toBe(404);
    expect(await denials(offer.json().id, supervisorHn.user.id)).toHaveLength(1);

    const declined = await supervisorGt.browser.post(`/api/registry/shares/${offer.json().id}/decline`, {
      note: 'No places',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', decisionNote: 'No places' });
    expect((await stayRow(stay)).status).toBe('open');
    expect(
      (
        await supervisorGt.browser.post(
          `/api/registry/shares/${offer.json().id}/accept`,
          acceptBody(centreGt),
        )
      ).statusCode,
    ).toBe(409);

    // Offered again, accepted: a new stay in Guatemala, the Mexican stay released as a transfer.
    const again = (
      await supervisorMx.browser.post(`/api/registry/stays/${stay}/transfer-abroad`, { countryCode: 'GTM' })
    ).json();
    expect((await stayRow(stay)).status).toBe('open');
    // Bad answers change nothing: a centre of another country, a time before the admission.
    expect(
      (await supervisorGt.browser.post(`/api/registry/shares/${again.id}/accept`, acceptBody(centreMx)))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await supervisorGt.browser.post(
          `/api/registry/shares/${again.id}/accept`,
          acceptBody(centreGt, { admittedAt: '2026-11-19T00:00:00Z' }),
        )
      ).statusCode,
    ).toBe(400);
    expect((await stayRow(stay)).status).toBe('open');

    const accepted = await supervisorGt.browser.post(
      `/api/registry/shares/${again.id}/accept`,
      acceptBody(centreGt),
    );
    expect(accepted.statusCode).toBe(200);
    const result = accepted.json();
    expect(result).toMatchObject({ status: 'accepted', transfer: { originStayId: stay } });
    const origin = await stayRow(stay);
    expect(origin).toMatchObject({
      status: 'released',
      release_outcome: 'transfer',
      released_at: '2026-11-23T08:00:00.000Z',
    });
    const received = await stayRow(result.transfer.receivedStayId);
    expect(received).toMatchObject({ country_code: 'GTM', centre_id: centreGt, status: 'open' });
    // Guatemala's own record of the person: searchable there now, admitted in its centre.
    const theirs = await officerGt.browser.get(`/api/registry/persons/${result.transfer.receivedPersonId}`);
    expect(theirs.json()).toMatchObject({ countryCode: 'GTM', givenNames: 'Rosa Elvira' });
    expect(theirs.json().stays[0]).toMatchObject({ id: received.id, status: 'open' });
    // And the Mexican record, by the accepted share, with the origin stay.
    const origins = await officerGt.browser.get(`/api/registry/persons/${person}`);
    expect(origins.statusCode).toBe(200);
    expect(origins.json().stays.map((s: { id: string }) => s.id)).toEqual([stay]);

    // Audited on both sides, each in its own country's trail.
    const released = (await events(stay)).find((e) => e.action === 'registry.stay_released');
    expect(released).toMatchObject({ actor_country: 'MEX', actor_id: null });
    expect(JSON.parse(released?.details ?? '{}')).toMatchObject({
      outcome: 'transfer',
      share: again.id,
      acceptedBy: supervisorGt.user.id,
      acceptedIn: 'GTM',
    });
    const acceptance = (await events(received.id)).find((e) => e.action === 'registry.transfer_accepted');
    expect(acceptance).toMatchObject({ actor_country: 'GTM', actor_id: supervisorGt.user.id });
    expect((await events(stay)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['registry.transfer_offered', 'registry.transfer_declined']),
    );
  });

  it('gives one success to two supervisors accepting the same offer at once', async () => {
    const person = await buildPerson(officerMx.browser, { givenNames: 'Juana', familyNames: 'Ixcoy' });
    const stay = await buildStay(officerMx.browser, person, centreMx);
    const offer = (
      await supervisorMx.browser.post(`/api/registry/stays/${stay}/transfer-abroad`, { countryCode: 'GTM' })
    ).json();
    const other = await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' });
    const answers = await Promise.all([
      supervisorGt.browser.post(`/api/registry/shares/${offer.id}/accept`, acceptBody(centreGt)),
      other.browser.post(`/api/registry/shares/${offer.id}/accept`, acceptBody(centreGt)),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // One acceptance, one person registered from the share, one stay admitted.
    const written = async (action: string) =>
      (
        await t.db.kysely
          .selectFrom('audit_events')
          .select('seq')
          .where('action', '=', action)
          .where('details', 'like', `%${offer.id}%`)
          .execute()
      ).length;
    expect(await written('registry.transfer_accepted')).toBe(1);
    expect(await written('registry.person_created')).toBe(1);
    expect(await written('registry.stay_admitted')).toBe(1);
    expect((await stayRow(stay)).status).toBe('released');
  });

  it('keeps the cases’ shares on the room: a case share is an accepted share of kind case', async () => {
    const cr = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI' });
    const created = await cr.browser.post('/api/cases', {
      reference: 'CR-SHARE-ROOM',
      title: 'Operación Arrecife',
      summary: 'Boats from Puntarenas.',
      openedOn: '2025-02-10',
      offences: ['smuggling_of_migrants'],
      countries: [],
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    const res = await cr.browser.post(`/api/cases/${c.id}/shares`, { countryCode: 'PAN' });
    expect(res.statusCode).toBe(200);
    const row = await t.db.kysely
      .selectFrom('shares')
      .selectAll()
      .where('object_kind', '=', 'case')
      .where('object_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      owner_country: 'CRI',
      shared_with: 'PAN',
      status: 'accepted',
      requires_acceptance: 0,
    });
    expect(res.json().shares[0]).toMatchObject({ id: row.id, countryCode: 'PAN', grantedAt: row.offered_at });
  });
});
