import {
  HANDLING_CODES,
  type HandlingCodes,
  INFO_ACCURACY,
  type Locale,
  SOURCE_RELIABILITY,
  strictestHandling,
} from '@enlace/shared';
import { t } from '../i18n';

/** A line of the handling block: what it states and its value, in the reader's language. */
export interface HandlingLine {
  label: string;
  value: string;
}

/** The codes present among `items`, in the order of `all` (strictest last there: reversed for handling). */
const present = <T extends string>(all: readonly T[], found: readonly T[]): T[] =>
  all.filter((c) => found.includes(c));

/**
 * The block that opens every export of coded items (a header block in CSV and XLSX, the first lines
 * of a PDF), so the codes travel with the file even when its rows are cut out of it: the strictest
 * handling code first, then every handling code of the file (strictest first), each H3
 * restriction in its provider's words, and the evaluation codes present (source reliability,
 * information accuracy). Each row or message of the file carries its own codes too
 * (`handlingCells`). Null for a file without coded items.
 */
export function handlingSummary(
  locale: Locale,
  items: readonly HandlingCodes[],
): { title: string; lines: HandlingLine[] } | null {
  const strictest = strictestHandling(items.map((c) => c.handling));
  if (!strictest) return null;
  const w = (key: string) => t(locale, key);
  const list = (keys: string[]) => keys.map(w).join('; ');
  const handling = present(
    [...HANDLING_CODES].reverse(),
    items.map((c) => c.handling),
  );
  const lines: HandlingLine[] = [
    { label: w('handling.header.strictest'), value: w(`handling.codes.${strictest}`) },
    { label: w('handling.header.codes'), value: list(handling.map((c) => `handling.codes.${c}`)) },
  ];
  const restrictions = [...new Set(items.flatMap((c) => (c.restriction ? [c.restriction] : [])))];
  for (const r of restrictions) lines.push({ label: w('handling.header.restrictionH3'), value: r });
  const reliability = present(
    SOURCE_RELIABILITY,
    items.map((c) => c.reliability),
  );
  const accuracy = present(
    INFO_ACCURACY,
    items.map((c) => c.accuracy),
  );
  lines.push(
    {
      label: w('handling.header.reliabilities'),
      value: list(reliability.map((c) => `handling.reliability.${c}`)),
    },
    { label: w('handling.header.accuracies'), value: list(accuracy.map((c) => `handling.accuracy.${c}`)) },
  );
  return { title: w('handling.header.title'), lines };
}

/** The handling block as the first rows of a CSV or XLSX file, then an empty row. */
export function handlingHeaderRows(locale: Locale, items: readonly HandlingCodes[]): string[][] {
  const summary = handlingSummary(locale, items);
  if (!summary) return [];
  return [[summary.title], ...summary.lines.map((l) => [l.label, l.value]), []];
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
