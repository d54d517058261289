// The duplicate review and the machine-readable zones of travel documents (migration 0019).

/** A pair of persons of one country the engine takes for possibly the same, and its decision. */
export interface RegistryDuplicatePairsTable {
  id: string;
  country_code: string;
  /** The earlier registration (the smaller, time-ordered id): the person kept by a merge. */
  person_a: string;
  person_b: string;
  /** The engine's match probability when found, and its weight of evidence in bits. */
  score: number;
  total: number;
  /** 'pending' | 'same_person' (merged) | 'different' (never proposed again) */
  status: string;
  found_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note_enc: string | null;
  /** For a merge: who was kept and who now points at them (merged_into). */
  kept_person: string | null;
  merged_person: string | null;
}

/** Up to when a country's registrations were scanned for duplicates. */
export interface RegistryDuplicateScansTable {
  country_code: string;
  scanned_until: string;
}

/** A person's travel document MRZ (encrypted) and the flags of its check, never corrected. */
export interface RegistryPersonMrzTable {
  person_id: string;
  /** TD1 | TD2 | TD3 */
  format: string;
  mrz_enc: string;
  /** JSON MrzFlag[] */
  flags: string;
  checked_at: string;
}
