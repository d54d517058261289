import type { AgenciesTable } from './agencies';
import type { AuditEventsTable } from './audit-events';
import type { CountriesTable } from './countries';
import type { LoginThrottleTable, SessionsTable } from './sessions';
import type { RecoveryCodesTable, UsersTable } from './users';

export interface Database {
  countries: CountriesTable;
  agencies: AgenciesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
}
