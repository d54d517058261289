export interface AuditEventsTable {
  seq: number;
  occurred_at: string;
  actor_id: string | null;
  actor_country: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  purpose: string | null;
  outcome: string;
  ip: string | null;
  /** JSON; never personal data beyond identifiers. */
  details: string | null;
  prev_hash: string;
  entry_hash: string;
}
