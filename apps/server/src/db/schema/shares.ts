/**
 * One explicit share of an object with another country (the platform's shares room): what is
 * shared, by whom, for what, and each step of its life (offered, accepted or declined, revoked).
 * Rows are never deleted: a revoked share is the record that it once was shared.
 */
export interface SharesTable {
  id: string;
  /** The capability's kind of object ('case', 'registry_person') and its id. */
  object_kind: string;
  object_id: string;
  /** The country that owns the object, and the one it is shared with. */
  owner_country: string;
  shared_with: string;
  /** A code of the capability's vocabulary of purposes, or null (shares older than the room). */
  purpose: string | null;
  /** The sharer's note, encrypted (it may describe a person or an investigation). */
  note_enc: string | null;
  /** JSON HandlingCodes when the object carries them, else null. */
  handling: string | null;
  /** JSON: what of the object is shared (the capability's own shape), or null for all of it. */
  extent: string | null;
  /** 1 when the receiving country must accept before anything is readable. */
  requires_acceptance: number;
  /** 'offered' | 'accepted' | 'declined' | 'revoked' */
  status: string;
  offered_by: string | null;
  offered_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
  declined_by: string | null;
  declined_at: string | null;
  /** The receiving country's note on accepting or declining, encrypted. */
  decision_note_enc: string | null;
  revoked_by: string | null;
  revoked_at: string | null;
}
