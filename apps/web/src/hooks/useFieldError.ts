import { isApiError } from '../api';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Client-side validation messages, kept as keys so they follow a change of language. */
export type ValidationKey =
  | 'validation.required'
  | 'validation.email'
  | 'validation.passwordLength'
  | 'validation.passwordMismatch'
  | 'validation.code'
  | 'validation.timeZoneNeeded'
  | 'validation.termCode'
  | 'validation.partialDate'
  | 'validation.nameOrDocument'
  | 'validation.birthDatePrecision'
  | 'validation.currency';

export function useFieldError() {
  const { t } = useTranslation();
  return (error: ReactNode): ReactNode =>
    typeof error === 'string' && error.startsWith('validation.') ? t(error as ValidationKey) : error;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const validators = {
  required: (value: string): ValidationKey | null => (value.trim() ? null : 'validation.required'),
  email: (value: string): ValidationKey | null =>
    !value.trim() ? 'validation.required' : EMAIL.test(value.trim()) ? null : 'validation.email',
  newPassword: (value: string): ValidationKey | null =>
    value.length < PASSWORD_MIN || value.length > PASSWORD_MAX ? 'validation.passwordLength' : null,
};

/** After a refused submit, puts the keyboard on the first field to fix (its error is read out). */
export function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

/**
 * Puts the server's field errors (already in the user's language) under the fields they concern,
 * then moves the keyboard to the first one. `pathOf` maps a server path to the form's.
 */
export function showServerErrors(
  form: { setErrors: (errors: Record<string, string>) => void },
  error: unknown,
  pathOf: (path: string) => string = (p) => p,
): void {
  if (!isApiError(error) || error.fieldErrors.length === 0) return;
  const errors: Record<string, string> = {};
  for (const e of error.fieldErrors) {
    const path = pathOf(e.path);
    errors[path] = errors[path] ? `${errors[path]} ${e.message}` : e.message;
  }
  form.setErrors(errors);
  focusFirstInvalid();
}
