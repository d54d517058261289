import { describe, expect, it } from 'vitest';
import { offsetMinutes, utcToZoned, zonedToUtc } from './time';

describe('local time at the place ↔ UTC', () => {
  it('converts a local clock time in a zone without daylight saving', () => {
    expect(zonedToUtc('2026-03-02', '09:30', 'America/Cancun')).toBe('2026-03-02T14:30:00.000Z');
    expect(utcToZoned('2026-03-02T14:30:00.000Z', 'America/Cancun')).toEqual({
      date: '2026-03-02',
      time: '09:30',
    });
  });

  it('follows daylight saving time', () => {
    // New York: UTC−5 in winter, UTC−4 in summer.
    expect(zonedToUtc('2026-01-15', '12:00', 'America/New_York')).toBe('2026-01-15T17:00:00.000Z');
    expect(zonedToUtc('2026-07-15', '12:00', 'America/New_York')).toBe('2026-07-15T16:00:00.000Z');
    expect(offsetMinutes(Date.parse('2026-07-15T16:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('moves to the previous UTC day and back without losing the local date', () => {
    const utc = zonedToUtc('2026-04-10', '23:15', 'America/Panama');
    expect(utc).toBe('2026-04-11T04:15:00.000Z');
    expect(utcToZoned(utc, 'America/Panama')).toEqual({ date: '2026-04-10', time: '23:15' });
  });

  it('handles UTC itself', () => {
    expect(zonedToUtc('2026-05-01', '00:00', 'UTC')).toBe('2026-05-01T00:00:00.000Z');
  });
});
