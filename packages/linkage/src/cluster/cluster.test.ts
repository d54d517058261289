import { describe, expect, it } from 'vitest';
import { averageLinkage, clusterRecords, type Edge } from './cluster';

const edge = (x: number, y: number, weight: number): Edge => ({
  x,
  y,
  weight,
  probability: 1 / (1 + 2 ** -weight),
});

describe('clusterRecords', () => {
  it('groups records linked by strong matches', () => {
    const clusters = clusterRecords(5, [edge(0, 1, 20), edge(1, 2, 18), edge(3, 4, 15)], {
      threshold: 0.95,
      pairWeight: (x, y) => (x < 3 && y < 3 ? 12 : -20),
    });
    expect(clusters[0]).toBe(clusters[1]);
    expect(clusters[1]).toBe(clusters[2]);
    expect(clusters[3]).toBe(clusters[4]);
    expect(clusters[0]).not.toBe(clusters[3]);
  });

  it('does not chain a father and his son through a record without a birth date', () => {
    // 0 = father, 2 = son, 1 = a registration missing the date: it resembles both.
    const clusters = clusterRecords(3, [edge(0, 1, 12), edge(1, 2, 11)], {
      threshold: 0.95,
      pairWeight: () => -16,
    });
    expect(clusters[0]).not.toBe(clusters[2]);
    // The undated record joins the one it matches best.
    expect(clusters[1]).toBe(clusters[0]);
  });

  it('leaves records without links alone', () => {
    expect(Array.from(clusterRecords(3, [], { threshold: 0.9 }))).toEqual([0, 1, 2]);
  });

  it('ignores links below the threshold', () => {
    const clusters = clusterRecords(2, [edge(0, 1, 2)], { threshold: 0.95 });
    expect(clusters[0]).not.toBe(clusters[1]);
  });
});

describe('averageLinkage', () => {
  it('merges groups while their average weight reaches the threshold', () => {
    const w = [
      [0, 10, 10, -10],
      [10, 0, 10, -10],
      [10, 10, 0, -10],
      [-10, -10, -10, 0],
    ];
    const labels = averageLinkage(4, (a, b) => w[a]?.[b] ?? 0, 4);
    expect(labels[0]).toBe(labels[1]);
    expect(labels[1]).toBe(labels[2]);
    expect(labels[3]).not.toBe(labels[0]);
  });
});
