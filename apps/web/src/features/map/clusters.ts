import type { MapStats } from '@enlace/shared';
import Supercluster from 'supercluster';

type Cell = MapStats['cells'][number];
type Measure = 'migrants' | 'dead' | 'missing';
const MEASURES: readonly Measure[] = ['migrants', 'dead', 'missing'];

/** What a marker says: the cells it gathers, summed. */
export interface ClusterFigures {
  incidents: number;
  migrants: number | null;
  dead: number | null;
  missing: number | null;
  /** Measures withheld in any cell gathered: withheld for the whole cluster too. */
  suppressed: Measure[];
}

interface Props {
  incidents: number;
  migrants: number;
  dead: number;
  missing: number;
  /** Bits: 1 migrants, 2 dead, 4 missing. */
  known: number;
  withheld: number;
}

const bit = (m: Measure) => 1 << MEASURES.indexOf(m);

function propsOf(c: Cell): Props {
  let known = 0;
  let withheld = 0;
  for (const m of MEASURES) {
    if (c[m] !== null) known |= bit(m);
    if (c.suppressed.includes(m)) withheld |= bit(m);
  }
  return {
    incidents: c.incidents,
    migrants: c.migrants ?? 0,
    dead: c.dead ?? 0,
    missing: c.missing ?? 0,
    known,
    withheld,
  };
}

export function figuresOf(p: Props): ClusterFigures {
  const value = (m: Measure) => (p.withheld & bit(m) ? null : p.known & bit(m) ? p[m] : null);
  return {
    incidents: p.incidents,
    migrants: value('migrants'),
    dead: value('dead'),
    missing: value('missing'),
    suppressed: MEASURES.filter((m) => p.withheld & bit(m)),
  };
}

export type CellIndex = Supercluster<Props, Props>;

/**
 * The server's grid cells gathered by supercluster, so that markers never overlap: cells closer
 * than `radius` pixels at a zoom (more than the widest marker) become one marker that sums them.
 */
export function clusterCells(cells: readonly Cell[], radius = 80): CellIndex {
  const index = new Supercluster<Props, Props>({
    radius,
    // Leaflet's tiles are 256 px: with that extent, the radius is in the map's own pixels.
    extent: 256,
    maxZoom: 12,
    minPoints: 2,
    map: (p) => ({ ...p }),
    reduce: (acc, p) => {
      acc.incidents += p.incidents;
      acc.migrants += p.migrants;
      acc.dead += p.dead;
      acc.missing += p.missing;
      acc.known |= p.known;
      acc.withheld |= p.withheld;
    },
  });
  index.load(
    cells.map((c) => ({
      type: 'Feature' as const,
      properties: propsOf(c),
      geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] },
    })),
  );
  return index;
}
