import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { t } from './i18n';

/** A problem with one field of the request; `code` is a key under `errors.` as well. */
export interface FieldError {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * A refusal or failure the user should understand. `code` names a key under `errors.` in the
 * locales; the body sent is RFC 9457 problem+json with the title in the user's language, and
 * the field errors, if any, each with its message in that language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(code);
  }
}

/** 400 listing every field that is not acceptable (rules beyond the request schema). */
export const invalidFields = (errors: readonly FieldError[]) =>
  new AppError(400, 'validation', {}, {}, errors);

export const notFound = () => new AppError(404, 'not_found');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const forbidden = () => new AppError(403, 'forbidden');
export const badRequest = (code: string, params: Record<string, string | number> = {}) =>
  new AppError(400, code, params);
export const conflict = (code: string) => new AppError(409, code);

function problem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  errors?: { path: string; message: string }[],
) {
  const locale = request.locale;
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: `urn:enlace:problem:${code}`,
      title: t(locale, `errors.${code}`, params),
      status,
      code,
      ...(errors ? { errors } : {}),
    });
}

/** `\u0000` escaped in JSON text (an odd run of backslashes before it: not a literal "\\u0000"). */
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/;

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => problem(request, reply, 404, 'not_found'));

  // JSON bodies go through Fastify's own parser (it refuses prototype poisoning), after the
  // refusal of a NUL character: no database keeps it alike (PostgreSQL refuses it, SQLite stores
  // it), so it would fail as an internal error on one and pass on the other.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (JSON_NUL.test(body as string)) {
      done(badRequest('invalid_character'), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      const fields = err.fieldErrors.map((f) => ({
        path: f.path,
        message: t(request.locale, `errors.${f.code}`, f.params ?? {}),
      }));
      return problem(request, reply, err.status, err.code, err.params, fields.length ? fields : undefined);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const locale = request.locale;
      const errors = err.validation.map((v) => {
        const p = v.params as Record<string, unknown>;
        const params = {
          minimum: String(p.minimum ?? ''),
          maximum: String(p.maximum ?? ''),
          values: Array.isArray(p.values) ? p.values.join(', ') : '',
        };
        const key = `validation.${v.keyword}`;
        const message = t(locale, key, params);
        return {
          path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
          message: message === key ? t(locale, 'validation.invalid') : message,
        };
      });
      return problem(request, reply, 400, 'validation', {}, errors);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return problem(request, reply, 500, 'internal');
    }
    if (err.statusCode === 429) return problem(request, reply, 429, 'rate_limited');
    if (err.statusCode === 413) return problem(request, reply, 413, 'too_large');
    if (err.statusCode === 415) return problem(request, reply, 415, 'unsupported_media_type');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return problem(request, reply, err.statusCode, 'bad_request');
    }
    request.log.error({ err }, 'unhandled error');
    return problem(request, reply, 500, 'internal');
  });
}
