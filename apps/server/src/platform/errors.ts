import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type IssueLike, issueMessage, knownTimeZone } from '@enlace/shared';
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
      title: t(locale, `errors.${code}`, params, readerTimeZone(request)),
      status,
      code,
      ...(errors ? { errors } : {}),
    });
}

/**
 * The reader's time zone, for instants in messages: sent by the web app (`x-time-zone`), UTC when
 * absent or unknown. Calendar dates need none.
 */
export function readerTimeZone(request: FastifyRequest): string | null {
  return knownTimeZone(request.headers['x-time-zone']);
}

/** `\u0000` escaped in JSON text (an odd run of backslashes before it: not a literal "\\u0000"). */
const JSON_NUL = /(?<!\\)(?:\\\\)*\\u0000/;
/** An escaped surrogate (`\uD800`–`\uDFFF`): the parsed strings are then checked for lone ones. */
const JSON_SURROGATE = /\\u[dD][89a-fA-F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => LONE_SURROGATE.test(k) || hasLoneSurrogate(v));
  }
  return false;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => problem(request, reply, 404, 'not_found'));

  // JSON bodies go through Fastify's own parser (it refuses prototype poisoning), after the
  // refusal of text no database keeps alike: a NUL character (PostgreSQL refuses it, SQLite stores
  // it), bytes that are not UTF-8 and lone surrogates (each would be stored as a replacement
  // character, silently changing what was sent). Each is a 400 in the user's language.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, raw, done) => {
    let body: string;
    try {
      body = utf8.decode(raw as Buffer);
    } catch {
      done(badRequest('invalid_encoding'), undefined);
      return;
    }
    if (JSON_NUL.test(body)) {
      done(badRequest('invalid_character'), undefined);
      return;
    }
    parseJson(request, body, (err, value) => {
      if (!err && JSON_SURROGATE.test(body) && hasLoneSurrogate(value)) {
        done(badRequest('invalid_encoding'), undefined);
        return;
      }
      done(err, value);
    });
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      const fields = err.fieldErrors.map((f) => ({
        path: f.path,
        message: t(request.locale, `errors.${f.code}`, f.params ?? {}, readerTimeZone(request)),
      }));
      return problem(request, reply, err.status, err.code, err.params, fields.length ? fields : undefined);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const locale = request.locale;
      const timeZone = readerTimeZone(request);
      const errors = err.validation.flatMap((v) => {
        const issue: IssueLike = { ...(v.params as Omit<IssueLike, 'code'>), code: v.keyword };
        const { key, params } = issueMessage(issue);
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const message = t(locale, key, params, timeZone);
        // An unknown key is named where it is, one error each, at any depth of the body.
        if (v.keyword === 'unrecognized_keys' && issue.keys) {
          return issue.keys.map((k) => ({ path: path ? `${path}.${k}` : k, message }));
        }
        return [{ path, message }];
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
