import type { Deps, Tx } from '../context';
import { hmacBase64url, randomToken, safeEqual, sha256Hex } from '../crypto';
import { clearThrottle, findThrottle, upsertThrottle } from '../session/session.repository';

/**
 * Sign-in throttling kept in the database (so it holds across restarts and across servers):
 * per account name and per address. The same rules apply whether or not the account exists.
 */
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;
const BASE_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
/**
 * Failures are counted within a window: a key that has been quiet (and unlocked) this long starts
 * again from zero. Without it, an office behind one shared address would, after 20 typos over
 * months, lock out all its staff at every further typo.
 */
export const FAILURE_WINDOW_MS = 15 * 60_000;

export function accountKey(email: string): string {
  return `acct:${email.trim().toLowerCase()}`;
}
export function addressKey(ip: string | null): string {
  return `ip:${ip ?? 'unknown'}`;
}

/** Seconds until the key may try again, or 0. */
export async function lockedFor(deps: Deps, db: Tx, key: string): Promise<number> {
  const row = await findThrottle(db, key);
  if (!row?.locked_until) return 0;
  const ms = Date.parse(row.locked_until) - deps.clock.now().getTime();
  return ms > 0 ? ms / 1000 : 0;
}

/** Counts a failure; past the limit the key is locked, for twice as long at each further failure. */
export async function recordFailure(deps: Deps, db: Tx, key: string, limit: number): Promise<void> {
  const row = await findThrottle(db, key);
  const now = deps.clock.now();
  const locked = row?.locked_until ? Date.parse(row.locked_until) > now.getTime() : false;
  const quiet = row ? now.getTime() - Date.parse(row.updated_at) >= FAILURE_WINDOW_MS : true;
  const failures = (row && (locked || !quiet) ? row.failures : 0) + 1;
  const over = failures - limit;
  const lockedUntil =
    over >= 0
      ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** over)).toISOString()
      : null;
  await upsertThrottle(db, { key, failures, locked_until: lockedUntil, updated_at: now.toISOString() });
}

export async function recordSuccess(db: Tx, key: string): Promise<void> {
  await clearThrottle(db, key);
}

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): after a
 * successful password check the browser receives `<nonce>.<HMAC(login, nonce)>`. On a later
 * sign-in for the same login, a valid cookie takes the attempt out of the shared pool: it is
 * throttled only on that device's own failures, so someone who knows an address and keeps its
 * account locked from elsewhere cannot keep its owner out of a browser they used before. The
 * cookie names no one (the login is only inside the HMAC) and is useless for another account.
 */
export const DEVICE_COOKIE = '__Host-enlace_device';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

function login(email: string): string {
  return email.trim().toLowerCase();
}

function deviceSignature(deps: Deps, email: string, nonce: string): string {
  return hmacBase64url(deps.config.secretKey, `device:${login(email)}:${nonce}`);
}

export function issueDeviceCookie(deps: Deps, email: string): string {
  const nonce = randomToken(18);
  return `${nonce}.${deviceSignature(deps, email, nonce)}`;
}

/** The throttle key of a device cookie that is valid for this login, or null (untrusted). */
export function deviceKey(deps: Deps, email: string, cookie: string | null | undefined): string | null {
  if (!cookie || cookie.length > 200) return null;
  const [nonce, sig, extra] = cookie.split('.');
  if (!nonce || !sig || extra !== undefined) return null;
  if (!safeEqual(sig, deviceSignature(deps, email, nonce))) return null;
  return `dev:${sha256Hex(`${login(email)}:${nonce}`)}`;
}
