/**
 * A person's travel or identity document (migration 0022): never deleted, withdrawn with a
 * reason. The number and the zone are encrypted with the purposes of the person's own columns
 * (`registry.person.document_number`, `registry.person.mrz`), so that the migration could copy
 * the registration's document here without decrypting it.
 */
export interface RegistryPersonDocumentsTable {
  id: string;
  person_id: string;
  country_code: string;
  kind: string;
  number_enc: string | null;
  issuing_country: string | null;
  expires_on: string | null;
  /** TD1 | TD2 | TD3, with the zone. */
  mrz_format: string | null;
  mrz_enc: string | null;
  /** JSON MrzFlag[] (null without a zone). */
  mrz_flags: string | null;
  /** current | withdrawn */
  status: string;
  withdrawn_reason_enc: string | null;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
  added_by: string | null;
  added_at: string;
}
