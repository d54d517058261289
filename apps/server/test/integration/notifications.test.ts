import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUserAccount } from '../../src/modules/admin/admin.service';
import { withTx } from '../../src/platform/context';
import { smtpSender } from '../../src/platform/notifications/mailer';
import { notify, sendPendingEmails } from '../../src/platform/notifications/notifications.service';
import { Browser, buildTestApp, buildUser, signedIn, type TestApp, testConfig } from '../helpers';

interface Received {
  to: string[];
  raw: string;
}

/** The message as its reader sees it: quoted-printable soft breaks and escapes undone. */
function quotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: quotedPrintable(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  t = await buildTestApp({
    config: { mail: { smtpUrl, from: 'Enlace <no-reply@enlace.test>' }, publicUrl: 'https://enlace.test' },
  });
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** A notice about an object whose reference and content must never reach an e-mail. */
async function tell(userIds: string[]) {
  return withTx(t.ctx, (trx) =>
    notify(trx, t.ctx, {
      userIds,
      kind: 'directory.authorisation_expiring',
      objectType: 'directory_entry',
      objectId: 'entry-1',
      params: { until: '2027-01-01', reference: 'NOTA-SRE-4471' },
    }),
  );
}

/** Sends what earlier tests left pending, and forgets it. */
async function drain() {
  await sendPendingEmails(t.ctx, smtpSender(t.config));
  received.length = 0;
}

describe('notifications', () => {
  it('answer 401 to an anonymous caller', async () => {
    const anon = new Browser(t);
    expect((await anon.get('/api/notifications')).statusCode).toBe(401);
    expect((await anon.get('/api/notifications/unread')).statusCode).toBe(401);
  });

  it('exist only when the change that made them was committed', async () => {
    const { user, browser } = await signedIn(t);
    await expect(
      withTx(t.ctx, async (trx) => {
        await notify(trx, t.ctx, { userIds: [user.id], kind: 'directory.entry_stale' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await browser.get('/api/notifications/unread')).json()).toEqual({ unread: 0 });
  });

  it('are listed to their user only, newest first, and marked read one by one or all at once', async () => {
    const { user, browser } = await signedIn(t);
    const other = await signedIn(t);
    await tell([user.id]);
    t.clock.advance(1000);
    await withTx(t.ctx, (trx) => notify(trx, t.ctx, { userIds: [user.id], kind: 'directory.entry_stale' }));

    const list = (await browser.get('/api/notifications')).json();
    expect(list.total).toBe(2);
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { kind: string }) => n.kind)).toEqual([
      'directory.entry_stale',
      'directory.authorisation_expiring',
    ]);
    expect((await other.browser.get('/api/notifications')).json().total).toBe(0);

    const [newest, oldest] = list.items;
    // Another user's notification does not exist for them.
    expect((await other.browser.post(`/api/notifications/${newest.id}/read`)).statusCode).toBe(404);
    const read = await browser.post(`/api/notifications/${newest.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ unread: 1 });
    const unreadOnly = (await browser.get('/api/notifications?unread=1')).json();
    expect(unreadOnly.items.map((n: { id: string }) => n.id)).toEqual([oldest.id]);
    expect((await browser.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await browser.get('/api/notifications/unread')).json()).toEqual({ unread: 0 });
  });

  it('send one e-mail per user that says only that something waits, in the user’s language, with a link', async () => {
    await drain();
    const es = await buildUser(t, { locale: 'es' });
    const fr = await buildUser(t, { locale: 'fr' });
    await tell([es.id]);
    await tell([es.id]);
    await tell([fr.id]);
    const result = await sendPendingEmails(t.ctx, smtpSender(t.config));
    expect(result).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(received).toHaveLength(2);
    const toEs = received.find((m) => m.to.includes(es.email));
    const toFr = received.find((m) => m.to.includes(fr.email));
    expect(toEs?.raw).toContain('Tiene 2 novedades en Enlace.');
    expect(toEs?.raw).toContain('Subject: Enlace: tiene novedades');
    expect(toFr?.raw).toContain('Vous avez 1 nouvel élément dans Enlace.');
    for (const mail of received) {
      expect(mail.raw).toContain('https://enlace.test/notifications');
      // No reference, object, kind or date of what waits: only that something does.
      for (const secret of [
        'NOTA-SRE-4471',
        'entry-1',
        '2027',
        'authorisation',
        'autorización',
        'Ministerio',
      ])
        expect(mail.raw).not.toContain(secret);
    }
    // Sent once: the next run finds nothing to send.
    expect(await sendPendingEmails(t.ctx, smtpSender(t.config))).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(received).toHaveLength(2);
  });

  it('send no e-mail to a user who turned it off or whose account was disabled', async () => {
    await drain();
    const { user, browser } = await signedIn(t);
    const disabled = await buildUser(t);
    const prefs = await browser.request({
      method: 'PUT',
      url: '/api/notifications/preferences',
      payload: { email: false },
    });
    expect(prefs.json()).toEqual({ email: false, emailAvailable: true });
    expect(
      (
        await browser.request({
          method: 'PUT',
          url: '/api/notifications/preferences',
          payload: { email: false, extra: 1 },
        })
      ).statusCode,
    ).toBe(400);
    await tell([user.id]);
    await tell([disabled.id]);
    await updateUserAccount(t.ctx, disabled.id, { status: 'disabled' }, { cli: true });
    const result = await sendPendingEmails(t.ctx, smtpSender(t.config));
    expect(result.sent).toBe(0);
    expect(received).toHaveLength(0);
    // The in-app notice is still there for the user who only turned e-mail off.
    expect((await browser.get('/api/notifications/unread')).json()).toEqual({ unread: 1 });
  });

  it('keep a notice pending when the mail server is down, and send it on the next run', async () => {
    await drain();
    const user = await buildUser(t);
    await tell([user.id]);
    const down = smtpSender(testConfig({ mail: { smtpUrl: 'smtp://127.0.0.1:1', from: 'x@y.z' } }));
    expect((await sendPendingEmails(t.ctx, down)).failed).toBe(1);
    expect((await sendPendingEmails(t.ctx, smtpSender(t.config))).sent).toBe(1);
    expect(received.flatMap((m) => m.to)).toEqual([user.email]);
  });

  it('queue no e-mail where the deployment sends none', async () => {
    const plain = await buildTestApp();
    try {
      const user = await buildUser(plain);
      await withTx(plain.ctx, (trx) =>
        notify(trx, plain.ctx, { userIds: [user.id], kind: 'directory.entry_stale' }),
      );
      const row = await plain.db.kysely
        .selectFrom('notifications')
        .select('email_state')
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.email_state).toBe('none');
    } finally {
      await plain.close();
    }
  });
});
