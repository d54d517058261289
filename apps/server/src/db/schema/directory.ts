/** A focal point of the network's directory (clear text: the network's shared phone book). */
export interface DirectoryEntriesTable {
  id: string;
  country_code: string;
  agency_id: string | null;
  /** JSON array of DIRECTORY_AREAS */
  areas: string;
  name: string;
  function: string;
  /** JSON array of ISO 639-1 codes */
  languages: string;
  /** JSON array of {kind, value, note?} */
  channels: string;
  availability: string | null;
  available_247: number;
  time_zone: string;
  user_id: string | null;
  verified_at: string;
  verified_by: string | null;
  /** When its country administrators were told it is stale (once per staleness). */
  stale_notified_at: string | null;
  is_demo: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  search_terms: string | null;
}

/** An authorisation of a liaison or prosecutor by their Ministry of Foreign Affairs (WP A2.2). */
export interface DirectoryAuthorisationsTable {
  id: string;
  user_id: string;
  country_code: string;
  authorised_by: string;
  note_reference: string;
  authorised_on: string;
  /** Its last valid day (YYYY-MM-DD). */
  valid_until: string;
  /** 'active' | 'expired' | 'revoked' */
  status: string;
  recorded_by: string | null;
  recorded_at: string;
  warned_at: string | null;
  revoked_at: string | null;
}
