/** Dimensions every rollup shares: '' stands for unknown. */
interface RollupFilters {
  /** yyyymm */
  month: number;
  country: string;
  region: string;
  mode: string;
  route: string;
  /** 'enlace' or the public source of imported records. */
  source: string;
}

type Counted<K extends string> = { [P in K | `${K}_known`]: number };

export interface StatsIncidentsTable
  extends RollupFilters,
    Counted<
      | 'migrants'
      | 'females'
      | 'males'
      | 'children'
      | 'unaccompanied_children'
      | 'dead'
      | 'missing'
      | 'survivors'
      | 'injured'
      | 'smugglers_apprehended'
    > {
  /** '*' for all incidents, else the incidents involving this nationality. */
  nat: string;
  kind: string;
  incidents: number;
}

export interface StatsFlowsTable extends RollupFilters, Counted<'migrants' | 'dead' | 'missing'> {
  nat: string;
  origin: string;
  destination: string;
  incidents: number;
}

export interface StatsPeopleTable extends RollupFilters {
  /** '*' for all persons, else the persons of this nationality. */
  nat: string;
  sex: string;
  age_group: string;
  persons: number;
}

export interface StatsPeopleNatTable extends RollupFilters {
  nationality: string;
  persons: number;
}

export interface StatsModusTable extends RollupFilters {
  nat: string;
  code: string;
  incidents: number;
}

export interface StatsGridTable extends RollupFilters, Counted<'migrants' | 'dead' | 'missing'> {
  nat: string;
  level: number;
  cx: number;
  cy: number;
  incidents: number;
  lat_sum: number;
  lon_sum: number;
}
