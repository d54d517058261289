import { describe, expect, it } from 'vitest';
import { clusterCells, figuresOf } from './clusters';

const cell = (lat: number, lon: number, over: Record<string, unknown> = {}) => ({
  lat,
  lon,
  degrees: 1,
  incidents: 3,
  migrants: 10,
  dead: 1,
  missing: null,
  suppressed: [] as string[],
  ...over,
});

describe('clusters of map cells', () => {
  it('gathers cells that would overlap into one marker that sums them', () => {
    const index = clusterCells([
      cell(14.5, -92.5),
      cell(15.5, -91.5, { dead: null, suppressed: ['dead'] }),
      cell(40.5, -3.5),
    ]);
    const atLowZoom = index.getClusters([-180, -85, 180, 85], 3);
    expect(atLowZoom).toHaveLength(2);
    const gathered = atLowZoom.find((f) => f.properties.incidents === 6);
    expect(gathered).toBeDefined();
    // One of the two withholds its dead: the sum is withheld too; missing was never known.
    expect(figuresOf(gathered?.properties ?? ({} as never))).toEqual({
      incidents: 6,
      migrants: 20,
      dead: null,
      missing: null,
      suppressed: ['dead'],
    });
    // Zoomed in, the two cells come apart.
    expect(index.getClusters([-95, 10, -88, 20], 9)).toHaveLength(2);
  });
});
