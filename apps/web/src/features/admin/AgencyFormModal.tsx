import { type Agency, AGENCY_KINDS, type AgencyKind, TEXT_MAX } from '@enlace/shared';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, useFieldError, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useMe } from '../auth/auth.queries';
import { useCountries, useCreateAgency, useUpdateAgency } from './admin.queries';

interface Values {
  countryCode: string;
  kind: AgencyKind;
  nameEs: string;
  nameEn: string;
  nameFr: string;
  acronym: string;
  active: boolean;
}

/** Creates an agency, or edits one (`agency` given). Names are kept in the three languages. */
export function AgencyFormModal({ agency, onClose }: { agency?: Agency; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const { data: countries } = useCountries();
  const createAgency = useCreateAgency();
  const updateAgency = useUpdateAgency();
  const mutation = agency ? updateAgency : createAgency;

  const form = useForm<Values>({
    initialValues: {
      countryCode: agency?.countryCode ?? me.countryCode,
      kind: agency?.kind ?? 'police',
      nameEs: agency?.name.es ?? '',
      nameEn: agency?.name.en ?? '',
      nameFr: agency?.name.fr ?? '',
      acronym: agency?.acronym ?? '',
      active: agency?.active ?? true,
    },
    validate: { nameEs: validators.required, nameEn: validators.required, nameFr: validators.required },
  });

  const countryOptions = (countries ?? [])
    .filter((c) => me.scope === 'all' || c.code === me.countryCode)
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const handleSubmit = form.onSubmit((values) => {
    const name = { es: values.nameEs.trim(), en: values.nameEn.trim(), fr: values.nameFr.trim() };
    const acronym = values.acronym.trim() || null;
    const onSuccess = (saved: Agency) => {
      notifications.show({
        color: 'green',
        title: agency ? t('admin.agencies.saved') : t('admin.agencies.created'),
        message: localized(saved.name),
      });
      onClose();
    };
    if (agency) {
      updateAgency.mutate(
        { id: agency.id, patch: { kind: values.kind, name, acronym, active: values.active } },
        { onSuccess },
      );
    } else {
      createAgency.mutate(
        { countryCode: values.countryCode, kind: values.kind, name, acronym },
        { onSuccess },
      );
    }
  }, focusFirstInvalid);

  return (
    <Modal
      opened
      onClose={onClose}
      title={agency ? t('admin.agencies.editTitle') : t('admin.agencies.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert
            error={mutation.error}
            fieldLabels={{
              'name.es': t('admin.agencies.nameEs'),
              'name.en': t('admin.agencies.nameEn'),
              'name.fr': t('admin.agencies.nameFr'),
              acronym: t('admin.agencies.acronym'),
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('admin.agencies.country')}
              required
              disabled={Boolean(agency) || me.scope !== 'all'}
              data={countryOptions}
              {...form.getInputProps('countryCode')}
            />
            <NativeSelect
              label={t('admin.agencies.kind')}
              required
              data={AGENCY_KINDS.map((k) => ({ value: k, label: t(`agencyKinds.${k}`) }))}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
          <TextInput
            label={t('admin.agencies.nameEs')}
            lang="es"
            required
            maxLength={TEXT_MAX.label}
            {...form.getInputProps('nameEs')}
            error={fieldError(form.errors.nameEs)}
          />
          <TextInput
            label={t('admin.agencies.nameEn')}
            lang="en"
            required
            maxLength={TEXT_MAX.label}
            {...form.getInputProps('nameEn')}
            error={fieldError(form.errors.nameEn)}
          />
          <TextInput
            label={t('admin.agencies.nameFr')}
            lang="fr"
            required
            maxLength={TEXT_MAX.label}
            {...form.getInputProps('nameFr')}
            error={fieldError(form.errors.nameFr)}
          />
          <TextInput
            label={t('admin.agencies.acronym')}
            maxLength={TEXT_MAX.acronym}
            w={200}
            {...form.getInputProps('acronym')}
          />
          {agency && (
            <Switch
              label={t('admin.agencies.activeLabel')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {agency ? t('common.save') : t('admin.agencies.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
