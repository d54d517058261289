import { type Locale, LOCALES, resolveLocale } from '@enlace/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, type Ctx, type Deps, nowIso } from '../context';
import { buildActor, recordDenial, type RouteAccess } from '../authz/access';
import { hmacBase64url, randomToken, safeEqual, sha256Hex } from '../crypto';
import { AppError, forbidden, unauthenticated } from '../errors';
import {
  findLiveSessionWithAccount,
  revokeSession,
  type SessionRow,
  touchSession,
} from './session.repository';

export const SESSION_COOKIE = '__Host-enlace_session';
/** Pre-session cookie that anchors the CSRF token of the sign-in form. */
export const PRESESSION_COOKIE = '__Host-enlace_pre';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    session: SessionRow | null;
    ctx: Ctx;
  }
  interface FastifyInstance {
    /** Resolves once every last-seen write started so far has ended (tests, shutdown). */
    sessionTouchesSettled: () => Promise<void>;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The last-seen time is written at most once a minute per session, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export function cookieOptions(maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict' as const,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, deps: Deps): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(Math.floor(deps.config.sessionAbsoluteMs / 1000)));
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions());
}

export function presessionCsrf(deps: Deps, preId: string): string {
  return hmacBase64url(deps.config.secretKey, `pre:${preId}`);
}

/** Why a session no longer counts, if it does not. */
function expiry(deps: Deps, s: SessionRow): string | null {
  const now = deps.clock.now().getTime();
  if (now >= Date.parse(s.absolute_expires_at)) return 'absolute_timeout';
  if (now - Date.parse(s.last_seen_at) >= deps.config.sessionIdleMs) return 'idle_timeout';
  return null;
}

/**
 * On every request: resolve the session from its cookie, the locale, then enforce the route's
 * declared access (deny by default: a route without one is refused) and CSRF on unsafe methods.
 */
export function registerSession(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('locale', 'es');
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as unknown as Ctx);
  const touches = new Set<Promise<void>>();
  const settled = async () => {
    await Promise.all([...touches]);
  };
  app.decorate('sessionTouchesSettled', settled);
  app.addHook('onClose', settled);

  app.addHook('onRequest', async (request, reply) => {
    request.locale = resolveLocale(request.headers['accept-language']);
    request.ctx = { ...deps, actor: null, ip: request.ip, locale: request.locale };
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findLiveSessionWithAccount(deps.db.kysely, sha256Hex(token));
      const session = found?.session;
      const user = found?.account;
      const ended = session ? expiry(deps, session) : null;
      if (session && ended) await revokeSession(deps.db.kysely, session.id, nowIso(deps), ended);
      if (session && !ended && user && user.status === 'active') {
        request.session = session;
        if ((LOCALES as readonly string[]).includes(user.locale)) request.locale = user.locale as Locale;
        if (session.stage === 'signed_in') request.actor = buildActor(user, session.id);
        const now = deps.clock.now();
        if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
          // Not waited for: while another connection holds SQLite's write lock (a large import)
          // the request goes on, and the time is written once the lock is free.
          const touch = touchSession(deps.db.kysely, session.id, now.toISOString())
            .catch((err: unknown) => request.log.warn({ err }, 'session touch failed'))
            .finally(() => touches.delete(touch));
          touches.add(touch);
        }
      } else {
        clearSessionCookie(reply);
      }
      request.ctx = { ...deps, actor: request.actor, ip: request.ip, locale: request.locale };
    }

    const url = request.routeOptions.url;
    if (url === undefined) return; // no route matched: the not-found handler answers
    const access = request.routeOptions.config.access;
    if (!access) {
      request.log.error({ route: url }, 'route declares no access; refused');
      throw forbidden();
    }
    if (access !== 'public') {
      if (access === 'session' ? !request.session : !request.actor) {
        // Logged, not audited: anonymous probes would otherwise let anyone grow the audit chain.
        request.log.warn({ route: url, reason: 'unauthenticated' }, 'access refused');
        throw unauthenticated();
      }
      if (access !== 'session' && access !== 'signed_in' && !request.actor?.permissions.has(access)) {
        await recordDenial(request.ctx, { action: `${request.method} ${url}`, reason: 'permission' });
        throw forbidden();
      }
    }
    if (UNSAFE.has(request.method)) await checkCsrf(request, deps);
  });
}

async function checkCsrf(request: FastifyRequest, deps: Deps): Promise<void> {
  const header = request.headers[CSRF_HEADER];
  const sent = typeof header === 'string' ? header : '';
  const site = request.headers['sec-fetch-site'];
  const crossSite = typeof site === 'string' && site !== 'same-origin' && site !== 'none';
  let expected: string | null = null;
  if (request.session) expected = request.session.csrf_token;
  else {
    const pre = request.cookies[PRESESSION_COOKIE];
    if (pre) expected = presessionCsrf(deps, pre);
  }
  if (crossSite || !expected || !sent || !safeEqual(sent, expected)) {
    request.log.warn({ route: request.routeOptions.url }, 'CSRF check failed');
    await recordDenial(request.ctx, {
      action: `${request.method} ${request.routeOptions.url}`,
      reason: 'csrf',
    });
    throw new AppError(403, 'csrf');
  }
}

/** Makes sure an anonymous browser has a pre-session id, and returns the CSRF token bound to it. */
export function ensurePresession(request: FastifyRequest, reply: FastifyReply, deps: Deps): string {
  let pre = request.cookies[PRESESSION_COOKIE];
  if (!pre) {
    pre = randomToken(32);
    reply.setCookie(PRESESSION_COOKIE, pre, cookieOptions());
  }
  return presessionCsrf(deps, pre);
}
