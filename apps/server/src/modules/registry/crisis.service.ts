import {
  CRISIS_ALERT_LEVEL,
  CRISIS_LEVELS,
  type Crisis,
  type CrisisAlert,
  type CrisisAlertInput,
  type CrisisCause,
  type CrisisDeclarationInput,
  type CrisisFigures,
  type CrisisHistoryEntry,
  type CrisisLevelThreshold,
  type CrisisThresholds,
  type CrisisThresholdsInput,
  type CrisisTrigger,
  can,
  crisisAlertInputSchema,
  crisisDeclarationInputSchema,
  crisisOrderErrors,
  crisisThresholdsInputSchema,
  type Locale,
  type Role,
} from '@enlace/shared';
import { requirePermission } from '../../platform/authz/access';
import { type AuditEvent, type Ctx, type Deps, nowIso, type Tx, withTx } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import { AppError, conflict, type FieldError, invalidFields } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { uuidv7 } from '../../platform/ids';
import { notify } from '../../platform/notifications/notifications.service';
import { findCountry } from '../admin/admin.repository';
import { mayExchange } from '../directory/directory.service';
import { createThread } from '../exchange/exchange.service';
import {
  activeAccounts,
  admissionsBetween,
  alertableCountries,
  type CrisisStateRow,
  crisisCountries,
  directoryEntriesByIds,
  displayNameOf,
  findCrisisState,
  insertCrisisHistory,
  insertCrisisState,
  linkedEntriesInArea,
  pageOfCrisisHistory,
  updateCrisisState,
} from './crisis.repository';
import { centresOfCountry, occupiedByUnit, type Q } from './registry.repository';

const DAY = 86_400_000;
const REASON = 'registry.crisis.reason';
const DECLARED_REASON = 'registry.crisis.declared_reason';
/** The directory area of those who answer for centres: whom an alert reaches when no one is named. */
const CENTRES_AREA = 'detention_alternatives';

type Audit = (e: AuditEvent) => Promise<void>;
type Levels = CrisisLevelThreshold[];

const EMPTY_LEVELS: Levels = CRISIS_LEVELS.map((level) => ({
  level,
  countryOccupancyPct: null,
  centreOccupancyPct: null,
  arrivals24h: null,
  notify: [],
}));
const NO_TRIGGER: CrisisTrigger = {
  kind: 'none',
  level: 0,
  criterion: null,
  threshold: null,
  value: null,
  centreId: null,
};

const enc = (deps: Deps, v: string, purpose: string) => encryptField(deps.config.secretKey, v, purpose);
const decOrNull = (deps: Deps, v: string | null, purpose: string) =>
  v === null ? null : decryptField(deps.config.secretKey, v, purpose);
const pct = (occupied: number, places: number) =>
  places > 0 ? Math.round((occupied * 1000) / places) / 10 : null;

// ---- figures and the level they reach

/**
 * The figures of a country's centres now: occupancy counted by the registry's own query (open
 * stays per centre), summed over the country and the fullest centre; admissions in the last 24 h.
 */
async function figuresOf(db: Q, countryCode: string, now: Date): Promise<CrisisFigures & { raw: Raw }> {
  const centres = await centresOfCountry(db, countryCode);
  let places = 0;
  let occupied = 0;
  let fullest: { id: string; occupied: number; places: number } | null = null;
  for (const c of centres) {
    const byUnit = await occupiedByUnit(db, c.id);
    const o = [...byUnit.values()].reduce((a, n) => a + n, 0);
    const p = c.places_adult_men + c.places_adult_women + c.places_families + c.places_unaccompanied_children;
    places += p;
    occupied += o;
    // Compared as fractions (o/p > f.o/f.p), so no rounding picks the wrong centre.
    if (p > 0 && (!fullest || o * fullest.places > fullest.occupied * p))
      fullest = { id: c.id, occupied: o, places: p };
  }
  const at = now.toISOString();
  const arrivals24h = await admissionsBetween(
    db,
    countryCode,
    new Date(now.getTime() - DAY).toISOString(),
    at,
  );
  return {
    at,
    places,
    occupied,
    countryOccupancyPct: pct(occupied, places),
    centreOccupancyPct: fullest ? pct(fullest.occupied, fullest.places) : null,
    centreId: fullest?.id ?? null,
    arrivals24h,
    raw: { places, occupied, fullest },
  };
}

