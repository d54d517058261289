import { describe, expect, it } from 'vitest';
import {
  cellCentre,
  coarsenSmallCells,
  type GridCell,
  isSmall,
  suppressColumn,
  suppressValue,
} from './suppression';

describe('small-cell suppression', () => {
  it('withholds counts of 1 to 4 persons, never zero or unknown', () => {
    expect([0, 1, 4, 5, null].map(isSmall)).toEqual([false, true, true, false, false]);
    expect(suppressValue(3)).toEqual({ value: null, suppressed: true });
    expect(suppressValue(12)).toEqual({ value: 12, suppressed: false });
    expect(suppressValue(null)).toEqual({ value: null, suppressed: false });
  });

  it('withholds a second cell when one alone would be revealed by the total', () => {
    expect(suppressColumn([3, 40, 12, 0])).toEqual({
      values: [null, 40, null, 0],
      suppressed: [true, false, true, false],
    });
  });

  it('needs no second cell when two or more are already withheld', () => {
    expect(suppressColumn([3, 2, 40])).toEqual({ values: [null, null, 40], suppressed: [true, true, false] });
  });

  it('leaves a column without small cells untouched', () => {
    expect(suppressColumn([5, 0, null, 100])).toEqual({
      values: [5, 0, null, 100],
      suppressed: [false, false, false, false],
    });
  });
});

describe('map cells: positions rounded to the cell', () => {
  const add = (a: GridCell & { n: number }, b: GridCell & { n: number }) => ({
    ...a,
    incidents: a.incidents + b.incidents,
    n: a.n + b.n,
  });

  it('draws a cell at its centre, never where an incident was', () => {
    expect(cellCentre(0, 0, 1)).toEqual({ lat: -89.5, lon: -179.5 });
    // Tapachula (14.905, −92.262) lies in the 0.2° cell (438, 524): centre 14.9, −92.3.
    expect(cellCentre(438, 524, 0.2)).toEqual({ lat: 14.9, lon: -92.3 });
    expect(cellCentre(17, 20, 5)).toEqual({ lat: 12.5, lon: -92.5 });
  });

  it('merges fine cells of fewer incidents than the threshold into their 1° cell', () => {
    const cells = [
      { cx: 438, cy: 524, incidents: 2, n: 1 },
      { cx: 439, cy: 524, incidents: 1, n: 1 },
      { cx: 437, cy: 523, incidents: 9, n: 1 },
      { cx: 450, cy: 524, incidents: 4, n: 1 },
    ];
    const out = coarsenSmallCells(cells, 0.2, 1, add);
    expect(out).toEqual([
      { cell: { cx: 437, cy: 523, incidents: 9, n: 1 }, degrees: 0.2 },
      { cell: { cx: 87, cy: 104, incidents: 3, n: 2 }, degrees: 1 },
      { cell: { cx: 90, cy: 104, incidents: 4, n: 1 }, degrees: 1 },
    ]);
    const centres = out.map((o) => cellCentre(o.cell.cx, o.cell.cy, o.degrees));
    expect(centres[1]).toEqual({ lat: 14.5, lon: -92.5 });
  });

  it('leaves cells of the coarse grid or coarser as they are', () => {
    const cells = [{ cx: 17, cy: 20, incidents: 1, n: 1 }];
    expect(coarsenSmallCells(cells, 5, 1, add)).toEqual([{ cell: cells[0], degrees: 5 }]);
    expect(coarsenSmallCells(cells, 1, 1, add)).toEqual([{ cell: cells[0], degrees: 1 }]);
  });
});
