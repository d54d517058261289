import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Client-side validation messages, kept as keys so they follow a change of language. */
export type ValidationKey =
  | 'validation.required'
  | 'validation.email'
  | 'validation.passwordLength'
  | 'validation.passwordMismatch'
  | 'validation.code';

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
