import { describe, expect, it } from 'vitest';
import { formatDate, packDate, parseDate } from './dates';

describe('parseDate', () => {
  it.each([
    ['1990-05-17', { year: 1990, month: 5, day: 17 }],
    ['1990/5/7', { year: 1990, month: 5, day: 7 }],
    ['19900517', { year: 1990, month: 5, day: 17 }],
    ['1990-05', { year: 1990, month: 5, day: 0 }],
    ['1990', { year: 1990, month: 0, day: 0 }],
    ['17/05/1990', { year: 1990, month: 5, day: 17 }],
    ['', { year: 0, month: 0, day: 0 }],
    ['unknown', { year: 0, month: 0, day: 0 }],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it('keeps impossible but present dates, as typing errors are evidence too', () => {
    expect(parseDate('19901317')).toEqual({ year: 1990, month: 13, day: 17 });
  });
});

describe('packDate and formatDate', () => {
  it('round-trips full and partial dates', () => {
    for (const text of ['1990-05-17', '1990-05', '1990'])
      expect(formatDate(packDate(parseDate(text)))).toBe(text);
    expect(packDate(parseDate(''))).toBe(0);
  });
});