interface Raw {
  places: number;
  occupied: number;
  fullest: { id: string; occupied: number; places: number } | null;
}

/**
 * The highest level whose watched figures are reached (a figure at or above its threshold), and
 * which one reached it. Occupancy is compared exactly (occupied × 100 ≥ threshold × places).
 */
function reachedLevel(levels: Levels, f: CrisisFigures & { raw: Raw }): CrisisTrigger {
  for (const l of [...levels].sort((a, b) => b.level - a.level)) {
    const { raw } = f;
    if (
      l.countryOccupancyPct !== null &&
      raw.places > 0 &&
      raw.occupied * 100 >= l.countryOccupancyPct * raw.places
    )
      return {
        kind: 'threshold',
        level: l.level,
        criterion: 'country_occupancy',
        threshold: l.countryOccupancyPct,
        value: f.countryOccupancyPct,
        centreId: null,
      };
    if (
      l.centreOccupancyPct !== null &&
      raw.fullest &&
      raw.fullest.occupied * 100 >= l.centreOccupancyPct * raw.fullest.places
    )
      return {
        kind: 'threshold',
        level: l.level,
        criterion: 'centre_occupancy',
        threshold: l.centreOccupancyPct,
        value: f.centreOccupancyPct,
        centreId: raw.fullest.id,
      };
    if (l.arrivals24h !== null && f.arrivals24h >= l.arrivals24h)
      return {
        kind: 'threshold',
        level: l.level,
        criterion: 'arrivals_24h',
        threshold: l.arrivals24h,
        value: f.arrivals24h,
        centreId: null,
      };
  }
  return NO_TRIGGER;
}

/** A declared level holds until lifted: the level is the higher of the declared one and the figures'. */
function effectiveLevel(reached: CrisisTrigger, declared: number | null): CrisisTrigger {
  if (declared !== null && declared >= reached.level)
    return {
      kind: 'declared',
      level: declared,
      criterion: null,
      threshold: null,
      value: null,
      centreId: null,
    };
  return reached;
}

const levelsOf = (s: CrisisStateRow | undefined): Levels =>
  s ? (JSON.parse(s.thresholds) as Levels) : EMPTY_LEVELS;
const stripRaw = ({ raw: _raw, ...f }: CrisisFigures & { raw: Raw }): CrisisFigures => f;

/** The accounts behind the directory entries named for these levels (entries that lost theirs are skipped). */
async function focalPointUsers(db: Q, countryCode: string, levels: Levels, from: number, to: number) {
  const ids = levels.filter((l) => l.level >= from && l.level <= to).flatMap((l) => l.notify);
  const entries = await directoryEntriesByIds(db, [...new Set(ids)]);
  return entries
    .filter((e) => e.country_code === countryCode && e.user_id !== null)
    .map((e) => e.user_id as string);
}

interface Evaluation {
  cause: CrisisCause;
  /** A declaration or a lift is recorded in the history even when the level stays. */
  record?: boolean;
  byUser?: string | null;
  reason?: string | null;
  /**
   * Bump the state's version even when the level stays: a registry movement does, so that the
   * periodic job, which reads before it takes the audit lock, never writes from older figures.
   */
  touch?: boolean;
}

/**
 * Computes a country's level from its figures and records a change, inside the caller's
 * transaction. The caller has appended an audit event already, or this appends one before writing
 * the state: every writer of the state holds the audit chain's lock (platform/audit) before it
 * touches the state row, so two writers never wait on each other in opposite orders, and a writer
 * holding it reads every committed movement. A crossing up tells the focal points of every level
 * crossed, once each; the conditional update of the state means one crossing is recorded once.
 */
