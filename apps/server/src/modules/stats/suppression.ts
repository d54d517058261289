import { SMALL_CELL_THRESHOLD } from '@enlace/shared';

/** A count of persons that could single someone out: more than none, fewer than the threshold. */
export function isSmall(value: number | null): boolean {
  return value !== null && value > 0 && value < SMALL_CELL_THRESHOLD;
}

/**
 * Small-cell suppression of a column of person counts that add up to a total shown beside them.
 * Primary: every small cell is withheld. Secondary: when exactly one cell is withheld, the
 * smallest other non-zero cell is withheld too, so the total minus the rest cannot reveal it.
 * Returns the values to show (null when withheld) and which were withheld.
 */
export function suppressColumn(values: readonly (number | null)[]): {
  values: (number | null)[];
  suppressed: boolean[];
} {
  const suppressed = values.map(isSmall);
  if (suppressed.filter(Boolean).length === 1) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (suppressed[i] || v === null || v <= 0) return;
      if (smallest < 0 || v < (values[smallest] ?? Number.POSITIVE_INFINITY)) smallest = i;
    });
    if (smallest >= 0) suppressed[smallest] = true;
  }
  return { values: values.map((v, i) => (suppressed[i] ? null : v)), suppressed };
}

/** A single figure shown on its own (a total): withheld when small. */
export function suppressValue(value: number | null): { value: number | null; suppressed: boolean } {
  return isSmall(value) ? { value: null, suppressed: true } : { value, suppressed: false };
}
