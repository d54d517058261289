import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PublicLayout } from '../components/PublicLayout';
import { useSession, useSignOut } from '../features/auth/auth.queries';
import { PasswordChangeForm } from '../features/auth/PasswordChangeForm';
import { useFocusOnMount } from '../hooks/useFocusOnMount';
import { usePageTitle } from '../hooks/usePageTitle';
import { SESSION_KEY } from '../query-client';

/** The first sign-in of an account whose password an administrator set: its owner chooses their own. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('passwordChange.title'));
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  if (!session?.stage) return <Navigate to="/sign-in" replace />;
  if (session.stage !== 'password_change_required') return <Navigate to="/" replace />;

  return (
    <PublicLayout>
      <Card withBorder shadow="sm" radius="lg" p="xl">
        <Stack gap="md">
          <Title order={1} size="h2" ref={heading} tabIndex={-1}>
            {t('passwordChange.title')}
          </Title>
          <Text c="dimmed">{t('passwordChange.intro')}</Text>
          <PasswordChangeForm
            submitLabel={t('passwordChange.submit')}
            onChanged={async () => {
              await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
              navigate('/', { replace: true });
            }}
          />
          <Group justify="center" pt="xs">
            <Button variant="subtle" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t('mfa.cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </PublicLayout>
  );
}
