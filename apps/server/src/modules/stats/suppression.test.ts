import { describe, expect, it } from 'vitest';
import { isSmall, suppressColumn, suppressValue } from './suppression';

describe('small-cell suppression', () => {
  it('withholds counts of 1 to 4 persons, never zero or unknown', () => {
    expect([0, 1, 4, 5, null].map(isSmall)).toEqual([false, true, true, false, false]);
    expect(suppressValue(3)).toEqual({ value: null, suppressed: true });
    expect(suppressValue(12)).toEqual({ value: 12, suppressed: false });
    expect(suppressValue(null)).toEqual({ value: null, suppressed: false });
  });

  it('withholds a second cell when one alone would be revealed by the total', () => {
    expect(suppressColumn([3, 40, 12, 0])).toEqual({
      values: [null, 40, null, 0],
      suppressed: [true, false, true, false],
    });
  });

  it('needs no second cell when two or more are already withheld', () => {
    expect(suppressColumn([3, 2, 40])).toEqual({ values: [null, null, 40], suppressed: [true, true, false] });
  });

  it('leaves a column without small cells untouched', () => {
    expect(suppressColumn([5, 0, null, 100])).toEqual({
      values: [5, 0, null, 100],
      suppressed: [false, false, false, false],
    });
  });
});
