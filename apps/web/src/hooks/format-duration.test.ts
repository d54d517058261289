import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

// French keeps a number and its unit together with a no-break space.
const formatted = (lng: string, hours: number) => formatDuration(lng, hours).replace(/\s/g, ' ');

describe('formatDuration', () => {
  it('says hours and minutes, or days and hours, in each language', () => {
    expect(formatted('es', 200 / 60)).toBe('3 h 20 min');
    expect(formatted('en', 200 / 60)).toBe('3 hr 20 min');
    expect(formatted('fr', 52)).toBe('2 j 4 h');
    expect(formatted('en', 0.75)).toBe('45 min');
    expect(formatted('es', 8)).toBe('8 h');
    expect(formatted('en', 48)).toBe('2 days');
    // 23 h 59.7 min rounds to a whole day.
    expect(formatted('fr', 23.995)).toBe('1 j');
  });
});
