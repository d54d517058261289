import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';
import { useSession } from './features/auth/auth.queries';
import { rememberLocale } from './i18n';
import { setDisplayTimeZone } from './reader-time-zone';
import { AppRoutes } from './routes';

/** Loads the session first; a signed-in user's saved language then takes over the UI. */
export function App() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const savedLocale = session.data?.user?.locale;
  // Set while rendering, before the screens below format a date: they read it as they render
  // (useFormat, the API's x-time-zone), and a new choice re-renders them from here.
  setDisplayTimeZone(session.data?.user?.timeZone ?? null);

  // Applied once per signed-in session and saved value: a language chosen afterwards whose saving
  // failed stays on screen (the user is told it was not saved) instead of being switched back.
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (savedLocale === applied.current) return;
    applied.current = savedLocale;
    if (savedLocale && savedLocale !== i18n.language) {
      void i18n.changeLanguage(savedLocale);
      rememberLocale(savedLocale);
    }
  }, [savedLocale, i18n]);

  if (session.isPending) {
    return (
      <Center mih="100vh" component="main">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center mih="100vh" component="main" p="md">
        <Stack align="center" maw={480} ta="center" role="alert">
          <Title order={1} size="h2">
            {t('errors.sessionLoadFailed')}
          </Title>
          <Text>{isApiError(session.error) ? session.error.title : t('errors.generic')}</Text>
          <Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return <AppRoutes />;
}
