import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WarningIcon } from './Icons';

export const DEMO_BANNER_HEIGHT = 32;

/** Shown on every screen of a demo server, so nobody mistakes its data for real records. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Group className="demo-banner" h={DEMO_BANNER_HEIGHT} px="md" gap={8} justify="center" wrap="nowrap">
      <WarningIcon size={16} />
      <Text fz={{ base: 'xs', sm: 'sm' }} fw={700} truncate>
        {t('demo.banner')}
        <Text span size="sm" fw={400} visibleFrom="md">
          {' — '}
          {t('demo.detail')}
        </Text>
      </Text>
    </Group>
  );
}
