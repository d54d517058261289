import { describe, expect, it } from 'vitest';
import { crisisOrderErrors } from './dto/registry-crisis';

const level = (
  n: 1 | 2 | 3 | 4,
  countryOccupancyPct: number | null,
  centreOccupancyPct: number | null = null,
  arrivals24h: number | null = null,
) => ({ level: n, countryOccupancyPct, centreOccupancyPct, arrivals24h });

describe('the order of crisis thresholds', () => {
  it('accepts levels that go up or stay, and figures a level does not watch', () => {
    expect(
      crisisOrderErrors([level(1, 50, null, 20), level(2, 50, 90), level(3, null, 95, 100), level(4, 120)]),
    ).toEqual([]);
  });

  it('names each figure lower than a lower level’s, with the value it must reach', () => {
    expect(crisisOrderErrors([level(1, 80), level(2, null), level(3, 70), level(4, 90, null, 5)])).toEqual([
      {
        path: 'levels.2.countryOccupancyPct',
        code: 'registry_crisis_threshold_order',
        params: { level: 3, min: 80 },
      },
    ]);
    // The floor is the highest below, not only the level just below.
    expect(
      crisisOrderErrors([level(1, 60), level(2, 90), level(3, 70), level(4, 80)]).map((e) => e.path),
    ).toEqual(['levels.2.countryOccupancyPct', 'levels.3.countryOccupancyPct']);
  });

  it('wants the levels as 1, 2, 3, 4', () => {
    expect(crisisOrderErrors([level(2, null), level(1, null), level(3, null), level(4, null)])).toEqual([
      { path: 'levels.0.level', code: 'registry_crisis_levels_sequence' },
      { path: 'levels.1.level', code: 'registry_crisis_levels_sequence' },
    ]);
  });
});
