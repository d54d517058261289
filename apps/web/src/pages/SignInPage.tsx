import { Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { PasswordField } from '../components/PasswordField';
import { PublicLayout } from '../components/PublicLayout';
import { useDemoAccounts, useSession, useSignIn } from '../features/auth/auth.queries';
import { DemoAccountList } from '../features/auth/DemoAccountList';
import { focusFirstInvalid, useFieldError, validators } from '../hooks/useFieldError';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { usePageTitle } from '../hooks/usePageTitle';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const { data: session } = useSession();
  const signIn = useSignIn();
  const demo = useDemoAccounts(session?.demoMode === true);
  const submit = useRef<HTMLButtonElement>(null);
  const fieldError = useFieldError();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: validators.email, password: validators.required },
  });

  const handleSubmit = form.onSubmit((values) => {
    signIn.mutate({ email: values.email.trim(), password: values.password });
  }, focusFirstInvalid);

  // The demo password is public (README, server console) and only served in demo mode, so the
  // button fills both fields; focus goes to the submit button, one key away from signing in.
  const handleChooseDemo = (email: string, password: string) => {
    form.setValues({ email, password });
    form.clearErrors();
    submit.current?.focus();
  };

  return (
    <PublicLayout>
      <Card withBorder shadow="sm" radius="lg" p="xl">
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2" ref={heading} tabIndex={-1}>
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" size="sm" mt={6}>
                {t('signIn.intro')}
              </Text>
            </div>
            <ErrorAlert error={signIn.error} />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
              error={fieldError(form.errors.email)}
            />
            <PasswordField
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              error={fieldError(form.errors.password)}
            />
            <Button ref={submit} type="submit" size="md" fullWidth loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
            {session?.demoMode && !demo.data && (
              <Text size="sm" c="dimmed">
                {t('signIn.demoHint')}
              </Text>
            )}
          </Stack>
        </form>
      </Card>
      {session?.demoMode && demo.data && demo.data.accounts.length > 0 && (
        <DemoAccountList demo={demo.data} onChoose={handleChooseDemo} />
      )}
    </PublicLayout>
  );
}
