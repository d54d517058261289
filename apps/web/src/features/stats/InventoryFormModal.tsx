import {
  coverageYearSchema,
  DATA_QUALITY_LEVELS,
  type DataInventoryEntry,
  type DataQuality,
  SHARING_STATUSES,
  type SharingStatus,
  TEXT_MAX,
  UPDATE_FREQUENCIES,
  type UpdateFrequency,
} from '@enlace/shared';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberField, numberRule } from '../../components/NumberField';
import { numberOf, numberRules, numberText } from '../../components/number-text';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useCountries } from '../admin/admin.queries';
import { useMe } from '../auth/auth.queries';
import { useVocab } from '../incidents/vocabulary';
import { useSaveInventory } from './stats.queries';

const YEAR = numberRules(coverageYearSchema);

interface Values {
  countryCode: string;
  name: string;
  ownerAgency: string;
  description: string;
  coverage: string;
  /** Years as typed; read on submit. */
  coverageFrom: string;
  coverageTo: string;
  fields: string;
  updateFrequency: UpdateFrequency;
  sharingStatus: SharingStatus;
  quality: DataQuality;
  qualityNotes: string;
}

/** A national database of the inventory asked for by Work Plan action A1.5: new, or edited. */
export function InventoryFormModal({ entry, onClose }: { entry?: DataInventoryEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const { data: countries } = useCountries();
  const save = useSaveInventory();
  const form = useForm<Values>({
    initialValues: {
      countryCode: entry?.countryCode ?? me.countryCode,
      name: entry?.name ?? '',
      ownerAgency: entry?.ownerAgency ?? '',
      description: entry?.description ?? '',
      coverage: entry?.coverage ?? '',
      coverageFrom: numberText(entry?.coverageFrom),
      coverageTo: numberText(entry?.coverageTo),
      fields: (entry?.fields ?? []).join('\n'),
      updateFrequency: entry?.updateFrequency ?? 'monthly',
      sharingStatus: entry?.sharingStatus ?? 'not_shared',
      quality: entry?.quality ?? 'unknown',
      qualityNotes: entry?.qualityNotes ?? '',
    },
    validate: {
      name: validators.required,
      ownerAgency: validators.required,
      coverageFrom: numberRule(YEAR),
      coverageTo: numberRule(YEAR),
    },
  });
  const input = (path: keyof Values) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
  const labels: Record<string, string> = {
    countryCode: t('inventory.field.country'),
    name: t('inventory.field.name'),
    ownerAgency: t('inventory.field.ownerAgency'),
    description: t('inventory.field.description'),
    coverage: t('inventory.field.coverage'),
    coverageFrom: t('inventory.field.coverageFrom'),
    coverageTo: t('inventory.field.coverageTo'),
    fields: t('inventory.field.fields'),
    updateFrequency: t('inventory.field.updateFrequency'),
    sharingStatus: t('inventory.field.sharingStatus'),
    quality: t('inventory.field.quality'),
    qualityNotes: t('inventory.field.qualityNotes'),
  };
  const fieldLabels = Object.fromEntries(
    (isApiError(save.error) ? save.error.fieldErrors : []).map((e) => [
      e.path,
      labels[e.path.split('.')[0] ?? ''] ?? e.path,
    ]),
  );
  const countryOptions = (countries ?? [])
    .filter((c) => c.active && (me.scope === 'all' || c.code === me.countryCode))
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={entry ? t('inventory.editTitle', { name: entry.name }) : t('inventory.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          const body = {
            name: v.name.trim(),
            ownerAgency: v.ownerAgency.trim(),
            description: v.description.trim() || null,
            coverage: v.coverage.trim() || null,
            coverageFrom: numberOf(v.coverageFrom, YEAR),
            coverageTo: numberOf(v.coverageTo, YEAR),
            fields: v.fields
              .split(/[\n,;]/)
              .map((f) => f.trim())
              .filter(Boolean),
            updateFrequency: v.updateFrequency,
            sharingStatus: v.sharingStatus,
            quality: v.quality,
            qualityNotes: v.qualityNotes.trim() || null,
          };
          save.mutate(
            { id: entry?.id, body: entry ? body : { ...body, countryCode: v.countryCode } },
            {
              onSuccess: (saved) => {
                notifications.show({ color: 'green', title: t('inventory.saved'), message: saved.name });
                onClose();
              },
              onError: (e) => showServerErrors(form, e, (p) => p.split('.')[0] ?? p),
            },
          );
        }, focusFirstInvalid)}
      >
        <Stack gap="sm">
          <ErrorAlert error={save.error} fieldLabels={fieldLabels} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={labels.countryCode}
              disabled={Boolean(entry) || me.scope !== 'all'}
              data={countryOptions}
              {...input('countryCode')}
            />
            <TextInput label={labels.name} required maxLength={TEXT_MAX.title} {...input('name')} />
            <TextInput
              label={labels.ownerAgency}
              required
              maxLength={TEXT_MAX.title}
              {...input('ownerAgency')}
            />
            <TextInput
              label={labels.coverage}
              description={t('inventory.coverageHint')}
              maxLength={TEXT_MAX.purpose}
              {...input('coverage')}
            />
            <NumberField label={labels.coverageFrom} rules={YEAR} {...input('coverageFrom')} />
            <NumberField label={labels.coverageTo} rules={YEAR} {...input('coverageTo')} />
            <NativeSelect
              label={labels.updateFrequency}
              data={UPDATE_FREQUENCIES.map((f) => ({ value: f, label: vocab.fixed('updateFrequency', f) }))}
              {...input('updateFrequency')}
            />
            <NativeSelect
              label={labels.sharingStatus}
              data={SHARING_STATUSES.map((s) => ({ value: s, label: vocab.fixed('sharingStatus', s) }))}
              {...input('sharingStatus')}
            />
            <NativeSelect
              label={labels.quality}
              data={DATA_QUALITY_LEVELS.map((q) => ({ value: q, label: vocab.fixed('dataQuality', q) }))}
              {...input('quality')}
            />
          </SimpleGrid>
          <Textarea
            label={labels.description}
            autosize
            minRows={2}
            maxLength={TEXT_MAX.notes}
            {...input('description')}
          />
          <Textarea
            label={labels.fields}
            description={t('inventory.fieldsHint')}
            autosize
            minRows={3}
            {...input('fields')}
          />
          <Textarea
            label={labels.qualityNotes}
            autosize
            minRows={2}
            maxLength={TEXT_MAX.notes}
            {...input('qualityNotes')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {entry ? t('common.save') : t('inventory.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
