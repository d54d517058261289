import { randomUUID } from 'node:crypto';
import {
  DEMO_PASSWORD,
  type DemoAccounts,
  isTimeZone,
  LOCALES,
  type Locale,
  type LocalizedText,
  ROLE_PERMISSIONS,
  ROLE_SCOPE,
  type Me,
  type Role,
  type SessionStage,
} from '@enlace/shared';
import { type Ctx, type Deps, nowIso, type Tx, withTx } from '../context';
import { tooManyRequests } from '../authz/access';
import { decryptField, encryptField, randomToken, sha256Hex } from '../crypto';
import { AppError, conflict, notFound, unauthenticated } from '../errors';
import { checkTotp, newTotpSecret, totpEnrolment } from '../mfa/totp';
import { assertPasswordPolicy, hashPassword, verifyDecoy, verifyPassword } from '../passwords';
import {
  insertSession,
  listLiveSessions,
  revokeSession,
  revokeUserSessions,
  type SessionRow,
  updateSessionStage,
} from '../session/session.repository';
import {
  advanceMfaStep,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  findAgencyLabel,
  findUserByEmail,
  findUserById,
  listDemoAccounts,
  replaceRecoveryCodes,
  type UserRow,
  updateUser,
} from '../users/user.repository';
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  accountKey,
  addressKey,
  deviceKey,
  issueDeviceCookie,
  lockedFor,
  recordFailure,
  recordSuccess,
} from './throttle';

const MFA_PURPOSE = 'users.mfa_secret';

export interface NewSession {
  token: string;
  stage: SessionStage;
  csrfToken: string;
}

export interface PasswordSignIn extends NewSession {
  /** A fresh device cookie for this browser and login (see throttle.ts). */
  deviceCookie: string;
}

/** The signed-in user as the web app sees them, with their own agency's name. */
export async function toMe(ctx: Deps, user: UserRow): Promise<Me> {
  const agency = user.agency_id ? await findAgencyLabel(ctx.db.kysely, user.agency_id) : undefined;
  const role = user.role as Role;
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role,
    countryCode: user.country_code,
    agencyId: user.agency_id,
    agency: agency
      ? { id: agency.id, name: JSON.parse(agency.names) as LocalizedText, acronym: agency.acronym }
      : null,
    locale: ((LOCALES as readonly string[]).includes(user.locale) ? user.locale : 'es') as Locale,
    // A zone this runtime no longer knows falls back to the browser's.
    timeZone: user.time_zone && isTimeZone(user.time_zone) ? user.time_zone : null,
    permissions: [...ROLE_PERMISSIONS[role]],
    scope: ROLE_SCOPE[role],
    mfaEnabled: user.mfa_enabled === 1,
  };
}

/** Multi-factor is required for every staff account in production; demo mode may skip it. */
export function mfaRequired(deps: Deps): boolean {
  return deps.config.production;
}

function stageFor(deps: Deps, user: UserRow): SessionStage {
  if (user.mfa_enabled === 1) return 'mfa_required';
  if (mfaRequired(deps)) return 'mfa_enrolment_required';
  return afterSecondFactor(user);
}

/** Where a sign-in goes once the second factor is done: a password set by someone else is changed first. */
function afterSecondFactor(user: UserRow): 'password_change_required' | 'signed_in' {
  return user.must_change_password === 1 ? 'password_change_required' : 'signed_in';
}

/**
 * Password sign-in. Unknown account, wrong password and disabled account get the same answer,
 * after the same argon2 work. Locked keys get 429 with Retry-After, without checking the password.
 * A browser holding a valid device cookie for this login is throttled on its own failures only;
 * every other attempt counts against the account and the address.
 */