async function evaluate(
  trx: Tx,
  audit: Audit,
  deps: Deps,
  countryCode: string,
  e: Evaluation,
): Promise<{ from: number; to: number; notified: number } | null> {
  const state = await findCrisisState(trx, countryCode);
  if (!state) return null;
  const now = deps.clock.now();
  const at = now.toISOString();
  const levels = levelsOf(state);
  const figures = await figuresOf(trx, countryCode, now);
  const next = effectiveLevel(reachedLevel(levels, figures), state.declared_level);
  const from = state.level;
  if (next.level === from && !e.record) {
    if (
      e.touch &&
      !(await updateCrisisState(trx, countryCode, state.version, {
        evaluated_at: at,
        trigger: JSON.stringify(next),
      }))
    )
      throw conflict('registry_crisis_changed');
    return null;
  }
  const changed = next.level !== from;
  if (changed)
    await audit({
      action: 'registry.crisis_level_changed',
      objectType: 'registry_crisis',
      objectId: countryCode,
      details: {
        from,
        to: next.level,
        cause: e.cause,
        criterion: next.criterion ?? next.kind,
        threshold: next.threshold ?? 0,
        value: next.value ?? 0,
        occupied: figures.occupied,
        places: figures.places,
        arrivals24h: figures.arrivals24h,
      },
    });
  const updated = await updateCrisisState(trx, countryCode, state.version, {
    level: next.level,
    level_since: changed ? at : state.level_since,
    trigger: JSON.stringify(next),
    evaluated_at: at,
  });
  if (!updated) throw conflict('registry_crisis_changed');
  const users =
    next.level > from ? await focalPointUsers(trx, countryCode, levels, from + 1, next.level) : [];
  const notified = await notify(trx, deps, {
    userIds: users,
    kind: 'registry.crisis_level_raised',
    objectType: 'registry_crisis',
    objectId: countryCode,
    params: { country: countryCode, level: next.level },
  });
  await insertCrisisHistory(trx, {
    id: uuidv7(now.getTime()),
    country_code: countryCode,
    at,
    from_level: from,
    to_level: next.level,
    cause: e.cause,
    trigger: JSON.stringify(next),
    figures: JSON.stringify(stripRaw(figures)),
    by_user: e.byUser ?? null,
    reason_enc: e.reason ? enc(deps, e.reason, REASON) : null,
    notified,
    alert_country: null,
    thread_id: null,
  });
  return { from, to: next.level, notified };
}

/**
 * The registry's hook: after an admission, a transfer or a release, in its transaction (after its
 * audit event), so the level and the movement commit together and a failure refuses both.
 */
export async function evaluateAfterMovement(
  trx: Tx,
  audit: Audit,
  deps: Deps,
  countryCode: string,
): Promise<void> {
  await evaluate(trx, audit, deps, countryCode, { cause: 'automatic', touch: true });
}

/**
 * The `registry.crisis` job: every country's level again, for the 24-hour arrivals window that
 * slides without any movement (and for anything a movement could not evaluate). Safe to run twice:
 * an unchanged level writes nothing; a change lost to a concurrent movement is left to it.
 */
export async function evaluateCrisisLevels(
  ctx: Ctx,
): Promise<{ countries: number; changed: number; skipped: number }> {
  let changed = 0;
  let skipped = 0;
  const countries = await crisisCountries(ctx.db.kysely);
  for (const code of countries) {
    try {
      const r = await withTx(ctx, (trx, audit) => evaluate(trx, audit, ctx, code, { cause: 'automatic' }));
      if (r) changed++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'registry_crisis_changed')) throw error;
      skipped++;
    }
  }
  return { countries: countries.length, changed, skipped };
}

// ---- reading

async function presentThresholds(ctx: Ctx, state: CrisisStateRow | undefined): Promise<CrisisThresholds> {
  const levels = levelsOf(state);
  const entries = await directoryEntriesByIds(ctx.db.kysely, [...new Set(levels.flatMap((l) => l.notify))]);
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    levels: levels.map((l) => ({
      ...l,
      focalPoints: l.notify.flatMap((id) => {
        const e = byId.get(id);
        return e ? [{ entryId: id, name: e.name, function: e.function, reachable: e.user_id !== null }] : [];
      }),
    })),
    updatedAt: state?.thresholds_at ?? null,
    updatedByName: await displayNameOf(ctx.db.kysely, state?.thresholds_by ?? null),
  };
}

export async function crisisThresholds(ctx: Ctx): Promise<CrisisThresholds> {
  const actor = await requirePermission(ctx, 'registry.read');
  return presentThresholds(ctx, await findCrisisState(ctx.db.kysely, actor.countryCode));
}

