import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../components/Page';
import { useMe } from '../features/auth/auth.queries';
import { useCountryName } from '../hooks/useLabels';
import { adminPagesFor, BUILT_CAPABILITIES, capabilitiesFor, capabilityPath } from '../navigation';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const countryName = useCountryName();
  const capabilities = capabilitiesFor(me.role);
  const adminPages = adminPagesFor(me.role);

  return (
    <Page
      title={t('home.title')}
      description={t('home.greeting', {
        name: me.displayName,
        role: t(`roles.${me.role}`),
        country: countryName(me.countryCode),
      })}
    >
      {!me.mfaEnabled && (
        <Alert color="orange" role="note" title={t('home.mfaOffTitle')}>
          <Text size="sm">{t('home.mfaOffBody')}</Text>
          <Anchor component={Link} to="/profile#mfa" size="sm" fw={600}>
            {t('home.mfaOffAction')}
          </Anchor>
        </Alert>
      )}

      <section aria-labelledby="home-capabilities">
        <Title order={2} size="h3" id="home-capabilities" mb="xs">
          {t('home.capabilitiesTitle')}
        </Title>
        <Text c="dimmed" size="sm" mb="md">
          {t('home.capabilitiesIntro')}
        </Text>
        {capabilities.length === 0 ? (
          <Text>{t('home.noCapabilities')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {capabilities.map((c) => (
              <Card key={c.key} withBorder radius="md" padding="lg">
                <Stack gap="xs" h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Title order={3} size="h5">
                      <Anchor
                        component={Link}
                        to={capabilityPath(me.role, c.key, c.path)}
                        c="inherit"
                        underline="hover"
                      >
                        {t(`capabilities.${c.key}.title`)}
                      </Anchor>
                    </Title>
                    {!BUILT_CAPABILITIES.has(c.key) && (
                      <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                        {t('room.inPreparation')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed" lineClamp={4}>
                    {t(`capabilities.${c.key}.description`)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>

      {adminPages.length > 0 && (
        <section aria-labelledby="home-admin">
          <Title order={2} size="h3" id="home-admin" mb="md">
            {t('nav.administration')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {adminPages.map((p) => (
              <Card key={p.key} withBorder radius="md" padding="lg">
                <Title order={3} size="h5" mb={6}>
                  <Anchor component={Link} to={p.path} c="inherit" underline="hover">
                    {t(`admin.${p.key}.title`)}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed">
                  {t(`admin.${p.key}.intro`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      )}
    </Page>
  );
}
