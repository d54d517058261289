import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors';
import type { CodedItem } from '../../src/platform/handling/handling';
import { registerItemDescriber } from '../../src/platform/handling/handling.describers';
import { requestHandlingPermission, requireHandling } from '../../src/platform/handling/handling.service';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const ctxOf = (userId: string, countryCode: string) => ({
  ...t.ctx,
  actor: {
    userId,
    role: 'liaison_officer' as const,
    countryCode,
    agencyId: null,
    scope: 'country' as const,
    permissions: new Set<never>(),
    sessionId: 's',
  },
});

describe('handling permissions', () => {
  it('answer 401 to an anonymous caller', async () => {
    expect((await new Browser(t).get('/api/handling/requests')).statusCode).toBe(401);
  });

  it('refuse an H2 forward until the provider grants it, tell both parties, and audit each step', async () => {
    const provider = await signedIn(t, { countryCode: 'GTM' });
    const reader = await signedIn(t, { countryCode: 'MEX' });
    const stranger = await signedIn(t, { countryCode: 'HND' });
    const item: CodedItem = {
      type: 'test_item',
      id: `item-${Math.random()}`,
      codes: { handling: 'H2', reliability: 'B', accuracy: '2' },
      originatorId: provider.user.id,
    };
    const readerCtx = ctxOf(reader.user.id, 'MEX');

    await expect(requireHandling(readerCtx, item, 'forward', 'thread:T9')).rejects.toMatchObject({
      status: 403,
      code: 'handling_needs_permission',
    });
    const asked = await requestHandlingPermission(readerCtx, item, {
      action: 'forward',
      target: 'thread:T9',
      reason: 'The Honduran liaison needs the boat’s route',
    });
    expect(asked.status).toBe('pending');
    await expect(requireHandling(readerCtx, item, 'forward', 'thread:T9')).rejects.toMatchObject({
      code: 'handling_permission_pending',
    });
    await expect(
      requestHandlingPermission(readerCtx, item, { action: 'forward', target: 'thread:T9', reason: 'again' }),
    ).rejects.toMatchObject({ status: 409 });

    // The provider sees the request and its reason; nobody else can answer it.
    const incoming = (await provider.browser.get('/api/handling/requests?box=incoming')).json();
    expect(incoming).toHaveLength(1);
    expect(incoming[0].reason).toBe('The Honduran liaison needs the boat’s route');
    expect((await provider.browser.get('/api/notifications')).json().items[0].kind).toBe(
      'handling.permission_requested',
    );
    for (const who of [stranger, reader]) {
      const res = await who.browser.post(`/api/handling/requests/${asked.id}/decision`, { grant: true });
      expect(res.statusCode).toBe(404);
    }
    const decided = await provider.browser.post(`/api/handling/requests/${asked.id}/decision`, {
      grant: true,
      note: 'Only to HND',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'granted', note: 'Only to HND' });
    expect(
      (await provider.browser.post(`/api/handling/requests/${asked.id}/decision`, { grant: false }))
        .statusCode,
    ).toBe(409);

    expect((await requireHandling(readerCtx, item, 'forward', 'thread:T9')).allowed).toBe(true);
    // The permission is for that destination, not another.
    await expect(requireHandling(readerCtx, item, 'forward', 'thread:T10')).rejects.toMatchObject({
      code: 'handling_needs_permission',
    });
    expect((await reader.browser.get('/api/notifications')).json().items[0].kind).toBe(
      'handling.permission_granted',
    );

    const trail = await t.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'actor_id'])
      .where((eb) =>
        eb.or([
          eb('object_id', '=', asked.id),
          eb.and([eb('object_id', '=', item.id), eb('action', '=', 'access.denied')]),
        ]),
      )
      .orderBy('seq')
      .execute();
    expect(trail.map((e) => e.action)).toEqual([
      'access.denied',
      'handling.permission_requested',
      'access.denied',
      'access.denied',
      'access.denied',
      'handling.permission_granted',
      'access.denied',
    ]);
  });

  it('keep the reason encrypted at rest', async () => {
    const row = await t.db.kysely
      .selectFrom('handling_permissions')
      .select('reason_enc')
      .executeTakeFirstOrThrow();
    expect(row.reason_enc).not.toContain('Honduran');
    expect(row.reason_enc.startsWith('v1.')).toBe(true);
  });

  it('need no request for what a code does not reserve', async () => {
    const provider = await signedIn(t);
    const reader = await signedIn(t);
    const item: CodedItem = {
      type: 'test_item',
      id: 'h0',
      codes: { handling: 'H0', reliability: 'A', accuracy: '1' },
      originatorId: provider.user.id,
    };
    await expect(
      requestHandlingPermission(ctxOf(reader.user.id, 'MEX'), item, { action: 'forward', reason: 'x' }),
    ).rejects.toMatchObject({ status: 409, code: 'handling_not_needed' });
  });

  it('describe an item through its capability’s describer, to those it lets read it, and nothing else', async () => {
    // A capability of the tests only: notes readable by their country, refused by throwing for
    // one of them; the text is long, and the handling room cuts it.
    const notes = new Map([
      ['note-gt', 'GTM'],
      ['note-refused', 'GTM'],
    ]);
    const describer = async (ctx: { actor: { countryCode: string } | null }, id: string) => {
      if (id === 'note-refused') throw new AppError(404, 'not_found');
      if (!ctx.actor || notes.get(id) !== ctx.actor.countryCode) return null;
      return {
        label: 'Nota de patrulla',
        reference: 'NT-1',
        excerpt: `Línea\n\n  ${'palabra '.repeat(60)}`,
        handling: 'H2' as const,
        countryCode: 'GTM',
        createdAt: null,
        link: `/notes/${id}`,
      };
    };
    registerItemDescriber('test_note', describer);
    registerItemDescriber('test_note', describer);
    expect(() => registerItemDescriber('test_note', async () => null)).toThrow(/already registered/);

    const provider = await signedIn(t, { countryCode: 'GTM' });
    const reader = await signedIn(t, { countryCode: 'MEX' });
    const ask = (type: string, id: string) =>
      requestHandlingPermission(
        ctxOf(reader.user.id, 'MEX'),
        {
          type,
          id,
          codes: { handling: 'H2', reliability: 'B', accuracy: '2' },
          originatorId: provider.user.id,
        },
        { action: 'court', reason: `Sobre ${id}` },
      );
    const described = await ask('test_note', 'note-gt');
    const refused = await ask('test_note', 'note-refused');
    const unknown = await ask('test_unknown_kind', 'x1');
    // The requester (Mexico) may not read the Guatemalan note; the provider may.
    expect([described.item, refused.item, unknown.item]).toEqual([null, null, null]);
    const incoming = (await provider.browser.get('/api/handling/requests?box=incoming')).json();
    const byId = (id: string) => incoming.find((r: { id: string }) => r.id === id);
    expect(byId(described.id).item).toEqual({
      label: 'Nota de patrulla',
      reference: 'NT-1',
      excerpt: expect.stringMatching(/^Línea palabra palabra .*palabra…$/),
      handling: 'H2',
      countryCode: 'GTM',
      createdAt: null,
      link: '/notes/note-gt',
    });
    expect([...byId(described.id).item.excerpt].length).toBeLessThanOrEqual(200);
    expect(byId(refused.id).item).toBeNull();
    expect(byId(unknown.id)).toMatchObject({ itemType: 'test_unknown_kind', item: null });
  });
});
