import type { Pt } from './flows';

/** A place name of the basemap: name, latitude, longitude, population, ISO alpha-2 country. */
export type Place = [string, number, number, number, string];

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

/**
 * The places to name in view, biggest first, skipping any whose label would overlap one already
 * placed (labels are estimated at 6.5 px a character, 16 px high). `places` is sorted by population.
 */
export function pickPlaces(
  places: readonly Place[],
  zoom: number,
  inView: (lat: number, lon: number) => boolean,
  project: (lat: number, lon: number) => Pt,
  max = 150,
): { place: Place; at: Pt }[] {
  const smallest = minPopulation(zoom);
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const out: { place: Place; at: Pt }[] = [];
  for (const place of places) {
    if (out.length >= max) break;
    const [name, lat, lon, population] = place;
    if (population < smallest) break;
    if (!inView(lat, lon)) continue;
    const at = project(lat, lon);
    const box = { x0: at.x - 4, y0: at.y - 8, x1: at.x + 10 + name.length * 6.5, y1: at.y + 8 };
    if (taken.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) continue;
    taken.push(box);
    out.push({ place, at });
  }
  return out;
}
