import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  type CountryFeature,
  centroidOf,
  clusterSize,
  countryFeatures,
  unwrapGeometry,
  unwrapLongitudes,
} from './geo';

const require = createRequire(import.meta.url);
const world = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology;

describe('map geometry', () => {
  it('names world-atlas countries by their ISO alpha-3 code', () => {
    const codes = new Set(countryFeatures(world).features.map((f) => f.properties.iso3));
    for (const code of ['MEX', 'GTM', 'HND', 'PAN', 'USA', 'CAN', 'CUB', 'HTI', 'DOM'])
      expect(codes).toContain(code);
  });

  it('places a flow at the centroid of the largest polygon (the mainland)', () => {
    const square = (x: number, y: number, s: number) => [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ];
    const f: CountryFeature = {
      type: 'Feature',
      properties: { iso3: 'XXX', name: 'test' },
      geometry: { type: 'MultiPolygon', coordinates: [square(0, 0, 1), square(10, 20, 4)] },
    };
    expect(centroidOf(f)).toEqual([22, 12]);
    const mexico = countryFeatures(world).features.find((c) => c.properties.iso3 === 'MEX');
    if (!mexico) throw new Error('no Mexico');
    const [lat, lon] = centroidOf(mexico);
    expect(lat).toBeGreaterThan(18);
    expect(lat).toBeLessThan(28);
    expect(lon).toBeGreaterThan(-106);
    expect(lon).toBeLessThan(-98);
  });

  it('sizes clusters by their incidents', () => {
    expect(clusterSize(1)).toBeLessThan(clusterSize(1000));
  });
});

describe('lines across the antimeridian', () => {
  it('keeps their longitudes continuous, so that Leaflet does not draw them across the map', () => {
    expect(
      unwrapLongitudes([
        [178, -17],
        [179.9, -17.1],
        [-179.9, -17.2],
        [-178, -17],
      ]),
    ).toEqual([
      [178, -17],
      [179.9, -17.1],
      [180.1, -17.2],
      [182, -17],
    ]);
    expect(
      unwrapLongitudes([
        [-170, 65],
        [-179.5, 66],
        [179.5, 67],
      ]),
    ).toEqual([
      [-170, 65],
      [-179.5, 66],
      [-180.5, 67],
    ]);
    const line = [
      [-92, 14],
      [-91, 15],
    ];
    expect(unwrapGeometry({ type: 'LineString', coordinates: line })).toEqual({
      type: 'LineString',
      coordinates: line,
    });
  });
});
