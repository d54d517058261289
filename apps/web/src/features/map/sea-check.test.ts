import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { countryFeatures } from './geo';
import { checkPlace, countryAt } from './sea-check';

const require = createRequire(import.meta.url);
const world = countryFeatures(
  JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology,
).features;

describe('is this incident at sea or on land (point in the country polygons)', () => {
  const tapachula = [14.905, -92.262] as const;
  const gulfOfMexico = [25.0, -90.0] as const;
  const caribbean = [15.0, -75.0] as const;

  it('finds the country that holds a point, and none at sea', () => {
    expect(countryAt(...tapachula, world)?.properties.iso3).toBe('MEX');
    expect(countryAt(14.64, -90.51, world)?.properties.iso3).toBe('GTM');
    expect(countryAt(...gulfOfMexico, world)).toBeNull();
    expect(countryAt(...caribbean, world)).toBeNull();
  });

  it('warns of a land incident at sea and of a sea incident on land, never of air', () => {
    expect(checkPlace('land', ...tapachula, world)).toBe('ok');
    expect(checkPlace('land', ...gulfOfMexico, world)).toBe('land_at_sea');
    expect(checkPlace('sea', ...caribbean, world)).toBe('ok');
    expect(checkPlace('sea', ...tapachula, world)).toBe('sea_on_land');
    expect(checkPlace('air', ...gulfOfMexico, world)).toBe('ok');
    expect(checkPlace('', ...gulfOfMexico, world)).toBe('ok');
  });
});
