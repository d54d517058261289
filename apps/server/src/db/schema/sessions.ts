export interface SessionsTable {
  id: string;
  /** SHA-256 of the 256-bit cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  /** 'mfa_required' | 'mfa_enrolment_required' | 'password_change_required' | 'signed_in' */
  stage: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}
