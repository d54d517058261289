import { describe, expect, it } from 'vitest';
import { mmDate, neutralize } from './incidents.export';

describe('exports', () => {
  it('writes dates as the Missing Migrants download does', () => {
    expect(mmDate('2026-01-01')).toBe('Thu, 01/01/2026 - 12:00');
    expect(mmDate('2015-12-31')).toBe('Thu, 12/31/2015 - 12:00');
  });

  it('keeps spreadsheets from running text as formulas, and leaves numbers alone', () => {
    expect(neutralize('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralize('+1 555')).toBe("'+1 555");
    expect(neutralize('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralize('-cmd')).toBe("'-cmd");
    expect(neutralize('-12.5, 45.1')).toBe('-12.5, 45.1');
    expect(neutralize(-5)).toBe(-5);
    expect(neutralize('Piedras Negras')).toBe('Piedras Negras');
    expect(neutralize(null)).toBeNull();
  });
});
