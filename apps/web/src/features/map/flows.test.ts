import { describe, expect, it } from 'vitest';
import { arrowHead, arrowSize, bezierPoint, controlPoint, flowCurve } from './flows';

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
