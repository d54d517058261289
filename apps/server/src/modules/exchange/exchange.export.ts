import type { ExchangeMessage, Locale, Thread } from '@enlace/shared';
import { stringify } from 'csv-stringify/sync';
import { type DocumentField, type DocumentSpec, formatInstant } from '../../platform/documents/pdf';
import {
  handlingCells,
  handlingColumns,
  handlingHeaderRows,
  handlingSummary,
} from '../../platform/handling/handling.export';
import { t } from '../../platform/i18n';
import { countryName } from '../incidents/iso-countries';

/** What an export of a thread holds: the thread, the messages its reader may export, how many not. */
export interface ThreadExport {
  thread: Thread;
  messages: ExchangeMessage[];
  omitted: number;
}

const w = (l: Locale, key: string, params: Record<string, unknown> = {}) =>
  t(l, `exchange.export.${key}`, params);

function omittedLine(l: Locale, omitted: number): string[][] {
  return omitted ? [[w(l, 'omitted', { count: omitted })]] : [];
}

/**
 * A thread as CSV in the reader's language: the handling block first (every code of the file,
 * the strictest first, and each restriction), then each message with its codes.
 */
export function threadCsv(l: Locale, x: ThreadExport): string {
  const rows: string[][] = [
    ...handlingHeaderRows(
      l,
      x.messages.map((m) => m.codes),
    ),
    [w(l, 'thread'), x.thread.reference],
    [w(l, 'subject'), x.thread.subject],
    ...omittedLine(l, x.omitted),
    [],
    [w(l, 'sent'), w(l, 'country'), w(l, 'author'), w(l, 'message'), ...handlingColumns(l)],
    ...x.messages.map((m) => [
      m.createdAt,
      m.authorCountry,
      m.authorName ?? '',
      m.body,
      ...handlingCells(l, m.codes),
    ]),
  ];
  return `\uFEFF${stringify(rows)}`;
}

function participantName(l: Locale, p: Thread['participants'][number]): string {
  if (p.kind === 'network') return w(l, 'network');
  if (p.kind === 'country') return countryName(p.ref ?? '', l);
  const name = p.label ?? '—';
  return p.countryCode ? `${name} (${countryName(p.countryCode, l)})` : name;
}

/**
 * A thread as a document for the PDF: its first lines state the handling and evaluation codes of
 * every message exported (the strictest first, H3 restrictions in words), then the thread's facts
 * and each message with its own codes. Instants are in the reader's time zone, which is named.
 */
export function threadDocument(l: Locale, timeZone: string, x: ThreadExport): DocumentSpec {
  const at = (iso: string) => formatInstant(l, iso, timeZone);
  const summary = handlingSummary(
    l,
    x.messages.map((m) => m.codes),
  );
  const th = x.thread;
  const header: DocumentField[] = [
    { label: w(l, 'reference'), value: th.reference },
    { label: w(l, 'subject'), value: th.subject },
    { label: w(l, 'type'), value: w(l, `types.${th.type}`) },
    { label: w(l, 'priority'), value: w(l, `priorities.${th.priority}`) },
    { label: w(l, 'channel'), value: w(l, `channels.${th.channel}`) },
    { label: w(l, 'status'), value: w(l, `statuses.${th.status}`) },
    { label: w(l, 'ownerCountry'), value: countryName(th.ownerCountry, l) },
    { label: w(l, 'createdAt'), value: at(th.createdAt) },
    { label: w(l, 'replyBy'), value: th.replyBy ? at(th.replyBy) : w(l, 'noDeadline') },
    { label: w(l, 'participants'), value: th.participants.map((p) => participantName(l, p)).join('; ') },
  ];
  const messages = x.messages.map((m, i) => {
    const [handling = '', restriction = '', reliability = '', accuracy = ''] = handlingCells(l, m.codes);
    const code = (key: string) => t(l, `handling.header.${key}`);
    const fields: DocumentField[] = [
      { label: w(l, 'sentAt'), value: at(m.createdAt) },
      { label: code('handling'), value: handling },
      ...(m.codes.restriction ? [{ label: code('restriction'), value: restriction }] : []),
      { label: code('reliability'), value: reliability },
      { label: code('accuracy'), value: accuracy },
      ...(m.forwardedFrom?.threadReference
        ? [{ label: w(l, 'forwardedFrom'), value: m.forwardedFrom.threadReference }]
        : []),
      ...(m.attachments.length
        ? [{ label: w(l, 'attachments'), value: m.attachments.map((a) => a.name).join('; ') }]
        : []),
    ];
    return {
      heading: w(l, 'messageHeading', {
        n: i + 1,
        author: m.authorName ?? '—',
        country: countryName(m.authorCountry, l),
      }),
      blocks: [
        { kind: 'fields' as const, fields },
        { kind: 'paragraph' as const, text: m.body },
      ],
    };
  });
  const notes = [...omittedLine(l, x.omitted).flat(), ...(x.messages.length ? [] : [w(l, 'noMessage')])];
  return {
    ...(summary ? { banner: summary } : {}),
    title: w(l, 'title', { reference: th.reference }),
    header,
    sections: [
      ...(notes.length
        ? [{ heading: w(l, 'messages'), blocks: notes.map((text) => ({ kind: 'paragraph' as const, text })) }]
        : []),
      ...messages,
    ],
    footer: [th.reference, summary?.lines[0]?.value].filter(Boolean).join(' · '),
  };
}
