import {
  AUTHORISATION_WARNING_DAYS,
  type Authorisation,
  type AuthorisationInput,
  type DirectoryEntry,
  type DirectoryEntryInput,
  type DirectoryListQuery,
  type DirectoryPage,
  directoryEntryInputSchema,
  type Freshness,
  knownTimeZone,
  type Locale,
  STALE_AFTER_DAYS,
  TOTAL_CAP,
} from '@enlace/shared';
import { stringify } from 'csv-stringify/sync';
import { requireActor, recordDenial, requirePermission } from '../../platform/authz/access';
import { type Actor, type Ctx, type Deps, nowIso, withTx } from '../../platform/context';
import { AppError, forbidden, invalidFields, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { uuidv7 } from '../../platform/ids';
import { activeUsersWithRole } from '../../platform/notifications/notifications.repository';
import { notify } from '../../platform/notifications/notifications.service';
import { matchesSearch, parseSearch, searchTerms } from '../../platform/search/search';
import { findAgency, findCountry } from '../admin/admin.repository';
import { directoryVcards } from './directory.vcard';
import {
  allEntries,
  authorisationsOf,
  countEntries,
  type EntryFilter,
  type EntryWithNames,
  findEntry,
  freshnessByCountry,
  hasCurrentAuthorisation,
  pageOfEntries,
  staleUntold,
} from './directory.repository';

const DAY = 86_400_000;
/** The roles whose exchange needs a current authorisation of their Ministry of Foreign Affairs. */
export const AUTHORISED_ROLES = ['liaison_officer', 'prosecutor'] as const;

const staleBefore = (now: Date) => new Date(now.getTime() - STALE_AFTER_DAYS * DAY).toISOString();
const today = (now: Date) => now.toISOString().slice(0, 10);

/** May the actor manage the directory of this country (its entries, its authorisations)? */
function mayManage(actor: Actor, countryCode: string): boolean {
  return (
    actor.permissions.has('directory.manage') && (actor.scope === 'all' || actor.countryCode === countryCode)
  );
}

function agencyName(names: string | null, acronym: string | null, locale: Locale): string | null {
  if (!names) return acronym;
  const n = JSON.parse(names) as Partial<Record<Locale, string>>;
  return n[locale] ?? n.es ?? acronym;
}

function present(ctx: Ctx, actor: Actor, r: EntryWithNames): DirectoryEntry {
  const now = ctx.clock.now();
  return {
    id: r.id,
    countryCode: r.country_code,
    agencyId: r.agency_id,
    agencyName: agencyName(r.agency_names, r.agency_acronym, ctx.locale),
    areas: JSON.parse(r.areas) as DirectoryEntry['areas'],
    name: r.name,
    function: r.function,
    languages: JSON.parse(r.languages) as string[],
    channels: JSON.parse(r.channels) as DirectoryEntry['channels'],
    availability: r.availability,
    available247: r.available_247 === 1,
    timeZone: r.time_zone,
    userId: r.user_id,
    verifiedAt: r.verified_at,
    verifiedByName: r.verified_by_name,
    stale: r.verified_at < staleBefore(now),
    updatedAt: r.updated_at,
    abilities: {
      update: mayManage(actor, r.country_code),
      verify: mayManage(actor, r.country_code) || (r.user_id !== null && r.user_id === actor.userId),
    },
  };
}

function filterOf(ctx: Ctx, q: Partial<DirectoryListQuery>): EntryFilter {
  const words = parseSearch(ctx.config.secretKey, q.q);
  return {
    country: q.country,
    area: q.area,
    channel: q.channel,
    verifiedBefore: q.stale === '1' ? staleBefore(ctx.clock.now()) : undefined,
    match: words ? matchesSearch(ctx.db.dialect, 'directory_entries', words) : undefined,
  };
}

export async function listEntries(ctx: Ctx, q: DirectoryListQuery): Promise<DirectoryPage> {
  const actor = await requirePermission(ctx, 'directory.read');
  const f = filterOf(ctx, q);
  const [rows, total] = await Promise.all([
    pageOfEntries(ctx.db.kysely, ctx.db.dialect, f, q),
    countEntries(ctx.db.kysely, f, TOTAL_CAP),
  ]);
  return {
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
    items: rows.map((r) => present(ctx, actor, r)),
  };
}

export async function getEntry(ctx: Ctx, id: string): Promise<DirectoryEntry> {
  const actor = await requirePermission(ctx, 'directory.read');
  const row = await findEntry(ctx.db.kysely, id);
  if (!row) throw notFound();
  return present(ctx, actor, row);
}

export async function directoryFreshness(ctx: Ctx): Promise<Freshness> {
  await requirePermission(ctx, 'directory.read');
  return freshnessByCountry(ctx.db.kysely, staleBefore(ctx.clock.now()));
}

/** The words an entry is found by, accents and case aside, in any of the agency's languages. */
function termsOf(
  ctx: Ctx,
  e: Omit<DirectoryEntryInput, 'countryCode'> & { agencyNames: string | null },
): string {
  const names = e.agencyNames ? Object.values(JSON.parse(e.agencyNames) as Record<string, string>) : [];
  return searchTerms(ctx.config.secretKey, {
    plain: [e.name, e.function, e.availability ?? '', ...names, ...(e.channels ?? []).map((c) => c.value)],
    secret: [],
  });
}

async function checkEntry(ctx: Ctx, input: ReturnType<typeof directoryEntryInputSchema.parse>) {
  const errors: { path: string; code: string }[] = [];
  if (!(await findCountry(ctx.db.kysely, input.countryCode)))
    errors.push({ path: 'countryCode', code: 'unknown_country' });
  let agencyNames: string | null = null;
  if (input.agencyId) {
    const agency = await findAgency(ctx.db.kysely, input.agencyId);
    if (agency?.country_code !== input.countryCode)
      errors.push({ path: 'agencyId', code: 'agency_not_in_country' });
    else agencyNames = agency.names;
  }
  if (!knownTimeZone(input.timeZone)) errors.push({ path: 'timeZone', code: 'invalid_time_zone' });
  if (input.userId) {
    const u = await ctx.db.kysely
      .selectFrom('users')
      .select(['country_code'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (u?.country_code !== input.countryCode)
      errors.push({ path: 'userId', code: 'directory_user_country' });
  }
  if (errors.length) throw invalidFields(errors);
  return agencyNames;
}

async function requireManage(
  ctx: Ctx,
  countryCode: string,
  action: string,
  objectId?: string,
): Promise<Actor> {
  const actor = await requirePermission(ctx, 'directory.manage');
  if (!mayManage(actor, countryCode)) {
    await recordDenial(ctx, { action, objectType: 'directory_entry', objectId, reason: 'scope' });
    throw forbidden();
  }
  return actor;
}

export async function createEntry(ctx: Ctx, body: DirectoryEntryInput): Promise<DirectoryEntry> {
  const input = directoryEntryInputSchema.parse(body);
  const actor = await requireManage(ctx, input.countryCode, 'directory.entry_create');
  const agencyNames = await checkEntry(ctx, input);
  const at = nowIso(ctx);
  const id = uuidv7();
  await withTx(ctx, async (trx, audit) => {
    await trx
      .insertInto('directory_entries')
      .values({
        id,
        country_code: input.countryCode,
        agency_id: input.agencyId ?? null,
        areas: JSON.stringify(input.areas),
        name: input.name,
        function: input.function,
        languages: JSON.stringify(input.languages),
        channels: JSON.stringify(input.channels),
        availability: input.availability ?? null,
        available_247: input.available247 ? 1 : 0,
        time_zone: input.timeZone,
        user_id: input.userId ?? null,
        verified_at: at,
        verified_by: actor.userId,
        stale_notified_at: null,
        is_demo: 0,
        created_at: at,
        created_by: actor.userId,
        updated_at: at,
        search_terms: termsOf(ctx, { ...input, agencyNames }),
      })
      .execute();
    await audit({
      action: 'directory.entry_created',
      objectType: 'directory_entry',
      objectId: id,
      details: { country: input.countryCode },
    });
  });
  return getEntry(ctx, id);
}

export async function updateEntry(
  ctx: Ctx,
  id: string,
  patch: Partial<DirectoryEntryInput>,
): Promise<DirectoryEntry> {
  const current = await findEntry(ctx.db.kysely, id);
  if (!current) throw notFound();
  const before = present(ctx, requireActor(ctx), current);
  const input = directoryEntryInputSchema.parse({
    countryCode: before.countryCode,
    agencyId: before.agencyId,
    areas: before.areas,
    name: before.name,
    function: before.function,
    languages: before.languages,
    channels: before.channels,
    availability: before.availability ?? undefined,
    available247: before.available247,
    timeZone: before.timeZone,
    userId: before.userId,
    ...patch,
  });
  // Both the entry's country and, if it moves, the new one must be the actor's to manage.
  const actor = await requireManage(ctx, current.country_code, 'directory.entry_update', id);
  if (input.countryCode !== current.country_code)
    await requireManage(ctx, input.countryCode, 'directory.entry_update', id);
  const agencyNames = await checkEntry(ctx, input);
  const at = nowIso(ctx);
  await withTx(ctx, async (trx, audit) => {
    await trx
      .updateTable('directory_entries')
      .set({
        country_code: input.countryCode,
        agency_id: input.agencyId ?? null,
        areas: JSON.stringify(input.areas),
        name: input.name,
        function: input.function,
        languages: JSON.stringify(input.languages),
        channels: JSON.stringify(input.channels),
        availability: input.availability ?? null,
        available_247: input.available247 ? 1 : 0,
        time_zone: input.timeZone,
        user_id: input.userId ?? null,
        // Whoever edits an entry has looked at it: it counts as verified.
        verified_at: at,
        verified_by: actor.userId,
        updated_at: at,
        search_terms: termsOf(ctx, { ...input, agencyNames }),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'directory.entry_updated',
      objectType: 'directory_entry',
      objectId: id,
      details: { fields: Object.keys(patch).join(',') },
    });
  });
  return getEntry(ctx, id);
}

/** Confirms an entry is still right: its country's administrator, or the focal point themselves. */
export async function verifyEntry(ctx: Ctx, id: string): Promise<DirectoryEntry> {
  const actor = await requirePermission(ctx, 'directory.read');
  const row = await findEntry(ctx.db.kysely, id);
  if (!row) throw notFound();
  if (!present(ctx, actor, row).abilities.verify) {
    await recordDenial(ctx, {
      action: 'directory.entry_verify',
      objectType: 'directory_entry',
      objectId: id,
      reason: 'scope',
    });
    throw forbidden();
  }
  await withTx(ctx, async (trx, audit) => {
    await trx
      .updateTable('directory_entries')
      .set({ verified_at: nowIso(ctx), verified_by: actor.userId })
      .where('id', '=', id)
      .execute();
    await audit({ action: 'directory.entry_verified', objectType: 'directory_entry', objectId: id });
  });
  return getEntry(ctx, id);
}

/** The filtered directory as vCard 4 or CSV, in the reader's language; audited. */
export async function exportEntries(
  ctx: Ctx,
  q: Partial<DirectoryListQuery> & { format: 'vcard' | 'csv' },
): Promise<{ filename: string; type: string; body: string }> {
  const actor = await requirePermission(ctx, 'directory.read');
  const rows = (await allEntries(ctx.db.kysely, ctx.db.dialect, filterOf(ctx, q))).map((r) =>
    present(ctx, actor, r),
  );
  await withTx(ctx, async (_trx, audit) => {
    await audit({ action: 'directory.exported', details: { format: q.format, entries: rows.length } });
  });
  if (q.format === 'vcard') {
    return {
      filename: 'enlace-directory.vcf',
      type: 'text/vcard; charset=utf-8',
      body: directoryVcards(rows, ctx.locale),
    };
  }
  const l = ctx.locale;
  const h = (k: string) => t(l, `directory.csv.${k}`);
  const area = (a: string) => t(l, `directory.areas.${a}`);
  const out = [
    [
      h('country'),
      h('name'),
      h('function'),
      h('agency'),
      h('areas'),
      h('languages'),
      h('channels'),
      h('availability'),
      h('timeZone'),
      h('verifiedAt'),
      h('stale'),
    ],
    ...rows.map((e) => [
      e.countryCode,
      e.name,
      e.function,
      e.agencyName ?? '',
      e.areas.map(area).join('; '),
      e.languages.join('; '),
      e.channels.map((c) => `${t(l, `directory.channels.${c.kind}`)}: ${c.value}`).join('; '),
      [e.available247 ? '24/7' : '', e.availability ?? ''].filter(Boolean).join(' — '),
      e.timeZone,
      e.verifiedAt.slice(0, 10),
      e.stale ? h('yes') : '',
    ]),
  ];
  return {
    filename: 'enlace-directory.csv',
    type: 'text/csv; charset=utf-8',
    body: `\uFEFF${stringify(out)}`,
  };
}

// ——— authorisations by the Ministries of Foreign Affairs ———

function presentAuthorisation(
  r: Awaited<ReturnType<typeof authorisationsOf>>[number],
  day: string,
): Authorisation {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    userRole: r.user_role,
    countryCode: r.country_code,
    authorisedBy: r.authorised_by,
    noteReference: r.note_reference,
    authorisedOn: r.authorised_on,
    validUntil: r.valid_until,
    status: r.status as Authorisation['status'],
    current: r.status === 'active' && r.valid_until >= day,
    recordedAt: r.recorded_at,
  };
}

/** Administrators see their country's authorisations (the network administrator all); others their own. */
export async function listAuthorisations(ctx: Ctx): Promise<Authorisation[]> {
  const actor = requireActor(ctx);
  const day = today(ctx.clock.now());
  const filter = actor.permissions.has('directory.manage')
    ? actor.scope === 'all'
      ? {}
      : { countryCode: actor.countryCode }
    : { userId: actor.userId };
  return (await authorisationsOf(ctx.db.kysely, filter)).map((r) => presentAuthorisation(r, day));
}

export async function recordAuthorisation(ctx: Ctx, body: AuthorisationInput): Promise<Authorisation> {
  const actor = await requirePermission(ctx, 'directory.manage');
  const user = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'role', 'country_code'])
    .where('id', '=', body.userId)
    .executeTakeFirst();
  if (!user || !mayManage(actor, user.country_code)) {
    await recordDenial(ctx, {
      action: 'directory.authorisation_record',
      objectType: 'user',
      objectId: body.userId,
      reason: user ? 'scope' : 'not_found',
    });
    throw notFound();
  }
  const errors: { path: string; code: string }[] = [];
  if (!(AUTHORISED_ROLES as readonly string[]).includes(user.role))
    errors.push({ path: 'userId', code: 'authorisation_role' });
  if (body.validUntil < body.authorisedOn) errors.push({ path: 'validUntil', code: 'authorisation_dates' });
  if (errors.length) throw invalidFields(errors);
  const id = uuidv7();
  await withTx(ctx, async (trx, audit) => {
    await trx
      .insertInto('directory_authorisations')
      .values({
        id,
        user_id: user.id,
        country_code: user.country_code,
        authorised_by: body.authorisedBy,
        note_reference: body.noteReference,
        authorised_on: body.authorisedOn,
        valid_until: body.validUntil,
        status: 'active',
        recorded_by: actor.userId,
        recorded_at: nowIso(ctx),
        warned_at: null,
        revoked_at: null,
      })
      .execute();
    await audit({
      action: 'directory.authorisation_recorded',
      objectType: 'directory_authorisation',
      objectId: id,
      details: { user: user.id, validUntil: body.validUntil },
    });
  });
  return (await listAuthorisations(ctx)).find((a) => a.id === id) as Authorisation;
}

