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

/** A map cell of a grid of `degrees`: (cx, cy) counts cells from longitude −180 and latitude −90. */
export interface GridCell {
  cx: number;
  cy: number;
  incidents: number;
}

/**
 * Where a map cell is drawn: the centre of the cell, never a real incident's coordinates. Rounded
 * to 6 decimals so that binary steps of 0.2° print as the decimals they are.
 */
export function cellCentre(cx: number, cy: number, degrees: number): { lat: number; lon: number } {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { lat: round(-90 + (cy + 0.5) * degrees), lon: round(-180 + (cx + 0.5) * degrees) };
}

/**
 * Cells of a grid finer than `coarseDegrees` that hold fewer incidents than the threshold could
 * place a single incident within a few kilometres: they are merged into the coarse cell that
 * contains them, and drawn at its centre. Cells at or above the threshold keep their own size.
 * `merge` adds one cell's figures into another's.
 */
export function coarsenSmallCells<T extends GridCell>(
  cells: readonly T[],
  degrees: number,
  coarseDegrees: number,
  merge: (into: T, from: T) => T,
): { cell: T; degrees: number }[] {
  if (degrees >= coarseDegrees) return cells.map((cell) => ({ cell, degrees }));
  const ratio = Math.round(coarseDegrees / degrees);
  const kept: { cell: T; degrees: number }[] = [];
  const merged = new Map<string, T>();
  for (const c of cells) {
    if (c.incidents >= SMALL_CELL_THRESHOLD) {
      kept.push({ cell: c, degrees });
      continue;
    }
    const cx = Math.floor(c.cx / ratio);
    const cy = Math.floor(c.cy / ratio);
    const key = `${cx},${cy}`;
    const into = merged.get(key);
    merged.set(key, into ? merge(into, c) : { ...c, cx, cy });
  }
  for (const cell of merged.values()) kept.push({ cell, degrees: coarseDegrees });
  return kept;
}
