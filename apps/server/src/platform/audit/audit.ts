import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditAction } from '@enlace/shared';
import type { AuditEventsTable } from '../../db/schema/audit-events';
import { sha256Hex } from '../crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actorId: string | null;
  actorCountry: string | null;
  action: AuditAction;
  objectType?: string | null;
  objectId?: string | null;
  purpose?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  ip?: string | null;
  /** Identifiers and codes only: never names, passwords or other personal data. */
  details?: Record<string, string | number | boolean | null>;
  occurredAt: string;
}

/** Canonical JSON: keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

type Row = AuditEventsTable;

/** The fields an entry's hash covers: every column but the hash itself. */
export function entryHash(row: Omit<Row, 'entry_hash'>): string {
  const { prev_hash, ...rest } = row;
  return sha256Hex(prev_hash + canonicalJson(rest));
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * Appends one event to the hash chain. Call it with the transaction that makes the change, so
 * the change and its record commit or roll back together. Appenders are serialised: an advisory
 * lock on PostgreSQL; on SQLite an empty write takes the database's write lock first.
 */
export async function appendAudit(trx: Kysely<Database>, dialect: Dialect, input: AuditInput): Promise<Row> {
  if (dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(7270001)`.execute(trx);
  } else {
    await sql`UPDATE login_throttle SET failures = failures WHERE 0 = 1`.execute(trx);
  }
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'entry_hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const base: Omit<Row, 'entry_hash'> = {
    seq: (last?.seq ?? 0) + 1,
    occurred_at: input.occurredAt,
    actor_id: input.actorId,
    actor_country: input.actorCountry,
    action: input.action,
    object_type: input.objectType ?? null,
    object_id: input.objectId ?? null,
    purpose: input.purpose ?? null,
    outcome: input.outcome ?? 'success',
    ip: input.ip ?? null,
    details: input.details ? canonicalJson(input.details) : null,
    prev_hash: last?.entry_hash ?? GENESIS_HASH,
  };
  const row: Row = { ...base, entry_hash: entryHash(base) };
  await trx.insertInto('audit_events').values(row).execute();
  return row;
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  /** The first entry that does not check out, and why. */
  broken?: { seq: number; reason: 'sequence_gap' | 'prev_hash_mismatch' | 'entry_hash_mismatch' };
}

/** Walks the whole chain in order, in pages, and names the first entry that does not check out. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, count, broken: { seq, reason: 'sequence_gap' } };
      if (row.prev_hash !== prev) return { ok: false, count, broken: { seq, reason: 'prev_hash_mismatch' } };
      const { entry_hash, ...rest } = row;
      if (entryHash({ ...rest, seq }) !== entry_hash) {
        return { ok: false, count, broken: { seq, reason: 'entry_hash_mismatch' } };
      }
      prev = entry_hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) return { ok: true, count };
  }
}
