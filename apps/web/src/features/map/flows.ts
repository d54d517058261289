/** A point in the map's pixel plane (Leaflet layer points): x to the right, y downwards. */
export interface Pt {
  x: number;
  y: number;
}

const lerp = (a: Pt, b: Pt, t: number): Pt => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/**
 * The control point of a flow's curve: off the middle of the chord, to the right of the direction
 * of travel by `bend` × its length, so that the flows A → B and B → A bow apart instead of
 * lying on one another.
 */
export function controlPoint(a: Pt, b: Pt, bend: number): Pt {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  // (−dy, dx) is the chord turned a quarter to the right on a screen whose y axis points down.
  return { x: (a.x + b.x) / 2 - dy * bend, y: (a.y + b.y) / 2 + dx * bend };
}

/** The point at t ∈ [0, 1] of the quadratic Bézier curve a → c → b. */
export function bezierPoint(a: Pt, c: Pt, b: Pt, t: number): Pt {
  return lerp(lerp(a, c, t), lerp(c, b, t), t);
}

/**
 * A flow drawn as a quadratic Bézier curve from a to b, as a polyline of `steps` segments. The line
 * stops `trim` pixels short of b, where its arrowhead begins.
 */
export function flowCurve(a: Pt, b: Pt, opts: { bend?: number; steps?: number; trim?: number } = {}): Pt[] {
  const { bend = 0.2, steps = 32, trim = 0 } = opts;
  const c = controlPoint(a, b, bend);
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const end = length > 0 ? Math.max(0, 1 - trim / length) : 1;
  const out: Pt[] = [];
  for (let i = 0; i <= steps; i++) out.push(bezierPoint(a, c, b, (end * i) / steps));
  return out;
}

/**
 * The arrowhead of a flow ending at b: a triangle [left, tip, right] whose tip is b, pointing
 * along the curve's direction on arrival (from its control point towards b).
 */
export function arrowHead(
  a: Pt,
  b: Pt,
  opts: { bend?: number; length: number; width: number },
): [Pt, Pt, Pt] {
  const c = controlPoint(a, b, opts.bend ?? 0.2);
  let dx = b.x - c.x;
  let dy = b.y - c.y;
  const norm = Math.hypot(dx, dy) || 1;
  dx /= norm;
  dy /= norm;
  const base = { x: b.x - dx * opts.length, y: b.y - dy * opts.length };
  const half = opts.width / 2;
  return [
    { x: base.x + dy * half, y: base.y - dx * half },
    { x: b.x, y: b.y },
    { x: base.x - dy * half, y: base.y + dx * half },
  ];
}

/** Size of a flow's arrowhead in pixels for a line of `weight` pixels. */
export function arrowSize(weight: number): { length: number; width: number } {
  return { length: 8 + weight * 1.6, width: 8 + weight * 1.8 };
}

/** How many route flows are drawn at a zoom level: few at the scale of the continent, more closer. */
export function flowLimit(zoom: number): number {
  if (zoom <= 3) return 6;
  if (zoom === 4) return 10;
  if (zoom === 5) return 16;
  return 30;
}

/** The widest flow line at a zoom level, in pixels: thin at the scale of the continent. */
export function maxFlowWidth(zoom: number): number {
  if (zoom <= 3) return 6;
  if (zoom === 4) return 8;
  if (zoom === 5) return 10;
  return 12;
}

const MIN_FLOW_WIDTH = 1.5;

/**
 * Line width of a flow: its square root share of the largest flow, so that the line's width grows
 * as an area does and four times the incidents read as twice the width; 1.5 px at least.
 */
export function flowWidth(incidents: number, largest: number, zoom: number): number {
  if (largest <= 0 || incidents <= 0) return MIN_FLOW_WIDTH;
  const max = maxFlowWidth(zoom);
  return (
    Math.round((MIN_FLOW_WIDTH + (max - MIN_FLOW_WIDTH) * Math.sqrt(Math.min(1, incidents / largest))) * 2) /
    2
  );
}

interface Flow {
  origin: string | null;
  destination: string | null;
  incidents: number;
}

export interface FlowSelection<F extends Flow> {
  /** The flows to draw, smallest first so that a thin line lies on top of a thick one. */
  shown: F[];
  /** Drawable flows left off at this zoom (they stay in the table), and their incidents. */
  hidden: number;
  hiddenIncidents: number;
  /** Incidents of the largest flow: the scale of every line's width. */
  largest: number;
}

/**
 * The route flows to draw at `zoom`: those with a known origin and destination in two different
 * countries that the map can place (`placeable`), the largest `flowLimit(zoom)` of them by
 * incidents (ties by origin and destination, so the choice is stable). The rest are counted, not
 * drawn; a country with no incident on a route is never drawn.
 */
export function selectFlows<F extends Flow>(
  flows: readonly F[],
  zoom: number,
  placeable: (iso3: string) => boolean = () => true,
): FlowSelection<F> {
  const drawable = flows
    .filter(
      (f) =>
        f.incidents > 0 &&
        f.origin &&
        f.destination &&
        f.origin !== f.destination &&
        placeable(f.origin) &&
        placeable(f.destination),
    )
    .sort(
      (a, b) =>
        b.incidents - a.incidents ||
        (a.origin ?? '').localeCompare(b.origin ?? '') ||
        (a.destination ?? '').localeCompare(b.destination ?? ''),
    );
  const limit = flowLimit(zoom);
  const kept = drawable.slice(0, limit);
  const rest = drawable.slice(limit);
  return {
    shown: kept.reverse(),
    hidden: rest.length,
    hiddenIncidents: rest.reduce((sum, f) => sum + f.incidents, 0),
    largest: drawable[0]?.incidents ?? 0,
  };
}

/** A round number at or below `v` (1, 2 or 5 times a power of ten), for a legend's steps. */
export function roundDown(v: number): number {
  if (v < 1) return 0;
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of [5, 2, 1]) if (m * power <= v) return m * power;
  return power;
}

/**
 * The incidents a flow legend shows widths for: the largest flow drawn, then round numbers of
 * about a quarter and a twentieth of it, distinct and at least 1 (fewer steps for small figures).
 */
export function legendSteps(largest: number): number[] {
  if (largest <= 0) return [];
  const steps = [largest, roundDown(largest / 4), roundDown(largest / 20)].filter((v) => v >= 1);
  return [...new Set(steps)];
}
