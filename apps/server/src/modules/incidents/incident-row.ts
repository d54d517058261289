import type { BreakdownEntry, Conveyance, IncidentState, IncidentSummary } from '@enlace/shared';
import { facetToken, type SearchFields } from '../../platform/search/search';
import { nationalitiesOf } from './incident-state';
import type { IncidentRow } from './incidents.repository';

/** Resolution of the incidents table's cell columns, for the map's point queries. */
export const POINT_CELL_DEGREES = 0.1;

export function pointCell(lat: number | null, lon: number | null): { x: number | null; y: number | null } {
  if (lat === null || lon === null) return { x: null, y: null };
  return {
    x: Math.floor((lon + 180) / POINT_CELL_DEGREES),
    y: Math.floor((lat + 90) / POINT_CELL_DEGREES),
  };
}

export interface RowMeta {
  id: string;
  countryCode: string;
  reference: string;
  source: 'enlace' | 'missing_migrants';
  externalId: string | null;
  sourceExtra: Record<string, string> | null;
  version: number;
  isDemo: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** ",GTM,HND," for filtering with LIKE '%,HND,%'. */
export function nationalitySet(s: IncidentState): string {
  const all = nationalitiesOf(s);
  return all.length ? `,${all.join(',')},` : '';
}

const json = (list: readonly unknown[]) => (list.length === 0 ? '[]' : JSON.stringify(list));

/** The texts an incident is found by: clear fields by word prefix, the narrative by keyed hashes. */
export function searchFieldsOf(
  s: IncidentState,
  meta: { reference: string; countryCode: string; source: string },
): SearchFields {
  return {
    plain: [
      meta.reference,
      s.place.name,
      s.conveyance?.name,
      s.conveyance?.registration,
      s.conveyance?.model,
    ],
    secret: [s.narrative],
    owner: meta.countryCode,
    facets: incidentFacets(s, meta.source),
  };
}

/**
 * The facet tokens of an incident: the values its list filters by (`incidentsMatching`). The
 * migration 0024 writes the same tokens from the columns, in SQL: keep the two alike.
 */
export function incidentFacets(s: IncidentState, source: string): string[] {
  const out = [facetToken('k', s.kind), facetToken('s', source)];
  if (s.mode) out.push(facetToken('m', s.mode));
  if (s.route.code) out.push(facetToken('r', s.route.code));
  if (s.place.countryCode) out.push(facetToken('c', s.place.countryCode));
  if (s.place.region) out.push(facetToken('g', s.place.region));
  return out;
}

/** The row for a state; the narrative arrives already encrypted, the search tokens computed. */
export function rowOf(
  s: IncidentState,
  meta: RowMeta,
  narrativeEnc: string | null,
  searchTerms: string | null,
): IncidentRow {
  const cell = pointCell(s.place.latitude, s.place.longitude);
  return {
    id: meta.id,
    country_code: meta.countryCode,
    reference: meta.reference,
    source: meta.source,
    external_id: meta.externalId,
    kind: s.kind,
    mode: s.mode,
    occurred_on: s.occurredOn,
    occurred_at: s.occurredAt,
    time_zone: s.timeZone,
    place_name: s.place.name,
    latitude: s.place.latitude,
    longitude: s.place.longitude,
    cell_x: cell.x,
    cell_y: cell.y,
    place_country: s.place.countryCode,
    region: s.place.region,
    maritime_zone: s.place.maritimeZone,
    conveyance: s.conveyance ? JSON.stringify(s.conveyance) : null,
    reporting_agency_id: s.reportingAgencyId,
    source_name: s.source.name,
    source_url: s.source.url,
    source_quality: s.source.quality,
    confidence: s.confidence,
    narrative_enc: narrativeEnc,
    cause_of_death: s.causeOfDeath,
    route: s.route.code,
    origin_country: s.route.origin,
    transit_countries: json(s.route.transit),
    destination_country: s.route.destination,
    migrants: s.people.migrants,
    females: s.people.females,
    males: s.people.males,
    children: s.people.children,
    unaccompanied_children: s.people.unaccompaniedChildren,
    dead: s.people.dead,
    missing: s.people.missing,
    survivors: s.people.survivors,
    injured: s.people.injured,
    smugglers_apprehended: s.people.smugglersApprehended,
    breakdown: json(s.breakdown),
    nationalities: json(s.nationalities),
    modus_operandi: json(s.modusOperandi),
    nationality_set: nationalitySet(s),
    source_extra: meta.sourceExtra ? JSON.stringify(meta.sourceExtra) : null,
    version: meta.version,
    is_demo: meta.isDemo ? 1 : 0,
    created_at: meta.createdAt,
    created_by: meta.createdBy,
    updated_at: meta.updatedAt,
    updated_by: meta.updatedBy,
    search_terms: searchTerms,
  };
}

const num = (v: number | null) => (v === null ? null : Number(v));

/** The state a row holds; the narrative arrives already decrypted. */
export function stateOfRow(row: IncidentRow, narrative: string | null): IncidentState {
  return {
    kind: row.kind,
    mode: row.mode as IncidentState['mode'],
    occurredOn: row.occurred_on,
    occurredAt: row.occurred_at,
    timeZone: row.time_zone,
    place: {
      name: row.place_name,
      latitude: num(row.latitude),
      longitude: num(row.longitude),
      countryCode: row.place_country,
      region: row.region,
      maritimeZone: row.maritime_zone,
    },
    conveyance: row.conveyance ? (JSON.parse(row.conveyance) as Conveyance) : null,
    reportingAgencyId: row.reporting_agency_id,
    source: { name: row.source_name, url: row.source_url, quality: num(row.source_quality) },
    confidence: row.confidence as IncidentState['confidence'],
    narrative,
    people: {
      migrants: num(row.migrants),
      females: num(row.females),
      males: num(row.males),
      children: num(row.children),
      unaccompaniedChildren: num(row.unaccompanied_children),
      dead: num(row.dead),
      missing: num(row.missing),
      survivors: num(row.survivors),
      injured: num(row.injured),
      smugglersApprehended: num(row.smugglers_apprehended),
    },
    breakdown: JSON.parse(row.breakdown) as BreakdownEntry[],
    nationalities: JSON.parse(row.nationalities) as string[],
    modusOperandi: JSON.parse(row.modus_operandi) as string[],
    route: {
      code: row.route,
      origin: row.origin_country,
      transit: JSON.parse(row.transit_countries) as string[],
      destination: row.destination_country,
    },
    causeOfDeath: row.cause_of_death,
  };
}

export function summaryOfRow(row: IncidentRow): IncidentSummary {
  return {
    id: row.id,
    countryCode: row.country_code,
    reference: row.reference,
    kind: row.kind,
    mode: row.mode as IncidentSummary['mode'],
    occurredOn: row.occurred_on,
    placeName: row.place_name,
    placeCountry: row.place_country,
    route: row.route,
    migrants: num(row.migrants),
    dead: num(row.dead),
    missing: num(row.missing),
    source: row.source as IncidentSummary['source'],
    version: Number(row.version),
  };
}
