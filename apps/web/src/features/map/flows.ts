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
