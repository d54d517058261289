import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, useFieldError } from '../../hooks/useFieldError';
import { useRecoveryCodesLeft, useReplaceRecoveryCodes } from './auth.queries';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpCodeInput, validateTotpCode } from './TotpCodeInput';

/**
 * The recovery codes of an account with two-step verification: how many are left, and new ones
 * on a current authenticator code (the old ones stop working), shown once.
 */
export function RecoveryCodesPanel() {
  const { t } = useTranslation();
  const left = useRecoveryCodesLeft(true);
  const replace = useReplaceRecoveryCodes();
  const fieldError = useFieldError();
  const [asking, setAsking] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: validateTotpCode },
  });

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onContinue={() => {
          setCodes(null);
          setAsking(false);
          form.reset();
          replace.reset();
        }}
      />
    );
  }

  const handleSubmit = form.onSubmit((values) => {
    replace.mutate(values.code.trim(), { onSuccess: (result) => setCodes(result.recoveryCodes) });
  }, focusFirstInvalid);

  return (
    <Stack gap="sm" align="flex-start">
      {left.data && (
        <Text size="sm" aria-live="polite">
          {t('mfa.recoveryLeft', { count: left.data.left })}
        </Text>
      )}
      {!asking ? (
        <Button variant="default" onClick={() => setAsking(true)}>
          {t('mfa.replaceCodes')}
        </Button>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('mfa.replaceCodesIntro')}</Text>
            <ErrorAlert error={replace.error} />
            <TotpCodeInput w={220} {...form.getInputProps('code')} error={fieldError(form.errors.code)} />
            <Group>
              <Button type="submit" loading={replace.isPending}>
                {t('mfa.replaceCodesSubmit')}
              </Button>
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
