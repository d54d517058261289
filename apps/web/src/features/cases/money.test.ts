import { afterEach, describe, expect, it } from 'vitest';
import { setDisplayTimeZone } from '../../reader-time-zone';
import { isoToLocalInput, localInputToIso } from './money';

afterEach(() => setDisplayTimeZone(null));

describe('date-time fields read in the user’s own time zone', () => {
  it('reads a typed time in the zone chosen on the profile, not the browser’s', () => {
    setDisplayTimeZone('America/Tijuana');
    // 09:30 in Tijuana in March 2026 (daylight saving, UTC−7) is 16:30 UTC.
    expect(localInputToIso('2026-03-11T09:30')).toBe('2026-03-11T16:30:00.000Z');
    expect(isoToLocalInput('2026-03-11T16:30:00.000Z')).toBe('2026-03-11T09:30');
    setDisplayTimeZone('America/Costa_Rica');
    expect(localInputToIso('2026-03-11T09:30')).toBe('2026-03-11T15:30:00.000Z');
  });

  it('takes an explicit zone', () => {
    expect(localInputToIso('2026-01-15T00:00', 'UTC')).toBe('2026-01-15T00:00:00.000Z');
  });
});
