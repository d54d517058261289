import type { Pt } from './flows';
import { type LocalNames, localName } from './place-names';

/**
 * A place name of the basemap: name, latitude, longitude, population, ISO alpha-2 country, 1 for a
 * national capital (0 otherwise), and its names in the interface languages where they differ.
 */
export type Place = [string, number, number, number, string, 0 | 1, LocalNames?];

/** A first-level area's name at its label point: name, latitude, longitude, ISO alpha-3 country, names. */
export type AreaLabel = [string, number, number, string, LocalNames?];

/** The smallest town named at a zoom level: big cities first, towns as one zooms in. */
export function minPopulation(zoom: number): number {
  if (zoom <= 3) return 3_000_000;
  if (zoom === 4) return 1_000_000;
  if (zoom === 5) return 400_000;
  if (zoom === 6) return 150_000;
  if (zoom === 7) return 60_000;
  if (zoom === 8) return 30_000;
  return 15_000;
}

/** Whether the towns below 100,000 people (the second, larger file) are needed at this zoom. */
export const needsTowns = (zoom: number) => minPopulation(zoom) < 100_000;

/** Capitals are named from this zoom on, whatever their size (Belmopan has 13,000 people). */
export const CAPITALS_FROM = 3;
/** First-level areas are named from this zoom on. */
export const AREA_NAMES_FROM = 6;

export type LabelKind = 'capital' | 'city' | 'town' | 'area';

export interface Label {
  text: string;
  lat: number;
  lon: number;
  kind: LabelKind;
}

/** Width in pixels of a label's text; the browser measures it, tests and fallbacks estimate it. */
export type Measure = (text: string, kind: LabelKind) => number;
export const estimateWidth: Measure = (text, kind) => text.length * (kind === 'area' ? 7 : 6.5);

/**
 * The labels that may be shown at `zoom`, most important first: capitals, then cities of 100,000
 * people or more by size, then the first-level areas, then smaller towns. Each in `language`.
 * `places` is sorted by population, biggest first.
 */
export function labelCandidates(
  places: readonly Place[],
  areas: readonly AreaLabel[],
  zoom: number,
  language: string,
): Label[] {
  const smallest = minPopulation(zoom);
  const capitals: Label[] = [];
  const cities: Label[] = [];
  const towns: Label[] = [];
  for (const [name, lat, lon, population, , capital, names] of places) {
    const text = localName(name, names, language);
    if (capital === 1 && zoom >= CAPITALS_FROM) capitals.push({ text, lat, lon, kind: 'capital' });
    else if (population >= smallest) {
      (population >= 100_000 ? cities : towns).push({
        text,
        lat,
        lon,
        kind: population >= 1_000_000 ? 'city' : 'town',
      });
    }
  }
  const areaLabels: Label[] =
    zoom >= AREA_NAMES_FROM
      ? areas.map(([name, lat, lon, , names]) => ({
          text: localName(name, names, language),
          lat,
          lon,
          kind: 'area',
        }))
      : [];
  return [...capitals, ...cities, ...areaLabels, ...towns];
}

/** A box in the map's container pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The box a label takes on screen: a place's name starts right of its dot, an area's is centred. */
export function labelBox(label: Label, at: Pt, width: number): Box {
  if (label.kind === 'area')
    return { x0: at.x - width / 2, y0: at.y - 8, x1: at.x + width / 2, y1: at.y + 8 };
  return { x0: at.x - 4, y0: at.y - 8, x1: at.x + 10 + width, y1: at.y + 8 };
}

/** Labels closer than this (pixels) count as overlapping: names need air between them. */
const GAP = 3;
const overlaps = (a: Box, b: Box) =>
  a.x0 < b.x1 + GAP && a.x1 + GAP > b.x0 && a.y0 < b.y1 + GAP && a.y1 + GAP > b.y0;

/**
 * The labels to draw in view, in the order given (most important first), skipping any whose box
 * would overlap one already placed or an obstacle (the incident markers), so that no name ever
 * covers another or hides under a marker.
 */
export function pickLabels(
  candidates: readonly Label[],
  inView: (lat: number, lon: number) => boolean,
  project: (lat: number, lon: number) => Pt,
  measure: Measure = estimateWidth,
  obstacles: readonly Box[] = [],
  max = 150,
): { label: Label; at: Pt }[] {
  const taken: Box[] = [...obstacles];
  const out: { label: Label; at: Pt }[] = [];
  for (const label of candidates) {
    if (out.length >= max) break;
    if (!inView(label.lat, label.lon)) continue;
    const at = project(label.lat, label.lon);
    const box = labelBox(label, at, measure(label.text, label.kind));
    if (taken.some((b) => overlaps(box, b))) continue;
    taken.push(box);
    out.push({ label, at });
  }
  return out;
}
