import { type MrzCheck, type MrzCheckInput, type MrzFlag, TEXT_MAX } from '@enlace/shared';
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFormat } from '../../../hooks/useFormat';
import { useMrzCheck } from './duplicates.queries';

export interface MrzFieldProps {
  /** The zone as typed or scanned, its lines separated by line breaks (controlled). */
  value: string;
  onChange: (value: string) => void;
  /**
   * What the officer typed in the person form (names as in the document, birth date, sex,
   * nationality, document number): the check compares the zone with it, field by field.
   */
  typed: Omit<MrzCheckInput, 'mrz'>;
  /** Called with each check's answer (its flags are what the form may show beside its fields). */
  onChecked?: (result: MrzCheck) => void;
  /** A field error of the form's own submission (e.g. the server's for `mrz`). */
  error?: string;
}

/** One flag in words: a check digit and its field, the expiry, or "the zone says X, typed Y". */
export function useMrzFlagText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (flag: MrzFlag): string => {
    switch (flag.kind) {
      case 'check_digit_invalid':
        return t('registryDuplicates.mrz.flags.checkDigit', {
          field: t(`registryDuplicates.mrz.checked.${flag.field}`),
        });
      case 'field_invalid':
        return t('registryDuplicates.mrz.flags.fieldInvalid', { field: flag.field });
      case 'expired':
        return t('registryDuplicates.mrz.flags.expired', { date: format.day(flag.expiryDate) });
      case 'mismatch':
        return t('registryDuplicates.mrz.flags.mismatch', {
          field: t(`registryDuplicates.mrz.compared.${flag.field}`),
          mrz: flag.mrz,
          typed: flag.typed,
        });
    }
  };
}

/**
 * The machine-readable zone of a travel document (ICAO 9303: TD1, TD2, TD3) with a check button:
 * the answer lists every flag — a wrong check digit, an expired document, a field where the zone
 * and what was typed disagree. Nothing is corrected: the form keeps what the officer typed, and
 * the server stores the zone (encrypted) with its flags when the person is registered.
 */
export function MrzField({ value, onChange, typed, onChecked, error }: MrzFieldProps) {
  const { t } = useTranslation();
  const check = useMrzCheck();
  const flagText = useMrzFlagText();
  const result = check.data;

  const handleCheck = () => {
    check.mutate({ ...typed, mrz: value }, { onSuccess: (r) => onChecked?.(r) });
  };

  return (
    <Stack gap="xs">
      <Textarea
        label={t('registryDuplicates.mrz.label')}
        description={t('registryDuplicates.mrz.help')}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          check.reset();
        }}
        maxLength={TEXT_MAX.mrz}
        autosize
        minRows={2}
        maxRows={3}
        spellCheck={false}
        autoComplete="off"
        error={error}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
      />
      <Group>
        <Button variant="default" onClick={handleCheck} disabled={!value.trim()} loading={check.isPending}>
          {t('registryDuplicates.mrz.check')}
        </Button>
      </Group>
      <ErrorAlert error={check.error} />
      {result && (
        <Alert
          color={result.valid ? 'green' : 'orange'}
          title={
            result.valid
              ? t('registryDuplicates.mrz.valid', { format: result.format })
              : t('registryDuplicates.mrz.flagged', { count: result.flags.length, format: result.format })
          }
          role="status"
        >
          {result.flags.length > 0 && (
            <List size="sm">
              {result.flags.map((f) => (
                <List.Item key={JSON.stringify(f)}>{flagText(f)}</List.Item>
              ))}
            </List>
          )}
          <Text size="xs" mt={4}>
            {t('registryDuplicates.mrz.neverCorrected')}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
