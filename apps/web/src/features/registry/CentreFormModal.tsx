import {
  CENTRE_SERVICES,
  CENTRE_STATUSES,
  CENTRE_TYPES,
  CENTRE_UNITS,
  type CentreInput,
  type CentreUnit,
  capacitySchema,
  TEXT_MAX,
} from '@enlace/shared';
import { Checkbox, Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormModal, useInput } from '../../components/FormModal';
import { NumberField, numberRule } from '../../components/NumberField';
import { numberOf, numberRules } from '../../components/number-text';
import { focusFirstInvalid, showServerErrors, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useAgencies } from '../admin/admin.queries';
import { useMe } from '../auth/auth.queries';
import { useCreateCentre } from './registry.queries';

const PLACES = numberRules(capacitySchema.shape.adult_men);
const placesRule = numberRule(PLACES, { required: true });

interface Values {
  code: string;
  es: string;
  en: string;
  fr: string;
  type: CentreInput['type'];
  agencyId: string;
  status: NonNullable<CentreInput['status']>;
  capacity: Record<CentreUnit, string>;
  services: (typeof CENTRE_SERVICES)[number][];
}

/** Opens a centre of the supervisor's country, with its places by unit and its services. */
export function CentreFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const agencies = useAgencies(me.countryCode);
  const create = useCreateCentre();
  const form = useForm<Values>({
    initialValues: {
      code: '',
      es: '',
      en: '',
      fr: '',
      type: 'shelter',
      agencyId: '',
      status: 'open',
      capacity: { adult_men: '0', adult_women: '0', families: '0', unaccompanied_children: '0' },
      services: [],
    },
    validate: {
      code: validators.required,
      es: validators.required,
      capacity: {
        adult_men: placesRule,
        adult_women: placesRule,
        families: placesRule,
        unaccompanied_children: placesRule,
      },
    },
  });
  const input = useInput(form);
  const labels = {
    code: t('registry.fields.code'),
    names: t('registry.fields.name'),
    'names.es': t('registry.fields.namesEs'),
    'names.en': t('registry.fields.namesEn'),
    'names.fr': t('registry.fields.namesFr'),
    type: t('registry.fields.type'),
    agencyId: t('registry.fields.agency'),
    status: t('registry.fields.status'),
    capacity: t('registry.fields.capacity'),
    services: t('registry.fields.services'),
  };
  const handleSubmit = form.onSubmit((v) => {
    const names = { es: v.es.trim(), en: v.en.trim() || v.es.trim(), fr: v.fr.trim() || v.es.trim() };
    const capacity = Object.fromEntries(
      CENTRE_UNITS.map((u) => [u, numberOf(v.capacity[u], PLACES) ?? 0]),
    ) as Record<CentreUnit, number>;
    create.mutate(
      {
        code: v.code.trim(),
        names,
        type: v.type,
        agencyId: v.agencyId || null,
        status: v.status,
        capacity,
        services: v.services,
      },
      {
        onSuccess: (centre) => {
          notifications.show({
            color: 'green',
            title: t('registry.centres.created'),
            message: localized(centre.names),
          });
          onClose();
        },
        onError: (e) => showServerErrors(form, e, (p) => p.replace(/^names\./, '')),
      },
    );
  }, focusFirstInvalid);

  return (
    <FormModal
      title={t('registry.centres.createTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={create.error}
      labels={labels}
      pending={create.isPending}
      submitLabel={t('registry.centres.create')}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.code} required maxLength={TEXT_MAX.acronym} {...input('code')} />
        <NativeSelect
          label={labels.type}
          data={CENTRE_TYPES.map((c) => ({ value: c, label: t(`registry.centreTypes.${c}`) }))}
          {...input('type')}
        />
        <TextInput
          label={labels['names.es']}
          required
          maxLength={TEXT_MAX.title}
          lang="es"
          {...input('es')}
        />
        <TextInput label={labels['names.en']} maxLength={TEXT_MAX.title} lang="en" {...input('en')} />
        <TextInput label={labels['names.fr']} maxLength={TEXT_MAX.title} lang="fr" {...input('fr')} />
        <NativeSelect
          label={labels.agencyId}
          data={[
            { value: '', label: t('registry.centres.noAgency') },
            ...(agencies.data ?? [])
              .filter((a) => a.active)
              .map((a) => ({
                value: a.id,
                label: a.acronym ? `${localized(a.name)} (${a.acronym})` : localized(a.name),
              })),
          ]}
          {...input('agencyId')}
        />
        <NativeSelect
          label={labels.status}
          data={CENTRE_STATUSES.map((s) => ({ value: s, label: t(`registry.centreStatuses.${s}`) }))}
          {...input('status')}
        />
      </SimpleGrid>
      <Fieldset legend={t('registry.centres.capacityLegend')}>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="sm">
          {CENTRE_UNITS.map((u) => (
            <NumberField
              key={u}
              label={t(`registry.units.${u}`)}
              required
              rules={PLACES}
              {...input(`capacity.${u}`)}
              onChange={(text) => form.setFieldValue(`capacity.${u}`, text)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Checkbox.Group label={t('registry.centres.servicesLegend')} {...input('services')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={6}>
          {CENTRE_SERVICES.map((s) => (
            <Checkbox key={s} value={s} label={t(`registry.services.${s}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </FormModal>
  );
}
