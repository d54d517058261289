import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WarningIcon } from './Icons';

/** Below 48 em (Mantine's `sm`) the warning may take two lines: it is never cut off. */
export const DEMO_BANNER_HEIGHT = { base: 44, sm: 32 } as const;

/** Shown on every screen of a demo server, so nobody mistakes its data for real records. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Group className="demo-banner" h={DEMO_BANNER_HEIGHT} px="md" gap={8} justify="center" wrap="nowrap">
      <WarningIcon size={16} />
      <Text fz={{ base: 'xs', sm: 'sm' }} fw={700} lh={1.25} lineClamp={2}>
        {t('demo.banner')}
        <Text span size="sm" fw={400} visibleFrom="md">
          {' — '}
          {t('demo.detail')}
        </Text>
      </Text>
    </Group>
  );
}
