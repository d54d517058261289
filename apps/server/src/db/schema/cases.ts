export interface CasesTable {
  id: string;
  country_code: string;
  reference: string;
  title: string;
  /** AES-256-GCM, purpose "case.summary". */
  summary_enc: string | null;
  stage: string;
  opened_on: string;
  /** yyyymm of opened_on. */
  month: number;
  judged_on: string | null;
  days_to_judgment: number | null;
  /** JSON array of offence codes. */
  offences: string;
  /** JSON array of {countryCode, role}. */
  countries: string;
  financial_investigation: number;
  /** JSON {name, establishedOn} or null. */
  joint_team: string | null;
  version: number;
  is_demo: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  /** Search tokens (platform/search): reference and title; keyed hashes of summary and suspects. */
  search_terms: string | null;
}

export interface CaseStageEventsTable {
  id: string;
  case_id: string;
  stage: string;
  occurred_on: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface CaseIncidentsTable {
  case_id: string;
  incident_id: string;
}

export interface CaseSuspectsTable {
  id: string;
  case_id: string;
  country_code: string;
  month: number;
  kind: string;
  /** AES-256-GCM, purpose "case.suspect.name". */
  name_enc: string;
  nationality: string | null;
  role: string;
  defendant: number;
  /** JSON array of offence codes. */
  charges: string;
  outcome: string;
  outcome_on: string | null;
  sentence_months: number | null;
  fine_minor: number | null;
  fine_currency: string | null;
  created_at: string;
}

export interface CaseAssetsTable {
  id: string;
  case_id: string;
  country_code: string;
  month: number;
  kind: string;
  description_enc: string | null;
  status: string;
  value_minor: number | null;
  currency: string | null;
  identified_on: string | null;
  seized_on: string | null;
  confiscated_on: string | null;
  released_on: string | null;
  created_at: string;
}

export interface CaseEvidenceTable {
  id: string;
  case_id: string;
  kind: string;
  description_enc: string;
  sha256: string | null;
  collected_at: string;
  created_at: string;
  created_by: string | null;
}

export interface EvidenceCustodyTable {
  id: string;
  evidence_id: string;
  seq: number;
  holder_enc: string;
  from_at: string;
  to_at: string | null;
  purpose_enc: string | null;
  hash_verified: number | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface DataInventoryTable {
  id: string;
  country_code: string;
  name: string;
  owner_agency: string;
  description: string | null;
  coverage: string | null;
  coverage_from: number | null;
  coverage_to: number | null;
  /** JSON array of field names. */
  fields: string;
  update_frequency: string;
  sharing_status: string;
  quality: string;
  quality_notes: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}
