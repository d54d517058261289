// Birth dates arrive as ISO dates, partial dates (year and month, or year only, when a migrant
// knows only their age), FEBRL's YYYYMMDD, or day-first dates as written across Latin America.

/** A birth date with unknown parts set to 0. */
export interface PartialDate {
  year: number;
  month: number;
  day: number;
}

export const NO_DATE: PartialDate = { year: 0, month: 0, day: 0 };

const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/**
 * Parses a birth date. Values that are present but impossible (month 13, FEBRL's corrupted
 * digits) are kept as written, because a typo in a date is still evidence about the person.
 * Day-first is assumed for dd/mm/yyyy, the convention in every country along the route.
 */
export function parseDate(value: string): PartialDate {
  const v = value.trim();
  if (v === '') return NO_DATE;
  let m = COMPACT.exec(v);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = ISO.exec(v);
  if (m) return { year: Number(m[1]), month: Number(m[2] ?? 0), day: Number(m[3] ?? 0) };
  m = DAY_FIRST.exec(v);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return NO_DATE;
}

/** Packs a date into one integer (YYYYMMDD with zeros for unknown parts); 0 means no date. */
export function packDate(d: PartialDate): number {
  if (d.year <= 0) return 0;
  return d.year * 10000 + Math.min(d.month, 99) * 100 + Math.min(d.day, 99);
}

export function unpackDate(packed: number): PartialDate {
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

/** ISO form of a packed date: YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDate(packed: number): string {
  if (packed === 0) return '';
  const { year, month, day } = unpackDate(packed);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month === 0) return String(year);
  if (day === 0) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}