export async function revokeAuthorisation(ctx: Ctx, id: string): Promise<Authorisation> {
  const actor = await requirePermission(ctx, 'directory.manage');
  const row = await ctx.db.kysely
    .selectFrom('directory_authorisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !mayManage(actor, row.country_code)) {
    await recordDenial(ctx, {
      action: 'directory.authorisation_revoke',
      objectType: 'directory_authorisation',
      objectId: id,
      reason: row ? 'scope' : 'not_found',
    });
    throw notFound();
  }
  if (row.status !== 'active') throw new AppError(409, 'authorisation_not_active');
  await withTx(ctx, async (trx, audit) => {
    await trx
      .updateTable('directory_authorisations')
      .set({ status: 'revoked', revoked_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'directory.authorisation_revoked',
      objectType: 'directory_authorisation',
      objectId: id,
    });
  });
  return (await listAuthorisations(ctx)).find((a) => a.id === id) as Authorisation;
}

/** For the exchange: a liaison or prosecutor takes part only with a current authorisation. */
export async function mayExchange(deps: Deps, actor: { userId: string; role: string }): Promise<boolean> {
  if (!(AUTHORISED_ROLES as readonly string[]).includes(actor.role)) return true;
  return hasCurrentAuthorisation(deps.db.kysely, actor.userId, today(deps.clock.now()));
}

