import { Alert, Button, Checkbox, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown once: the user must say they saved them before going on. */
export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');

  const handleDownload = () => {
    const url = URL.createObjectURL(
      new Blob([`${t('mfa.recoveryFileHeader')}\n\n${text}\n`], { type: 'text/plain' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = 'enlace-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('mfa.recoveryTitle')}
      </Title>
      <Alert color="orange" role="note" title={t('mfa.recoveryOnce')}>
        {t('mfa.recoveryIntro')}
      </Alert>
      <ol className="recovery-codes" aria-label={t('mfa.recoveryTitle')} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('common.copied') : t('mfa.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={handleDownload}>
          {t('mfa.downloadCodes')}
        </Button>
      </Group>
      <Checkbox
        label={t('mfa.iSavedThem')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed">
        {t('mfa.recoveryUse')}
      </Text>
      <Group>
        <Button onClick={onContinue} disabled={!saved}>
          {t('common.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
