import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { CountryFeature } from './geo';

/** What a place says about an incident's mode: fine, a land incident at sea, a sea incident on land. */
export type PlaceCheck = 'ok' | 'land_at_sea' | 'sea_on_land';

const boxes = new WeakMap<CountryFeature, [number, number, number, number]>();

/** west, south, east, north of a country's polygons, kept once computed. */
function boxOf(f: CountryFeature): [number, number, number, number] {
  const known = boxes.get(f);
  if (known) return known;
  const box: [number, number, number, number] = [180, 90, -180, -90];
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  boxes.set(f, box);
  return box;
}

/** The country whose land holds the point, if any (Natural Earth's 1:50m outlines). */
export function countryAt(
  lat: number,
  lon: number,
  countries: readonly CountryFeature[],
): CountryFeature | null {
  for (const f of countries) {
    const [w, s, e, n] = boxOf(f);
    if (lon < w || lon > e || lat < s || lat > n) continue;
    if (booleanPointInPolygon([lon, lat], f)) return f;
  }
  return null;
}

/**
 * Whether a place fits the incident's mode. Only a warning: outlines at 1:50m miss small islands,
 * ports and rivers, so the person reporting decides.
 */
export function checkPlace(
  mode: string,
  lat: number,
  lon: number,
  countries: readonly CountryFeature[],
): PlaceCheck {
  if (mode !== 'land' && mode !== 'sea') return 'ok';
  const onLand = countryAt(lat, lon, countries) !== null;
  if (mode === 'land' && !onLand) return 'land_at_sea';
  if (mode === 'sea' && onLand) return 'sea_on_land';
  return 'ok';
}
