import { randomUUID } from 'node:crypto';
import type {
  Agency,
  AgencyCreateBody,
  AgencyUpdateBody,
  Country,
  LocalizedText,
  Role,
  User,
  UserListQuery,
  UserPage,
  UserCreateBody,
  UserUpdateBody,
} from '@enlace/shared';
import { userCreateBodySchema } from '@enlace/shared';
import { type Ctx, nowIso, withTx } from '../../platform/context';
import { recordDenial, requireInScope, requirePermission } from '../../platform/authz/access';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors';
import { assertPasswordPolicy, hashPassword } from '../../platform/passwords';
import { revokeUserSessions } from '../../platform/session/session.repository';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsersInScope,
  replaceRecoveryCodes,
  type UserRow,
  updateUser,
} from '../../platform/users/user.repository';
import {
  type AgencyRow,
  type CountryRow,
  findAgency,
  findCountry,
  insertAgency,
  listAgenciesInScope,
  listCountries,
  updateAgency,
  updateCountry,
} from './admin.repository';
import { agencyAbilities, countryAbilities, mayAssignRole, userAbilities } from './admin.policy';

function presentCountry(ctx: Ctx, row: CountryRow): Country {
  return {
    code: row.code,
    kind: row.kind as Country['kind'],
    name: JSON.parse(row.names) as LocalizedText,
    active: row.active === 1,
    abilities: ctx.actor ? countryAbilities(ctx.actor) : { update: false },
  };
}

function presentAgency(ctx: Ctx, row: AgencyRow): Agency {
  return {
    id: row.id,
    countryCode: row.country_code,
    kind: row.kind as Agency['kind'],
    name: JSON.parse(row.names) as LocalizedText,
    acronym: row.acronym,
    active: row.active === 1,
    abilities: ctx.actor ? agencyAbilities(ctx.actor, row) : { update: false },
  };
}

function presentUser(ctx: Ctx, row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    countryCode: row.country_code,
    agencyId: row.agency_id,
    status: row.status as User['status'],
    locale: row.locale as User['locale'],
    mfaEnabled: row.mfa_enabled === 1,
    createdAt: row.created_at,
    abilities: ctx.actor ? userAbilities(ctx.actor, row) : { update: false, resetMfa: false },
  };
}

// Countries are reference data every signed-in user needs for forms and labels.
export async function getCountries(ctx: Ctx): Promise<Country[]> {
  return (await listCountries(ctx.db.kysely)).map((r) => presentCountry(ctx, r));
}

export async function setCountryActive(ctx: Ctx, code: string, active: boolean): Promise<Country> {
  await requirePermission(ctx, 'countries.manage');
  const row = await findCountry(ctx.db.kysely, code);
  if (!row) throw new AppError(404, 'not_found');
  await withTx(ctx, async (trx, audit) => {
    await updateCountry(trx, code, { active: active ? 1 : 0 });
    await audit({ action: 'country.updated', objectType: 'country', objectId: code, details: { active } });
  });
  return presentCountry(ctx, { ...row, active: active ? 1 : 0 });
}

export async function getAgencies(ctx: Ctx, country?: string): Promise<Agency[]> {
  const actor = await requirePermission(ctx, 'agencies.read');
  return (await listAgenciesInScope(ctx.db.kysely, actor, country)).map((r) => presentAgency(ctx, r));
}

export async function createAgency(ctx: Ctx, input: AgencyCreateBody): Promise<Agency> {
  const actor = await requirePermission(ctx, 'agencies.manage');
  if (!(await findCountry(ctx.db.kysely, input.countryCode))) throw badRequest('unknown_country');
  if (actor.scope !== 'all' && input.countryCode !== actor.countryCode) {
    await recordDenial(ctx, {
      action: 'agency.create',
      objectType: 'country',
      objectId: input.countryCode,
      reason: 'scope',
    });
    throw forbidden();
  }
  const row: AgencyRow = {
    id: randomUUID(),
    country_code: input.countryCode,
    kind: input.kind,
    names: JSON.stringify(input.name),
    acronym: input.acronym ?? null,
    active: 1,
    created_at: nowIso(ctx),
  };
  await withTx(ctx, async (trx, audit) => {
    await insertAgency(trx, row);
    await audit({ action: 'agency.created', objectType: 'agency', objectId: row.id });
  });
  return presentAgency(ctx, row);
}

