import { EXCHANGE_PRIORITIES, type ExchangePriority, type ExchangeResponseRow } from '@enlace/shared';
import { percentileOf } from './percentile';

/** One responding country's answer to one thread. */
export interface ResponseFact {
  country: string;
  priority: ExchangePriority;
  /** When the country was first added to the thread: its clock starts there. */
  receivedAt: string;
  acknowledgedAt: string | null;
  repliedAt: string | null;
  replyBy: string | null;
}

interface Sources {
  threads: readonly {
    id: string;
    owner_country: string;
    priority: string;
    created_at: string;
    reply_by: string | null;
  }[];
  participants: readonly { threadId: string; country: string | null; addedAt: string; current: boolean }[];
  receipts: readonly {
    thread_id: string;
    country_code: string;
    acknowledged_at: string | null;
    replied_at: string | null;
  }[];
}

/**
 * Who was asked to answer each thread, and when they did. The responding countries of a thread
 * are those a current participant names (the country, an agency or a user of it), but the owner's;
 * each is counted once per thread, from the first time it was added.
 */
export function responseFacts(s: Sources): ResponseFact[] {
  const receipts = new Map(s.receipts.map((r) => [`${r.thread_id} ${r.country_code}`, r]));
  const reached = new Map<string, { current: boolean; addedAt: string }>();
  for (const p of s.participants) {
    if (!p.country) continue;
    const key = `${p.threadId} ${p.country}`;
    const seen = reached.get(key);
    reached.set(key, {
      current: (seen?.current ?? false) || p.current,
      addedAt: seen && seen.addedAt < p.addedAt ? seen.addedAt : p.addedAt,
    });
  }
  const threads = new Map(s.threads.map((t) => [t.id, t]));
  const out: ResponseFact[] = [];
  for (const [key, r] of reached) {
    const [threadId = '', country = ''] = key.split(' ');
    const thread = threads.get(threadId);
    if (!thread || !r.current || country === thread.owner_country) continue;
    const receipt = receipts.get(key);
    out.push({
      country,
      priority: thread.priority as ExchangePriority,
      receivedAt: r.addedAt,
      acknowledgedAt: receipt?.acknowledged_at ?? null,
      repliedAt: receipt?.replied_at ?? null,
      replyBy: thread.reply_by,
    });
  }
  return out;
}

/** Hours from one instant to a later one, to the minute (never negative). */
function hoursBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) / 60;
}

function summarise(
  country: string | null,
  priority: ExchangePriority,
  facts: readonly ResponseFact[],
  now: string,
): ExchangeResponseRow {
  const acknowledged = facts.filter((f) => f.acknowledgedAt);
  const replied = facts.filter((f) => f.repliedAt);
  const ack = acknowledged.map((f) => hoursBetween(f.receivedAt, f.acknowledgedAt as string));
  const reply = replied.map((f) => hoursBetween(f.receivedAt, f.repliedAt as string));
  // A deadline still to come, unanswered, cannot be judged yet.
  const due = facts.filter((f) => f.replyBy && (f.repliedAt || f.replyBy <= now));
  const onTime = due.filter((f) => f.repliedAt && f.replyBy && f.repliedAt <= f.replyBy).length;
  return {
    country,
    priority,
    received: facts.length,
    acknowledged: acknowledged.length,
    replied: replied.length,
    toAcknowledge: { medianHours: percentileOf(ack, 0.5), p90Hours: percentileOf(ack, 0.9) },
    toReply: { medianHours: percentileOf(reply, 0.5), p90Hours: percentileOf(reply, 0.9) },
    due: due.length,
    repliedByDeadline: onTime,
    onTimeShare: due.length ? Math.round((onTime / due.length) * 1000) / 1000 : null,
  };
}

/**
 * Response times per responding country and priority (countries in code order), and per priority
 * for all of them: threads received, acknowledged and replied, the median and 90th percentile of
 * hours to acknowledge and to reply (nearest rank), and the share of replies by the deadline.
 */
export function summariseResponses(
  facts: readonly ResponseFact[],
  now: Date,
): { rows: ExchangeResponseRow[]; totals: ExchangeResponseRow[] } {
  const at = now.toISOString();
  const countries = [...new Set(facts.map((f) => f.country))].sort();
  const rows: ExchangeResponseRow[] = [];
  for (const country of countries) {
    for (const priority of EXCHANGE_PRIORITIES) {
      const mine = facts.filter((f) => f.country === country && f.priority === priority);
      if (mine.length) rows.push(summarise(country, priority, mine, at));
    }
  }
  const totals = EXCHANGE_PRIORITIES.map((priority) =>
    summarise(
      null,
      priority,
      facts.filter((f) => f.priority === priority),
      at,
    ),
  );
  return { rows, totals };
}
