import { describe, expect, it } from 'vitest';
import { responseFacts, summariseResponses } from './exchange-times';

const T0 = '2026-03-02T12:00:00.000Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

describe('responseFacts', () => {
  it('counts each country a current participant names once per thread, from when it was first added, never the owner’s', () => {
    const facts = responseFacts({
      threads: [{ id: 't1', owner_country: 'GTM', priority: 'urgent', created_at: T0, reply_by: at(8) }],
      participants: [
        // Mexico through a user and the whole country; removed once and added again later.
        { threadId: 't1', country: 'MEX', addedAt: T0, current: false },
        { threadId: 't1', country: 'MEX', addedAt: at(3), current: true },
        // A colleague of the owner's country answers nothing.
        { threadId: 't1', country: 'GTM', addedAt: T0, current: true },
        // Honduras was removed: no longer asked.
        { threadId: 't1', country: 'HND', addedAt: T0, current: false },
        // An account whose country is unknown to the join (a deleted agency).
        { threadId: 't1', country: null, addedAt: T0, current: true },
      ],
      receipts: [{ thread_id: 't1', country_code: 'MEX', acknowledged_at: at(1), replied_at: null }],
    });
    expect(facts).toEqual([
      {
        country: 'MEX',
        priority: 'urgent',
        receivedAt: T0,
        acknowledgedAt: at(1),
        repliedAt: null,
        replyBy: at(8),
      },
    ]);
  });
});

describe('summariseResponses', () => {
  const fact = (hoursAck: number | null, hoursReply: number | null, replyBy: number | null) => ({
    country: 'MEX',
    priority: 'urgent' as const,
    receivedAt: T0,
    acknowledgedAt: hoursAck === null ? null : at(hoursAck),
    repliedAt: hoursReply === null ? null : at(hoursReply),
    replyBy: replyBy === null ? null : at(replyBy),
  });

  it('gives nearest-rank medians and 90th percentiles to the minute, and judges only deadlines that can be', () => {
    const { rows, totals } = summariseResponses(
      [
        fact(1, 2, 8),
        fact(140 / 60, 6, 8),
        fact(4, null, 8), // late: the deadline passed unanswered
        fact(null, null, 100), // still time to answer: not judged
        fact(null, 9, null), // no deadline: not judged
      ],
      new Date(at(20)),
    );
    expect(rows).toEqual([
      {
        country: 'MEX',
        priority: 'urgent',
        received: 5,
        acknowledged: 3,
        replied: 3,
        toAcknowledge: { medianHours: 140 / 60, p90Hours: 4 },
        toReply: { medianHours: 6, p90Hours: 9 },
        due: 3,
        repliedByDeadline: 2,
        onTimeShare: 0.667,
      },
    ]);
    expect(totals.map((r) => [r.priority, r.received])).toEqual([
      ['urgent', 5],
      ['normal', 0],
    ]);
    expect(totals[1]).toMatchObject({
      country: null,
      toAcknowledge: { medianHours: null, p90Hours: null },
      onTimeShare: null,
    });
  });
});