export async function editAgency(ctx: Ctx, id: string, patch: AgencyUpdateBody): Promise<Agency> {
  await requirePermission(ctx, 'agencies.manage');
  const row = await requireInScope(ctx, await findAgency(ctx.db.kysely, id), {
    action: 'agency.update',
    objectType: 'agency',
    objectId: id,
  });
  const next: AgencyRow = {
    ...row,
    ...(patch.kind ? { kind: patch.kind } : {}),
    ...(patch.name ? { names: JSON.stringify(patch.name) } : {}),
    ...(patch.acronym !== undefined ? { acronym: patch.acronym } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
  };
  await withTx(ctx, async (trx, audit) => {
    await updateAgency(trx, id, next);
    await audit({
      action: 'agency.updated',
      objectType: 'agency',
      objectId: id,
      details: { fields: Object.keys(patch).join(',') },
    });
  });
  return presentAgency(ctx, next);
}

export async function getUsers(ctx: Ctx, query: UserListQuery): Promise<UserPage> {
  const actor = await requirePermission(ctx, 'users.read');
  const { rows, total } = await listUsersInScope(ctx.db.kysely, actor, query);
  return { total, items: rows.map((r) => presentUser(ctx, r)) };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  await requirePermission(ctx, 'users.read');
  const row = await requireInScope(ctx, await findUserById(ctx.db.kysely, id), {
    action: 'user.read',
    objectType: 'user',
    objectId: id,
  });
  return presentUser(ctx, row);
}

async function checkAgency(ctx: Ctx, agencyId: string | null | undefined, countryCode: string) {
  if (!agencyId) return;
  const agency = await findAgency(ctx.db.kysely, agencyId);
  if (!agency || agency.country_code !== countryCode) throw badRequest('agency_not_in_country');
}

/**
 * Creates an account. A country administrator creates accounts of their own country only, and
 * never a network administrator. Used by the API and by `enlace user create` (actor: null = CLI).
 */
export async function createUser(
  ctx: Ctx,
  raw: UserCreateBody,
  opts: { cli?: boolean; demo?: boolean } = {},
): Promise<User> {
  const input = userCreateBodySchema.parse(raw);
  if (!opts.cli) {
    const actor = await requirePermission(ctx, 'users.manage');
    if (
      !mayAssignRole(actor, input.role) ||
      (actor.scope !== 'all' && input.countryCode !== actor.countryCode)
    ) {
      await recordDenial(ctx, {
        action: 'user.create',
        objectType: 'country',
        objectId: input.countryCode,
        reason: 'scope',
      });
      throw forbidden();
    }
  }
  if (!(await findCountry(ctx.db.kysely, input.countryCode))) throw badRequest('unknown_country');
  await checkAgency(ctx, input.agencyId, input.countryCode);
  assertPasswordPolicy(input.password);
  if (await findUserByEmail(ctx.db.kysely, input.email)) throw conflict('email_taken');
  const now = nowIso(ctx);
  const row: UserRow = {
    id: randomUUID(),
    email: input.email,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    role: input.role,
    country_code: input.countryCode,
    agency_id: input.agencyId ?? null,
    locale: input.locale,
    time_zone: null,
    status: 'active',
    mfa_secret_enc: null,
    mfa_enabled: 0,
    mfa_last_step: null,
    is_demo: opts.demo ? 1 : 0,
    created_at: now,
    updated_at: now,
    password_changed_at: now,
    // Set by an administrator for someone else; chosen by the operator at the command line.
    must_change_password: opts.cli ? 0 : 1,
    email_notifications: 1,
  };
  await withTx(ctx, async (trx, audit) => {
    await insertUser(trx, row);
    await audit({
      action: 'user.created',
      objectType: 'user',
      objectId: row.id,
      details: { role: row.role, country: row.country_code, via: opts.cli ? 'cli' : 'api' },
    });
  });
  return presentUser(ctx, row);
}

async function manageableUser(ctx: Ctx, id: string, action: string, opts: { cli?: boolean }) {
  if (opts.cli) {
    const row = await findUserById(ctx.db.kysely, id);
    if (!row) throw new AppError(404, 'not_found');
    return row;
  }
  const actor = await requirePermission(ctx, 'users.manage');
  const row = await requireInScope(ctx, await findUserById(ctx.db.kysely, id), {
    action,
    objectType: 'user',
    objectId: id,
  });
  if (!mayAssignRole(actor, row.role as Role)) {
    await recordDenial(ctx, { action, objectType: 'user', objectId: id, reason: 'role' });
    throw forbidden();
  }
  return row;
}

export async function updateUserAccount(
  ctx: Ctx,
  id: string,
  patch: UserUpdateBody,
  opts: { cli?: boolean } = {},
): Promise<User> {
  const row = await manageableUser(ctx, id, 'user.update', opts);
  if (!opts.cli && ctx.actor?.userId === id) throw new AppError(400, 'cannot_edit_self');
  if (patch.role && ctx.actor && !mayAssignRole(ctx.actor, patch.role)) {
    await recordDenial(ctx, { action: 'user.update', objectType: 'user', objectId: id, reason: 'role' });
    throw forbidden();
  }
  if (patch.agencyId !== undefined) await checkAgency(ctx, patch.agencyId, row.country_code);
  const now = nowIso(ctx);
  const next: UserRow = {
    ...row,
    ...(patch.displayName ? { display_name: patch.displayName } : {}),
    ...(patch.role ? { role: patch.role } : {}),
    ...(patch.agencyId !== undefined ? { agency_id: patch.agencyId } : {}),
    ...(patch.status ? { status: patch.status } : {}),
    ...(patch.locale ? { locale: patch.locale } : {}),
    updated_at: now,
  };
  await withTx(ctx, async (trx, audit) => {
    await updateUser(trx, id, next);
    // Disabling or changing the role ends the account's sessions: its rights changed.
    let ended = 0;
    if (
      (patch.status === 'disabled' && row.status !== 'disabled') ||
      (patch.role && patch.role !== row.role)
    ) {
      ended = await revokeUserSessions(
        trx,
        id,
        now,
        patch.status === 'disabled' ? 'account_disabled' : 'role_changed',
      );
    }
    await audit({
      action: patch.status === 'disabled' ? 'user.disabled' : 'user.updated',
      objectType: 'user',
      objectId: id,
      details: { fields: Object.keys(patch).join(','), sessionsEnded: ended },
    });
  });
  return presentUser(ctx, next);
}

/** Clears a user's second factor (lost phone); they enrol again at next sign-in. */
export async function resetMfa(ctx: Ctx, id: string, opts: { cli?: boolean } = {}): Promise<User> {
  const row = await manageableUser(ctx, id, 'user.reset_mfa', opts);
  const now = nowIso(ctx);
  const next: UserRow = {
    ...row,
    mfa_enabled: 0,
    mfa_secret_enc: null,
    mfa_last_step: null,
    updated_at: now,
  };
  await withTx(ctx, async (trx, audit) => {
    await updateUser(trx, id, { mfa_enabled: 0, mfa_secret_enc: null, mfa_last_step: null, updated_at: now });
    await replaceRecoveryCodes(trx, id, []);
    const ended = await revokeUserSessions(trx, id, now, 'mfa_reset');
    await audit({
      action: 'user.mfa_reset',
      objectType: 'user',
      objectId: id,
      details: { sessionsEnded: ended },
    });
  });
  return presentUser(ctx, next);
}
