/** The belongings inventory of one stay (migration 0018): a draft until a second officer verifies it. */
export interface RegistryBelongingsTable {
  stay_id: string;
  country_code: string;
  /** 'draft' | 'verified' */
  status: string;
  recorded_by: string;
  recorded_at: string;
  verified_by: string | null;
  verified_at: string | null;
  /** The receipt's number (e.g. MX-2026-000123), given at verification; unique. */
  receipt_number: string | null;
  /** When the receipt was first downloaded. */
  receipt_issued_at: string | null;
}

/** One item; a correction marks it superseded and records the new one (never deleted). */
export interface RegistryBelongingsItemsTable {
  id: string;
  stay_id: string;
  country_code: string;
  /** 1, 2, … in the order recorded within the stay's inventory. */
  number: number;
  /** 'cash' | 'document' | 'phone' | 'valuable' | 'other' */
  kind: string;
  description_enc: string;
  seal_number: string;
  /** Cash: ISO 4217 code and the amount as a decimal string (never a float). */
  currency: string | null;
  amount: string | null;
  document_type: string | null;
  document_number_enc: string | null;
  imei_enc: string | null;
  supersedes: string | null;
  superseded_by: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** A movement of the belongings (append-only). */
export interface RegistryBelongingsCustodyTable {
  id: string;
  stay_id: string;
  country_code: string;
  /** 'stored' | 'moved' | 'transferred' | 'handed_to_authority' */
  kind: string;
  place: string | null;
  authority: string | null;
  reference: string | null;
  from_centre_id: string | null;
  to_centre_id: string | null;
  /** JSON array of item ids, or null for all the items held. */
  item_ids: string | null;
  note_enc: string | null;
  at: string;
  by_user: string | null;
  recorded_at: string;
}

/** What became of an item at release: one row per item, never replaced. */
export interface RegistryBelongingsReturnsTable {
  item_id: string;
  stay_id: string;
  country_code: string;
  /** 'returned' | 'missing' | 'damaged' | 'retained' */
  outcome: string;
  reason_enc: string | null;
  authority: string | null;
  at: string;
  by_user: string;
  recorded_at: string;
}

/** The last receipt number of a country in a year. */
export interface RegistryReceiptCountersTable {
  country_code: string;
  year: number;
  last: number;
}