export async function signIn(
  ctx: Ctx,
  input: {
    email: string;
    password: string;
    userAgent: string | null;
    previousSessionId: string | null;
    deviceCookie?: string | null;
  },
): Promise<PasswordSignIn> {
  const device = deviceKey(ctx, input.email, input.deviceCookie);
  const acct = accountKey(input.email);
  const addr = addressKey(ctx.ip);
  const wait = await withTx(ctx, async (trx) =>
    device
      ? lockedFor(ctx, trx, device)
      : Math.max(await lockedFor(ctx, trx, acct), await lockedFor(ctx, trx, addr)),
  );
  if (wait > 0) {
    await withTx(ctx, (_t, audit) =>
      audit({
        action: 'auth.sign_in',
        outcome: 'denied',
        details: { reason: 'locked', device: device !== null },
      }),
    );
    throw tooManyRequests(wait);
  }

  const user = await findUserByEmail(ctx.db.kysely, input.email);
  let ok = false;
  if (user) ok = await verifyPassword(user.password_hash, input.password);
  else await verifyDecoy(input.password);
  if (!user || !ok || user.status !== 'active') {
    await withTx(ctx, async (trx, audit) => {
      if (device) await recordFailure(ctx, trx, device, ACCOUNT_LIMIT);
      else {
        await recordFailure(ctx, trx, acct, ACCOUNT_LIMIT);
        await recordFailure(ctx, trx, addr, ADDRESS_LIMIT);
      }
      await audit({
        action: 'auth.sign_in',
        outcome: 'failure',
        actorId: user?.id ?? null,
        actorCountry: user?.country_code ?? null,
        details: {
          reason: user ? (ok ? 'disabled' : 'password') : 'unknown_account',
          device: device !== null,
        },
      });
    });
    throw new AppError(401, 'invalid_credentials');
  }

  return withTx(ctx, async (trx, audit) => {
    // A known device clears its own count only: the shared pool stays as the attempts left it.
    await recordSuccess(trx, device ?? acct);
    const now = nowIso(ctx);
    // Rotation: whatever session the browser held before is ended, and a new token issued.
    if (input.previousSessionId) await revokeSession(trx, input.previousSessionId, now, 'rotated');
    const token = randomToken(32);
    const csrfToken = randomToken(32);
    const stage = stageFor(ctx, user);
    await insertSession(trx, {
      id: randomUUID(),
      token_hash: sha256Hex(token),
      user_id: user.id,
      stage,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      absolute_expires_at: new Date(ctx.clock.now().getTime() + ctx.config.sessionAbsoluteMs).toISOString(),
      revoked_at: null,
      revoked_reason: null,
      ip: ctx.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await audit({
      action: 'auth.sign_in',
      actorId: user.id,
      actorCountry: user.country_code,
      objectType: 'user',
      objectId: user.id,
      details: { stage, device: device !== null },
    });
    return { token, stage, csrfToken, deviceCookie: issueDeviceCookie(ctx, user.email) };
  });
}

export async function signOut(ctx: Ctx, session: SessionRow): Promise<void> {
  await withTx(ctx, async (trx, audit) => {
    await revokeSession(trx, session.id, nowIso(ctx), 'sign_out');
    await audit({
      action: 'auth.sign_out',
      actorId: session.user_id,
      objectType: 'session',
      objectId: session.id,
    });
  });
}

/** Rotates the session token when a pre-session moves on a stage (no fixation). */
async function promote(session: SessionRow, trx: Tx, stage: 'password_change_required' | 'signed_in') {
  const token = randomToken(32);
  const csrfToken = randomToken(32);
  await updateSessionStage(trx, session.id, {
    stage,
    token_hash: sha256Hex(token),
    csrf_token: csrfToken,
  });
  return { token, stage, csrfToken };
}

async function sessionUser(ctx: Ctx, session: SessionRow): Promise<UserRow> {
  const user = await findUserById(ctx.db.kysely, session.user_id);
  if (!user) throw unauthenticated();
  return user;
}

/** Starts (or restarts) TOTP enrolment: a new secret, kept encrypted until confirmed. */
export async function startMfaEnrolment(ctx: Ctx, session: SessionRow) {
  const user = await sessionUser(ctx, session);
  if (user.mfa_enabled === 1) throw conflict('mfa_already_enabled');
  if (session.stage === 'mfa_required') throw unauthenticated();
  const secret = newTotpSecret();
  await withTx(ctx, async (trx, audit) => {
    await updateUser(trx, user.id, {
      mfa_secret_enc: encryptField(ctx.config.secretKey, secret, MFA_PURPOSE),
      updated_at: nowIso(ctx),
    });
    await audit({
      action: 'auth.mfa_enrolment_started',
      actorId: user.id,
      actorCountry: user.country_code,
      objectType: 'user',
      objectId: user.id,
    });
  });
  return totpEnrolment(secret, user.email);
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomToken(9)
      .replace(/[^A-Za-z0-9]/g, 'x')
      .toLowerCase()
      .slice(0, 12);
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
  });
}

function hashRecoveryCode(code: string): string {
  return sha256Hex(`recovery:${code.trim().toLowerCase()}`);
}

