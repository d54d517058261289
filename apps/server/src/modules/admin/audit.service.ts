import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import {
  type AuditActor,
  type AuditEvent,
  type AuditObject,
  type AuditPage,
  type AuditQuery,
  auditLabel,
  isoWithOffset,
  type Locale,
  type LocalizedText,
  nextDay,
  zonedToUtc,
} from '@enlace/shared';
import { stringify } from 'csv-stringify';
import { inScope, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, withTx } from '../../platform/context';
import { neutralize } from '../incidents/incidents.export';
import {
  type AuditFilter,
  agenciesByIds,
  casesByIds,
  countAuditInScope,
  countriesByCodes,
  incidentsByIds,
  inventoriesByIds,
  lastAuditSeq,
  listAuditActors,
  listAuditInScope,
  usersByIds,
  vocabTermsByCodes,
} from './audit.repository';

type Row = Awaited<ReturnType<typeof listAuditInScope>>[number];

/** The query's filters as the repository takes them: days in the reader's zone → UTC instants. */
function toFilter(q: AuditQuery): AuditFilter {
  return {
    action: q.action,
    outcome: q.outcome,
    actorId: q.actor,
    objectType: q.objectType,
    objectId: q.objectId,
    from: q.from ? zonedToUtc(q.from, '00:00', q.tz) : undefined,
    until: q.to ? zonedToUtc(nextDay(q.to), '00:00', q.tz) : undefined,
  };
}

function localized(names: string, locale: Locale): string {
  const n = JSON.parse(names) as LocalizedText;
  return n[locale] || n.es || n.en || '';
}

function attemptedOf(row: Row): string | null {
  if (row.action !== 'access.denied' || !row.details) return null;
  const attempted = (JSON.parse(row.details) as Record<string, unknown>).attempted;
  return typeof attempted === 'string' ? attempted : null;
}

/**
 * Names the records a page of events is about, as the reader may see them: a reference, a name or
 * a code for what lies in their scope (nothing for the rest), and a link only where they may open
 * the record (an incident with `incidents.read`, a case with `cases.read`).
 */
async function objectNamer(ctx: Ctx, actor: Actor, rows: readonly Row[]) {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.object_type === type && r.object_id).map((r) => r.object_id as string)),
  ];
  const db = ctx.db.kysely;
  const labels = new Map<string, { label: string; href: string | null }>();
  const put = (type: string, id: string, label: string, href: string | null = null) =>
    labels.set(`${type}:${id}`, { label, href });
  const load = async <T>(keys: string[], fetch: (k: string[]) => Promise<T[]>, each: (r: T) => void) => {
    if (keys.length > 0) for (const r of await fetch(keys)) each(r);
  };
  const mayReadIncidents = actor.permissions.has('incidents.read');
  const mayReadCases = actor.permissions.has('cases.read');
  await load(
    ids('incident'),
    (k) => incidentsByIds(db, k),
    (r) => {
      if (inScope(actor, r.country_code))
        put('incident', r.id, r.reference, mayReadIncidents ? `/incidents/${r.id}` : null);
    },
  );
  await load(
    ids('case'),
    (k) => casesByIds(db, k),
    (r) => {
      if (inScope(actor, r.country_code))
        put('case', r.id, r.reference, mayReadCases ? `/cases/${r.id}` : null);
    },
  );
  await load(
    ids('user'),
    (k) => usersByIds(db, k),
    (r) => {
      if (inScope(actor, r.country_code)) put('user', r.id, r.display_name);
    },
  );
  await load(
    ids('agency'),
    (k) => agenciesByIds(db, k),
    (r) => {
      if (inScope(actor, r.country_code)) put('agency', r.id, r.acronym || localized(r.names, ctx.locale));
    },
  );
  await load(
    ids('data_inventory'),
    (k) => inventoriesByIds(db, k),
    (r) => {
      if (inScope(actor, r.country_code)) put('data_inventory', r.id, r.name, '/stats/databases');
    },
  );
  // Countries and vocabulary terms are reference data that every administrator reads.
  const codes = [
    ...new Set([...ids('country'), ...rows.map((r) => r.actor_country).filter((c) => c !== null)]),
  ];
  await load(
    codes,
    (k) => countriesByCodes(db, k),
    (r) => put('country', r.code, localized(r.names, ctx.locale)),
  );
  const terms = ids('vocabulary');
  await load(
    [...new Set(terms.map((t) => t.split(':')[1] ?? ''))],
    (k) => vocabTermsByCodes(db, k),
    (r) => put('vocabulary', `${r.vocabulary}:${r.code}`, localized(r.labels, ctx.locale)),
  );
  return (row: Row): AuditObject | null => {
    if (!row.object_type || !row.object_id) return null;
    const known = labels.get(`${row.object_type}:${row.object_id}`);
    const label = known?.label ?? (row.object_type === 'stats' ? row.object_id : null);
    return { type: row.object_type, id: row.object_id, label, href: known?.href ?? null };
  };
}

