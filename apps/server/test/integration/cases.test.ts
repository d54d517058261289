import { createHash } from 'node:crypto';
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

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    reference: `CR-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Operación Coral',
    summary: 'Network moving migrants by boat from Puntarenas; leader known as El Capitán.',
    openedOn: '2025-02-10',
    offences: ['smuggling_of_migrants', 'endangering_life'],
    countries: [{ countryCode: 'PAN', role: 'transit' }],
    financialInvestigation: true,
    ...overrides,
  };
}

describe('case routes: who may call them', () => {
  it('answers 401 anonymously, 403 to roles without the permission', async () => {
    const anonymous = new Browser(t);
    await anonymous.get('/api/auth/session');
    expect((await anonymous.get('/api/cases')).statusCode).toBe(401);
    const centre = await signedIn(t, { role: 'centre_officer', countryCode: 'CRI' });
    expect((await centre.browser.get('/api/cases')).statusCode).toBe(403);
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'CRI' });
    expect((await liaison.browser.post('/api/cases', caseBody())).statusCode).toBe(403);
  });
});

describe('investigation and prosecution cases', () => {
  it('follows a case from detection to judgment: suspects, outcomes, assets, evidence and its custody', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'CRI' });
    const incident = await reportIncident(liaison.browser, {
      place: { name: 'Off Cabo Blanco', countryCode: 'CRI' },
    });
    const { browser } = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI' });
    const created = await browser.post('/api/cases', caseBody({ incidentIds: [incident.id] }));
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      countryCode: 'CRI',
      stage: 'detection',
      incidentIds: [incident.id],
      offences: ['smuggling_of_migrants', 'endangering_life'],
      abilities: { update: true, share: true },
    });
    const id = c.id as string;
    // The incident now names its case.
    expect((await liaison.browser.get(`/api/incidents/${incident.id}`)).json().caseIds).toEqual([id]);

    const withSuspects = await browser.post(`/api/cases/${id}/suspects`, {
      kind: 'person',
      name: 'Esteban Quirós Vega',
      nationality: 'CRI',
      role: 'leader',
      defendant: true,
      charges: ['smuggling_of_migrants', 'endangering_life'],
    });
    expect(withSuspects.statusCode).toBe(200);
    await browser.post(`/api/cases/${id}/suspects`, {
      kind: 'organisation',
      name: 'Transportes del Pacífico',
      role: 'facilitator',
    });
    const suspects = withSuspects.json().suspects as { id: string; name: string }[];
    const leader = suspects[0]?.id as string;
    // Names are encrypted at rest and never in the audit trail.
    const raw = await t.db.kysely.selectFrom('case_suspects').selectAll().where('case_id', '=', id).execute();
    expect(JSON.stringify(raw)).not.toContain('Quirós');
    expect(raw[0]?.name_enc).toMatch(/^v1\./);
    const caseRow = await t.db.kysely
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(caseRow)).not.toContain('El Capitán');

    for (const [stage, on] of [
      ['investigation', '2025-03-01'],
      ['prosecution', '2025-06-15'],
      ['trial', '2025-11-03'],
    ] as const) {
      expect((await browser.post(`/api/cases/${id}/stage`, { stage, occurredOn: on })).statusCode).toBe(200);
    }
    const backwards = await browser.post(`/api/cases/${id}/stage`, {
      stage: 'judgment',
      occurredOn: '2025-10-01',
    });
    expect(backwards.statusCode).toBe(400);
    const judged = await browser.post(`/api/cases/${id}/stage`, {
      stage: 'judgment',
      occurredOn: '2026-02-20',
    });
    expect(judged.json()).toMatchObject({ stage: 'judgment', judgedOn: '2026-02-20' });
    expect(judged.json().stages.map((s: { stage: string }) => s.stage)).toEqual([
      'detection',
      'investigation',
      'prosecution',
      'trial',
      'judgment',
    ]);

    const noDate = await browser.patch(`/api/cases/${id}/suspects/${leader}`, {
      outcome: 'convicted',
      sentenceMonths: 96,
    });
    expect(noDate.statusCode).toBe(400);
    const convicted = await browser.patch(`/api/cases/${id}/suspects/${leader}`, {
      outcome: 'convicted',
      outcomeOn: '2026-02-20',
      sentenceMonths: 96,
      fine: { amount: 15000.5, currency: 'USD' },
    });
    expect(convicted.statusCode).toBe(200);
    expect(convicted.json().suspects.find((s: { id: string }) => s.id === leader)).toMatchObject({
      name: 'Esteban Quirós Vega',
      outcome: 'convicted',
      sentenceMonths: 96,
      fine: { amount: 15000.5, currency: 'USD' },
    });

    const asset = await browser.post(`/api/cases/${id}/assets`, {
      kind: 'vessel',
      description: 'Go-fast boat “Marlín”',
      status: 'seized',
      value: 85000,
      currency: 'USD',
      statusOn: '2025-02-12',
    });
    const assetId = asset.json().assets[0].id;
    const confiscated = await browser.patch(`/api/cases/${id}/assets/${assetId}`, {
      status: 'confiscated',
      statusOn: '2026-03-01',
    });
    expect(confiscated.json().assets[0]).toMatchObject({
      status: 'confiscated',
      seizedOn: '2025-02-12',
      confiscatedOn: '2026-03-01',
      value: 85000,
    });
    expect(
      (
        await browser.patch(`/api/cases/${id}/assets/${assetId}`, {
          status: 'seized',
          statusOn: '2026-03-02',
        })
      ).statusCode,
    ).toBe(400);

    const file = sha('phone extraction report');
    const evidence = await browser.post(`/api/cases/${id}/evidence`, {
      kind: 'digital',
      description: 'Phone extraction of the captain',
      sha256: file,
      collectedAt: '2025-02-10T15:00:00Z',
      holder: 'Sgt. A. Mora, OIJ',
    });
    const evidenceId = evidence.json().evidence[0].id;
    const handed = await browser.post(`/api/cases/${id}/evidence/${evidenceId}/custody`, {
      holder: 'Forensic lab, OIJ',
      at: '2025-02-11T09:00:00Z',
      purpose: 'analysis',
      sha256: file,
    });
    const tampered = await browser.post(`/api/cases/${id}/evidence/${evidenceId}/custody`, {
      holder: 'Prosecutor’s office',
      at: '2025-03-01T10:00:00Z',
      sha256: sha('something else'),
    });
    expect(handed.statusCode).toBe(200);
    const custody = tampered.json().evidence[0].custody;
    expect(custody).toEqual([
      {
        holder: 'Sgt. A. Mora, OIJ',
        from: '2025-02-10T15:00:00Z',
        to: '2025-02-11T09:00:00Z',
        purpose: null,
        hashVerified: null,
      },
      {
        holder: 'Forensic lab, OIJ',
        from: '2025-02-11T09:00:00Z',
        to: '2025-03-01T10:00:00Z',
        purpose: 'analysis',
        hashVerified: true,
      },
      {
        holder: 'Prosecutor’s office',
        from: '2025-03-01T10:00:00Z',
        to: null,
        purpose: null,
        hashVerified: false,
      },
    ]);
    const early = await browser.post(`/api/cases/${id}/evidence/${evidenceId}/custody`, {
      holder: 'Court',
      at: '2025-02-01T10:00:00Z',
    });
    expect(early.statusCode).toBe(400);
    const failed = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', id)
      .where('action', '=', 'case.custody_transferred')
      .orderBy('seq')
      .execute();
    expect(failed.map((a) => a.outcome)).toEqual(['success', 'failure']);

    // The regional case statistics see it.
    const stats = (await browser.get('/api/stats/cases?country=CRI')).json();
    expect(stats.byStage.find((s: { stage: string }) => s.stage === 'judgment').cases).toBe(1);
    expect(stats.timeToJudgment).toMatchObject({ cases: 1, medianDays: 375, meanDays: 375 });
    expect(stats.defendants.convicted).toBe(1);
    expect(stats.convictionRate).toBe(1);
    expect(stats.assets).toEqual([{ status: 'confiscated', currency: 'USD', items: 1, value: 85000 }]);
    // Observers see the same figures with small cells withheld.
    const observer = await signedIn(t, { role: 'observer', countryCode: 'UNODC' });
    const suppressed = (await observer.browser.get('/api/stats/cases?country=CRI&mode=sea')).json();
    expect(suppressed).toMatchObject({ suppression: true, convictionRate: null, ignoredFilters: ['mode'] });
    expect(suppressed.defendants.convicted).toBeNull();
    expect(suppressed.defendants.suppressed).toContain('convicted');
  });

  it('refuses unknown offences and another country’s incidents, in the user’s language', async () => {
    const { browser } = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI', locale: 'fr' });
    const other = await signedIn(t, { role: 'liaison_officer', countryCode: 'PAN' });
    const foreign = await reportIncident(other.browser);
    const res = await browser.post(
      '/api/cases',
      caseBody({ offences: ['jaywalking'], incidentIds: [foreign.id] }),
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path)).toEqual(['offences.0', 'incidentIds.0']);
    expect(errors[1]?.message).toMatch(/votre pays/);
  });

  it('shares a case with another country explicitly, read-only and audited, until revoked', async () => {
    const cr = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI' });
    const pa = await signedIn(t, { role: 'analyst', countryCode: 'PAN' });
    const c = (await cr.browser.post('/api/cases', caseBody())).json();
    await cr.browser.post(`/api/cases/${c.id}/suspects`, {
      kind: 'person',
      name: 'Rolando Pérez',
      role: 'guide',
    });
    expect((await pa.browser.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await pa.browser.get('/api/cases')).json().items.map((x: { id: string }) => x.id)).not.toContain(
      c.id,
    );

    const shared = await cr.browser.post(`/api/cases/${c.id}/shares`, { countryCode: 'PAN' });
    expect(shared.statusCode).toBe(200);
    const share = shared.json().shares[0];
    expect(share).toMatchObject({ countryCode: 'PAN', revokedAt: null });
    expect((await cr.browser.post(`/api/cases/${c.id}/shares`, { countryCode: 'PAN' })).statusCode).toBe(409);
    expect((await cr.browser.post(`/api/cases/${c.id}/shares`, { countryCode: 'CRI' })).statusCode).toBe(400);

    const seen = await pa.browser.get(`/api/cases/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      sharedWithMe: true,
      shares: [],
      incidentIds: [],
      abilities: { update: false, share: false },
    });
    expect(seen.json().suspects[0].name).toBe('Rolando Pérez');
    const listed = (await pa.browser.get('/api/cases'))
      .json()
      .items.find((x: { id: string }) => x.id === c.id);
    expect(listed.sharedWithMe).toBe(true);
    expect((await pa.browser.patch(`/api/cases/${c.id}`, { title: 'Mine now' })).statusCode).toBe(403);
    // Another country still sees nothing.
    const gt = await signedIn(t, { role: 'prosecutor', countryCode: 'GTM' });
    expect((await gt.browser.get(`/api/cases/${c.id}`)).statusCode).toBe(404);

    const revoked = await cr.browser.delete(`/api/cases/${c.id}/shares/${share.id}`);
    expect(revoked.json().shares[0].revokedAt).not.toBeNull();
    expect((await pa.browser.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await cr.browser.delete(`/api/cases/${c.id}/shares/${share.id}`)).statusCode).toBe(409);

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', c.id)
      .orderBy('seq')
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.created',
        'case.shared',
        'case.read',
        'case.share_revoked',
        'access.denied',
      ]),
    );
    const grant = audit.find((a) => a.action === 'case.shared');
    expect(grant?.actor_id).toBe(cr.user.id);
    expect(JSON.parse(grant?.details ?? '{}')).toMatchObject({ country: 'PAN', share: share.id });
    const read = audit.find((a) => a.action === 'case.read' && a.actor_id === pa.user.id);
    expect(JSON.parse(read?.details ?? '{}')).toEqual({ shared: true });
    expect(JSON.stringify(audit)).not.toContain('Rolando');
  });

  it('removes a suspect or an asset recorded in error, audited, only by the owning country', async () => {
    const cr = await signedIn(t, { role: 'prosecutor', countryCode: 'CRI' });
    const c = (await cr.browser.post('/api/cases', caseBody())).json();
    const withSuspect = await cr.browser.post(`/api/cases/${c.id}/suspects`, {
      kind: 'person',
      name: 'Marvin Solano Ruiz',
      role: 'transporter',
    });
    const suspectId = withSuspect.json().suspects[0].id as string;
    const withAsset = await cr.browser.post(`/api/cases/${c.id}/assets`, {
      kind: 'vehicle',
      description: 'Pick-up truck',
      status: 'seized',
      value: 12000,
      currency: 'USD',
      statusOn: '2025-02-11',
    });
    const assetId = withAsset.json().assets[0].id as string;
    await cr.browser.post(`/api/cases/${c.id}/shares`, { countryCode: 'PAN' });

    // Another country sees no such case; the country it is shared with may only read it.
    const gt = await signedIn(t, { role: 'prosecutor', countryCode: 'GTM' });
    expect((await gt.browser.delete(`/api/cases/${c.id}/suspects/${suspectId}`)).statusCode).toBe(404);
    const pa = await signedIn(t, { role: 'prosecutor', countryCode: 'PAN' });
    expect((await pa.browser.delete(`/api/cases/${c.id}/assets/${assetId}`)).statusCode).toBe(403);
    expect((await cr.browser.get(`/api/cases/${c.id}`)).json().suspects).toHaveLength(1);

    const removed = await cr.browser.delete(`/api/cases/${c.id}/suspects/${suspectId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().suspects).toEqual([]);
    expect((await cr.browser.delete(`/api/cases/${c.id}/suspects/${suspectId}`)).statusCode).toBe(404);
    const noAsset = await cr.browser.delete(`/api/cases/${c.id}/assets/${assetId}`);
    expect(noAsset.statusCode).toBe(200);
    expect(noAsset.json().assets).toEqual([]);

    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', c.id)
      .orderBy('seq')
      .execute();
    const suspectRemoval = audit.find((a) => a.action === 'case.suspect_removed');
    expect(suspectRemoval?.actor_id).toBe(cr.user.id);
    expect(JSON.parse(suspectRemoval?.details ?? '{}')).toMatchObject({ suspect: suspectId });
    const assetRemoval = audit.find((a) => a.action === 'case.asset_removed');
    expect(JSON.parse(assetRemoval?.details ?? '{}')).toEqual({ asset: assetId, status: 'seized' });
    expect(audit.filter((a) => a.action === 'access.denied').length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audit)).not.toContain('Marvin');
  });
});