/** Confirms enrolment with a first code: MFA is on, recovery codes are issued (shown once). */
export async function confirmMfaEnrolment(ctx: Ctx, session: SessionRow, code: string) {
  const user = await sessionUser(ctx, session);
  if (user.mfa_enabled === 1) throw conflict('mfa_already_enabled');
  if (session.stage === 'mfa_required' || !user.mfa_secret_enc) throw new AppError(400, 'mfa_not_started');
  const secret = decryptField(ctx.config.secretKey, user.mfa_secret_enc, MFA_PURPOSE);
  const step = await checkTotp(secret, code, ctx.clock.now(), user.mfa_last_step);
  if (step === null) throw new AppError(400, 'mfa_invalid_code');
  const codes = newRecoveryCodes();
  const next = await withTx(ctx, async (trx, audit) => {
    if (!(await advanceMfaStep(trx, user.id, step))) throw new AppError(400, 'mfa_invalid_code');
    await updateUser(trx, user.id, { mfa_enabled: 1, updated_at: nowIso(ctx) });
    await replaceRecoveryCodes(
      trx,
      user.id,
      codes.map((c) => ({ id: randomUUID(), code_hash: hashRecoveryCode(c) })),
    );
    await audit({
      action: 'auth.mfa_enabled',
      actorId: user.id,
      actorCountry: user.country_code,
      objectType: 'user',
      objectId: user.id,
    });
    return session.stage === 'signed_in' ? null : promote(session, trx, afterSecondFactor(user));
  });
  return { recoveryCodes: codes, session: next };
}

/** How many of the account's recovery codes are still unused. */
export async function recoveryCodesLeft(ctx: Ctx, session: SessionRow): Promise<number> {
  const user = await sessionUser(ctx, session);
  return user.mfa_enabled === 1 ? countUnusedRecoveryCodes(ctx.db.kysely, user.id) : 0;
}

/**
 * Replaces the account's recovery codes with ten new ones (shown once), on a current
 * authenticator code: whoever holds only the open session cannot take the second factor over.
 */
export async function regenerateRecoveryCodes(
  ctx: Ctx,
  session: SessionRow,
  code: string,
): Promise<string[]> {
  const user = await sessionUser(ctx, session);
  if (user.mfa_enabled !== 1 || !user.mfa_secret_enc) throw new AppError(409, 'mfa_not_enabled');
  const acct = accountKey(user.email);
  const wait = await withTx(ctx, (trx) => lockedFor(ctx, trx, acct));
  if (wait > 0) throw tooManyRequests(wait);
  const secret = decryptField(ctx.config.secretKey, user.mfa_secret_enc, MFA_PURPOSE);
  const step = await checkTotp(secret, code, ctx.clock.now(), user.mfa_last_step);
  const codes = newRecoveryCodes();
  const done = await withTx(ctx, async (trx, audit) => {
    if (step === null || !(await advanceMfaStep(trx, user.id, step))) return false;
    await recordSuccess(trx, acct);
    await replaceRecoveryCodes(
      trx,
      user.id,
      codes.map((c) => ({ id: randomUUID(), code_hash: hashRecoveryCode(c) })),
    );
    await audit({
      action: 'auth.recovery_codes_replaced',
      actorId: user.id,
      actorCountry: user.country_code,
      objectType: 'user',
      objectId: user.id,
    });
    return true;
  });
  if (!done) {
    await withTx(ctx, async (trx, audit) => {
      await recordFailure(ctx, trx, acct, ACCOUNT_LIMIT);
      await audit({
        action: 'auth.recovery_codes_replaced',
        outcome: 'failure',
        actorId: user.id,
        actorCountry: user.country_code,
        objectType: 'user',
        objectId: user.id,
      });
    });
    throw new AppError(400, 'mfa_invalid_code');
  }
  return codes;
}

