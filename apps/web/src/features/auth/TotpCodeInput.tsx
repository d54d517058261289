import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Validates the code of an authenticator app: six digits. */
export const validateTotpCode = (value: string) => (/^\d{6}$/.test(value.trim()) ? null : 'validation.code');

/** The six-digit code of an authenticator app, with the browser's one-time-code autofill. */
export function TotpCodeInput(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('mfa.code')}
      description={t('mfa.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      {...props}
    />
  );
}
