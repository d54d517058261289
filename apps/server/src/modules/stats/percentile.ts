/**
 * The nearest-rank percentile (`p` from 0 to 1) of a histogram sorted by value: a value that
 * occurred, never an interpolation, so a median of 2 h and 4 h reads 2 h. Null when empty.
 */
export function percentile(histogram: readonly { value: number; count: number }[], p: number): number | null {
  const n = histogram.reduce((a, h) => a + h.count, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const h of histogram) {
    seen += h.count;
    if (seen >= rank) return h.value;
  }
  return histogram[histogram.length - 1]?.value ?? null;
}

/** The percentile of a list of values, in any order. */
export function percentileOf(values: readonly number[], p: number): number | null {
  return percentile(
    [...values].sort((a, b) => a - b).map((value) => ({ value, count: 1 })),
    p,
  );
}