export async function crisisOverview(ctx: Ctx, page: { limit: number; offset: number }): Promise<Crisis> {
  const actor = await requirePermission(ctx, 'registry.read');
  const db = ctx.db.kysely;
  const state = await findCrisisState(db, actor.countryCode);
  const [figures, history, alertCountries] = await Promise.all([
    figuresOf(db, actor.countryCode, ctx.clock.now()),
    pageOfCrisisHistory(db, actor.countryCode, page),
    alertableCountries(db, actor.countryCode),
  ]);
  const level = state?.level ?? 0;
  const supervise = actor.permissions.has('registry.supervise');
  return {
    countryCode: actor.countryCode,
    level,
    since: state?.level_since ?? null,
    trigger: state ? (JSON.parse(state.trigger) as CrisisTrigger) : NO_TRIGGER,
    declared:
      state && state.declared_level !== null
        ? {
            level: state.declared_level,
            reason: decOrNull(ctx, state.declared_reason_enc, DECLARED_REASON) ?? '',
            at: state.declared_at ?? '',
            byName: await displayNameOf(db, state.declared_by),
          }
        : null,
    figures: stripRaw(figures),
    thresholds: await presentThresholds(ctx, state),
    history: {
      total: history.total,
      items: history.items.map(
        (h): CrisisHistoryEntry => ({
          id: h.id,
          at: h.at,
          fromLevel: h.from_level,
          toLevel: h.to_level,
          cause: h.cause as CrisisCause,
          trigger: JSON.parse(h.trigger) as CrisisTrigger,
          figures: JSON.parse(h.figures) as CrisisFigures,
          byName: h.by_name,
          reason: decOrNull(ctx, h.reason_enc, REASON),
          notified: h.notified,
          alertCountry: h.alert_country,
          threadId: h.thread_id,
        }),
      ),
    },
    alertCountries,
    abilities: {
      configure: supervise,
      declare: supervise,
      alert: supervise && actor.permissions.has('exchange.use') && level >= CRISIS_ALERT_LEVEL,
    },
  };
}

// ---- writing

/** The state row of a country, made with no thresholds when it has none yet (under the audit lock). */
async function stateFor(trx: Tx, deps: Deps, countryCode: string): Promise<CrisisStateRow> {
  const found = await findCrisisState(trx, countryCode);
  if (found) return found;
  const row: CrisisStateRow = {
    country_code: countryCode,
    thresholds: JSON.stringify(EMPTY_LEVELS),
    thresholds_by: null,
    thresholds_at: null,
    level: 0,
    level_since: null,
    trigger: JSON.stringify(NO_TRIGGER),
    declared_level: null,
    declared_reason_enc: null,
    declared_by: null,
    declared_at: null,
    version: 0,
    evaluated_at: nowIso(deps),
  };
  await insertCrisisState(trx, row);
  return row;
}

export async function setCrisisThresholds(ctx: Ctx, body: CrisisThresholdsInput): Promise<Crisis> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = crisisThresholdsInputSchema.parse(body);
  const levels: Levels = input.levels.map((l) => ({ ...l, notify: [...new Set(l.notify)] }));
  const errors: FieldError[] = crisisOrderErrors(levels);
  const entries = new Map(
    (await directoryEntriesByIds(ctx.db.kysely, [...new Set(levels.flatMap((l) => l.notify))])).map((e) => [
      e.id,
      e,
    ]),
  );
  levels.forEach((l, i) => {
    l.notify.forEach((id, j) => {
      const e = entries.get(id);
      // Another country's entry is refused as if it did not exist.
      if (e?.country_code !== actor.countryCode)
        errors.push({ path: `levels.${i}.notify.${j}`, code: 'registry_crisis_entry_invalid' });
      else if (e.user_id === null)
        errors.push({ path: `levels.${i}.notify.${j}`, code: 'registry_crisis_entry_no_account' });
    });
  });
  if (errors.length) throw invalidFields(errors);
  await withTx(ctx, async (trx, audit) => {
    await audit({
      action: 'registry.crisis_thresholds_set',
      objectType: 'registry_crisis',
      objectId: actor.countryCode,
      details: Object.fromEntries(
        levels.flatMap((l) => [
          [`l${l.level}CountryPct`, l.countryOccupancyPct ?? 0],
          [`l${l.level}CentrePct`, l.centreOccupancyPct ?? 0],
          [`l${l.level}Arrivals`, l.arrivals24h ?? 0],
          [`l${l.level}FocalPoints`, l.notify.length],
        ]),
      ),
    });
    const state = await stateFor(trx, ctx, actor.countryCode);
    if (
      !(await updateCrisisState(trx, actor.countryCode, state.version, {
        thresholds: JSON.stringify(levels),
        thresholds_by: actor.userId,
        thresholds_at: nowIso(ctx),
      }))
    )
      throw conflict('registry_crisis_changed');
    // New thresholds may reach another level at once.
    await evaluate(trx, audit, ctx, actor.countryCode, { cause: 'thresholds', byUser: actor.userId });
  });
  return crisisOverview(ctx, { limit: 20, offset: 0 });
}

