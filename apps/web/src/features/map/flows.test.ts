import { describe, expect, it } from 'vitest';
import {
  arrowHead,
  arrowSize,
  bezierPoint,
  controlPoint,
  flowCurve,
  flowLimit,
  flowWidth,
  legendSteps,
  maxFlowWidth,
  roundDown,
  selectFlows,
} from './flows';

describe('route flows as curved arrows', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };

  it('bows to the right of the direction of travel, so opposite flows do not overlap', () => {
    // Going right on a screen (y down), the right-hand side is below: y grows.
    expect(controlPoint(a, b, 0.2)).toEqual({ x: 50, y: 20 });
    expect(controlPoint(b, a, 0.2)).toEqual({ x: 50, y: -20 });
  });

  it('starts at the origin and ends at the destination, through the curve’s middle', () => {
    const line = flowCurve(a, b, { bend: 0.2, steps: 4 });
    expect(line).toHaveLength(5);
    expect(line[0]).toEqual(a);
    expect(line[4]).toEqual(b);
    // The middle of a quadratic Bézier lies halfway to its control point.
    expect(line[2]).toEqual({ x: 50, y: 10 });
    expect(bezierPoint(a, { x: 50, y: 20 }, b, 0.5)).toEqual({ x: 50, y: 10 });
  });

  it('stops the line where the arrowhead begins', () => {
    const line = flowCurve(a, b, { bend: 0, steps: 10, trim: 20 });
    expect(line.at(-1)?.x).toBeCloseTo(80);
  });

  it('points the arrowhead at the destination, along the curve on arrival', () => {
    const [left, tip, right] = arrowHead(a, b, { bend: 0, length: 10, width: 8 });
    expect(tip).toEqual(b);
    // A straight flow to the right: the base is 10 px before the tip, 4 px either side.
    expect(left.x).toBeCloseTo(90);
    expect(right.x).toBeCloseTo(90);
    expect(Math.abs(left.y - right.y)).toBeCloseTo(8);
    // A bent flow arrives from its control point (50, 20): its head leans that way.
    const [l2, , r2] = arrowHead(a, b, { bend: 0.2, length: 10, width: 8 });
    const base = { x: (l2.x + r2.x) / 2, y: (l2.y + r2.y) / 2 };
    expect(base.y).toBeGreaterThan(0);
    expect(Math.hypot(b.x - base.x, b.y - base.y)).toBeCloseTo(10);
  });

  it('grows the arrowhead with the line', () => {
    expect(arrowSize(12).length).toBeGreaterThan(arrowSize(2).length);
  });
});

describe('which route flows are drawn', () => {
  const flow = (origin: string | null, destination: string | null, incidents: number) => ({
    origin,
    destination,
    incidents,
  });
  // 40 routes from Guatemala, 1 to 40 incidents, and routes the map cannot draw.
  const flows = [
    ...Array.from({ length: 40 }, (_, i) => flow('GTM', `C${String(i).padStart(2, '0')}`, i + 1)),
    flow('GTM', 'GTM', 500),
    flow(null, 'MEX', 900),
    flow('HND', null, 900),
    flow('HND', 'XXX', 800),
    flow('HND', 'MEX', 0),
  ];
  const placeable = (iso3: string) => iso3 !== 'XXX';

  it('draws only the largest routes at the scale of the continent, more as one zooms in', () => {
    const far = selectFlows(flows, 3, placeable);
    expect(far.shown).toHaveLength(flowLimit(3));
    expect(far.shown.map((f) => f.incidents).sort((a, b) => b - a)).toEqual([40, 39, 38, 37, 36, 35]);
    expect(selectFlows(flows, 5, placeable).shown.length).toBeGreaterThan(far.shown.length);
    expect(selectFlows(flows, 8, placeable).shown).toHaveLength(30);
  });

  it('counts the routes left off and their incidents, and scales widths on the largest', () => {
    const far = selectFlows(flows, 3, placeable);
    expect(far.hidden).toBe(34);
    expect(far.hiddenIncidents).toBe((34 * 35) / 2);
    expect(far.largest).toBe(40);
  });

  it('never draws a route within one country, with an unknown end, one it cannot place, or an empty one', () => {
    const all = selectFlows(flows, 12, placeable);
    for (const f of all.shown) {
      expect(f.origin).not.toBeNull();
      expect(f.destination).not.toBeNull();
      expect(f.origin).not.toBe(f.destination);
      expect(f.destination).not.toBe('XXX');
      expect(f.incidents).toBeGreaterThan(0);
    }
  });

  it('draws the smaller flows last, on top of the larger ones', () => {
    const shown = selectFlows(flows, 4, placeable).shown.map((f) => f.incidents);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
  });

  it('keeps the same choice for routes of equal size', () => {
    const tied = [flow('SLV', 'MEX', 5), flow('BLZ', 'MEX', 5), flow('HND', 'MEX', 5)];
    const pick = (list: typeof tied) => selectFlows(list, 12).shown.map((f) => f.origin);
    expect(pick(tied)).toEqual(pick([...tied].reverse()));
  });
});

describe('flow widths and their legend', () => {
  it('widens a line with its incidents, up to a maximum that is thinner at low zoom', () => {
    expect(flowWidth(100, 100, 3)).toBe(maxFlowWidth(3));
    expect(flowWidth(100, 100, 8)).toBe(maxFlowWidth(8));
    expect(maxFlowWidth(3)).toBeLessThan(maxFlowWidth(8));
    expect(flowWidth(1, 100, 6)).toBeLessThan(flowWidth(25, 100, 6));
    expect(flowWidth(25, 100, 6)).toBeLessThan(flowWidth(100, 100, 6));
    expect(flowWidth(0, 0, 6)).toBe(1.5);
    // Width by the square root: a quarter of the incidents, about half the extra width.
    const extra = (n: number) => flowWidth(n, 100, 8) - 1.5;
    expect(extra(25)).toBeCloseTo(extra(100) / 2, 0);
  });

  it('shows the largest route and round numbers below it', () => {
    expect(roundDown(0.5)).toBe(0);
    expect(roundDown(7)).toBe(5);
    expect(roundDown(260)).toBe(200);
    expect(roundDown(1000)).toBe(1000);
    expect(legendSteps(1234)).toEqual([1234, 200, 50]);
    expect(legendSteps(3)).toEqual([3]);
    expect(legendSteps(0)).toEqual([]);
  });
});
