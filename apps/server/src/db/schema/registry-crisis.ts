/** A country's crisis thresholds and its level now (one row per country that set them). */
export interface RegistryCrisisStatesTable {
  country_code: string;
  /** JSON: the four levels, each with its thresholds and the directory entries to tell. */
  thresholds: string;
  thresholds_by: string | null;
  thresholds_at: string | null;
  /** 0 to 4. */
  level: number;
  level_since: string | null;
  /** JSON: why the level holds (the threshold met, or the declaration). */
  trigger: string;
  /** The level a supervisor declared, until lifted. */
  declared_level: number | null;
  declared_reason_enc: string | null;
  declared_by: string | null;
  declared_at: string | null;
  version: number;
  evaluated_at: string;
}

/** Every change of a country's crisis level, and every binational alert. */
export interface RegistryCrisisHistoryTable {
  id: string;
  country_code: string;
  /** 1, 2, 3… per country: the history's order. */
  seq: number;
  at: string;
  from_level: number;
  to_level: number;
  /** 'automatic' | 'declared' | 'lifted' | 'thresholds' | 'alert' */
  cause: string;
  /** JSON: the threshold met (or the declaration). */
  trigger: string;
  /** JSON: the figures of the country's centres at the time. */
  figures: string;
  by_user: string | null;
  reason_enc: string | null;
  /** How many accounts were told. */
  notified: number;
  alert_country: string | null;
  thread_id: string | null;
}
