// The centre registry. Names, aliases, document numbers, reasons, attention and notes are
// encrypted at rest (platform/crypto, purpose-bound); sex, birth date, nationality and languages
// stay in clear for occupancy and the aggregates by sex, age group and nationality.

/** A centre: custody, shelter, attention, detention or an alternative to detention. */
export interface RegistryCentresTable {
  id: string;
  country_code: string;
  /** Unique within its country. */
  code: string;
  /** JSON {es, en, fr} */
  names: string;
  /** CENTRE_TYPES */
  type: string;
  agency_id: string | null;
  /** 'open' | 'full' | 'closed' (a closed centre keeps its residents) */
  status: string;
  places_adult_men: number;
  places_adult_women: number;
  places_families: number;
  places_unaccompanied_children: number;
  /** JSON array of CENTRE_SERVICES */
  services: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A dated declaration of a centre's resources (action 7); every declaration is kept. */
export interface RegistryCentreResourcesTable {
  id: string;
  centre_id: string;
  country_code: string;
  /** YYYY-MM-DD: the day the figures describe. */
  as_of: string;
  /** JSON [{role, count}] */
  staff: string;
  /** JSON [{line, year, amount, currency}] */
  budget: string;
  declared_by: string;
  declared_at: string;
}

/** A person known to a country's centres. */
export interface RegistryPersonsTable {
  id: string;
  country_code: string;
  given_names_enc: string;
  family_names_enc: string;
  document_given_names_enc: string | null;
  document_family_names_enc: string | null;
  /** Encrypted JSON array of names. */
  aliases_enc: string;
  /** 'male' | 'female' | 'other' */
  sex: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD as its precision allows */
  birth_date: string | null;
  /** 'exact' | 'year_month' | 'year' | 'estimated_age' */
  birth_date_precision: string;
  nationality: string;
  /** JSON array of ISO 3166 alpha-3 */
  other_nationalities: string;
  /** JSON array of ISO 639 codes */
  languages: string;
  document_number_enc: string | null;
  /** The person this record was merged into (duplicate review, later). */
  merged_into: string | null;
  created_by: string | null;
  created_at: string;
}

/**
 * A person's blocking keys (packages/linkage blockingKeys), as keyed hashes (the search room's
 * blind index): two persons sharing one are compared; the key itself never reaches the database.
 */
export interface RegistryPersonKeysTable {
  person_id: string;
  key: string;
  /** The person's country (migration 0023): a search counts one country's keys. */
  country_code: string | null;
  /** Whom the key counts for: the person, or the kept person they were merged into. */
  owner_id: string | null;
}

/** A stay from admission to release. */
export interface RegistryStaysTable {
  id: string;
  person_id: string;
  country_code: string;
  admitted_centre_id: string;
  /** Where the person is now (or was at release). */
  centre_id: string;
  /** CENTRE_UNITS: the place occupied */
  unit: string;
  admitted_at: string;
  referring_authority: string;
  incident_id: string | null;
  reason_enc: string;
  /** CUSTODY_TYPES */
  custody_type: string;
  /** Encrypted JSON {kinds, note?}: the attention decided at reception. */
  attention_enc: string;
  /** 'open' | 'released' */
  status: string;
  released_at: string | null;
  /** RELEASE_OUTCOMES */
  release_outcome: string | null;
  release_notes_enc: string | null;
  admitted_by: string | null;
  released_by: string | null;
  created_at: string;
}

/** A transfer between two centres of one country. */
export interface RegistryTransfersTable {
  id: string;
  stay_id: string;
  country_code: string;
  from_centre_id: string;
  to_centre_id: string;
  from_unit: string;
  to_unit: string;
  at: string;
  by_user: string | null;
  note_enc: string | null;
}

/** The identity check of a release the engine did not confirm, until a supervisor resolves it. */
export interface RegistryReleaseChecksTable {
  id: string;
  stay_id: string;
  country_code: string;
  /** 'pending' | 'confirmed' | 'rejected' */
  status: string;
  score: number;
  /** Encrypted JSON: what the person leaving said and showed. */
  identity_enc: string;
  /** Encrypted JSON: the engine's field-by-field explanation. */
  explanation_enc: string;
  /** The release asked for, recorded if a supervisor confirms the identity. */
  released_at: string;
  release_outcome: string;
  release_notes_enc: string | null;
  attempted_by: string | null;
  attempted_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_note_enc: string | null;
}
