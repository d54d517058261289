import { Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/auth.queries';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SkipLink } from './SkipLink';

/** Frame of the screens before sign-in is complete (sign-in, second factor). */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {session?.demoMode && <DemoBanner />}
        <Group h={64} px="md" justify="space-between" wrap="nowrap">
          <Brand />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} py={48} px="md" style={{ flex: 1 }}>
        <Container size={460} p={0}>
          {children}
        </Container>
      </Box>
      <Box component="footer" py="lg" px="md">
        <Text ta="center" size="sm" c="dimmed">
          {t('app.footer')}
        </Text>
      </Box>
    </Box>
  );
}
