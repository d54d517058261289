/** One row per scheduled job: when it runs next, and which server holds it while it runs. */
export interface JobScheduleTable {
  name: string;
  /** The cron expression the row was planned with (a changed schedule re-plans it). */
  schedule: string;
  next_run_at: string;
  /** The server running it now, and until when its lease holds (a crashed server's lease lapses). */
  lease_owner: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  /** 'ok' | 'failed' */
  last_outcome: string | null;
  runs: number;
}

/** Every run of a job: which server ran it, when, and what it did (counts, never personal data). */
export interface JobRunsTable {
  id: string;
  name: string;
  server_id: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
  /** JSON object of counts, or the error's message. */
  summary: string | null;
}

/**
 * An in-app notice for one user. It names the kind of event and the object, never its content:
 * the user opens the object in Enlace, where access is checked again.
 */
export interface NotificationsTable {
  id: string;
  user_id: string;
  /** A code of the catalogue in packages/shared (NOTIFICATION_KINDS). */
  kind: string;
  object_type: string | null;
  object_id: string | null;
  /** JSON object of non-personal values for the label (a reference, a count, a date). */
  params: string;
  created_at: string;
  read_at: string | null;
  /** 'none' (no e-mail wanted or possible) | 'pending' | 'sent' | 'failed' */
  email_state: string;
}

/**
 * A request to the provider of a coded item for an action its handling code reserves (forwarding
 * an H2 message, using an H1 item in court), and the provider's answer.
 */
export interface HandlingPermissionsTable {
  id: string;
  /** The capability's kind of item ('exchange_message') and its id. */
  item_type: string;
  item_id: string;
  /** 'forward' | 'export' | 'court' */
  action: string;
  /** What the permission is for, when the action has a destination (a thread, a case), or null. */
  target: string | null;
  requested_by: string;
  requested_at: string;
  /** Why the requester needs it, encrypted (it may describe an investigation). */
  reason_enc: string;
  /** The provider who decides: the item's originator. */
  decider_id: string;
  /** 'pending' | 'granted' | 'refused' */
  status: string;
  decided_at: string | null;
  note_enc: string | null;
}
