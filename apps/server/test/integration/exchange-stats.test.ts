import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise } from '../factories/directory';
import { H0, openThread, type Session } from '../factories/exchange';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const HOUR = 3_600_000;
const URL = '/api/stats/exchange';

/** Sessions lapse while the test clock moves hours: each step signs in again. */
async function as(who: Session): Promise<Browser> {
  const res = await who.browser.signIn(who.user.email);
  expect(res.statusCode, res.body).toBe(200);
  return who.browser;
}

describe('exchange response times in the statistics', () => {
  let gt: Session;
  let mx: Session;
  let hn: Session;
  let sv: Session;
  let gtProsecutor: Session;
  let mxProsecutor: Session;
  let start: number;

  beforeAll(async () => {
    gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    mx = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    hn = await signedIn(t, { role: 'analyst', countryCode: 'HND' });
    sv = await signedIn(t, { role: 'liaison_officer', countryCode: 'SLV' });
    gtProsecutor = await signedIn(t, { role: 'prosecutor', countryCode: 'GTM' });
    mxProsecutor = await signedIn(t, { role: 'prosecutor', countryCode: 'MEX' });
    for (const who of [gt, mx, sv, gtProsecutor, mxProsecutor]) await authorise(t, who.user.id);

    start = t.clock.now().getTime();
    const user = (who: Session) => ({ kind: 'user', ref: who.user.id });
    // Guatemala asks Mexico and Honduras (urgent: 8 hours), Mexico as a whole, Mexico again, and
    // Honduras (normal: 7 days). Honduras asks El Salvador: a thread Guatemala is not in.
    const t1 = await openThread(gt, [user(mx), user(hn)]);
    const t2 = await openThread(gt, [{ kind: 'country', ref: 'MEX' }]);
    const t3 = await openThread(gt, [user(mx)]);
    const t4 = await openThread(gt, [user(hn)], { priority: 'normal' });
    const t5 = await openThread(hn, [user(sv)]);
    // The prosecutors' channel: counted for prosecutors only.
    const t6 = await openThread(gtProsecutor, [user(mxProsecutor)], { channel: 'prosecutors' });

    const step = async (hours: number, who: Session, thread: { id: string }, what: 'ack' | 'reply') => {
      t.clock.advance(start + hours * HOUR - t.clock.now().getTime());
      const b = await as(who);
      const res =
        what === 'ack'
          ? await b.post(`/api/exchange/threads/${thread.id}/acknowledge`)
          : await b.post(`/api/exchange/threads/${thread.id}/messages`, {
              body: 'Recibido, sin novedad',
              codes: H0,
            });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await step(1, mx, t1, 'ack');
    await step(1, mxProsecutor, t6, 'reply');
    await step(2, mx, t1, 'reply');
    await step(140 / 60, mx, t2, 'ack'); // 2 h 20 min
    await step(3, hn, t1, 'ack');
    await step(4, mx, t3, 'ack');
    await step(5, sv, t5, 'reply');
    await step(6, mx, t2, 'reply');
    await step(10, hn, t1, 'reply'); // two hours after its deadline
    await step(30, hn, t4, 'reply'); // well within seven days
  });

  it('answers 401 to an anonymous caller, 403 (audited) to roles without the exchange, and to a liaison without a current authorisation', async () => {
    expect((await new Browser(t).get(URL)).statusCode).toBe(401);
    for (const role of ['observer', 'network_admin', 'country_admin', 'centre_officer'] as const) {
      const who = await signedIn(t, { role, countryCode: 'GTM' });
      expect((await who.browser.get(URL)).statusCode, role).toBe(403);
      const denied = await t.db.kysely
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'access.denied')
        .where('actor_id', '=', who.user.id)
        .execute();
      expect(
        denied.map((d) => JSON.parse(String(d.details)).attempted),
        role,
      ).toContain('exchange.use');
    }
    const lapsed = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM' });
    const res = await lapsed.browser.get(URL);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('exchange_not_authorised');
  });

  it('gives each responding country’s counts, exact medians and 90th percentiles, and replies by the deadline', async () => {
    const res = await (await as(gt)).get(URL);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toEqual([
      {
        country: 'HND',
        priority: 'urgent',
        received: 1,
        acknowledged: 1,
        replied: 1,
        toAcknowledge: { medianHours: 3, p90Hours: 3 },
        toReply: { medianHours: 10, p90Hours: 10 },
        due: 1,
        repliedByDeadline: 0,
        onTimeShare: 0,
      },
      {
        country: 'HND',
        priority: 'normal',
        received: 1,
        acknowledged: 0,
        replied: 1,
        toAcknowledge: { medianHours: null, p90Hours: null },
        toReply: { medianHours: 30, p90Hours: 30 },
        due: 1,
        repliedByDeadline: 1,
        onTimeShare: 1,
      },
      // Not the prosecutors' thread: a liaison does not learn it exists.
      {
        country: 'MEX',
        priority: 'urgent',
        received: 3,
        acknowledged: 3,
        replied: 2,
        toAcknowledge: { medianHours: 140 / 60, p90Hours: 4 },
        toReply: { medianHours: 2, p90Hours: 6 },
        due: 3,
        repliedByDeadline: 2,
        onTimeShare: 0.667,
      },
    ]);
    // El Salvador answered Honduras only: not in Guatemala's figures.
    expect(body.rows.map((r: { country: string }) => r.country)).not.toContain('SLV');
    expect(body.totals).toEqual([
      {
        country: null,
        priority: 'urgent',
        received: 4,
        acknowledged: 4,
        replied: 3,
        toAcknowledge: { medianHours: 140 / 60, p90Hours: 4 },
        toReply: { medianHours: 6, p90Hours: 10 },
        due: 4,
        repliedByDeadline: 2,
        onTimeShare: 0.5,
      },
      expect.objectContaining({ country: null, priority: 'normal', received: 1, replied: 1 }),
    ]);
  });

  it('counts for a participant country the threads it is in, and no thread of two other countries', async () => {
    const body = (await (await as(hn)).get(URL)).json();
    const brief = body.rows.map((r: { country: string; priority: string; received: number }) => [
      r.country,
      r.priority,
      r.received,
    ]);
    // Honduras is in t1 (with Mexico) and t4, and opened t5: not in t2, t3 (Guatemala–Mexico).
    expect(brief).toEqual([
      ['HND', 'urgent', 1],
      ['HND', 'normal', 1],
      ['MEX', 'urgent', 1],
      ['SLV', 'urgent', 1],
    ]);
    expect(body.rows.find((r: { country: string }) => r.country === 'SLV').toReply).toEqual({
      medianHours: 5,
      p90Hours: 5,
    });
  });

  it('counts the prosecutors’ channel for prosecutors', async () => {
    const body = (await (await as(gtProsecutor)).get(URL)).json();
    expect(body.rows.find((r: { country: string }) => r.country === 'MEX')).toMatchObject({
      priority: 'urgent',
      received: 4,
      replied: 3,
      toReply: { medianHours: 2, p90Hours: 6 },
    });
  });

  it('filters by the months the threads were opened in; other filters are said not to apply', async () => {
    const b = await as(gt);
    const same = (await b.get(`${URL}?from=2026-11&to=2026-11&region=americas`)).json();
    expect(same.rows).toHaveLength(3);
    expect(same.filters).toEqual({ from: '2026-11', to: '2026-11' });
    expect(same.ignoredFilters).toEqual(['region']);
    const later = (await b.get(`${URL}?from=2026-12`)).json();
    expect(later.rows).toEqual([]);
    expect(later.totals.map((r: { received: number }) => r.received)).toEqual([0, 0]);
    expect((await b.get(`${URL}?from=2026-13`)).statusCode).toBe(400);
  });
});
