import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '../features/auth/auth.queries';
import { Brand } from './Brand';
import { DEMO_BANNER_HEIGHT, DemoBanner } from './DemoBanner';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { NotificationBell } from './NotificationBell';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 64;

export function AppLayout() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [navOpened, { toggle, close }] = useDisclosure();
  const demo = session?.demoMode === true;

  return (
    <AppShell
      header={{
        height: demo
          ? { base: HEADER_HEIGHT + DEMO_BANNER_HEIGHT.base, sm: HEADER_HEIGHT + DEMO_BANNER_HEIGHT.sm }
          : HEADER_HEIGHT,
      }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="xl"
    >
      <SkipLink />
      <AppShell.Header>
        {demo && <DemoBanner />}
        <Group h={HEADER_HEIGHT} px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? t('a11y.closeNav') : t('a11y.openNav')}
              aria-expanded={navOpened}
            />
            <Brand />
          </Group>
          {/* Tight at 390 px: language, bell and user menu must all stay on screen. */}
          <Group gap={4} wrap="nowrap">
            <LanguageSwitcher />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('a11y.mainNav')}>
        <MainNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
