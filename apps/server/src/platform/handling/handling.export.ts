import { type HandlingCodes, type Locale, strictestHandling } from '@enlace/shared';
import { t } from '../i18n';

/**
 * The block that opens every export of coded items (CSV, XLSX; the first lines of a PDF): the
 * strictest handling code of the file and what it means, so the codes travel with the file even
 * when the rows are cut out of it. Each row of the file carries its own codes too
 * (`handlingCells`).
 */
export function handlingHeaderRows(locale: Locale, items: readonly HandlingCodes[]): string[][] {
  const strictest = strictestHandling(items.map((c) => c.handling));
  if (!strictest) return [];
  const rows = [
    [t(locale, 'handling.header.title')],
    [t(locale, 'handling.header.strictest'), t(locale, `handling.codes.${strictest}`)],
  ];
  const restrictions = [...new Set(items.flatMap((c) => (c.restriction ? [c.restriction] : [])))];
  for (const r of restrictions) rows.push([t(locale, 'handling.header.restriction'), r]);
  rows.push([]);
  return rows;
}

/** The column headers of a row's codes, and its cells, in the reader's language. */
export function handlingColumns(locale: Locale): string[] {
  return ['handling', 'restriction', 'reliability', 'accuracy'].map((k) => t(locale, `handling.header.${k}`));
}

export function handlingCells(locale: Locale, c: HandlingCodes): string[] {
  return [
    t(locale, `handling.codes.${c.handling}`),
    c.restriction ?? '',
    t(locale, `handling.reliability.${c.reliability}`),
    t(locale, `handling.accuracy.${c.accuracy}`),
  ];
}