// ——— the directory's scheduled jobs ———

/**
 * `directory.staleness`: tells each country's administrators, once per staleness, which of their
 * entries have not been verified for six months.
 */
export async function flagStaleEntries(deps: Deps): Promise<{ flagged: number }> {
  const at = nowIso(deps);
  const stale = await staleUntold(deps.db.kysely, staleBefore(deps.clock.now()));
  const ctx: Ctx = { ...deps, actor: null, ip: null, locale: 'en' };
  for (const e of stale) {
    await withTx(ctx, async (trx) => {
      const admins = await activeUsersWithRole(trx, e.country_code, 'country_admin');
      await notify(trx, deps, {
        userIds: admins,
        kind: 'directory.entry_stale',
        objectType: 'directory_entry',
        objectId: e.id,
      });
      await trx
        .updateTable('directory_entries')
        .set({ stale_notified_at: at })
        .where('id', '=', e.id)
        .execute();
    });
  }
  return { flagged: stale.length };
}

/**
 * `directory.authorisations`: warns, once, the holder and their country's administrators 30 days
 * before an authorisation ends; on the day after its last day marks it expired (the exchange
 * already refuses it) and tells them.
 */
export async function runAuthorisations(deps: Deps): Promise<{ warned: number; expired: number }> {
  const now = deps.clock.now();
  const day = today(now);
  const horizon = today(new Date(now.getTime() + AUTHORISATION_WARNING_DAYS * DAY));
  const db = deps.db.kysely;
  const ctx: Ctx = { ...deps, actor: null, ip: null, locale: 'en' };
  const expiring = await db
    .selectFrom('directory_authorisations')
    .selectAll()
    .where('status', '=', 'active')
    .where('warned_at', 'is', null)
    .where('valid_until', '>=', day)
    .where('valid_until', '<=', horizon)
    .execute();
  const expired = await db
    .selectFrom('directory_authorisations')
    .selectAll()
    .where('status', '=', 'active')
    .where('valid_until', '<', day)
    .execute();
  for (const [rows, kind] of [
    [expiring, 'directory.authorisation_expiring'],
    [expired, 'directory.authorisation_expired'],
  ] as const) {
    for (const a of rows) {
      await withTx(ctx, async (trx, audit) => {
        const admins = await activeUsersWithRole(trx, a.country_code, 'country_admin');
        await notify(trx, deps, {
          userIds: [a.user_id, ...admins],
          kind,
          objectType: 'directory_authorisation',
          objectId: a.id,
          params: { until: a.valid_until },
        });
        if (kind === 'directory.authorisation_expired') {
          await trx
            .updateTable('directory_authorisations')
            .set({ status: 'expired' })
            .where('id', '=', a.id)
            .execute();
          await audit({
            action: 'directory.authorisation_expired',
            objectType: 'directory_authorisation',
            objectId: a.id,
            details: { validUntil: a.valid_until },
          });
        } else {
          await trx
            .updateTable('directory_authorisations')
            .set({ warned_at: nowIso(deps) })
            .where('id', '=', a.id)
            .execute();
        }
      });
    }
  }
  return { warned: expiring.length, expired: expired.length };
}
