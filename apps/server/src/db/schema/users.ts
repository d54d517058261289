export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  country_code: string;
  agency_id: string | null;
  locale: string;
  /** IANA zone the user reads instants in (migration 0009); null: the browser's. */
  time_zone: string | null;
  status: string;
  /** TOTP secret, AES-256-GCM encrypted (platform/crypto). */
  mfa_secret_enc: string | null;
  mfa_enabled: number;
  /** Last accepted TOTP time step: a code is accepted once. */
  mfa_last_step: number | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
  /** 1 when an administrator set the password: its owner must change it at the next sign-in. */
  must_change_password: number;
  /** 1 when the user wants an e-mail (without content) when a notification waits for them. */
  email_notifications: number;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}
