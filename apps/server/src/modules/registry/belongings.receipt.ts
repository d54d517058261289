import { type BelongingItem, type DocumentLocale, INTL_LOCALE, type ReturnOutcome } from '@enlace/shared';
import { type DocumentSection, type DocumentSpec, formatInstant } from '../../platform/documents/pdf';
import { documentT } from '../../platform/i18n';

/** What a belongings receipt shows, decrypted, for the person to sign. */
export interface ReceiptContent {
  number: string;
  centre: string;
  person: string;
  admittedAt: string;
  recordedBy: string[];
  verifiedBy: string;
  verifiedAt: string;
  items: (Pick<
    BelongingItem,
    | 'number'
    | 'kind'
    | 'description'
    | 'sealNumber'
    | 'currency'
    | 'amount'
    | 'documentType'
    | 'documentNumber'
    | 'imei'
  > & { return: { outcome: ReturnOutcome; authority: string | null; at: string } | null })[];
}

/**
 * A cash amount in the receipt's language, from its decimal string (Intl reads it exactly), with
 * the ISO code rather than a symbol: "$" is a dollar or a peso depending on who reads it.
 */
function money(locale: DocumentLocale, currency: string, amount: string): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  }).format(amount as Intl.StringNumericLiteral);
}

/**
 * The belongings receipt (Work Plan area 3, action 4): numbered, in the person's language,
 * every item held with its seal or bag, who recorded and who verified it, and the lines for the
 * person's and the officers' signatures. Items returned at release show what became of them.
 */
export function receiptDocument(locale: DocumentLocale, timeZone: string, c: ReceiptContent): DocumentSpec {
  const w = (key: string, params: Record<string, unknown> = {}) =>
    documentT(locale, `documents.belongingsReceipt.${key}`, params);
  const when = (iso: string) => formatInstant(locale, iso, timeZone);
  const details = (i: ReceiptContent['items'][number]): string => {
    if (i.kind === 'cash' && i.currency && i.amount) return money(locale, i.currency, i.amount);
    if (i.kind === 'document')
      return `${w(`documentTypes.${i.documentType ?? 'other'}`)} ${i.documentNumber ?? ''}`.trim();
    if (i.kind === 'phone') return w('imei', { imei: i.imei ?? '' });
    return '';
  };
  const sections: DocumentSection[] = [
    {
      heading: w('itemsHeading'),
      blocks: c.items.length
        ? [
            {
              kind: 'table',
              columns: [
                { header: w('columns.number'), weight: 0.5, align: 'right' },
                { header: w('columns.kind'), weight: 1.3 },
                { header: w('columns.description'), weight: 2.3 },
                { header: w('columns.details'), weight: 2 },
                { header: w('columns.seal'), weight: 1.4 },
              ],
              rows: c.items.map((i) => [
                String(i.number),
                w(`kinds.${i.kind}`),
                i.description,
                details(i),
                i.sealNumber,
              ]),
            },
          ]
        : [{ kind: 'paragraph', text: w('none') }],
    },
  ];
  const returned = c.items.filter((i) => i.return);
  if (returned.length)
    sections.push({
      heading: w('returnHeading'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: w('columns.number'), weight: 0.5, align: 'right' },
            { header: w('columns.kind'), weight: 1.3 },
            { header: w('columns.outcome'), weight: 2.5 },
            { header: w('columns.at'), weight: 2 },
          ],
          rows: returned.map((i) => [
            String(i.number),
            w(`kinds.${i.kind}`),
            i.return?.authority
              ? `${w(`outcomes.${i.return.outcome}`)} — ${i.return.authority}`
              : w(`outcomes.${i.return?.outcome ?? 'returned'}`),
            i.return ? when(i.return.at) : '',
          ]),
        },
      ],
    });
  sections.push({
    heading: w('signaturesHeading'),
    blocks: [
      { kind: 'paragraph', text: w('statement') },
      {
        kind: 'signatures',
        lines: [
          { label: w('signatures.person'), name: c.person },
          ...c.recordedBy.map((name) => ({ label: w('signatures.recorder'), name })),
          { label: w('signatures.verifier'), name: c.verifiedBy },
        ],
      },
    ],
  });
  return {
    title: w('title'),
    header: [
      { label: w('number'), value: c.number },
      { label: w('centre'), value: c.centre },
      { label: w('person'), value: c.person },
      { label: w('admittedAt'), value: when(c.admittedAt) },
      { label: w('recordedBy'), value: c.recordedBy.join(', ') },
      { label: w('verifiedBy'), value: `${c.verifiedBy} — ${when(c.verifiedAt)}` },
    ],
    sections,
    footer: w('footer', { number: c.number }),
  };
}
