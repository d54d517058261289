import {
  ATTENTION_KINDS,
  type AttentionKind,
  CUSTODY_TYPES,
  type CentreUnit,
  type CustodyType,
  TEXT_MAX,
} from '@enlace/shared';
import { Checkbox, NativeSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormModal, useInput } from '../../components/FormModal';
import { focusFirstInvalid, showServerErrors, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { isoToLocalInput, localInputToIso } from '../cases/money';
import { unitsWithPlaces } from './labels';
import { IncidentPicker } from './more/IncidentPicker';
import { useAdmit, useCentres } from './registry.queries';

interface Values {
  centreId: string;
  unit: CentreUnit | '';
  admittedAt: string;
  referringAuthority: string;
  reason: string;
  custodyType: CustodyType;
  kinds: AttentionKind[];
  note: string;
  incidentId: string | null;
}

/** Admits a person to one of the country's centres, with the attention decided at reception. */
export function AdmissionModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const centres = useCentres();
  const admit = useAdmit();
  const open = (centres.data ?? []).filter((c) => c.status !== 'closed');
  const form = useForm<Values>({
    initialValues: {
      centreId: '',
      unit: '',
      admittedAt: isoToLocalInput(new Date().toISOString()),
      referringAuthority: '',
      reason: '',
      custodyType: 'administrative_custody',
      kinds: [],
      note: '',
      incidentId: null,
    },
    validate: {
      centreId: (v) => (v ? null : 'validation.required'),
      unit: (v) => (v ? null : 'validation.required'),
      admittedAt: validators.required,
      referringAuthority: validators.required,
      reason: validators.required,
    },
  });
  const input = useInput(form);
  const centre = open.find((c) => c.id === form.values.centreId);

  const labels = {
    centreId: t('registry.fields.centre'),
    unit: t('registry.fields.unit'),
    admittedAt: t('registry.fields.admittedAt'),
    referringAuthority: t('registry.fields.referringAuthority'),
    reason: t('registry.fields.reason'),
    custodyType: t('registry.fields.custodyType'),
    attention: t('registry.fields.attention'),
    incidentId: t('registryMore.incident'),
  };

  const handleSubmit = form.onSubmit(
    (v) =>
      admit.mutate(
        {
          personId,
          centreId: v.centreId,
          unit: v.unit as CentreUnit,
          admittedAt: localInputToIso(v.admittedAt),
          referringAuthority: v.referringAuthority.trim(),
          reason: v.reason.trim(),
          custodyType: v.custodyType,
          attention: { kinds: v.kinds, ...(v.note.trim() ? { note: v.note.trim() } : {}) },
          ...(v.incidentId ? { incidentId: v.incidentId } : {}),
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registry.person.admitted'), message: '' });
            onClose();
          },
          onError: (e) => showServerErrors(form, e, (p) => (p.startsWith('attention') ? 'kinds' : p)),
        },
      ),
    focusFirstInvalid,
  );

  return (
    <FormModal
      title={t('registry.admission.title')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={admit.error}
      labels={labels}
      pending={admit.isPending}
      submitLabel={t('registry.admission.submit')}
      size="xl"
    >
      {centres.isSuccess && open.length === 0 && <Text c="dimmed">{t('registry.admission.noCentres')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={labels.centreId}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...open.map((c) => ({ value: c.id, label: `${localized(c.names)} (${c.code})` })),
          ]}
          {...input('centreId')}
          onChange={(e) => {
            form.setFieldValue('centreId', e.currentTarget.value);
            form.setFieldValue('unit', '');
          }}
        />
        <NativeSelect
          label={labels.unit}
          required
          disabled={!centre}
          data={[
            { value: '', label: t('common.choose') },
            ...(centre ? unitsWithPlaces(centre) : []).map((u) => ({
              value: u,
              label: t(`registry.units.${u}`),
            })),
          ]}
          {...input('unit')}
        />
        <TextInput
          type="datetime-local"
          label={labels.admittedAt}
          description={t('registry.admission.localTimeHint')}
          required
          {...input('admittedAt')}
        />
        <NativeSelect
          label={labels.custodyType}
          required
          data={CUSTODY_TYPES.map((c) => ({ value: c, label: t(`registry.custodyTypes.${c}`) }))}
          {...input('custodyType')}
        />
        <TextInput
          label={labels.referringAuthority}
          required
          maxLength={TEXT_MAX.title}
          {...input('referringAuthority')}
        />
      </SimpleGrid>
      <IncidentPicker
        value={form.values.incidentId}
        onChange={(id) => form.setFieldValue('incidentId', id)}
        error={input('incidentId').error}
      />
      <Textarea
        label={labels.reason}
        required
        autosize
        minRows={2}
        maxLength={TEXT_MAX.purpose}
        {...input('reason')}
      />
      <Checkbox.Group label={labels.attention} {...input('kinds')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={6}>
          {ATTENTION_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={t(`registry.services.${k}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t('registry.fields.attentionNote')}
        autosize
        minRows={2}
        maxLength={TEXT_MAX.note}
        {...input('note')}
      />
    </FormModal>
  );
}
