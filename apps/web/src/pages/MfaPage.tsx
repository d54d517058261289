import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicLayout } from '../components/PublicLayout';
import { useSession, useSignOut, useVerifyMfa } from '../features/auth/auth.queries';
import { MfaEnrolment } from '../features/auth/MfaEnrolment';
import { TotpCodeInput } from '../features/auth/TotpCodeInput';
import { focusFirstInvalid, useFieldError } from '../hooks/useFieldError';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { usePageTitle } from '../hooks/usePageTitle';

function MfaVerify() {
  const { t } = useTranslation();
  const verify = useVerifyMfa();
  const fieldError = useFieldError();
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => {
        const code = v.trim();
        if (recovery) return /^[0-9A-Za-z-]{6,32}$/.test(code) ? null : 'validation.required';
        return /^\d{6}$/.test(code) ? null : 'validation.code';
      },
    },
  });

  const handleSubmit = form.onSubmit((values) => verify.mutate(values.code.trim()), focusFirstInvalid);
  const handleToggle = () => {
    setRecovery((r) => !r);
    form.reset();
    verify.reset();
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <Text>{recovery ? t('mfa.verifyRecoveryIntro') : t('mfa.verifyIntro')}</Text>
        <ErrorAlert error={verify.error} />
        {recovery ? (
          <TextInput
            key="recovery"
            label={t('mfa.recoveryCode')}
            description={t('mfa.recoveryCodeHint')}
            autoComplete="off"
            spellCheck={false}
            required
            {...form.getInputProps('code')}
            error={fieldError(form.errors.code)}
          />
        ) : (
          <TotpCodeInput key="totp" {...form.getInputProps('code')} error={fieldError(form.errors.code)} />
        )}
        <Button type="submit" fullWidth loading={verify.isPending}>
          {t('mfa.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={handleToggle}>
          {recovery ? t('mfa.useAuthenticator') : t('mfa.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  );
}

/** Second step of sign-in: verify a code, or enrol when the server requires it first. */
export function MfaPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // Once enrolment is confirmed the session is signed in, but the recovery codes stay on screen
  // until the user says they saved them, even if the session is reloaded meanwhile.
  const [confirmed, setConfirmed] = useState(false);
  const enrolling = session?.stage === 'mfa_enrolment_required' || confirmed;
  const title = enrolling ? t('mfa.enrolTitle') : t('mfa.verifyTitle');
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  if (!session?.stage) return <Navigate to="/sign-in" replace />;
  if (session.stage === 'signed_in' && !confirmed) return <Navigate to="/" replace />;
  if (session.stage === 'password_change_required' && !confirmed)
    return <Navigate to="/change-password" replace />;

  return (
    <PublicLayout>
      <Card withBorder shadow="sm" radius="lg" p="xl">
        <Stack gap="md">
          <Title order={1} size="h2" ref={heading} tabIndex={-1}>
            {title}
          </Title>
          {enrolling && <Text c="dimmed">{t('mfa.enrolRequired')}</Text>}
          {enrolling ? (
            <MfaEnrolment
              onConfirmed={() => setConfirmed(true)}
              onFinished={() => navigate('/', { replace: true })}
            />
          ) : (
            <MfaVerify />
          )}
          <Group justify="center" pt="xs" hidden={confirmed}>
            <Button variant="subtle" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t('mfa.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </PublicLayout>
  );
}
