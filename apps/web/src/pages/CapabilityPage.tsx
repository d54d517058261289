import { type CAPABILITIES, can } from '@enlace/shared';
import { Alert, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';
import { useMe } from '../features/auth/auth.queries';
import { NoAccessPage } from './NoAccessPage';

type Capability = (typeof CAPABILITIES)[number];

/**
 * The room of a capability not built yet: it says what the capability will do and where the
 * requirement comes from, and shows no data at all, neither real nor invented.
 */
export function CapabilityPage({ capability }: { capability: Capability }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me.role, capability.permission)) return <NoAccessPage />;
  const { key } = capability;

  return (
    <Page
      title={t(`capabilities.${key}.title`)}
      actions={
        <Badge variant="light" size="lg">
          {t('room.inPreparation')}
        </Badge>
      }
    >
      <Card withBorder radius="md" padding="xl" maw={820}>
        <Stack gap="lg">
          <section aria-labelledby="room-what">
            <Title order={2} size="h4" id="room-what" mb="xs">
              {t('room.whatItWillDo')}
            </Title>
            <Text>{t(`capabilities.${key}.description`)}</Text>
          </section>
          <section aria-labelledby="room-basis">
            <Title order={2} size="h4" id="room-basis" mb="xs">
              {t('room.basis')}
            </Title>
            <Text>{t(`capabilities.${key}.basis`)}</Text>
          </section>
        </Stack>
      </Card>
      <Alert color="enlace" role="note" title={t('room.noticeTitle')} maw={820}>
        <Text size="sm">{t('room.notice')}</Text>
      </Alert>
    </Page>
  );
}
