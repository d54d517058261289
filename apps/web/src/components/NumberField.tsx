import type { IssueMessage } from '@enlace/shared';
import { TextInput, type TextInputProps } from '@mantine/core';
import { type FocusEvent, type ReactNode, useState } from 'react';
import { useLooseT } from '../hooks/useLooseT';
import { type NumberRules, parseNumberText } from './number-text';

/** A message of the shared (server) catalogue, translated when shown: it follows a change of language. */
export function ApiMessage({ message }: { message: IssueMessage }) {
  const t = useLooseT();
  return <>{t(`api:${message.key}`, message.params)}</>;
}

/** A form error (Mantine form's ReactNode) from a message of the shared catalogue. */
export const apiMessage = (message: IssueMessage): ReactNode => <ApiMessage message={message} />;

/** The form rule of a number field: the same reading as the field, an error message or null. */
export function numberRule(rules: NumberRules, opts: { required?: boolean } = {}) {
  return (text: string): ReactNode => {
    const parsed = parseNumberText(text, rules);
    if (!parsed.ok) return apiMessage(parsed.error);
    if (opts.required && parsed.value === null) return apiMessage({ key: 'validation.required', params: {} });
    return null;
  };
}

type NumberFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  /** The text as typed (a form's value; '' when unknown). */
  value?: string;
  onChange: (text: string) => void;
  rules: NumberRules;
};

/**
 * THE number field of the application: it keeps exactly what the user typed (no stripping, no
 * reformatting) and says what is wrong with it — not a number, not a whole number, too small, too
 * large — as soon as the user leaves the field, and again on submit (the form's `numberRule`).
 * Bounds come from the shared zod schema (`numberRules(schema)`), as the server checks them.
 */
export function NumberField({ value = '', onChange, rules, error, onBlur, ...props }: NumberFieldProps) {
  const [left, setLeft] = useState(false);
  const parsed = parseNumberText(value, rules);
  const own = left && !parsed.ok ? <ApiMessage message={parsed.error} /> : null;
  return (
    <TextInput
      {...props}
      type="text"
      inputMode={rules.integer && (rules.min ?? -1) >= 0 ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        setLeft(true);
        onBlur?.(e);
      }}
      error={error || own}
    />
  );
}