/** Second step of sign-in: a TOTP code (each accepted once) or an unused recovery code. */
export async function verifyMfa(ctx: Ctx, session: SessionRow, code: string): Promise<NewSession> {
  if (session.stage !== 'mfa_required') throw new AppError(409, 'mfa_not_pending');
  const user = await sessionUser(ctx, session);
  const acct = accountKey(user.email);
  const wait = await withTx(ctx, (trx) => lockedFor(ctx, trx, acct));
  if (wait > 0) throw tooManyRequests(wait);
  const secret = user.mfa_secret_enc
    ? decryptField(ctx.config.secretKey, user.mfa_secret_enc, MFA_PURPOSE)
    : null;
  const step = secret ? await checkTotp(secret, code, ctx.clock.now(), user.mfa_last_step) : null;

  const result = await withTx(ctx, async (trx, audit) => {
    let method: 'totp' | 'recovery' | null = null;
    if (step !== null && (await advanceMfaStep(trx, user.id, step))) method = 'totp';
    else if (
      step === null &&
      (await consumeRecoveryCode(trx, user.id, hashRecoveryCode(code), nowIso(ctx)))
    ) {
      method = 'recovery';
    }
    if (!method) return null;
    await recordSuccess(trx, acct);
    await audit({
      action: 'auth.mfa_verified',
      actorId: user.id,
      actorCountry: user.country_code,
      objectType: 'session',
      objectId: session.id,
      details: { method },
    });
    return promote(session, trx, afterSecondFactor(user));
  });
  if (!result) {
    await withTx(ctx, async (trx, audit) => {
      await recordFailure(ctx, trx, acct, ACCOUNT_LIMIT);
      await audit({
        action: 'auth.mfa_verified',
        outcome: 'failure',
        actorId: user.id,
        actorCountry: user.country_code,
        objectType: 'session',
        objectId: session.id,
      });
    });
    throw new AppError(401, 'mfa_invalid_code');
  }
  return result;
}

/** Changes the password; every other session of the user ends, the current one gets a new token. */
export async function changePassword(
  ctx: Ctx,
  session: SessionRow,
  current: string,
  next: string,
): Promise<NewSession> {
  // A fully signed-in session, or one that must change its password before anything else.
  if (session.stage !== 'signed_in' && session.stage !== 'password_change_required') throw unauthenticated();
  const user = await sessionUser(ctx, session);
  if (!(await verifyPassword(user.password_hash, current))) throw new AppError(400, 'password_current_wrong');
  assertPasswordPolicy(next);
  if (current === next) throw new AppError(400, 'password_unchanged');
  const hash = await hashPassword(next);
  return withTx(ctx, async (trx, audit) => {
    const now = nowIso(ctx);
    await updateUser(trx, user.id, {
      password_hash: hash,
      password_changed_at: now,
      must_change_password: 0,
      updated_at: now,
    });
    const ended = await revokeUserSessions(trx, user.id, now, 'password_change', session.id);
    await audit({
      action: 'auth.password_changed',
      objectType: 'user',
      objectId: user.id,
      details: { sessionsEnded: ended, required: session.stage === 'password_change_required' },
    });
    return promote(session, trx, 'signed_in');
  });
}

export async function setLocale(ctx: Ctx, userId: string, locale: Locale): Promise<void> {
  await withTx(ctx, async (trx, audit) => {
    await updateUser(trx, userId, { locale, updated_at: nowIso(ctx) });
    await audit({
      action: 'user.locale_changed',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
      details: { locale },
    });
  });
}

/** The user's own display time zone (null: follow the browser). */
export async function setTimeZone(ctx: Ctx, userId: string, timeZone: string | null): Promise<void> {
  await withTx(ctx, async (trx, audit) => {
    await updateUser(trx, userId, { time_zone: timeZone, updated_at: nowIso(ctx) });
    await audit({
      action: 'user.time_zone_changed',
      actorId: userId,
      objectType: 'user',
      objectId: userId,
      details: { timeZone },
    });
  });
}

export async function listOwnSessions(ctx: Ctx, session: SessionRow) {
  const rows = await listLiveSessions(ctx.db.kysely, session.user_id, nowIso(ctx));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    userAgent: r.user_agent,
    ip: r.ip,
    current: r.id === session.id,
  }));
}

/** A user ends one of their own sessions; another user's session id answers 404. */
export async function endOwnSession(ctx: Ctx, session: SessionRow, id: string): Promise<void> {
  const own = await listLiveSessions(ctx.db.kysely, session.user_id, nowIso(ctx));
  if (!own.some((s) => s.id === id)) throw notFound();
  await withTx(ctx, async (trx, audit) => {
    await revokeSession(trx, id, nowIso(ctx), 'ended_by_user');
    await audit({ action: 'auth.session_ended', objectType: 'session', objectId: id });
  });
}

/** Demo mode: the demo accounts and their one password, for the sign-in page. */
export async function getDemoAccounts(deps: Deps): Promise<DemoAccounts> {
  if (!deps.config.demoMode) throw notFound();
  const rows = await listDemoAccounts(deps.db.kysely);
  return {
    password: DEMO_PASSWORD,
    accounts: rows.map((r) => ({
      email: r.email,
      role: r.role as Role,
      countryCode: r.country_code,
      countryName: JSON.parse(r.country_names) as LocalizedText,
    })),
  };
}
