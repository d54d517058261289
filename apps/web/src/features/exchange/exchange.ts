import {
  DEFAULT_REPLY_HOURS,
  type ExchangeMessage,
  type ExchangePriority,
  type HandlingRequest,
  type ParticipantInput,
  type Thread,
} from '@enlace/shared';

const HOUR = 3600_000;

/** When a reply is due if the author says nothing: 8 hours for urgent, 7 days otherwise (as the server). */
export function defaultReplyBy(priority: ExchangePriority, now: Date): Date {
  return new Date(now.getTime() + DEFAULT_REPLY_HOURS[priority] * HOUR);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * HOUR],
  ['hour', HOUR],
  ['minute', 60_000],
];

/**
 * "in 3 hours", "2 days ago": the largest whole unit, from minutes to days. Under a minute counts
 * as now ("in 0 minutes" reads as "now" with numeric: 'auto').
 */
export function relativeTime(iso: string, now: Date, locale: string): string {
  const diff = Date.parse(iso) - now.getTime();
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  }
  return rtf.format(0, 'minute');
}

/** A participant of the form: what is sent, and how to show it until then. */
export interface ParticipantChoice {
  input: ParticipantInput;
  label: string;
  countryCode: string | null;
}

export function participantKey(p: ParticipantInput): string {
  return `${p.kind}:${p.ref ?? '*'}`;
}

/** Adds a participant once: the same user, agency or country twice is one. */
export function addParticipant(
  list: readonly ParticipantChoice[],
  next: ParticipantChoice,
): ParticipantChoice[] {
  const key = participantKey(next.input);
  return list.some((p) => participantKey(p.input) === key) ? [...list] : [...list, next];
}

/** Which destination a forward permission is asked for (the server's `target`). */
export function forwardTarget(threadId: string): string {
  return `thread:${threadId}`;
}

/** The thread a `thread:<id>` target names, if it does. */
export function targetThreadId(target: string | null): string | null {
  return target?.startsWith('thread:') ? target.slice('thread:'.length) : null;
}

/**
 * My requests about one message, newest first: what the message's actions say beside the
 * server's abilities (a forward is allowed or not per destination, so the list names them).
 */
export function requestsFor(message: Pick<ExchangeMessage, 'id'>, mine: readonly HandlingRequest[]) {
  return mine
    .filter((r) => r.itemType === 'exchange_message' && r.itemId === message.id)
    .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
}

/** The receipt of each participant country (other than the owner's), in the thread's order. */
export function receiptRows(thread: Pick<Thread, 'participants' | 'receipts' | 'ownerCountry'>) {
  const countries: string[] = [];
  const add = (c: string | null) => {
    if (c && c !== thread.ownerCountry && !countries.includes(c)) countries.push(c);
  };
  for (const p of thread.participants) add(p.countryCode);
  for (const r of thread.receipts) add(r.countryCode);
  return countries.map(
    (countryCode) =>
      thread.receipts.find((r) => r.countryCode === countryCode) ?? {
        countryCode,
        acknowledgedAt: null,
        readAt: null,
        repliedAt: null,
      },
  );
}
