import { describe, expect, it } from 'vitest';
import { minPopulation, needsTowns, type Place, pickPlaces } from './places';

const places: Place[] = [
  ['Ciudad de México', 19.43, -99.13, 12_294_193, 'MX'],
  ['Guatemala', 14.64, -90.51, 994_938, 'GT'],
  ['Mixco', 14.63, -90.61, 473_080, 'GT'],
  ['Tapachula', 14.9, -92.26, 202_672, 'MX'],
  ['Ciudad Hidalgo', 14.68, -92.15, 14_000, 'MX'],
];
// One degree = 100 px: Guatemala and Mixco (0.1° apart) would overlap.
const project = (lat: number, lon: number) => ({ x: (lon + 180) * 100, y: (90 - lat) * 100 });
const everywhere = () => true;

describe('place names by zoom level', () => {
  it('names big cities first and more towns as one zooms in', () => {
    expect(minPopulation(3)).toBeGreaterThan(minPopulation(6));
    expect(minPopulation(6)).toBeGreaterThan(minPopulation(9));
    expect(pickPlaces(places, 3, everywhere, project).map((p) => p.place[0])).toEqual(['Ciudad de México']);
    expect(pickPlaces(places, 6, everywhere, project).map((p) => p.place[0])).toEqual([
      'Ciudad de México',
      'Guatemala',
      'Tapachula',
    ]);
    expect(needsTowns(5)).toBe(false);
    expect(needsTowns(8)).toBe(true);
  });

  it('skips a label that would overlap a bigger place’s, and places out of view', () => {
    const picked = pickPlaces(places, 9, (lat) => lat < 19, project).map((p) => p.place[0]);
    expect(picked).toContain('Guatemala');
    expect(picked).not.toContain('Mixco');
    expect(picked).not.toContain('Ciudad de México');
    expect(picked).toHaveLength(2);
  });
});
