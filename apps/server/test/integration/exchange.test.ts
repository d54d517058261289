import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindDeadlines } from '../../src/modules/exchange/exchange.service';
import { buildActor } from '../../src/platform/authz/access';
import { requestHandlingPermission } from '../../src/platform/handling/handling.service';
import { authorise } from '../factories/directory';
import { H0, H2, H3, openThread as open, type Session } from '../factories/exchange';
import { multipart, samplePdf } from '../factories/files';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const actorOf = (who: Session) =>
  buildActor(
    { id: who.user.id, role: who.user.role, country_code: who.user.countryCode, agency_id: null },
    's',
  );

async function uploadPdf(who: Session, name: string, text = name): Promise<string> {
  const body = multipart(name, samplePdf(text), 'application/pdf');
  const res = await who.browser.request({
    method: 'POST',
    url: '/api/files',
    payload: body.payload,
    headers: body.headers,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('secure exchange', () => {
  let gt: Session;
  let mx: Session;
  let hn: Session;
  beforeAll(async () => {
    gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    mx = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    hn = await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    for (const who of [gt, mx, hn]) await authorise(t, who.user.id);
  });

  it('answers 401 to an anonymous caller and 403 to a role outside the exchange (administrators manage accounts, not content)', async () => {
    expect((await new Browser(t).get('/api/exchange/threads')).statusCode).toBe(401);
    const admin = await signedIn(t, { role: 'network_admin', countryCode: 'GTM' });
    expect((await admin.browser.get('/api/exchange/threads')).statusCode).toBe(403);
  });

  it('refuses a thread without the author’s codes: no default hides the choice', async () => {
    const res = await gt.browser.post('/api/exchange/threads', {
      subject: 'x',
      type: 'informal',
      priority: 'normal',
      participants: [{ kind: 'user', ref: mx.user.id }],
      message: { body: 'hola' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('codes');
  });

  it('shows a thread to its participants only: to anyone else its thread, messages and count answer 404', async () => {
    const thread = await open(gt, [{ kind: 'user', ref: mx.user.id }]);
    expect(thread.replyBy).toBe(new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString());
    const mine = await mx.browser.get(`/api/exchange/threads/${thread.id}/messages`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items[0]).toMatchObject({
      body: 'Lancha con 40 personas salió de Ocós hacia Chiapas',
      codes: H0,
    });

    for (const path of [
      `/api/exchange/threads/${thread.id}`,
      `/api/exchange/threads/${thread.id}/messages`,
      `/api/exchange/threads/${thread.id}/export`,
    ]) {
      expect((await hn.browser.get(path)).statusCode, path).toBe(404);
    }
    const posted = await hn.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
      body: 'x',
      codes: H0,
    });
    expect(posted.statusCode).toBe(404);
    const list = (await hn.browser.get('/api/exchange/threads')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(thread.id);
    const denial = await t.db.kysely
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'access.denied')
      .where('object_id', '=', thread.id)
      .where('actor_id', '=', hn.user.id)
      .execute();
    expect(denial.length).toBeGreaterThanOrEqual(4);
  });

  it('links only an incident or a case the author may read', async () => {
    const base = {
      subject: 'x',
      type: 'informal',
      priority: 'normal',
      participants: [{ kind: 'user', ref: mx.user.id }],
      message: { body: 'x', codes: H0 },
    };
    const unknown = '0190d3c4-0000-7000-8000-000000000000';
    for (const link of [{ incidentId: unknown }, { caseId: unknown }]) {
      const res = await gt.browser.post('/api/exchange/threads', { ...base, ...link });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('exchange_link_invalid');
    }
  });

  it('attaches files to a message: its participants download them, anyone else gets 404, a forward keeps them', async () => {
    const fileId = await uploadPdf(gt, 'informe-patrulla.pdf', 'Lista de pasajeros');
    // Someone else's staged file cannot be attached, and the thread is not opened.
    const mxThreads = (await mx.browser.get('/api/exchange/threads')).json().total;
    const stolen = await mx.browser.post('/api/exchange/threads', {
      subject: 'x',
      type: 'informal',
      priority: 'normal',
      participants: [{ kind: 'user', ref: gt.user.id }],
      message: { body: 'x', codes: H0, attachments: [fileId] },
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().code).toBe('files_not_available');
    expect((await mx.browser.get('/api/exchange/threads')).json().total).toBe(mxThreads);
    const thread = await open(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      {},
      { body: 'Adjunto el informe', codes: H0, attachments: [fileId] },
    );
    const message = (await mx.browser.get(`/api/exchange/threads/${thread.id}/messages`)).json().items[0];
    expect(message.attachments).toEqual([
      { id: fileId, name: 'informe-patrulla.pdf', size: expect.any(Number), type: 'application/pdf' },
    ]);
    const got = await mx.browser.get(`/api/files/${fileId}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.toString()).toContain('Lista de pasajeros');
    expect((await hn.browser.get(`/api/files/${fileId}`)).statusCode).toBe(404);

    const onward = await open(mx, [{ kind: 'user', ref: hn.user.id }], {
      subject: 'Reenvío',
      type: 'informal',
      priority: 'normal',
    });
    const fwd = await mx.browser.post(`/api/exchange/messages/${message.id}/forward`, {
      threadId: onward.id,
    });
    expect(fwd.statusCode).toBe(201);
    expect(fwd.json().attachments.map((a: { id: string }) => a.id)).toEqual([fileId]);
    expect((await hn.browser.get(`/api/files/${fileId}`)).statusCode).toBe(200);
  });

  it('attaches to a message only files its author staged and never attached: nothing is written otherwise', async () => {
    const thread = await open(gt, [{ kind: 'user', ref: mx.user.id }]);
    const messages = async () =>
      (await gt.browser.get(`/api/exchange/threads/${thread.id}/messages`)).json().items.length;
    const before = await messages();

    // Another user's staged file, in a reply: refused, nothing posted.
    const gtFile = await uploadPdf(gt, 'acta-gt.pdf');
    const reply = await mx.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
      body: 'Con el acta de Guatemala',
      codes: H0,
      attachments: [gtFile],
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().code).toBe('files_not_available');
    // A file id that does not exist, and one of mine beside another's: refused as a whole.
    const mxFile = await uploadPdf(mx, 'acta-mx.pdf');
    for (const attachments of [['0190d3c4-0000-7000-8000-000000000001'], [mxFile, gtFile]]) {
      const res = await mx.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
        body: 'x',
        codes: H0,
        attachments,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('files_not_available');
    }
    expect(await messages()).toBe(before);
    expect((await gt.browser.get(`/api/files/${mxFile}`)).statusCode).toBe(404);

    // The file refused for mx is still gt's to attach, and mx's own file is still staged.
    const sent = await gt.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
      body: 'El acta',
      codes: H0,
      attachments: [gtFile],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().attachments.map((a: { id: string }) => a.id)).toEqual([gtFile]);
    // Attached once: neither its uploader nor a reader who downloads it can attach it again.
    expect((await mx.browser.get(`/api/files/${gtFile}`)).statusCode).toBe(200);
    for (const who of [gt, mx]) {
      const again = await who.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
        body: 'Otra vez el acta',
        codes: H0,
        attachments: [gtFile],
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().code).toBe('files_not_available');
    }
    const mine = await mx.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
      body: 'El acta de México',
      codes: H0,
      attachments: [mxFile],
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(await messages()).toBe(before + 2);
  });

  it('states the file limits to signed-in users', async () => {
    expect((await new Browser(t).get('/api/files/limits')).statusCode).toBe(401);
    const limits = await gt.browser.get('/api/files/limits');
    expect(limits.statusCode).toBe(200);
    expect(limits.json()).toEqual({
      maxBytes: t.ctx.config.filesMaxBytes,
      extensions: expect.arrayContaining(['pdf', 'docx', 'csv']),
      stagedHours: 24,
    });
  });

  it('keeps subjects and messages encrypted at rest', async () => {
    const thread = await open(gt, [{ kind: 'country', ref: 'MEX' }]);
    const row = await t.db.kysely
      .selectFrom('exchange_threads')
      .select(['subject_enc', 'search_terms'])
      .where('id', '=', thread.id)
      .executeTakeFirstOrThrow();
    expect(row.subject_enc).not.toContain('Ocós');
    expect(row.search_terms).not.toMatch(/ocos|lancha/);
    const msg = await t.db.kysely
      .selectFrom('exchange_messages')
      .select('body_enc')
      .where('thread_id', '=', thread.id)
      .executeTakeFirstOrThrow();
    expect(msg.body_enc).not.toContain('Lancha');
  });

  it('refuses an H2 forward without the provider’s permission, and allows it after', async () => {
    const source = await open(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      {},
      { body: 'El capitán es Rigoberto', codes: H2 },
    );
    const target = await open(mx, [{ kind: 'user', ref: hn.user.id }], {
      subject: 'Ruta Honduras',
      type: 'informal',
      priority: 'normal',
    });
    const message = (await mx.browser.get(`/api/exchange/threads/${source.id}/messages`)).json().items[0];
    expect(message.abilities.forward).toEqual({
      allowed: false,
      reason: 'needs_permission',
      mayRequest: true,
    });

    const refused = await mx.browser.post(`/api/exchange/messages/${message.id}/forward`, {
      threadId: target.id,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('handling_needs_permission');
    expect((await hn.browser.get(`/api/exchange/threads/${target.id}/messages`)).json().items).toHaveLength(
      1,
    );

    const asked = await mx.browser.post(`/api/exchange/messages/${message.id}/permission-requests`, {
      action: 'forward',
      target: `thread:${target.id}`,
      reason: 'Honduras sigue la misma red',
    });
    expect(asked.statusCode).toBe(201);
    // Someone outside the source thread cannot even ask.
    const outsider = await hn.browser.post(`/api/exchange/messages/${message.id}/permission-requests`, {
      action: 'forward',
      reason: 'x',
    });
    expect(outsider.statusCode).toBe(404);
    const granted = await gt.browser.post(`/api/handling/requests/${asked.json().id}/decision`, {
      grant: true,
    });
    expect(granted.statusCode).toBe(200);

    const forwarded = await mx.browser.post(`/api/exchange/messages/${message.id}/forward`, {
      threadId: target.id,
    });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    const seen = (await hn.browser.get(`/api/exchange/threads/${target.id}/messages`)).json().items;
    expect(seen).toHaveLength(2);
    // The codes and the provider travel with it.
    expect(seen[1]).toMatchObject({ body: 'El capitán es Rigoberto', codes: H2, providerId: gt.user.id });
    expect(seen[1].forwardedFrom.threadReference).toBe(source.reference);
    // Honduras may not pass it on: the permission was Mexico's, for that thread.
    expect(seen[1].abilities.forward.allowed).toBe(false);
  });

  it('describes a permission request to both its parties while they read the message, and to no one else', async () => {
    const long = `El capitán es Rigoberto; la lancha sale de Ocós los martes. ${'Ruta por la costa del Pacífico. '.repeat(12)}`;
    const source = await open(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      { subject: 'Lancha de Rigoberto', type: 'informal', priority: 'normal' },
      { body: long, codes: H2 },
    );
    const target = await open(mx, [{ kind: 'user', ref: hn.user.id }], {
      subject: 'Ruta Honduras',
      type: 'informal',
      priority: 'normal',
    });
    const message = (await mx.browser.get(`/api/exchange/threads/${source.id}/messages`)).json().items[0];
    const asked = await mx.browser.post(`/api/exchange/messages/${message.id}/permission-requests`, {
      action: 'forward',
      target: `thread:${target.id}`,
      reason: 'Honduras sigue la misma red',
    });
    expect(asked.statusCode).toBe(201);
    const described = {
      label: 'Lancha de Rigoberto',
      reference: source.reference,
      excerpt: expect.stringMatching(
        /^El capitán es Rigoberto; la lancha sale de Ocós los martes\. Ruta .*…$/,
      ),
      handling: 'H2',
      countryCode: 'GTM',
      createdAt: message.createdAt,
      link: `/exchange/${source.id}#message-${message.id}`,
    };
    expect(asked.json().item).toEqual(described);
    expect([...asked.json().item.excerpt].length).toBeLessThanOrEqual(200);
    // The provider, deciding, and the requester, waiting, see what it is about.
    const incoming = (await gt.browser.get('/api/handling/requests?box=incoming')).json();
    expect(incoming.find((r: { id: string }) => r.id === asked.json().id).item).toEqual(described);
    const outgoing = (await mx.browser.get('/api/handling/requests?box=outgoing')).json();
    expect(outgoing.find((r: { id: string }) => r.id === asked.json().id).item).toEqual(described);
    const granted = await gt.browser.post(`/api/handling/requests/${asked.json().id}/decision`, {
      grant: true,
    });
    expect(granted.json().item).toEqual(described);

    // Honduras reads the forward and asks its provider, who is not in Honduras's thread: the
    // provider is shown the message where they read it, in their own thread.
    const forwarded = await mx.browser.post(`/api/exchange/messages/${message.id}/forward`, {
      threadId: target.id,
    });
    expect(forwarded.statusCode).toBe(201);
    const court = await hn.browser.post(`/api/exchange/messages/${forwarded.json().id}/permission-requests`, {
      action: 'court',
      reason: 'Para el juicio en Tegucigalpa',
    });
    expect(court.statusCode, court.body).toBe(201);
    expect(court.json().item).toMatchObject({
      label: 'Ruta Honduras',
      reference: target.reference,
      countryCode: 'MEX',
      link: `/exchange/${target.id}#message-${forwarded.json().id}`,
    });
    const forProvider = (await gt.browser.get('/api/handling/requests?box=incoming')).json();
    expect(forProvider.find((r: { id: string }) => r.id === court.json().id).item).toEqual(described);

    // Removed from the thread, a requester no longer reads the message: the request stays
    // theirs, without a word of what it was about, exactly as for a message that does not exist.
    const other = await open(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      { subject: 'Pasaportes de Rigoberto', type: 'informal', priority: 'normal' },
      { body: 'Los pasaportes salen de Ocós', codes: H2 },
    );
    const otherMessage = (await mx.browser.get(`/api/exchange/threads/${other.id}/messages`)).json().items[0];
    const forCourt = await mx.browser.post(`/api/exchange/messages/${otherMessage.id}/permission-requests`, {
      action: 'court',
      reason: 'Para el juicio en Tapachula',
    });
    expect(forCourt.json().item).toMatchObject({ label: 'Pasaportes de Rigoberto' });
    const participants = (await gt.browser.get(`/api/exchange/threads/${other.id}`)).json().participants;
    const removed = await gt.browser.patch(`/api/exchange/threads/${other.id}`, {
      removeParticipants: participants
        .filter((p: { ref: string | null }) => p.ref === mx.user.id)
        .map((p: { id: string }) => p.id),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const missing = await requestHandlingPermission(
      { ...t.ctx, actor: actorOf(mx) },
      {
        type: 'exchange_message',
        id: '0190d3c4-0000-7000-8000-00000000abcd',
        codes: H2,
        originatorId: gt.user.id,
      },
      { action: 'court', reason: 'Sobre un mensaje que no existe' },
    );
    expect(missing.item).toBeNull();
    const after = (await mx.browser.get('/api/handling/requests?box=outgoing')).json();
    const mine = after.find((r: { id: string }) => r.id === forCourt.json().id);
    const none = after.find((r: { id: string }) => r.id === missing.id);
    expect(mine.item).toBeNull();
    expect(Object.keys(mine)).toEqual(Object.keys(none));
    expect(JSON.stringify([mine, none])).not.toMatch(/Pasaportes|Ocós|EX-/);
    // The provider still reads it.
    const still = (await gt.browser.get('/api/handling/requests?box=incoming')).json();
    expect(still.find((r: { id: string }) => r.id === forCourt.json().id).item).toMatchObject({
      label: 'Pasaportes de Rigoberto',
      excerpt: 'Los pasaportes salen de Ocós',
    });
  });

  it('finds threads by subject and message words, accents and case aside, among those the user takes part in', async () => {
    const thread = await open(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      { subject: 'Tráfico por Tecún Umán' },
      { body: 'Camión rojo con placas de Quetzaltenango', codes: H0 },
    );
    await open(gt, [{ kind: 'user', ref: hn.user.id }], { subject: 'Tráfico por Tecún Umán, otra ruta' });
    const search = async (who: Session, q: string) =>
      (await who.browser.get(`/api/exchange/threads?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await search(mx, 'tecun')).toContain(thread.id);
    expect(await search(mx, 'QUETZALTENANGO')).toContain(thread.id);
    expect(await search(mx, 'camion rojo')).toContain(thread.id);
    expect(await search(mx, thread.reference.toLowerCase())).toEqual([thread.id]);
    expect(await search(hn, 'quetzaltenango')).toEqual([]);
  });

  it('records per country the acknowledgement, the reading and the first reply', async () => {
    const thread = await open(gt, [
      { kind: 'country', ref: 'MEX' },
      { kind: 'country', ref: 'HND' },
    ]);
    expect((await mx.browser.post(`/api/exchange/threads/${thread.id}/acknowledge`)).statusCode).toBe(200);
    expect((await gt.browser.post(`/api/exchange/threads/${thread.id}/acknowledge`)).statusCode).toBe(400);
    t.clock.advance(60_000);
    await hn.browser.get(`/api/exchange/threads/${thread.id}/messages`);
    t.clock.advance(60_000);
    await mx.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
      body: 'Recibido, enviamos patrulla',
      codes: H0,
    });
    const receipts = (await gt.browser.get(`/api/exchange/threads/${thread.id}`)).json().receipts;
    expect(receipts).toEqual([
      { countryCode: 'HND', acknowledgedAt: null, readAt: expect.any(String), repliedAt: null },
      { countryCode: 'MEX', acknowledgedAt: expect.any(String), readAt: null, repliedAt: expect.any(String) },
    ]);
    const kinds = (await gt.browser.get('/api/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('exchange.acknowledged');
    expect(kinds).toContain('exchange.new_message');
  });

  it('keeps the prosecutors’ channel to prosecutors', async () => {
    const p1 = await signedIn(t, { role: 'prosecutor', countryCode: 'GTM' });
    const p2 = await signedIn(t, { role: 'prosecutor', countryCode: 'MEX' });
    await authorise(t, p1.user.id);
    await authorise(t, p2.user.id);
    const refused = await mx.browser.post('/api/exchange/threads', {
      subject: 'x',
      type: 'informal',
      priority: 'normal',
      channel: 'prosecutors',
      participants: [{ kind: 'user', ref: p2.user.id }],
      message: { body: 'x', codes: H0 },
    });
    expect(refused.statusCode).toBe(403);
    const liaisonAsParticipant = await p1.browser.post('/api/exchange/threads', {
      subject: 'x',
      type: 'informal',
      priority: 'normal',
      channel: 'prosecutors',
      participants: [{ kind: 'user', ref: mx.user.id }],
      message: { body: 'x', codes: H0 },
    });
    expect(liaisonAsParticipant.statusCode).toBe(400);
    const thread = await open(p1, [{ kind: 'country', ref: 'MEX' }], { channel: 'prosecutors' });
    expect((await p2.browser.get(`/api/exchange/threads/${thread.id}/messages`)).statusCode).toBe(200);
    // A liaison of the same country does not see the prosecutors' thread.
    expect((await mx.browser.get(`/api/exchange/threads/${thread.id}/messages`)).statusCode).toBe(404);
  });

  it('exports a thread with every code, leaving out what H3 reserves to its provider', async () => {
    const thread = await open(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      {},
      { body: 'Primera información', codes: H2 },
    );
    await gt.browser.post(`/api/exchange/threads/${thread.id}/messages`, {
      body: 'Dato reservado',
      codes: H3,
    });
    const own = await gt.browser.request({
      method: 'GET',
      url: `/api/exchange/threads/${thread.id}/export`,
      headers: { 'accept-language': 'es' },
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toContain(`${thread.reference}.csv`);
    expect(own.body).toContain('Strictest handling code of this file,H3 — Other restrictions');
    expect(own.body).toContain('Dato reservado');
    const theirs = await mx.browser.request({
      method: 'GET',
      url: `/api/exchange/threads/${thread.id}/export`,
      headers: { 'accept-language': 'en' },
    });
    expect(theirs.body).toContain('H2 — No onward dissemination without the provider’s permission');
    expect(theirs.body).not.toContain('Dato reservado');
    expect(theirs.body).toContain('1 message left out');
  });
  it('reminds countries that have not replied once before the deadline and once after, and the owner then', async () => {
    const thread = await open(gt, [
      { kind: 'user', ref: mx.user.id },
      { kind: 'user', ref: hn.user.id },
    ]);
    await hn.browser.post(`/api/exchange/threads/${thread.id}/messages`, { body: 'Sin novedad', codes: H0 });
    // Sessions lapse while the clock moves hours: the notices are read from the database.
    const count = async (who: Session, kind: string) =>
      (
        await t.db.kysely
          .selectFrom('notifications')
          .select('id')
          .where('user_id', '=', who.user.id)
          .where('kind', '=', kind)
          .where('object_id', '=', thread.id)
          .execute()
      ).length;
    t.clock.advance(5 * 3600_000); // three hours left of eight: no reminder yet
    await remindDeadlines(t.ctx);
    expect(await count(mx, 'exchange.deadline_soon')).toBe(0);
    t.clock.advance(2 * 3600_000); // one hour left
    await remindDeadlines(t.ctx);
    await remindDeadlines(t.ctx);
    expect(await count(mx, 'exchange.deadline_soon')).toBe(1);
    expect(await count(hn, 'exchange.deadline_soon')).toBe(0); // Honduras replied
    t.clock.advance(2 * 3600_000);
    await remindDeadlines(t.ctx);
    await remindDeadlines(t.ctx);
    expect(await count(mx, 'exchange.deadline_passed')).toBe(1);
    expect(await count(gt, 'exchange.deadline_passed')).toBe(1);
    await gt.browser.signIn(gt.user.email);
    await gt.browser.signIn(gt.user.email);
    const summary = (await gt.browser.get(`/api/exchange/threads?q=${thread.reference}`)).json().items[0];
    expect(summary.overdue).toBe(true);
  });
});
