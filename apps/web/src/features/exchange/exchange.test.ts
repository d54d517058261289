import type { HandlingRequest, Thread } from '@enlace/shared';
import { describe, expect, it, vi } from 'vitest';
import { codesErrors, codesOf, codesShort, EMPTY_CODES } from '../handling/handling-codes';
import {
  addParticipant,
  defaultReplyBy,
  forwardTarget,
  receiptRows,
  relativeTime,
  requestsFor,
  targetThreadId,
} from './exchange';

// The notifications' links are pure; the API module (and the browser's i18n) stays out of a unit test.
vi.mock('../../api', () => ({ api: vi.fn() }));

const NOW = new Date('2026-03-02T12:00:00Z');

describe('reply deadlines', () => {
  it('defaults to 8 hours for an urgent request and 7 days otherwise, as the server does', () => {
    expect(defaultReplyBy('urgent', NOW).toISOString()).toBe('2026-03-02T20:00:00.000Z');
    expect(defaultReplyBy('normal', NOW).toISOString()).toBe('2026-03-09T12:00:00.000Z');
  });

  it('says how far a deadline is in the reader’s language, ahead or past', () => {
    expect(relativeTime('2026-03-02T15:00:00Z', NOW, 'en')).toBe('in 3 hours');
    expect(relativeTime('2026-02-28T12:00:00Z', NOW, 'en')).toBe('2 days ago');
    expect(relativeTime('2026-03-02T12:20:00Z', NOW, 'es')).toBe('dentro de 20 minutos');
    expect(relativeTime('2026-03-02T12:00:10Z', NOW, 'fr')).toMatch(/cette minute-ci|dans 0 minute/);
  });
});

describe('handling codes of a message', () => {
  it('has no default: each code must be chosen before the message can be sent', () => {
    expect(codesOf(EMPTY_CODES)).toBeNull();
    expect(codesErrors(EMPTY_CODES)).toEqual({
      handling: 'exchange.codes.chooseHandling',
      reliability: 'exchange.codes.chooseReliability',
      accuracy: 'exchange.codes.chooseAccuracy',
    });
    expect(codesOf({ ...EMPTY_CODES, handling: 'H2', reliability: 'B' })).toBeNull();
  });

  it('needs the restriction in words with H3, and sends it only with H3', () => {
    const h3 = { handling: 'H3', restriction: ' ', reliability: 'A', accuracy: '1' } as const;
    expect(codesErrors(h3)).toEqual({ restriction: 'exchange.codes.restrictionRequired' });
    expect(codesOf({ ...h3, restriction: ' Solo fiscalía ' })).toEqual({
      handling: 'H3',
      restriction: 'Solo fiscalía',
      reliability: 'A',
      accuracy: '1',
    });
    expect(codesOf({ ...h3, handling: 'H1', restriction: 'left over' })).toEqual({
      handling: 'H1',
      reliability: 'A',
      accuracy: '1',
    });
  });

  it('shows the codes short: handling, then reliability and accuracy', () => {
    expect(codesShort({ handling: 'H2', reliability: 'B', accuracy: '2' })).toBe('H2 · B2');
  });
});

describe('participants and permissions', () => {
  it('adds the same participant once', () => {
    const mx = { input: { kind: 'country', ref: 'MEX' } as const, label: 'México', countryCode: 'MEX' };
    const net = { input: { kind: 'network' } as const, label: 'Red', countryCode: null };
    expect(addParticipant(addParticipant([mx], net), { ...mx, label: 'Mexico' })).toEqual([mx, net]);
  });

  it('names a forward’s destination as the server does, and reads it back', () => {
    expect(forwardTarget('abc')).toBe('thread:abc');
    expect(targetThreadId('thread:abc')).toBe('abc');
    expect(targetThreadId(null)).toBeNull();
  });

  it('lists my requests about one message, newest first', () => {
    const r = (id: string, itemId: string, at: string) =>
      ({ id, itemType: 'exchange_message', itemId, requestedAt: at }) as HandlingRequest;
    const mine = [r('1', 'm1', '2026-03-01'), r('2', 'm2', '2026-03-02'), r('3', 'm1', '2026-03-03')];
    expect(requestsFor({ id: 'm1' }, mine).map((x) => x.id)).toEqual(['3', '1']);
  });

  it('shows a receipt line for every other participant country, received or not', () => {
    const thread = {
      ownerCountry: 'GTM',
      participants: [
        { id: 'p1', kind: 'user', ref: 'u', label: 'Ana', countryCode: 'MEX' },
        { id: 'p2', kind: 'country', ref: 'HND', label: 'HND', countryCode: 'HND' },
        { id: 'p3', kind: 'country', ref: 'GTM', label: 'GTM', countryCode: 'GTM' },
      ],
      receipts: [{ countryCode: 'MEX', acknowledgedAt: 'a', readAt: 'b', repliedAt: null }],
    } as Pick<Thread, 'participants' | 'receipts' | 'ownerCountry'>;
    expect(receiptRows(thread)).toEqual([
      { countryCode: 'MEX', acknowledgedAt: 'a', readAt: 'b', repliedAt: null },
      { countryCode: 'HND', acknowledgedAt: null, readAt: null, repliedAt: null },
    ]);
  });
});

describe('notifications of the exchange', () => {
  it('open the thread, or the requests page where the permission is decided or its answer read', async () => {
    const { notificationHref } = await import('../notifications/notifications.queries');
    expect(notificationHref({ objectType: 'exchange_thread', objectId: 't1' })).toBe('/exchange/t1');
    expect(
      notificationHref({
        objectType: 'exchange_message',
        objectId: 'm1',
        kind: 'handling.permission_requested',
      }),
    ).toBe('/exchange/requests');
    expect(
      notificationHref({
        objectType: 'exchange_message',
        objectId: 'm1',
        kind: 'handling.permission_granted',
      }),
    ).toBe('/exchange/requests?box=outgoing');
  });
});
