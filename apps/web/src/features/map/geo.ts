import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ISO_NUMERIC_TO_ALPHA3 } from './iso-numeric';

export interface CountryProps {
  iso3: string | null;
  name: string;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProps>;

/** world-atlas's TopoJSON → GeoJSON countries, each with its ISO alpha-3 code (when it has one). */
export function countryFeatures(topology: Topology): FeatureCollection<Polygon | MultiPolygon, CountryProps> {
  const object = topology.objects.countries as GeometryCollection<{ name: string }>;
  const collection = feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({
      ...f,
      properties: {
        name: f.properties?.name ?? '',
        iso3: f.id !== undefined ? (ISO_NUMERIC_TO_ALPHA3[String(f.id).padStart(3, '0')] ?? null) : null,
      },
    })),
  };
}

/** Signed area and centroid of a ring of [lon, lat] positions (planar: fine for a label point). */
function ringCentroid(ring: Position[]): { area: number; lon: number; lat: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) {
    const [x = 0, y = 0] = ring[0] ?? [];
    return { area: 0, lon: x, lat: y };
  }
  return { area: Math.abs(area), lon: cx / (6 * area), lat: cy / (6 * area) };
}

/** Where a country's route flows start and end: the centroid of its largest polygon (its mainland). */
export function centroidOf(f: CountryFeature): [number, number] {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = { area: -1, lon: 0, lat: 0 };
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer) continue;
    const c = ringCentroid(outer);
    if (c.area > best.area) best = c;
  }
  return [best.lat, best.lon];
}

/** Diameter in pixels of a cluster marker by its number of incidents. */
export function clusterSize(incidents: number): number {
  return Math.round(26 + 8 * Math.log10(Math.max(1, incidents)) * 2);
}

/**
 * Longitudes of a line or ring made continuous: where two neighbours are more than 180° apart
 * (the line crosses the antimeridian, as Fiji's and Chukotka's do), the rest is shifted by 360°.
 * Leaflet draws on a plane, so a jump from 179.9° to −179.9° would otherwise cross the whole map.
 */
export function unwrapLongitudes(line: readonly Position[]): Position[] {
  let shift = 0;
  let previous: number | null = null;
  return line.map(([lon = 0, lat = 0, ...rest]) => {
    if (previous !== null) {
      const step = lon + shift - previous;
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    previous = lon + shift;
    return [lon + shift, lat, ...rest];
  });
}

type Drawable = Polygon | MultiPolygon | LineString | MultiLineString;

/** A geometry whose every line and ring has continuous longitudes (see unwrapLongitudes). */
export function unwrapGeometry<G extends Drawable>(g: G): G {
  switch (g.type) {
    case 'LineString':
      return { ...g, coordinates: unwrapLongitudes(g.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(unwrapLongitudes) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapLongitudes)) };
    default:
      return g;
  }
}
