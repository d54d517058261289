import type { Permission } from '@enlace/shared';
import type { StatsFilters } from './stats.queries';

/**
 * From a chart of the dashboard to the records behind a bar, point or slice: the incident list
 * (`/incidents?…`, its parameters named as incidentListQuerySchema) or the case list
 * (`/cases?stage=…`), with the dashboard's filters carried over and the clicked value added.
 *
 * A link is made only where the list can say the same thing as the chart. The incident list has
 * no filter for nationality, sex, age group, modus operandi or an origin → destination flow, nor
 * for "no named route"; the case list filters by stage only (no period, no country). Where the
 * chart or the dashboard's filters use one of those, there is no link (null) rather than a link
 * to more records than the chart counts. Nor is there one for a user who may not read the records.
 */

/** The value clicked, by the dimension of the chart. */
export type Clicked =
  | { dim: 'month'; value: string }
  | { dim: 'year'; value: string }
  | { dim: 'route' | 'country' | 'region' | 'mode' | 'kind' | 'source'; value: string | null };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Last day of a month YYYY-MM, as YYYY-MM-DD. */
export function monthEnd(month: string): string {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

export const monthStart = (month: string): string => `${month}-01`;

const later = (a: string | undefined, b: string) => (a && a > b ? a : b);
const earlier = (a: string | undefined, b: string) => (a && a < b ? a : b);

function search(params: Record<string, string | undefined>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) out.set(k, v);
  const s = out.toString();
  return s ? `?${s}` : '';
}

/**
 * The incident list of what a chart's value counts, or null when the list cannot show exactly
 * that (see above) or the user may not read incidents.
 */
export function incidentsLink(
  filters: StatsFilters,
  clicked: Clicked | null,
  permissions: ReadonlySet<Permission> | readonly Permission[],
): string | null {
  const may =
    'has' in permissions ? permissions.has('incidents.read') : permissions.includes('incidents.read');
  if (!may || filters.nationality) return null;
  let from = filters.from ? monthStart(filters.from) : undefined;
  let to = filters.to ? monthEnd(filters.to) : undefined;
  const params: Record<string, string | undefined> = {
    country: filters.country,
    region: filters.region,
    mode: filters.mode,
    route: filters.route,
    source: filters.source,
  };
  if (clicked) {
    if (clicked.dim === 'month' || clicked.dim === 'year') {
      const first = clicked.dim === 'month' ? clicked.value : `${clicked.value}-01`;
      const last = clicked.dim === 'month' ? clicked.value : `${clicked.value}-12`;
      if (!MONTH.test(first) || !MONTH.test(last)) return null;
      from = later(from, monthStart(first));
      to = earlier(to, monthEnd(last));
    } else {
      // The list cannot ask for "unknown" (no route, no region…).
      if (clicked.value === null || clicked.value === '') return null;
      params[clicked.dim] = clicked.value;
    }
  }
  return `/incidents${search({ from, to, ...params })}`;
}

/** The case list of one stage, or null when the dashboard's filters narrow cases the list cannot. */
export function casesLink(
  filters: StatsFilters,
  stage: string,
  permissions: ReadonlySet<Permission> | readonly Permission[],
): string | null {
  const may = 'has' in permissions ? permissions.has('cases.read') : permissions.includes('cases.read');
  // Cases are filtered by period and owner country on the dashboard; their list has neither.
  if (!may || filters.from || filters.to || filters.country) return null;
  return `/cases${search({ stage })}`;
}
