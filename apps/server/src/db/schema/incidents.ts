export interface VocabTermsTable {
  vocabulary: string;
  code: string;
  /** JSON {es, en, fr} */
  labels: string;
  /** JSON object of strings, e.g. an offence's category or a route's usual mode. */
  attributes: string;
  sort_order: number;
  active: number;
  created_at: string;
}

export interface IncidentsTable {
  id: string;
  /** The owning country (tenant). */
  country_code: string;
  reference: string;
  /** 'enlace' | 'missing_migrants' */
  source: string;
  external_id: string | null;
  kind: string;
  mode: string | null;
  /** Local calendar date, YYYY-MM-DD. */
  occurred_on: string;
  /** UTC instant, when the time is known. */
  occurred_at: string | null;
  time_zone: string | null;
  place_name: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Grid cell of 0.1°, for the map's point queries. */
  cell_x: number | null;
  cell_y: number | null;
  place_country: string | null;
  region: string | null;
  maritime_zone: string | null;
  /** JSON Conveyance or null. */
  conveyance: string | null;
  reporting_agency_id: string | null;
  source_name: string | null;
  source_url: string | null;
  source_quality: number | null;
  confidence: string | null;
  /** AES-256-GCM, purpose "incident.narrative". */
  narrative_enc: string | null;
  cause_of_death: string | null;
  route: string | null;
  origin_country: string | null;
  /** JSON array of ISO3 codes. */
  transit_countries: string;
  destination_country: string | null;
  migrants: number | null;
  females: number | null;
  males: number | null;
  children: number | null;
  unaccompanied_children: number | null;
  dead: number | null;
  missing: number | null;
  survivors: number | null;
  injured: number | null;
  smugglers_apprehended: number | null;
  /** JSON array of {sex, ageGroup, nationality, count}. */
  breakdown: string;
  /** JSON array of ISO3 codes declared besides those of the breakdown. */
  nationalities: string;
  /** JSON array of vocabulary codes. */
  modus_operandi: string;
  /** Every nationality involved (declared and in the breakdown) as ",GTM,HND,"; '' when none. */
  nationality_set: string;
  /** JSON: fields of an imported layout kept verbatim for export (Main ID, Region of Origin, …). */
  source_extra: string | null;
  version: number;
  is_demo: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  /** Search tokens (platform/search): words of clear fields, keyed hashes of the narrative's. */
  search_terms: string | null;
}

export interface IncidentLinksTable {
  incident_id: string;
  linked_id: string;
  relation: string;
  created_at: string;
  created_by: string | null;
}

export interface IncidentVersionsTable {
  id: string;
  incident_id: string;
  version: number;
  kind: string;
  recorded_at: string;
  recorded_by: string | null;
  /** Encrypted JSON [{field, before, after}], purpose "incident.history". */
  changes_enc: string;
  note_enc: string | null;
}
