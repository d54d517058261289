/**
 * How a zod issue is said to a user: the key of its message under `validation.` of
 * packages/shared/locales and the values it names. A number is "too large (maximum N)", a text
 * "too long (at most N characters)", a list has "too many items", a date is "after <date>"; counts
 * are plurals (`count`), numbers and dates are formatted in the reader's language by the messages
 * (`{{maximum, number}}`, `{{maximum, day}}`). Used by the server's error handler and by forms that
 * check a value against a shared schema.
 */
export interface IssueLike {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  divisor?: number;
  values?: readonly unknown[];
  keys?: readonly string[];
  params?: Record<string, unknown>;
}

export interface IssueMessage {
  key: string;
  params: Record<string, string | number>;
}

const asNumber = (v: number | bigint | undefined) => (v === undefined ? 0 : Number(v));
/** A date bound of zod (milliseconds) as the calendar day the `day` formatter reads. */
const asDay = (v: number | bigint | undefined) => new Date(asNumber(v)).toISOString().slice(0, 10);

export function issueMessage(issue: IssueLike): IssueMessage {
  const origin = issue.origin ?? '';
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const bound = big ? issue.maximum : issue.minimum;
      if (origin === 'string') {
        if (!big && asNumber(bound) === 1) return { key: 'validation.required', params: {} };
        return {
          key: big ? 'validation.string_too_long' : 'validation.string_too_short',
          params: { count: asNumber(bound) },
        };
      }
      if (origin === 'array' || origin === 'set') {
        return {
          key: big ? 'validation.array_too_big' : 'validation.array_too_small',
          params: { count: asNumber(bound) },
        };
      }
      if (origin === 'date') {
        return big
          ? { key: 'validation.date_too_big', params: { maximum: asDay(bound) } }
          : { key: 'validation.date_too_small', params: { minimum: asDay(bound) } };
      }
      const exclusive = issue.inclusive === false ? '_exclusive' : '';
      return big
        ? { key: `validation.too_big${exclusive}`, params: { maximum: asNumber(bound) } }
        : { key: `validation.too_small${exclusive}`, params: { minimum: asNumber(bound) } };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'validation.not_integer', params: {} };
      return { key: 'validation.invalid_type', params: {} };
    case 'not_multiple_of':
      return { key: 'validation.not_multiple', params: { step: issue.divisor ?? 1 } };
    case 'invalid_format':
      if (issue.format === 'date') return { key: 'validation.invalid_date', params: {} };
      if (issue.format === 'datetime') return { key: 'validation.invalid_datetime', params: {} };
      return { key: 'validation.invalid_format', params: {} };
    case 'invalid_value':
      return { key: 'validation.invalid_value', params: { values: (issue.values ?? []).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'validation.unrecognized_keys', params: {} };
    case 'custom': {
      // A refinement names its message: `refine(f, { params: { message: 'decimals', count: 2 } })`.
      const { message, ...rest } = issue.params ?? {};
      if (typeof message === 'string') {
        const params = Object.fromEntries(
          Object.entries(rest).filter((e): e is [string, string | number] =>
            ['string', 'number'].includes(typeof e[1]),
          ),
        );
        return { key: `validation.${message}`, params };
      }
      return { key: 'validation.invalid', params: {} };
    }
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

/**
 * i18next formatters of dates in messages: `{{d, day}}` is a calendar date (YYYY-MM-DD), shown as
 * that day whatever the reader's time zone; `{{t, instant}}` is a moment, shown in the reader's
 * time zone (the `timeZone` option of the translation, UTC when absent). Never raw ISO strings.
 */
export type MessageFormatter = (
  value: unknown,
  lng: string | undefined,
  options: Record<string, unknown>,
) => string;

const formatDay: MessageFormatter = (value, lng) => {
  const s = String(value);
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(d.getTime())) return s;
  return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
};

const formatInstant: MessageFormatter = (value, lng, options) => {
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  const timeZone = typeof options.timeZone === 'string' ? options.timeZone : 'UTC';
  try {
    return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
  } catch {
    return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  }
};

export const MESSAGE_FORMATTERS: Record<'day' | 'instant', MessageFormatter> = {
  day: formatDay,
  instant: formatInstant,
};

/** An IANA time zone the runtime knows (a reader's, sent by the web app), else null. */
export function knownTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    return null;
  }
}
