import { HANDLING_CODES, INFO_ACCURACY, SOURCE_RELIABILITY, TEXT_MAX } from '@enlace/shared';
import { Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodesDraft } from './handling-codes';
import { useHandlingLabels } from './handling-labels';

/**
 * The author's handling and evaluation codes: the handling code (what others may do with the
 * information), the source's reliability and the information's accuracy, each chosen with its
 * meaning in words, and the restriction in words with H3. Nothing is chosen beforehand: the
 * server refuses a message without its codes, and the form says which one is missing.
 */
export function HandlingCodesField({
  value,
  onChange,
  errors = {},
  idPrefix,
}: {
  value: CodesDraft;
  onChange: (next: CodesDraft) => void;
  /** Messages (already translated) by field. */
  errors?: Partial<Record<keyof CodesDraft, ReactNode>>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const labels = useHandlingLabels();
  const set = (patch: Partial<CodesDraft>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('exchange.codes.intro')}
      </Text>
      <Radio.Group
        id={`${idPrefix}-handling`}
        label={t('exchange.codes.handling')}
        description={t('exchange.codes.handlingHint')}
        value={value.handling}
        onChange={(v) => set({ handling: v as CodesDraft['handling'] })}
        error={errors.handling}
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={8} mt={6}>
          {HANDLING_CODES.map((c) => (
            <Radio key={c} value={c} label={labels.handling(c)} aria-invalid={Boolean(errors.handling)} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {value.handling === 'H3' && (
        <Textarea
          label={t('exchange.codes.restriction')}
          description={t('exchange.codes.restrictionHint')}
          value={value.restriction}
          onChange={(e) => set({ restriction: e.currentTarget.value })}
          error={errors.restriction}
          maxLength={TEXT_MAX.purpose}
          autosize
          minRows={2}
          required
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
        <Radio.Group
          id={`${idPrefix}-reliability`}
          label={t('exchange.codes.reliability')}
          description={t('exchange.codes.reliabilityHint')}
          value={value.reliability}
          onChange={(v) => set({ reliability: v as CodesDraft['reliability'] })}
          error={errors.reliability}
          withAsterisk
        >
          <Stack gap={8} mt={6}>
            {SOURCE_RELIABILITY.map((c) => (
              <Radio
                key={c}
                value={c}
                label={labels.reliability(c)}
                aria-invalid={Boolean(errors.reliability)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          id={`${idPrefix}-accuracy`}
          label={t('exchange.codes.accuracy')}
          description={t('exchange.codes.accuracyHint')}
          value={value.accuracy}
          onChange={(v) => set({ accuracy: v as CodesDraft['accuracy'] })}
          error={errors.accuracy}
          withAsterisk
        >
          <Stack gap={8} mt={6}>
            {INFO_ACCURACY.map((c) => (
              <Radio key={c} value={c} label={labels.accuracy(c)} aria-invalid={Boolean(errors.accuracy)} />
            ))}
          </Stack>
        </Radio.Group>
      </SimpleGrid>
    </Stack>
  );
}
