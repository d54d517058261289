import type { DemoAccounts } from '@enlace/shared';
import { Card, Code, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../hooks/useLabels';

interface Props {
  demo: DemoAccounts;
  /** Fills the form with the account's address and the demo password (public, demo mode only). */
  onChoose: (email: string, password: string) => void;
}

/** A demo server's accounts, one per role: a visitor picks one instead of reading the server console. */
export function DemoAccountList({ demo, onChoose }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const headingId = useId();
  return (
    <Card withBorder radius="lg" p="lg" mt="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('signIn.demoAccounts.title')}
      </Title>
      <Text size="sm" mt={6}>
        {t('signIn.demoAccounts.intro')} <Code fz="sm">{demo.password}</Code>
      </Text>
      <Stack component="ul" gap={6} className="demo-accounts">
        {demo.accounts.map((account) => (
          <li key={account.email}>
            <UnstyledButton
              className="demo-account"
              w="100%"
              onClick={() => onChoose(account.email, demo.password)}
            >
              <Text size="sm" fw={600} span display="block">
                {t(`roles.${account.role}`)} · {localized(account.countryName)}
              </Text>
              <Text size="sm" c="dimmed" span display="block" className="demo-account-email">
                {account.email}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
