import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, samplePng } from '../factories/files';
import { buildCentre, buildPerson, buildStay } from '../factories/registry';
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
const IMEI = '490154203237518';

const audits = (action: string, objectId?: string) => {
  let q = t.db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action);
  if (objectId) q = q.where('object_id', '=', objectId);
  return q.orderBy('seq').execute();
};
const cash = (amount = '1250.50', currency = 'MXN') => ({
  kind: 'cash',
  currency,
  amount,
  description: 'Billetes y monedas',
  sealNumber: 'BOLSA-0001',
});
const passport = {
  kind: 'document',
  documentType: 'passport',
  documentNumber: 'H0987654',
  description: 'Pasaporte hondureño',
  sealNumber: 'BOLSA-0001',
};
const phone = { kind: 'phone', imei: IMEI, description: 'Teléfono Samsung negro', sealNumber: 'BOLSA-0002' };

async function pdfText(body: Buffer): Promise<string> {
  const parsed = await new PDFParse({ data: new Uint8Array(body) }).getText();
  // One space for any run of white space: table cells wrap over lines.
  return parsed.text.replace(/\s+/g, ' ');
}

describe('belongings of a stay', () => {
  let officer: Session;
  let second: Session;
  let supervisor: Session;
  let otherSupervisor: Session;
  let officerGt: Session;
  let supervisorGt: Session;
  let centre: string;
  let other: string;
  let stay: string;
  const url = (s = stay) => `/api/registry/stays/${s}/belongings`;

  beforeAll(async () => {
    officer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    second = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    supervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    otherSupervisor = await signedIn(t, { role: 'centre_supervisor', countryCode: 'MEX' });
    officerGt = await signedIn(t, { role: 'centre_officer', countryCode: 'GTM' });
    supervisorGt = await signedIn(t, { role: 'centre_supervisor', countryCode: 'GTM' });
    centre = await buildCentre(supervisor.browser);
    other = await buildCentre(supervisor.browser, { type: 'shelter' });
    // A Haitian woman who speaks Creole first: her receipt is in Creole unless asked otherwise.
    const person = await buildPerson(officer.browser, {
      givenNames: 'Roseline',
      familyNames: 'Jean-Baptiste',
      nationality: 'HTI',
      birthDate: '1991-05-14',
      languages: ['ht', 'fr'],
    });
    stay = await buildStay(officer.browser, person, centre);
  });

  it('answers 401 to an anonymous caller on every route', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    for (const [method, path] of [
      ['GET', url(ID)],
      ['POST', `${url(ID)}/items`],
      ['POST', `${url(ID)}/items/${ID}/correct`],
      ['POST', `${url(ID)}/verify`],
      ['GET', `${url(ID)}/receipt.pdf`],
      ['POST', `${url(ID)}/custody`],
      ['POST', `${url(ID)}/return`],
      ['GET', '/api/registry/belongings/discrepancies'],
    ] as const) {
      const res = await b.request({ method, url: path, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${path}`).toBe(401);
    }
  });

  it('refuses a role without the permission (403, logged) and answers 404 for another country’s stay (audited)', async () => {
    const liaison = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    expect((await liaison.browser.get(url())).statusCode).toBe(403);
    expect((await liaison.browser.post(`${url()}/items`, cash())).statusCode).toBe(403);
    // A protection officer reads the registry but records nothing; an officer is no supervisor.
    const protection = await signedIn(t, { role: 'protection_officer', countryCode: 'MEX' });
    expect((await protection.browser.get(url())).statusCode).toBe(200);
    expect((await protection.browser.post(`${url()}/items`, cash())).statusCode).toBe(403);
    expect((await officer.browser.get('/api/registry/belongings/discrepancies')).statusCode).toBe(403);

    for (const res of [
      await officerGt.browser.get(url()),
      await officerGt.browser.post(`${url()}/items`, cash()),
      await officerGt.browser.get(`${url()}/receipt.pdf`),
      await officerGt.browser.post(`${url()}/custody`, {
        kind: 'stored',
        place: 'Locker 1',
        at: '2026-11-20T10:00:00Z',
      }),
    ])
      expect(res.statusCode).toBe(404);
    const denied = await t.db.kysely
      .selectFrom('audit_events')
      .select(['details', 'object_id'])
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', officerGt.user.id)
      .execute();
    expect(denied.length).toBe(4);
    expect(denied.every((d) => d.object_id === stay && String(d.details).includes('scope'))).toBe(true);
    const count = await t.db.kysely
      .selectFrom('registry_belongings_items')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a bad IMEI with a clear message and stores nothing', async () => {
    const res = await officer.browser.post(`${url()}/items`, { ...phone, imei: '490154203237519' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'imei', message: expect.stringContaining('Luhn') }]);
    const short = await officer.browser.post(`${url()}/items`, { ...phone, imei: '4901542032' });
    expect(short.statusCode).toBe(400);
    // Money in a currency's own decimals, as a string: JPY has none.
    const yen = await officer.browser.post(`${url()}/items`, cash('100.5', 'JPY'));
    expect(yen.statusCode).toBe(400);
    expect(yen.json().errors[0]).toMatchObject({ path: 'amount', message: expect.stringContaining('JPY') });
    expect((await officer.browser.post(`${url()}/items`, cash('12.5', 'XYZ'))).statusCode).toBe(400);
    expect((await officer.browser.post(`${url()}/items`, { ...cash(), amount: 12.5 })).statusCode).toBe(400);
    expect((await officer.browser.post(`${url()}/items`, { ...passport, imei: IMEI })).statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('registry_belongings').selectAll().execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom('registry_belongings_items').selectAll().execute()).toEqual([]);
    const spanishOfficer = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX', locale: 'es' });
    const spanish = await spanishOfficer.browser.post(`${url()}/items`, {
      ...phone,
      imei: '490154203237519',
    });
    expect(spanish.json().errors[0].message).toContain('cifra de control');
  });

  it('records the inventory, encrypts personal data, and keeps the history of a correction', async () => {
    const upload = multipart('telefono.png', samplePng(Buffer.alloc(64, 1)), 'image/png');
    const file = await officer.browser.request({ method: 'POST', url: '/api/files', ...upload });
    expect(file.statusCode, file.body).toBe(201);
    const first = await officer.browser.post(`${url()}/items`, cash());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('draft');
    await officer.browser.post(`${url()}/items`, passport);
    const withPhone = await officer.browser.post(`${url()}/items`, { ...phone, photoFileId: file.json().id });
    expect(withPhone.statusCode, withPhone.body).toBe(201);
    const body = withPhone.json();
    expect(body.items.map((i: { number: number; kind: string }) => [i.number, i.kind])).toEqual([
      [1, 'cash'],
      [2, 'document'],
      [3, 'phone'],
    ]);
    expect(body.items[0]).toMatchObject({ currency: 'MXN', amount: '1250.50' });
    expect(body.items[1]).toMatchObject({ documentType: 'passport', documentNumber: 'H0987654' });
    expect(body.items[2]).toMatchObject({ imei: IMEI, photo: { id: file.json().id, type: 'image/png' } });
    expect(body.abilities).toMatchObject({ record: true, verify: false, receipt: false });
    // The photo is read by the registry of the country only.
    expect((await second.browser.get(`/api/files/${file.json().id}`)).statusCode).toBe(200);
    expect((await officerGt.browser.get(`/api/files/${file.json().id}`)).statusCode).toBe(404);

    const raw = await t.db.kysely.selectFrom('registry_belongings_items').selectAll().execute();
    const flat = JSON.stringify(raw);
    for (const secret of ['H0987654', IMEI, 'Pasaporte', 'Samsung']) expect(flat).not.toContain(secret);

    // A correction: the passport's number was mistyped.
    const passportId = body.items[1].id as string;
    const fixed = await officer.browser.post(`${url()}/items/${passportId}/correct`, {
      ...passport,
      documentNumber: 'H0987655',
    });
    expect(fixed.statusCode, fixed.body).toBe(201);
    const items = fixed.json().items as {
      id: string;
      number: number;
      supersededBy: string | null;
      supersedes: string | null;
      documentNumber: string | null;
    }[];
    expect(items).toHaveLength(4);
    const old = items.find((i) => i.id === passportId);
    const corrected = items.find((i) => i.number === 4);
    expect(old?.supersededBy).toBe(corrected?.id);
    expect(old?.documentNumber).toBe('H0987654');
    expect(corrected).toMatchObject({ supersedes: passportId, documentNumber: 'H0987655' });
    expect(fixed.json().summary.held).toBe(3);
    // A superseded item is not corrected twice; the amendment appends.
    expect((await officer.browser.post(`${url()}/items/${passportId}/correct`, passport)).statusCode).toBe(
      409,
    );
    const valuable = await second.browser.post(`${url()}/items`, {
      kind: 'valuable',
      description: 'Anillo de oro',
      sealNumber: 'SOBRE-7',
    });
    expect(valuable.statusCode).toBe(201);
    expect(valuable.json().items).toHaveLength(5);
    expect((await audits('registry.belongings_item_recorded', stay)).length).toBe(4);
    const correctedAudit = await audits('registry.belongings_item_corrected', stay);
    expect(correctedAudit).toHaveLength(1);
    expect(correctedAudit[0]?.details).toContain(passportId);
    expect(correctedAudit[0]?.details).not.toContain('H098');
  });

  it('is verified by a second officer only, which numbers the receipt and closes the draft', async () => {
    // The second officer recorded the ring: neither may verify.
    const own = await officer.browser.post(`${url()}/verify`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('registry_belongings_verify_own');
    expect((await second.browser.post(`${url()}/verify`, {})).statusCode).toBe(403);
    const denied = await audits('access.denied', stay);
    expect(denied.filter((d) => String(d.details).includes('own_inventory'))).toHaveLength(2);
    expect((await officer.browser.get(url())).json().status).toBe('draft');
    expect((await officer.browser.get(`${url()}/receipt.pdf`)).statusCode).toBe(409);

    const third = await signedIn(t, { role: 'centre_officer', countryCode: 'MEX' });
    const before = (await third.browser.get(url())).json();
    expect(before.abilities.verify).toBe(true);
    const verified = await third.browser.post(`${url()}/verify`, {});
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'verified', verifiedBy: { id: third.user.id } });
    expect(verified.json().receiptNumber).toMatch(/^MX-2026-\d{6}$/);
    expect(
      verified
        .json()
        .recordedBy.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([officer.user.id, second.user.id].sort());
    // Verified: no more items, no second verification.
    expect((await officer.browser.post(`${url()}/items`, cash('5.00'))).statusCode).toBe(409);
    expect((await third.browser.post(`${url()}/verify`, {})).statusCode).toBe(409);
    const audit = await audits('registry.belongings_verified', stay);
    expect(audit[0]?.details).toContain(verified.json().receiptNumber);
  });

  it('gives the receipt as a PDF with its number, in the person’s language or the one asked for; audited', async () => {
    const number = (await officer.browser.get(url())).json().receiptNumber as string;
    const creole = await officer.browser.get(`${url()}/receipt.pdf`);
    expect(creole.statusCode).toBe(200);
    expect(creole.headers['content-type']).toBe('application/pdf');
    expect(creole.headers['content-disposition']).toContain(`${number}.pdf`);
    expect(creole.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(creole.rawPayload);
    expect(text).toContain('Resi pou afè pèsonèl');
    expect(text).toContain(number);
    expect(text).toContain('Roseline Jean-Baptiste');
    expect(text).toContain('H0987655');
    expect(text).not.toContain('H0987654');
    expect(text).toContain(`IMEI ${IMEI}`);
    expect(text).toContain('Siyati oswa anprent moun nan');
    expect(text).toMatch(/1 ?250,50 MXN/);

    const french = await officer.browser.get(`${url()}/receipt.pdf?lang=fr`);
    const frText = await pdfText(french.rawPayload);
    expect(frText).toContain('Reçu des effets personnels');
    expect(frText).toContain('Agent qui a vérifié');
    const english = await officer.browser.get(`${url()}/receipt.pdf?lang=en`);
    expect(await pdfText(english.rawPayload)).toContain('Belongings receipt');
    expect((await officer.browser.get(`${url()}/receipt.pdf?lang=de`)).statusCode).toBe(400);

    const issued = await audits('registry.belongings_receipt_issued', stay);
    const downloaded = await audits('registry.belongings_receipt_downloaded', stay);
    expect(issued).toHaveLength(1);
    expect(issued[0]?.details).toContain('"language":"ht"');
    expect(downloaded).toHaveLength(2);
    expect(downloaded.map((d) => String(d.details)).join()).not.toContain('Roseline');
  });

  it('numbers receipts without ever repeating one, verifications at once included', async () => {
    const stays: string[] = [];
    for (let i = 0; i < 8; i++) {
      const person = await buildPerson(officer.browser, {
        givenNames: `Persona ${i}`,
        familyNames: `Prueba Número ${i}`,
        birthDate: `198${i}-01-0${i + 1}`,
      });
      const s = await buildStay(officer.browser, person, centre);
      expect((await officer.browser.post(`${url(s)}/items`, cash(`${i + 1}.00`))).statusCode).toBe(201);
      stays.push(s);
    }
    const results = await Promise.all(stays.map((s) => second.browser.post(`${url(s)}/verify`, {})));
    expect(results.map((r) => r.statusCode)).toEqual(stays.map(() => 200));
    const numbers = results.map((r) => r.json().receiptNumber as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    const all = await t.db.kysely
      .selectFrom('registry_belongings')
      .select('receipt_number')
      .where('receipt_number', 'is not', null)
      .execute();
    expect(new Set(all.map((r) => r.receipt_number)).size).toBe(all.length);
    expect(all.length).toBe(9);
    // The sequence has no gap: 1 … 9 in the year.
    expect(all.map((r) => Number(r.receipt_number?.slice(-6))).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('logs every movement: stored, handed to an authority, and the transfer in the same transaction', async () => {
    const stored = await officer.browser.post(`${url()}/custody`, {
      kind: 'stored',
      place: 'Bodega A, casillero 12',
      at: '2026-11-20T10:00:00Z',
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const items = stored.json().items as { id: string; number: number; supersededBy: string | null }[];
    const ring = items.find((i) => i.number === 5);
    const handed = await officer.browser.post(`${url()}/custody`, {
      kind: 'handed_to_authority',
      authority: 'Fiscalía General de la República',
      reference: 'FGR-2026-000123',
      itemIds: [ring?.id],
      at: '2026-11-20T12:00:00Z',
      note: 'Requested as evidence',
    });
    expect(handed.statusCode, handed.body).toBe(201);
    // A superseded item cannot be moved.
    const superseded = items.find((i) => i.supersededBy !== null);
    expect(
      (
        await officer.browser.post(`${url()}/custody`, {
          kind: 'handed_to_authority',
          authority: 'FGR',
          reference: 'X',
          itemIds: [superseded?.id],
          at: '2026-11-20T12:00:00Z',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await officer.browser.post(`${url()}/custody`, {
          kind: 'stored',
          place: 'Bodega B',
          at: '2026-11-20T08:00:00Z',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await officer.browser.post(`${url()}/custody`, { kind: 'transferred', at: '2026-11-20T12:00:00Z' }))
        .statusCode,
    ).toBe(400);

    const moved = await officer.browser.post(`/api/registry/stays/${stay}/transfer`, {
      toCentreId: other,
      at: '2026-11-21T10:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const log = (await officer.browser.get(url())).json().custody;
    expect(log.map((c: { kind: string }) => c.kind)).toEqual([
      'stored',
      'handed_to_authority',
      'transferred',
    ]);
    expect(log[1]).toMatchObject({
      authority: 'Fiscalía General de la República',
      reference: 'FGR-2026-000123',
      items: [5],
      note: 'Requested as evidence',
    });
    expect(log[2]).toMatchObject({
      fromCentreId: centre,
      toCentreId: other,
      at: '2026-11-21T10:00:00.000Z',
      by: { id: officer.user.id },
    });
    // A stay without belongings transfers without a log entry.
    const person = await buildPerson(officer.browser, {
      givenNames: 'Sin',
      familyNames: 'Pertenencias Ningunas',
    });
    const bare = await buildStay(officer.browser, person, centre);
    expect(
      (
        await officer.browser.post(`/api/registry/stays/${bare}/transfer`, {
          toCentreId: other,
          at: '2026-11-21T10:00:00Z',
        })
      ).statusCode,
    ).toBe(200);
    const bareLog = await t.db.kysely
      .selectFrom('registry_belongings_custody')
      .selectAll()
      .where('stay_id', '=', bare)
      .execute();
    expect(bareLog).toEqual([]);
  });

  it('returns item by item at release; a missing item is a discrepancy shown to the supervisors and notified', async () => {
    const items = (await officer.browser.get(url())).json().items as {
      id: string;
      number: number;
      supersededBy: string | null;
    }[];
    const current = items.filter((i) => !i.supersededBy);
    const byNumber = (n: number) => current.find((i) => i.number === n)?.id as string;
    const body = {
      at: '2026-11-22T11:00:00Z',
      items: [
        { itemId: byNumber(1), outcome: 'returned' },
        { itemId: byNumber(3), outcome: 'missing', reason: 'Not in bag BOLSA-0002 when opened' },
      ],
    };
    const early = await officer.browser.post(`${url()}/return`, body);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('registry_belongings_stay_open');

    const released = await officer.browser.post(`/api/registry/stays/${stay}/release`, {
      releasedAt: '2026-11-22T10:00:00Z',
      outcome: 'return',
      identity: {
        givenNames: 'Roseline',
        familyNames: 'Jean-Baptiste',
        birthDate: '1991-05-14',
        sex: 'female',
        nationality: 'HTI',
      },
    });
    expect(released.statusCode, released.body).toBe(200);
    const afterRelease = (await officer.browser.get(url())).json();
    expect(afterRelease.summary.held).toBe(4);
    // The person's record says their belongings are still held after the release.
    const personRead = (await officer.browser.get(`/api/registry/persons/${afterRelease.personId}`)).json();
    expect(personRead.stays[0]).toMatchObject({ id: stay, status: 'released', belongingsHeld: 4 });
    expect(afterRelease.abilities.return).toBe(true);

    // Retained needs its authority and reason; nothing is stored when one item is refused.
    const refused = await officer.browser.post(`${url()}/return`, {
      ...body,
      items: [...body.items, { itemId: byNumber(5), outcome: 'retained' }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'items.2.authority',
      'items.2.reason',
    ]);
    expect(await t.db.kysely.selectFrom('registry_belongings_returns').selectAll().execute()).toEqual([]);

    const done = await officer.browser.post(`${url()}/return`, body);
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json().summary).toEqual({ held: 2, returned: 1, discrepancies: 1 });
    const person = (await officer.browser.get(`/api/registry/persons/${done.json().personId}`)).json();
    expect(person.stays[0].belongingsHeld).toBe(2);
    expect(done.json().items.find((i: { number: number }) => i.number === 3).return).toMatchObject({
      outcome: 'missing',
      reason: 'Not in bag BOLSA-0002 when opened',
      by: { id: officer.user.id },
    });
    // Each item once.
    const again = await officer.browser.post(`${url()}/return`, { at: body.at, items: [body.items[0]] });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].path).toBe('items.0.itemId');

    const retained = await officer.browser.post(`${url()}/return`, {
      at: '2026-11-22T11:05:00Z',
      items: [
        {
          itemId: byNumber(5),
          outcome: 'retained',
          authority: 'Fiscalía General de la República',
          reason: 'Evidence in FGR-2026-000123',
        },
      ],
    });
    expect(retained.statusCode).toBe(201);

    const list = await supervisor.browser.get('/api/registry/belongings/discrepancies');
    expect(list.statusCode).toBe(200);
    const rows = list.json().items as {
      itemNumber: number;
      outcome: string;
      stayId: string;
      receiptNumber: string;
      description: string;
    }[];
    expect(rows.map((r) => [r.itemNumber, r.outcome])).toEqual([
      [5, 'retained'],
      [3, 'missing'],
    ]);
    expect(rows[1]).toMatchObject({ stayId: stay, description: 'Teléfono Samsung negro' });
    expect(rows[1]?.receiptNumber).toMatch(/^MX-2026-/);
    expect((await supervisorGt.browser.get('/api/registry/belongings/discrepancies')).json().items).toEqual(
      [],
    );
    expect((await audits('registry.belongings_discrepancy_recorded', stay)).length).toBe(2);
    expect((await audits('registry.belongings_returned', stay)).length).toBe(3);

    const notices = await t.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'registry.belongings_discrepancy')
      .execute();
    expect(notices.map((n) => n.user_id).sort()).toEqual(
      [supervisor.user.id, otherSupervisor.user.id, supervisor.user.id, otherSupervisor.user.id].sort(),
    );
    expect(notices.every((n) => n.object_id === stay && n.object_type === 'registry_belongings')).toBe(true);
    for (const n of notices) {
      expect(n.params).not.toMatch(/Roseline|Samsung|Jean/);
      expect(JSON.parse(n.params)).toMatchObject({ count: 1, receipt: rows[1]?.receiptNumber });
    }
    const bell = await supervisor.browser.get('/api/notifications');
    expect(bell.json().items[0]).toMatchObject({ kind: 'registry.belongings_discrepancy', objectId: stay });

    // The receipt now shows what became of each item.
    const receipt = await pdfText((await officer.browser.get(`${url()}/receipt.pdf?lang=es`)).rawPayload);
    expect(receipt).toContain('En la salida');
    expect(receipt).toContain('Faltante');
    expect(receipt).toContain('Retenido por una autoridad — Fiscalía General de la República');
  });
});
