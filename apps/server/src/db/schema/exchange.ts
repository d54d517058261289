/** An exchange case: a subject (encrypted), an owner, a type, a priority, a reply deadline. */
export interface ExchangeThreadsTable {
  id: string;
  reference: string;
  owner_id: string;
  owner_country: string;
  type: string;
  priority: string;
  channel: string;
  status: string;
  subject_enc: string;
  reply_by: string | null;
  incident_id: string | null;
  case_id: string | null;
  created_at: string;
  updated_at: string;
  last_message_at: string;
  message_count: number;
  /** Search tokens of the subject and every message (blind index: keyed hashes, never words). */
  search_terms: string | null;
}

/** Who takes part: a user, an agency, a country or the whole network; removed ones keep their row. */
export interface ExchangeParticipantsTable {
  id: string;
  thread_id: string;
  kind: string;
  /** User id, agency id or country code; '*' for the network. */
  ref: string;
  added_by: string;
  added_at: string;
  removed_at: string | null;
}

export interface ExchangeMessagesTable {
  id: string;
  thread_id: string;
  author_id: string;
  author_country: string;
  body_enc: string;
  handling: string;
  restriction_enc: string | null;
  reliability: string;
  accuracy: string;
  /** The provider of the information: the author, or the original author of a forwarded message. */
  provider_id: string;
  forwarded_from: string | null;
  created_at: string;
}

/** Per thread and participant country: acknowledged, read, first replied; alerts given. */
export interface ExchangeReceiptsTable {
  thread_id: string;
  country_code: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  read_at: string | null;
  read_by: string | null;
  replied_at: string | null;
  alerted_soon_at: string | null;
  alerted_late_at: string | null;
}

/** When a user last read a thread (the list's unread mark). */
export interface ExchangeReadsTable {
  thread_id: string;
  user_id: string;
  read_at: string;
}
