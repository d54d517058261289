import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LogoMark } from './Icons';

export function Brand() {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to="/">
      <Group gap="sm" wrap="nowrap">
        <LogoMark />
        <div>
          <Text fw={700} size="lg" lh={1.1}>
            {t('app.name')}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} visibleFrom="sm">
            {t('app.tagline')}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
