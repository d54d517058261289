import { Button, Code, CopyButton, Group, Image, List, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, useFieldError } from '../../hooks/useFieldError';
import { useConfirmMfaEnrolment, useFinishMfaEnrolment, useStartMfaEnrolment } from './auth.queries';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpCodeInput, validateTotpCode } from './TotpCodeInput';

function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * TOTP enrolment: start (the server makes a secret), scan the QR code or type the key, confirm
 * with a first code, then keep the recovery codes. Used at sign-in and from the profile.
 */
export function MfaEnrolment({
  onConfirmed,
  onFinished,
}: {
  /** Called as soon as the recovery codes arrive: the parent must keep this component shown. */
  onConfirmed?: () => void;
  onFinished?: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfaEnrolment();
  const finish = useFinishMfaEnrolment();
  const fieldError = useFieldError();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: validateTotpCode },
  });

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onContinue={async () => {
          await finish();
          onFinished?.();
        }}
      />
    );
  }

  if (!start.data) {
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t('mfa.enrolIntro')}</Text>
        <ErrorAlert error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('mfa.start')}
        </Button>
      </Stack>
    );
  }

  const enrolment = start.data;
  const handleSubmit = form.onSubmit((values) => {
    confirm.mutate(values.code.trim(), {
      onSuccess: (result) => {
        setCodes(result.recoveryCodes);
        onConfirmed?.();
      },
    });
  }, focusFirstInvalid);

  return (
    <Stack gap="md">
      <List type="ordered" spacing="md">
        <List.Item>
          <Text>{t('mfa.stepScan')}</Text>
          <Image
            src={enrolment.qrDataUrl}
            alt={t('mfa.qrAlt')}
            w={200}
            h={200}
            mt="sm"
            radius="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </List.Item>
        <List.Item>
          <Text>{t('mfa.stepManual')}</Text>
          <Group gap="sm" mt="xs" wrap="wrap">
            <Code fz="md" data-testid="mfa-secret" aria-label={t('mfa.secretLabel')}>
              {groupSecret(enrolment.secret)}
            </Code>
            <CopyButton value={enrolment.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </List.Item>
        <List.Item>
          <Text>{t('mfa.stepConfirm')}</Text>
        </List.Item>
      </List>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={confirm.error} />
          <TotpCodeInput w={220} {...form.getInputProps('code')} error={fieldError(form.errors.code)} />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('mfa.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
