import type { Locale } from './enums';
import { resources } from './locales';

/**
 * Every action code the server writes to the audit trail, and the kind of object each one names.
 * The audit writer only accepts these codes (AuditInput.action is typed by this list), and a test
 * fails when one lacks its label in any language (locales/*.json → auditActions).
 */
export const AUDIT_ACTIONS = [
  'access.denied',
  'agency.created',
  'agency.updated',
  'audit.exported',
  'auth.mfa_enabled',
  'auth.mfa_enrolment_started',
  'auth.mfa_verified',
  'auth.password_changed',
  'auth.recovery_codes_replaced',
  'auth.session_ended',
  'auth.sign_in',
  'auth.sign_out',
  'case.asset_added',
  'case.asset_removed',
  'case.asset_updated',
  'case.created',
  'case.custody_transferred',
  'case.evidence_added',
  'case.read',
  'case.share_revoked',
  'case.shared',
  'case.stage_changed',
  'case.suspect_added',
  'case.suspect_removed',
  'case.suspect_updated',
  'case.updated',
  'country.updated',
  'directory.authorisation_expired',
  'directory.authorisation_recorded',
  'directory.authorisation_revoked',
  'directory.entry_created',
  'directory.entry_updated',
  'directory.entry_verified',
  'directory.exported',
  'exchange.acknowledged',
  'exchange.message_forwarded',
  'exchange.message_posted',
  'exchange.thread_created',
  'exchange.thread_exported',
  'exchange.thread_read',
  'exchange.thread_updated',
  'file.downloaded',
  'file.uploaded',
  'files.purged',
  'handling.permission_granted',
  'handling.permission_refused',
  'handling.permission_requested',
  'incident.corrected',
  'incident.created',
  'incident.deleted',
  'incident.follow_up',
  'incident.history_read',
  'incident.linked',
  'incident.read',
  'incident.unlinked',
  'incidents.exported',
  'incidents.imported',
  'inventory.created',
  'inventory.deleted',
  'inventory.updated',
  'registry.belongings_custody_recorded',
  'registry.belongings_discrepancies_read',
  'registry.belongings_discrepancy_recorded',
  'registry.belongings_item_corrected',
  'registry.belongings_item_recorded',
  'registry.belongings_read',
  'registry.belongings_receipt_downloaded',
  'registry.belongings_receipt_issued',
  'registry.belongings_returned',
  'registry.belongings_verified',
  'registry.centre_created',
  'registry.centre_resources_declared',
  'registry.person_created',
  'registry.person_read',
  'registry.person_photo_added',
  'registry.residents_read',
  'registry.persons_searched',
  'registry.release_check_failed',
  'registry.release_checks_read',
  'registry.release_check_resolved',
  'registry.stay_admitted',
  'registry.stay_read',
  'registry.stay_released',
  'registry.stay_transferred',
  'registry.duplicates_scanned',
  'registry.duplicates_listed',
  'registry.duplicate_judged_different',
  'registry.duplicate_merged',
  'registry.duplicate_merge_undone',
  'registry.crisis_thresholds_set',
  'registry.crisis_level_changed',
  'registry.crisis_declared',
  'registry.crisis_lifted',
  'registry.crisis_alert_sent',
  'stats.exported',
  'user.created',
  'user.disabled',
  'user.locale_changed',
  'user.mfa_reset',
  'user.time_zone_changed',
  'user.updated',
  'vocabulary.term_added',
  'vocabulary.term_updated',
  'registry.person_shared',
  'registry.person_share_revoked',
  'registry.transfer_offered',
  'registry.transfer_accepted',
  'registry.transfer_declined',
  'registry.transfer_withdrawn',
  'registry.person_document_added',
  'registry.person_document_withdrawn',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of object an audit event can name (audit_events.object_type). */
export const AUDIT_OBJECT_TYPES = [
  'agency',
  'case',
  'country',
  'data_inventory',
  'directory_authorisation',
  'directory_entry',
  'exchange_message',
  'exchange_thread',
  'file',
  'handling_request',
  'incident',
  'registry_centre',
  'registry_person',
  'registry_stay',
  'registry_duplicate_pair',
  'registry_crisis',
  'session',
  'stats',
  'user',
  'vocabulary',
  'share',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

type LabelGroup = 'actions' | 'objects' | 'outcomes' | 'csv';

/**
 * The words for an audit code in a language (server bundles, `audit.<group>.<code>`), or null when
 * there are none: an unknown code is shown as itself rather than hidden.
 */
export function auditLabel(locale: Locale, group: LabelGroup, code: string): string | null {
  let node: unknown = (resources[locale] as { audit: Record<LabelGroup, unknown> }).audit[group];
  for (const part of code.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}