function presenter(ctx: Ctx, name: (row: Row) => AuditObject | null) {
  return (r: Row): AuditEvent => ({
    seq: Number(r.seq),
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorCountry: r.actor_country,
    action: r.action,
    actionLabel: auditLabel(ctx.locale, 'actions', r.action) ?? r.action,
    attempted: attemptedOf(r),
    object: name(r),
    purpose: r.purpose,
    // The audit writer only ever stores these three.
    outcome: r.outcome as AuditEvent['outcome'],
  });
}

/** The audit trail of the reader's scope, filtered and paged, each action in words. */
export async function getAuditEvents(ctx: Ctx, q: AuditQuery): Promise<AuditPage> {
  const actor = await requirePermission(ctx, 'audit.read');
  const filter = toFilter(q);
  const db = ctx.db.kysely;
  const [rows, total] = await Promise.all([
    listAuditInScope(db, actor, filter, { dir: q.dir, limit: q.limit, offset: q.offset }),
    countAuditInScope(db, actor, filter),
  ]);
  const present = presenter(ctx, await objectNamer(ctx, actor, rows));
  return { total, items: rows.map(present) };
}

/** Who appears as an actor in the reader's scope: the choices of the "user" filter. */
export async function getAuditActors(ctx: Ctx): Promise<AuditActor[]> {
  const actor = await requirePermission(ctx, 'audit.read');
  const rows = await listAuditActors(ctx.db.kysely, actor);
  return rows.map((r) => ({ id: r.id, name: r.display_name, countryCode: r.country_code }));
}

const EXPORT_PAGE = 1000;
const CSV_COLUMNS = [
  'seq',
  'occurredAt',
  'actor',
  'actorId',
  'actorCountry',
  'action',
  'actionCode',
  'attempted',
  'objectType',
  'object',
  'objectId',
  'outcome',
] as const;

/**
 * The audit trail for auditors, as CSV in the reader's language with dates in their time zone and
 * the same filters as the page. The export is itself audited (with its filters) before the first
 * row leaves, and reads the chain as it stood then, in pages (by sequence number), oldest first.
 */
export async function startAuditExport(ctx: Ctx, q: AuditQuery): Promise<(out: Writable) => Promise<number>> {
  const actor = await requirePermission(ctx, 'audit.read');
  const filter = toFilter(q);
  let maxSeq = 0;
  await withTx(ctx, async (trx, audit) => {
    maxSeq = await lastAuditSeq(trx);
    await audit({
      action: 'audit.exported',
      objectType: q.objectType ?? null,
      objectId: q.objectId ?? null,
      details: {
        action: q.action ?? null,
        outcome: q.outcome ?? null,
        actor: q.actor ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        tz: q.tz,
        upToSeq: maxSeq,
      },
    });
  });
  const locale = ctx.locale;
  const header = (c: string) => auditLabel(locale, 'csv', c) ?? c;
  return async (out) => {
    const csv = stringify({ bom: true });
    const done = pipeline(csv, out);
    const write = (cells: (string | number | null)[]) =>
      new Promise<void>((resolve) => {
        if (csv.write(cells.map((v) => (v === null ? '' : neutralize(v))))) resolve();
        else csv.once('drain', resolve);
      });
    await write(CSV_COLUMNS.map((c) => (c === 'occurredAt' ? `${header(c)} (${q.tz})` : header(c))));
    let count = 0;
    let afterSeq = 0;
    for (;;) {
      const rows = await listAuditInScope(
        ctx.db.kysely,
        actor,
        { ...filter, afterSeq, maxSeq },
        {
          dir: 'asc',
          limit: EXPORT_PAGE,
          offset: 0,
        },
      );
      const present = presenter(ctx, await objectNamer(ctx, actor, rows));
      for (const row of rows) {
        const e = present(row);
        await write([
          e.seq,
          isoWithOffset(e.occurredAt, q.tz),
          e.actorName ?? (e.actorId ? null : header('commandLine')),
          e.actorId,
          e.actorCountry,
          e.actionLabel,
          e.action,
          e.attempted,
          e.object ? (auditLabel(locale, 'objects', e.object.type) ?? e.object.type) : null,
          e.object?.label ?? null,
          e.object?.id ?? null,
          auditLabel(locale, 'outcomes', e.outcome) ?? e.outcome,
        ]);
        count++;
        afterSeq = e.seq;
      }
      if (rows.length < EXPORT_PAGE) break;
    }
    csv.end();
    await done;
    return count;
  };
}
