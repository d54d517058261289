import type { IssueMessage } from '@enlace/shared';

/** What a number field accepts: read from the shared zod schema, so form and server agree. */
export interface NumberRules {
  min?: number;
  max?: number;
  integer: boolean;
  /** Decimal places at most (money: 2); any when absent. */
  decimals?: number;
}

/** What the rules read of a zod number schema (zod 4's `minValue`, `maxValue`, `isInt`). */
interface NumberSchemaLike {
  unwrap?: () => unknown;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

/** The bounds a shared zod number schema (possibly nullable or optional) declares. */
export function numberRules(schema: object, extra: { decimals?: number } = {}): NumberRules {
  let s = schema as NumberSchemaLike;
  while (typeof s.unwrap === 'function' && s.minValue === undefined) s = s.unwrap() as NumberSchemaLike;
  const finite = (v: number | null | undefined) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined;
  return {
    min: finite(s.minValue),
    max: finite(s.maxValue),
    integer: s.isInt === true,
    decimals: s.isInt ? 0 : extra.decimals,
  };
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; error: IssueMessage };

const NUMBER = /^([-+]?)(\d+)(?:[.,](\d+))?$/;

/**
 * Reads what the user typed in a number field, without changing it: blank is unknown (null); digits
 * with at most one decimal mark ("." or ",", as the user's language writes it) and an optional sign.
 * Anything else — a thousands separator, a letter, "3.5" where a whole number is asked, a value out
 * of bounds — is an error with its message key (`validation.*` of the shared messages), never a
 * value stripped to its digits.
 */
export function parseNumberText(text: string, rules: NumberRules): ParsedNumber {
  const s = text.trim().replace(/^\u2212/, '-');
  if (s === '') return { ok: true, value: null };
  const m = NUMBER.exec(s);
  if (!m) return { ok: false, error: { key: 'validation.not_a_number', params: {} } };
  const fraction = m[3] ?? '';
  const value = Number(`${m[1]}${m[2]}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return { ok: false, error: { key: 'validation.not_a_number', params: {} } };
  if (rules.integer && !Number.isInteger(value)) {
    return { ok: false, error: { key: 'validation.not_integer', params: {} } };
  }
  const places = fraction.replace(/0+$/, '').length;
  if (!rules.integer && rules.decimals !== undefined && places > rules.decimals) {
    return { ok: false, error: { key: 'validation.decimals', params: { count: rules.decimals } } };
  }
  if (rules.min !== undefined && value < rules.min) {
    return { ok: false, error: { key: 'validation.too_small', params: { minimum: rules.min } } };
  }
  if (rules.max !== undefined && value > rules.max) {
    return { ok: false, error: { key: 'validation.too_big', params: { maximum: rules.max } } };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A number as a field shows it to be edited (the form's text for a stored value). */
export function numberText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Plain digits, never an exponent ("1e-7"), which the field would not read back.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** The value of a field's text, for a request body (only called once the text is valid). */
export function numberOf(text: string, rules: NumberRules): number | null {
  const parsed = parseNumberText(text, rules);
  return parsed.ok ? parsed.value : null;
}
