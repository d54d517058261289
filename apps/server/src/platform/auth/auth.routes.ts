import {
  idParamsSchema,
  localeBodySchema,
  mfaCodeBodySchema,
  mfaConfirmResultSchema,
  mfaEnrolmentSchema,
  okSchema,
  passwordChangeBodySchema,
  recoveryCodesLeftSchema,
  sessionItemSchema,
  sessionStageSchema,
  sessionViewSchema,
  signInBodySchema,
  timeZoneBodySchema,
  demoAccountsSchema,
} from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../context';
import { unauthenticated } from '../errors';
import { findUserById } from '../users/user.repository';
import {
  clearSessionCookie,
  cookieOptions,
  ensurePresession,
  setSessionCookie,
} from '../session/session.plugin';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from './throttle';
import {
  changePassword,
  confirmMfaEnrolment,
  endOwnSession,
  listOwnSessions,
  mfaRequired,
  recoveryCodesLeft,
  regenerateRecoveryCodes,
  setLocale,
  setTimeZone,
  signIn,
  signOut,
  startMfaEnrolment,
  toMe,
  getDemoAccounts,
  verifyMfa,
} from './auth.service';

const stageResult = z.object({
  stage: sessionStageSchema,
  csrfToken: z.string(),
});

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/session',
      { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: sessionViewSchema } } },
      async (request, reply) => {
        const s = request.session;
        const user = s ? await findUserById(deps.db.kysely, s.user_id) : undefined;
        return {
          stage: s && user ? (s.stage as 'signed_in') : null,
          user: s && user ? await toMe(deps, user) : null,
          csrfToken: s ? s.csrf_token : ensurePresession(request, reply, deps),
          demoMode: deps.config.demoMode,
          mfaRequired: mfaRequired(deps),
        };
      },
    );

    // Demo mode only: in production this route is never registered, so it answers 404.
    if (deps.config.demoMode) {
      app.get(
        '/api/auth/demo-accounts',
        {
          config: { access: 'public' },
          schema: { tags: ['auth'], response: { 200: demoAccountsSchema } },
        },
        () => getDemoAccounts(deps),
      );
    }

    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: signInBodySchema, response: { 200: stageResult } },
      },
      async (request, reply) => {
        const result = await signIn(request.ctx, {
          email: request.body.email,
          password: request.body.password,
          userAgent: request.headers['user-agent'] ?? null,
          previousSessionId: request.session?.id ?? null,
          deviceCookie: request.cookies[DEVICE_COOKIE] ?? null,
        });
        setSessionCookie(reply, result.token, deps);
        reply.setCookie(DEVICE_COOKIE, result.deviceCookie, cookieOptions(DEVICE_COOKIE_MAX_AGE_S));
        return { stage: result.stage, csrfToken: result.csrfToken };
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: { access: 'session' }, schema: { tags: ['auth'], response: { 200: okSchema } } },
      async (request, reply) => {
        if (!request.session) throw unauthenticated();
        await signOut(request.ctx, request.session);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/mfa/enrol',
      { config: { access: 'session' }, schema: { tags: ['auth'], response: { 200: mfaEnrolmentSchema } } },
      async (request) => {
        if (!request.session) throw unauthenticated();
        return startMfaEnrolment(request.ctx, request.session);
      },
    );

    app.post(
      '/api/auth/mfa/confirm',
      {
        config: { access: 'session' },
        schema: {
          tags: ['auth'],
          body: mfaCodeBodySchema,
          response: { 200: mfaConfirmResultSchema.extend({ csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw unauthenticated();
        const result = await confirmMfaEnrolment(request.ctx, session, request.body.code);
        if (result.session) setSessionCookie(reply, result.session.token, deps);
        return {
          recoveryCodes: result.recoveryCodes,
          csrfToken: result.session?.csrfToken ?? session.csrf_token,
        };
      },
    );

    app.post(
      '/api/auth/mfa/verify',
      {
        config: { access: 'session', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: mfaCodeBodySchema, response: { 200: stageResult } },
      },
      async (request, reply) => {
        if (!request.session) throw unauthenticated();
        const result = await verifyMfa(request.ctx, request.session, request.body.code);
        setSessionCookie(reply, result.token, deps);
        return { stage: result.stage, csrfToken: result.csrfToken };
      },
    );

    app.get(
      '/api/auth/mfa/recovery-codes',
      {
        config: { access: 'signed_in' },
        schema: { tags: ['auth'], response: { 200: recoveryCodesLeftSchema } },
      },
      async (request) => {
        if (!request.session) throw unauthenticated();
        return { left: await recoveryCodesLeft(request.ctx, request.session) };
      },
    );

    app.post(
      '/api/auth/mfa/recovery-codes',
      {
        config: { access: 'signed_in', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], body: mfaCodeBodySchema, response: { 200: mfaConfirmResultSchema } },
      },
      async (request) => {
        if (!request.session) throw unauthenticated();
        return {
          recoveryCodes: await regenerateRecoveryCodes(request.ctx, request.session, request.body.code),
        };
      },
    );

    app.post(
      '/api/auth/password',
      {
        // Also the one thing a session may do while its password must be changed (checked in the service).
        config: { access: 'session' },
        schema: { tags: ['auth'], body: passwordChangeBodySchema, response: { 200: stageResult } },
      },
      async (request, reply) => {
        if (!request.session) throw unauthenticated();
        const { currentPassword, newPassword } = request.body;
        const result = await changePassword(request.ctx, request.session, currentPassword, newPassword);
        setSessionCookie(reply, result.token, deps);
        return { stage: result.stage, csrfToken: result.csrfToken };
      },
    );

    app.put(
      '/api/auth/locale',
      {
        // Any session: a user may change language while still at the second-factor step.
        config: { access: 'session' },
        schema: { tags: ['auth'], body: localeBodySchema, response: { 200: okSchema } },
      },
      async (request) => {
        if (!request.session) throw unauthenticated();
        await setLocale(request.ctx, request.session.user_id, request.body.locale);
        return { ok: true as const };
      },
    );

    app.put(
      '/api/auth/time-zone',
      {
        config: { access: 'signed_in' },
        schema: { tags: ['auth'], body: timeZoneBodySchema, response: { 200: okSchema } },
      },
      async (request) => {
        if (!request.session) throw unauthenticated();
        await setTimeZone(request.ctx, request.session.user_id, request.body.timeZone);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/sessions',
      {
        config: { access: 'signed_in' },
        schema: { tags: ['auth'], response: { 200: z.array(sessionItemSchema) } },
      },
      async (request) => {
        if (!request.session) throw unauthenticated();
        return listOwnSessions(request.ctx, request.session);
      },
    );

    app.delete(
      '/api/auth/sessions/:id',
      {
        config: { access: 'signed_in' },
        schema: { tags: ['auth'], params: idParamsSchema, response: { 200: okSchema } },
      },
      async (request) => {
        if (!request.session) throw unauthenticated();
        await endOwnSession(request.ctx, request.session, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