export async function declareCrisisLevel(ctx: Ctx, body: CrisisDeclarationInput): Promise<Crisis> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = crisisDeclarationInputSchema.parse(body);
  await withTx(ctx, async (trx, audit) => {
    await audit({
      action: 'registry.crisis_declared',
      objectType: 'registry_crisis',
      objectId: actor.countryCode,
      details: { level: input.level },
    });
    const state = await stateFor(trx, ctx, actor.countryCode);
    if (
      !(await updateCrisisState(trx, actor.countryCode, state.version, {
        declared_level: input.level,
        declared_reason_enc: enc(ctx, input.reason, DECLARED_REASON),
        declared_by: actor.userId,
        declared_at: nowIso(ctx),
      }))
    )
      throw conflict('registry_crisis_changed');
    await evaluate(trx, audit, ctx, actor.countryCode, {
      cause: 'declared',
      record: true,
      byUser: actor.userId,
      reason: input.reason,
    });
  });
  return crisisOverview(ctx, { limit: 20, offset: 0 });
}

/** Lifts a declared level: the figures decide the level again at once. */
export async function liftCrisisLevel(ctx: Ctx, body: { reason: string }): Promise<Crisis> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const state = await findCrisisState(ctx.db.kysely, actor.countryCode);
  if (state?.declared_level === null || state?.declared_level === undefined)
    throw conflict('registry_crisis_not_declared');
  await withTx(ctx, async (trx, audit) => {
    await audit({
      action: 'registry.crisis_lifted',
      objectType: 'registry_crisis',
      objectId: actor.countryCode,
      details: { level: state.declared_level ?? 0 },
    });
    const lifted = await updateCrisisState(trx, actor.countryCode, state.version, {
      declared_level: null,
      declared_reason_enc: null,
      declared_by: null,
      declared_at: null,
    });
    if (!lifted) throw conflict('registry_crisis_changed');
    await evaluate(trx, audit, ctx, actor.countryCode, {
      cause: 'lifted',
      record: true,
      byUser: actor.userId,
      reason: body.reason,
    });
  });
  return crisisOverview(ctx, { limit: 20, offset: 0 });
}

// ---- the binational alert (footnote 20)

/**
 * Whom an alert reaches in the other country: the focal points it named for the same level in its
 * own thresholds, or else its directory entries for centres (detention and alternatives) linked to
 * an account; only those who may take part in the exchange now.
 */
async function alertRecipients(ctx: Ctx, countryCode: string, level: number): Promise<string[]> {
  const db = ctx.db.kysely;
  const state = await findCrisisState(db, countryCode);
  let users = state ? await focalPointUsers(db, countryCode, levelsOf(state), level, level) : [];
  if (users.length === 0)
    users = (await linkedEntriesInArea(db, countryCode, CENTRES_AREA)).map((e) => e.user_id as string);
  const accounts = await activeAccounts(db, [...new Set(users)]);
  const out: string[] = [];
  for (const a of accounts) {
    if (a.country_code !== countryCode || !can(a.role as Role, 'exchange.use')) continue;
    if (await mayExchange(ctx, { userId: a.id, role: a.role })) out.push(a.id);
  }
  return out.sort();
}

