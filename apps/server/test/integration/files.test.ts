import { createHash } from 'node:crypto';
import {
  type Dirent,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '@enlace/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilesStoreKind } from '../../src/config';
import { buildActor } from '../../src/platform/authz/access';
import { withTx } from '../../src/platform/context';
import { attachFiles, purgeStagedFiles, registerFileOwner } from '../../src/platform/files/files.service';
import { multipart, sampleElf, sampleExe, samplePdf } from '../factories/files';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

// A capability of the tests only: notes owned by a country, readable by anyone of that country.
const notes = new Map<string, string>();
registerFileOwner('test_note', async (ctx, id) => notes.get(id) === ctx.actor?.countryCode);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MARKER = 'Embarcación interceptada con 41 personas frente a Livingston';
/** A PDF of about `kb` kilobytes: several chunks, the marker repeated throughout. */
const bigPdf = (kb: number) => {
  const head = samplePdf(MARKER);
  const line = Buffer.from(`% ${MARKER}\n`);
  const lines = Math.ceil((kb * 1024 - head.length) / line.length);
  return Buffer.concat([head, ...Array.from({ length: Math.max(0, lines) }, () => line)]);
};

function filesUnder(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe.each(['folder', 'db'] as FilesStoreKind[])('files in the %s store', (store) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'enlace-files-'));
    t = await buildTestApp({
      config: { filesStore: store, filesDir: join(dir, 'files'), filesMaxBytes: 1536 * 1024 },
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (b: Browser, name: string, content: Buffer, type = 'application/pdf') => {
    const body = multipart(name, content, type);
    return b.request({ method: 'POST', url: '/api/files', payload: body.payload, headers: body.headers });
  };
  const rows = async () => {
    const files = await t.db.kysely.selectFrom('files').select('id').execute();
    const chunks = await t.db.kysely.selectFrom('file_chunks').select('file_id').execute();
    return { files: files.length, chunks: chunks.length, blobs: filesUnder(join(dir, 'files')).length };
  };
  const audited = (action: string, objectId: string) =>
    t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .where('object_id', '=', objectId)
      .execute();
  const attach = async (user: User, ids: string[], ownerId: string) =>
    withTx(t.ctx, (trx) =>
      attachFiles(
        trx,
        buildActor({ id: user.id, role: user.role, country_code: user.countryCode, agency_id: null }, 's'),
        ids,
        { ownerType: 'test_note', ownerId },
      ),
    );

  it('unauthenticated → 401, upload and download', async () => {
    const b = new Browser(t);
    await b.get('/api/auth/session');
    expect((await upload(b, 'informe.pdf', samplePdf())).statusCode).toBe(401);
    expect((await b.get('/api/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(401);
  });

  it('stores an upload staged and gives its uploader back the same bytes, as an attachment, audited both ways', async () => {
    const { user, browser } = await signedIn(t, { countryCode: 'GTM' });
    const content = bigPdf(200);
    const res = await upload(browser, 'Informe ñandú – Izabal.pdf', content, 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: 'Informe ñandú – Izabal.pdf',
      size: content.length,
      type: 'application/pdf',
      sha256: sha(content),
    });
    const down = await browser.get(`/api/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(sha(down.rawPayload)).toBe(file.sha256);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-length']).toBe(String(content.length));
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="Informe _and_ _ Izabal.pdf"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
    const uploaded = await audited('file.uploaded', file.id);
    const downloaded = await audited('file.downloaded', file.id);
    expect(uploaded.map((e) => [e.actor_id, e.object_type, e.outcome])).toEqual([
      [user.id, 'file', 'success'],
    ]);
    expect(downloaded.map((e) => [e.actor_id, e.outcome])).toEqual([[user.id, 'success']]);
  });

  it('keeps neither the content nor the name in clear at rest', async () => {
    const { browser } = await signedIn(t);
    const content = bigPdf(150);
    const file = (await upload(browser, 'Lista de sobrevivientes.pdf', content)).json();
    const row = await t.db.kysely
      .selectFrom('files')
      .selectAll()
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('sobrevivientes');
    const stored =
      store === 'folder'
        ? filesUnder(join(dir, 'files'))
            .filter((p) => p.endsWith(file.id))
            .map((p) => readFileSync(p))
        : (
            await t.db.kysely
              .selectFrom('file_chunks')
              .select('data')
              .where('file_id', '=', file.id)
              .orderBy('seq')
              .execute()
          ).map((r) => Buffer.from(r.data));
    const all = Buffer.concat(stored);
    expect(all.length).toBeGreaterThan(content.length);
    expect(all.includes(Buffer.from(MARKER))).toBe(false);
    expect(all.includes(Buffer.from('%PDF'))).toBe(false);
    if (store === 'folder') {
      const path = filesUnder(join(dir, 'files')).find((p) => p.endsWith(file.id)) as string;
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'files')).mode & 0o777).toBe(0o700);
      expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    }
  });

  it('refuses an executable named .pdf (415, in the user’s language), leaving nothing behind', async () => {
    const { browser } = await signedIn(t, { locale: 'es' });
    const before = await rows();
    for (const exe of [sampleElf(), sampleExe()]) {
      const res = await upload(browser, 'informe.pdf', exe, 'application/pdf');
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'file_type_not_allowed' });
      expect(res.json().title).toContain('Este tipo de archivo no se acepta');
    }
    expect(await rows()).toEqual(before);
  });

  it('refuses a file over the limit (413), before and after the type is read, leaving nothing behind', async () => {
    const { browser } = await signedIn(t, { locale: 'fr' });
    const before = await rows();
    // 2 MiB: the first megabyte is read, the type found, chunks written, then the limit is hit.
    const res = await upload(browser, 'annexe.pdf', bigPdf(2048));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file_too_large' });
    expect(res.json().title).toContain('1,5 Mo');
    expect(await rows()).toEqual(before);
    // Just over the limit: found within the first megabyte read.
    const small = await signedIn(t, { locale: 'en' });
    const over = await upload(small.browser, 'annex.pdf', bigPdf(1537));
    expect(over.statusCode).toBe(413);
    expect(over.json().title).toContain('1.5 MB');
    expect(await rows()).toEqual(before);
  });

  it('takes .csv and .txt only as UTF-8 text without NUL', async () => {
    const { browser } = await signedIn(t);
    const csv = Buffer.from('fecha;lugar;personas\n2026-03-02;Tecún Umán;12\n');
    const ok = await upload(browser, 'lista.csv', csv, 'text/csv');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().type).toBe('text/csv');
    const down = await browser.get(`/api/files/${ok.json().id}`);
    expect(down.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(down.rawPayload.equals(csv)).toBe(true);
    const before = await rows();
    // Text for a megabyte and more, then a NUL: refused after chunks were written.
    const late = Buffer.concat([Buffer.from('a;b\n'.repeat(300_000)), Buffer.from([0])]);
    const refused = await upload(browser, 'lista.txt', late, 'text/plain');
    expect(refused.statusCode).toBe(415);
    expect(refused.json().code).toBe('file_not_text');
    expect((await upload(browser, 'latin1.csv', Buffer.from('Pet\xe9n;3\n', 'latin1'))).json().code).toBe(
      'file_not_text',
    );
    expect(await rows()).toEqual(before);
  });

  it('gives a file only to those who may read its owner: 404 to anyone else, the refusal audited', async () => {
    const owner = await signedIn(t, { countryCode: 'HND' });
    const colleague = await signedIn(t, { countryCode: 'HND' });
    const stranger = await signedIn(t, { countryCode: 'CRI' });
    const content = samplePdf('Acta de entrega');
    const file = (await upload(owner.browser, 'acta.pdf', content)).json();
    // Staged: its uploader only.
    expect((await colleague.browser.get(`/api/files/${file.id}`)).statusCode).toBe(404);
    notes.set('note-hnd-1', 'HND');
    await attach(owner.user, [file.id], 'note-hnd-1');
    const allowed = await colleague.browser.get(`/api/files/${file.id}`);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.rawPayload.equals(content)).toBe(true);
    const refused = await stranger.browser.get(`/api/files/${file.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('not_found');
    // Access is asked again on every download: the note moved, the colleague no longer reads it.
    notes.set('note-hnd-1', 'GTM');
    expect((await colleague.browser.get(`/api/files/${file.id}`)).statusCode).toBe(404);
    const denials = await audited('access.denied', file.id);
    expect(denials.map((d) => [d.actor_id, d.object_type, d.outcome])).toEqual([
      [colleague.user.id, 'file', 'denied'],
      [stranger.user.id, 'file', 'denied'],
      [colleague.user.id, 'file', 'denied'],
    ]);
    // A file that does not exist answers the same.
    const missing = await stranger.browser.get('/api/files/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('attaches only files the actor staged, once, or nothing', async () => {
    const a = await signedIn(t);
    const b = await signedIn(t);
    const mine = (await upload(a.browser, 'a.pdf', samplePdf('a'))).json();
    const theirs = (await upload(b.browser, 'b.pdf', samplePdf('b'))).json();
    notes.set('note-2', 'MEX');
    await expect(attach(a.user, [mine.id, theirs.id], 'note-2')).rejects.toMatchObject({
      code: 'files_not_available',
    });
    // Nothing changed: both are still staged.
    const statuses = await t.db.kysely
      .selectFrom('files')
      .select('status')
      .where('id', 'in', [mine.id, theirs.id])
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['staged', 'staged']);
    expect(await attach(a.user, [mine.id], 'note-2')).toEqual([mine.id]);
    await expect(attach(a.user, [mine.id], 'note-3')).rejects.toMatchObject({ code: 'files_not_available' });
  });

  it('refuses to serve a file whose stored chunks were altered (500, audited as a failure)', async () => {
    const { browser } = await signedIn(t);
    const file = (await upload(browser, 'parte.pdf', bigPdf(100))).json();
    if (store === 'folder') {
      const path = filesUnder(join(dir, 'files')).find((p) => p.endsWith(file.id)) as string;
      const bytes = readFileSync(path);
      bytes[100] = (bytes[100] as number) ^ 1;
      writeFileSync(path, bytes);
    } else {
      const first = await t.db.kysely
        .selectFrom('file_chunks')
        .select('data')
        .where('file_id', '=', file.id)
        .where('seq', '=', 0)
        .executeTakeFirstOrThrow();
      const bytes = Buffer.from(first.data);
      bytes[100] = (bytes[100] as number) ^ 1;
      await t.db.kysely
        .updateTable('file_chunks')
        .set({ data: bytes })
        .where('file_id', '=', file.id)
        .where('seq', '=', 0)
        .execute();
    }
    const res = await browser.get(`/api/files/${file.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('file_damaged');
    expect(res.body).not.toContain(MARKER);
    const events = await audited('file.downloaded', file.id);
    expect(events.map((e) => e.outcome)).toEqual(['failure']);
  });

  it('removes staged files never attached after 24 hours, and keeps the others', async () => {
    const { user, browser } = await signedIn(t);
    const old = (await upload(browser, 'viejo.pdf', bigPdf(70))).json();
    const kept = (await upload(browser, 'adjunto.pdf', samplePdf('adjunto'))).json();
    notes.set('note-purge', 'MEX');
    await attach(user, [kept.id], 'note-purge');
    t.clock.advance(23 * 3600_000);
    // Sessions last 12 hours: someone signs in again to upload the next day.
    const later = await signedIn(t);
    const recent = (await upload(later.browser, 'reciente.pdf', samplePdf('reciente'))).json();
    expect(await purgeStagedFiles(t.ctx, t.clock.now())).toBe(0);
    t.clock.advance(2 * 3600_000);
    const removed = await purgeStagedFiles(t.ctx, t.clock.now());
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await t.db.kysely.selectFrom('files').select('id').execute();
    expect(left.map((r) => r.id)).not.toContain(old.id);
    expect(left.map((r) => r.id)).toEqual(expect.arrayContaining([kept.id, recent.id]));
    const chunksOfOld = await t.db.kysely
      .selectFrom('file_chunks')
      .select('seq')
      .where('file_id', '=', old.id)
      .execute();
    expect(chunksOfOld).toEqual([]);
    expect(filesUnder(join(dir, 'files')).some((p) => p.includes(old.id))).toBe(false);
    expect((await browser.signIn(user.email)).statusCode).toBe(200);
    expect((await browser.get(`/api/files/${old.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/api/files/${kept.id}`)).statusCode).toBe(200);
    const purged = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'files.purged')
      .execute();
    expect(purged.at(-1)?.details).toBe(JSON.stringify({ count: removed }));
  });
});

describe('the files API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is in the OpenAPI document, the upload as multipart', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/files'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(doc.paths['/api/files/{id}'].get).toBeDefined();
  });

  it('asks for a file when a request has none', async () => {
    const { browser } = await signedIn(t);
    const boundary = 'enlace-no-file';
    const res = await browser.request({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhola\r\n--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('file_missing');
    const json = await browser.post('/api/files', {});
    expect(json.statusCode).toBe(400);
  });
});
