import type { AgenciesTable } from './agencies';
import type { AuditEventsTable } from './audit-events';
import type {
  CaseAssetsTable,
  CaseEvidenceTable,
  CaseIncidentsTable,
  CaseStageEventsTable,
  CaseSuspectsTable,
  CasesTable,
  DataInventoryTable,
  EvidenceCustodyTable,
} from './cases';
import type { CountriesTable } from './countries';
import type { DirectoryAuthorisationsTable, DirectoryEntriesTable } from './directory';
import type {
  ExchangeMessagesTable,
  ExchangeParticipantsTable,
  ExchangeReadsTable,
  ExchangeReceiptsTable,
  ExchangeThreadsTable,
} from './exchange';
import type { FileChunksTable, FilesTable } from './files';
import type { IncidentLinksTable, IncidentsTable, IncidentVersionsTable, VocabTermsTable } from './incidents';
import type {
  HandlingPermissionsTable,
  JobRunsTable,
  JobScheduleTable,
  NotificationsTable,
} from './platform';
import type {
  RegistryCentreResourcesTable,
  RegistryCentresTable,
  RegistryPersonKeysTable,
  RegistryPersonsTable,
  RegistryReleaseChecksTable,
  RegistryStaysTable,
  RegistryTransfersTable,
} from './registry';
import type {
  RegistryDuplicatePairsTable,
  RegistryDuplicateScansTable,
  RegistryPersonMrzTable,
} from './registry-duplicates';
import type { RegistryCrisisHistoryTable, RegistryCrisisStatesTable } from './registry-crisis';
import type {
  RegistryBelongingsCustodyTable,
  RegistryBelongingsItemsTable,
  RegistryBelongingsReturnsTable,
  RegistryBelongingsTable,
  RegistryReceiptCountersTable,
} from './registry-belongings';
import type { RegistryAbroadTransfersTable } from './registry-shares';
import type { RegistryPersonDocumentsTable } from './registry-documents';
import type { LoginThrottleTable, SessionsTable } from './sessions';
import type { SharesTable } from './shares';
import type {
  StatsFlowsTable,
  StatsGridTable,
  StatsIncidentsTable,
  StatsModusTable,
  StatsPeopleNatTable,
  StatsPeopleTable,
} from './stats';
import type { RecoveryCodesTable, UsersTable } from './users';

export interface Database {
  countries: CountriesTable;
  agencies: AgenciesTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
  vocab_terms: VocabTermsTable;
  incidents: IncidentsTable;
  incident_links: IncidentLinksTable;
  incident_versions: IncidentVersionsTable;
  stats_incidents: StatsIncidentsTable;
  stats_flows: StatsFlowsTable;
  stats_people: StatsPeopleTable;
  stats_people_nat: StatsPeopleNatTable;
  stats_modus: StatsModusTable;
  stats_grid: StatsGridTable;
  cases: CasesTable;
  case_stage_events: CaseStageEventsTable;
  case_incidents: CaseIncidentsTable;
  case_suspects: CaseSuspectsTable;
  case_assets: CaseAssetsTable;
  case_evidence: CaseEvidenceTable;
  evidence_custody: EvidenceCustodyTable;
  data_inventory: DataInventoryTable;
  files: FilesTable;
  file_chunks: FileChunksTable;
  directory_entries: DirectoryEntriesTable;
  directory_authorisations: DirectoryAuthorisationsTable;
  job_schedule: JobScheduleTable;
  job_runs: JobRunsTable;
  notifications: NotificationsTable;
  handling_permissions: HandlingPermissionsTable;
  exchange_threads: ExchangeThreadsTable;
  exchange_participants: ExchangeParticipantsTable;
  exchange_messages: ExchangeMessagesTable;
  exchange_receipts: ExchangeReceiptsTable;
  exchange_reads: ExchangeReadsTable;
  registry_centres: RegistryCentresTable;
  registry_centre_resources: RegistryCentreResourcesTable;
  registry_persons: RegistryPersonsTable;
  registry_person_keys: RegistryPersonKeysTable;
  registry_stays: RegistryStaysTable;
  registry_transfers: RegistryTransfersTable;
  registry_release_checks: RegistryReleaseChecksTable;
  registry_duplicate_pairs: RegistryDuplicatePairsTable;
  registry_duplicate_scans: RegistryDuplicateScansTable;
  registry_person_mrz: RegistryPersonMrzTable;
  registry_crisis_states: RegistryCrisisStatesTable;
  registry_crisis_history: RegistryCrisisHistoryTable;
  registry_belongings: RegistryBelongingsTable;
  registry_belongings_items: RegistryBelongingsItemsTable;
  registry_belongings_custody: RegistryBelongingsCustodyTable;
  registry_belongings_returns: RegistryBelongingsReturnsTable;
  registry_receipt_counters: RegistryReceiptCountersTable;
  shares: SharesTable;
  registry_abroad_transfers: RegistryAbroadTransfersTable;
  registry_person_documents: RegistryPersonDocumentsTable;
}