function countryName(names: string | undefined, code: string, locale: Locale): string {
  if (!names) return code;
  const n = JSON.parse(names) as Partial<Record<Locale, string>>;
  return n[locale] ?? code;
}

function alertText(
  locale: Locale,
  country: string,
  level: number,
  since: string | null,
  trigger: CrisisTrigger,
  f: CrisisFigures,
  note: string | undefined,
): { subject: string; body: string } {
  const k = (key: string, params: Record<string, unknown> = {}) =>
    t(locale, `registryCrisis.alert.${key}`, params);
  const percent = (v: number | null) =>
    v === null
      ? k('unknown')
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100);
  const why =
    trigger.kind === 'threshold' && trigger.criterion
      ? k('threshold', {
          criterion: k(`criteria.${trigger.criterion}`),
          value: trigger.value ?? 0,
          threshold: trigger.threshold ?? 0,
        })
      : k('declared');
  const body = [
    k('intro', { country, level, since: since ?? f.at }),
    why,
    k('figures', {
      places: f.places,
      occupied: f.occupied,
      pct: percent(f.countryOccupancyPct),
      centrePct: percent(f.centreOccupancyPct),
      arrivals: f.arrivals24h,
    }),
    ...(note ? [k('note', { note })] : []),
    k('closing'),
  ].join('\n\n');
  return { subject: k('subject', { level, country }), body };
}

export async function openCrisisAlert(ctx: Ctx, body: CrisisAlertInput): Promise<CrisisAlert> {
  const actor = await requirePermission(ctx, 'registry.supervise');
  const input = crisisAlertInputSchema.parse(body);
  const db = ctx.db.kysely;
  const state = await findCrisisState(db, actor.countryCode);
  const level = state?.level ?? 0;
  if (!state || level < CRISIS_ALERT_LEVEL) throw new AppError(409, 'registry_crisis_alert_level', { level });
  if (input.countryCode === actor.countryCode)
    throw invalidFields([{ path: 'countryCode', code: 'registry_crisis_alert_own_country' }]);
  if (!(await alertableCountries(db, actor.countryCode)).includes(input.countryCode))
    throw invalidFields([{ path: 'countryCode', code: 'registry_crisis_alert_country' }]);
  const recipients = await alertRecipients(ctx, input.countryCode, level);
  if (recipients.length === 0) throw new AppError(409, 'registry_crisis_alert_no_focal_points');
  const figures = stripRaw(await figuresOf(db, actor.countryCode, ctx.clock.now()));
  const own = await findCountry(db, actor.countryCode);
  const text = alertText(
    ctx.locale,
    countryName(own?.names, actor.countryCode, ctx.locale),
    level,
    state.level_since,
    JSON.parse(state.trigger) as CrisisTrigger,
    figures,
    input.note,
  );
  // The one messaging path: the exchange's own service makes the thread, tells its participants
  // and audits it; this records the alert afterwards, with the thread it made.
  const thread = await createThread(ctx, {
    subject: text.subject,
    type: 'alert',
    priority: 'urgent',
    channel: 'network',
    participants: recipients.map((ref) => ({ kind: 'user' as const, ref })),
    message: { body: text.body, codes: input.codes, attachments: [] },
  });
  await withTx(ctx, async (trx, audit) => {
    await audit({
      action: 'registry.crisis_alert_sent',
      objectType: 'registry_crisis',
      objectId: actor.countryCode,
      details: { to: input.countryCode, level, thread: thread.id, recipients: recipients.length },
    });
    await insertCrisisHistory(trx, {
      id: uuidv7(),
      country_code: actor.countryCode,
      at: nowIso(ctx),
      from_level: level,
      to_level: level,
      cause: 'alert',
      trigger: state.trigger,
      figures: JSON.stringify(figures),
      by_user: actor.userId,
      reason_enc: input.note ? enc(ctx, input.note, REASON) : null,
      notified: recipients.length,
      alert_country: input.countryCode,
      thread_id: thread.id,
    });
  });
  return {
    threadId: thread.id,
    reference: thread.reference,
    countryCode: input.countryCode,
    level,
    recipients: recipients.length,
  };
}
