import i18n from './i18n';
import { readerTimeZone } from './reader-time-zone';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A refused or failed API call. `title` and `detail` come from the server's RFC 9457 problem
 * document, already in the user's language; network failures get a title from the web locales.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fieldErrors: FieldError[],
    readonly retryAfterSeconds: number | null,
    /** The whole problem document, for answers that carry more than field errors (an import's rows). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(title);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

// The server checks this token on every unsafe request; it changes at sign-in and at each
// session promotion, so every response that carries one updates it here.
let csrfToken = '';

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  code?: unknown;
  errors?: unknown;
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).path === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryHeader = res.headers.get('retry-after');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  let body: ProblemBody = {};
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    body = ((await res.json().catch(() => ({}))) ?? {}) as ProblemBody;
  }
  const title =
    typeof body.title === 'string' && body.title
      ? body.title
      : i18n.t('errors.unexpected', { status: res.status });
  return new ApiError(
    res.status,
    typeof body.code === 'string' ? body.code : 'unknown',
    title,
    typeof body.detail === 'string' ? body.detail : undefined,
    Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
    retryAfter,
    body as Record<string, unknown>,
  );
}

/** What every call says: the answers it reads, the UI language, the reader's time zone. */
function commonHeaders(): Record<string, string> {
  return {
    accept: 'application/json, application/problem+json',
    'accept-language': i18n.language,
    'x-time-zone': readerTimeZone(),
  };
}

const networkError = () => new ApiError(0, 'network', i18n.t('errors.network'), undefined, [], null);

/**
 * Calls the API with the session cookie, the CSRF token on unsafe methods and the UI language.
 * `body` is sent as JSON; `text` as it is, with its own content type (a CSV file to import).
 */
export async function api<T>(
  path: string,
  options: { method?: Method; body?: unknown; text?: { content: string; type: string } } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = commonHeaders();
  // Fastify refuses an empty body declared as JSON, so the type goes only with a body.
  let body: string | null = null;
  if (options.text) {
    headers['content-type'] = options.text.type;
    body = options.text.content;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The response headers of an XMLHttpRequest, as a Headers object. */
function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * Sends one file as multipart/form-data (the part named `file`), telling how much of it has gone
 * (0 to 1) as it goes: XMLHttpRequest, because fetch reports no upload progress. A refusal is the
 * same ApiError as `api`'s; `signal` aborts the upload (the promise then rejects with an
 * AbortError).
 */
export function uploadFile<T>(
  path: string,
  file: File,
  options: { onProgress?: (ratio: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    for (const [name, value] of Object.entries(commonHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status, headers: headersOf(xhr) });
      if (res.ok) res.json().then((body) => resolve(body as T), reject);
      else toApiError(res).then(reject, reject);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
