import {
  CENTRE_UNITS,
  type CentreUnit,
  RELEASE_OUTCOMES,
  type ReleaseOutcome,
  type Stay,
  TEXT_MAX,
} from '@enlace/shared';
import { NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { FormModal, useInput } from '../../components/FormModal';
import { focusFirstInvalid, showServerErrors, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { isoToLocalInput, localInputToIso } from '../cases/money';
import {
  emptyIdentity,
  IdentityFields,
  type IdentityValues,
  identityRules,
  toIdentity,
} from './IdentityFields';
import { unitsWithPlaces } from './labels';
import { MatchExplanation } from './MatchExplanation';
import { PersonPhoto } from './PhotoPicker';
import { useCentres, usePerson, useRelease, useResolveRelease, useTransfer } from './registry.queries';

const nowLocal = () => isoToLocalInput(new Date().toISOString());

/** The photo taken at registration, beside the identity check (footnote 16: is it the same person?). */
function AdmissionPhoto({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  const photo = person.data?.photo;
  if (!photo) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('registry.stay.admissionPhoto')}
      </Text>
      <PersonPhoto
        fileId={photo.id}
        alt={t('registry.person.photoOf', { name: `${person.data?.givenNames} ${person.data?.familyNames}` })}
      />
    </Stack>
  );
}

/** Moves a stay to another centre of the country. */
export function TransferModal({ stay, onClose }: { stay: Stay; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const centres = useCentres();
  const transfer = useTransfer(stay.id);
  const others = (centres.data ?? []).filter((c) => c.id !== stay.centreId && c.status !== 'closed');
  const form = useForm({
    initialValues: { toCentreId: '', unit: stay.unit as CentreUnit, at: nowLocal(), note: '' },
    validate: { toCentreId: (v) => (v ? null : 'validation.required'), at: validators.required },
  });
  const input = useInput(form);
  const target = others.find((c) => c.id === form.values.toCentreId);
  const units = target ? unitsWithPlaces(target) : [...CENTRE_UNITS];
  const labels = {
    toCentreId: t('registry.fields.toCentre'),
    unit: t('registry.fields.unit'),
    at: t('registry.fields.transferAt'),
    note: t('registry.fields.transferNote'),
  };
  const handleSubmit = form.onSubmit(
    (v) =>
      transfer.mutate(
        {
          toCentreId: v.toCentreId,
          unit: v.unit,
          at: localInputToIso(v.at),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registry.stay.transferred'), message: '' });
            onClose();
          },
          onError: (e) => showServerErrors(form, e),
        },
      ),
    focusFirstInvalid,
  );
  return (
    <FormModal
      title={t('registry.stay.transferTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={transfer.error}
      labels={labels}
      pending={transfer.isPending}
      submitLabel={t('registry.stay.transfer')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={labels.toCentreId}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...others.map((c) => ({ value: c.id, label: `${localized(c.names)} (${c.code})` })),
          ]}
          {...input('toCentreId')}
        />
        <NativeSelect
          label={labels.unit}
          required
          data={units.map((u) => ({ value: u, label: t(`registry.units.${u}`) }))}
          {...input('unit')}
        />
        <TextInput
          type="datetime-local"
          label={labels.at}
          description={t('registry.admission.localTimeHint')}
          required
          {...input('at')}
        />
      </SimpleGrid>
      <Textarea label={labels.note} autosize minRows={2} maxLength={TEXT_MAX.purpose} {...input('note')} />
    </FormModal>
  );
}

interface ReleaseValues extends IdentityValues {
  releasedAt: string;
  outcome: ReleaseOutcome | '';
  notes: string;
}

/**
 * A release, after the identity check: the officer types what the person leaving says and shows;
 * the server compares it with the admission record and records the release, or stops it.
 */
export function ReleaseModal({ stay, onClose }: { stay: Stay; onClose: () => void }) {
  const { t } = useTranslation();
  const release = useRelease(stay.id);
  const form = useForm<ReleaseValues>({
    initialValues: { ...emptyIdentity, releasedAt: nowLocal(), outcome: '', notes: '' },
    validate: {
      releasedAt: validators.required,
      outcome: (v) => (v ? null : 'validation.required'),
      givenNames: validators.required,
      familyNames: validators.required,
      birthDate: identityRules.birthDate,
      estimatedAge: identityRules.estimatedAge,
    },
  });
  const input = useInput(form);
  const labels = {
    releasedAt: t('registry.fields.releasedAt'),
    outcome: t('registry.fields.outcome'),
    notes: t('registry.fields.notes'),
    'identity.givenNames': t('registry.fields.givenNames'),
    'identity.familyNames': t('registry.fields.familyNames'),
    'identity.birthDate': t('registry.fields.birthDate'),
  };
  const handleSubmit = form.onSubmit(
    (v) =>
      release.mutate(
        {
          releasedAt: localInputToIso(v.releasedAt),
          outcome: v.outcome as ReleaseOutcome,
          ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
          identity: toIdentity(v),
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registry.stay.released'), message: '' });
            onClose();
          },
          onError: (e) => {
            // The check stopped the release and waits for a supervisor: the stay page shows it.
            if (isApiError(e) && e.code === 'registry_identity_mismatch') {
              notifications.show({ color: 'red', title: e.title, message: t('registry.stay.checkPending') });
              onClose();
            } else showServerErrors(form, e, (p) => p.replace(/^identity\./, ''));
          },
        },
      ),
    focusFirstInvalid,
  );
  return (
    <FormModal
      title={t('registry.stay.releaseTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={release.error}
      labels={labels}
      pending={release.isPending}
      submitLabel={t('registry.stay.release')}
      size="xl"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="datetime-local"
          label={labels.releasedAt}
          description={t('registry.admission.localTimeHint')}
          required
          {...input('releasedAt')}
        />
        <NativeSelect
          label={labels.outcome}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...RELEASE_OUTCOMES.map((o) => ({ value: o, label: t(`registry.outcomes.${o}`) })),
          ]}
          {...input('outcome')}
        />
      </SimpleGrid>
      <Textarea label={labels.notes} autosize minRows={2} maxLength={TEXT_MAX.notes} {...input('notes')} />
      <Text size="sm">{t('registry.stay.releaseHelp')}</Text>
      <AdmissionPhoto personId={stay.personId} />
      <IdentityFields
        input={input}
        values={form.values}
        setValue={(path, value) => form.setFieldValue(path, value)}
      />
    </FormModal>
  );
}

/** A supervisor's decision on a release the identity check stopped (never their own attempt). */
export function ResolveModal({ stay, onClose }: { stay: Stay; onClose: () => void }) {
  const { t } = useTranslation();
  const resolve = useResolveRelease(stay.id);
  const form = useForm({
    initialValues: { decision: '' as '' | 'same_person' | 'not_same_person', note: '' },
    validate: { decision: (v) => (v ? null : 'validation.required'), note: validators.required },
  });
  const input = useInput(form);
  const labels = { decision: t('registry.stay.decision'), note: t('registry.stay.resolutionNote') };
  const handleSubmit = form.onSubmit(
    (v) =>
      resolve.mutate(
        { decision: v.decision as 'same_person' | 'not_same_person', note: v.note.trim() },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registry.stay.resolved'), message: '' });
            onClose();
          },
          onError: (e) => showServerErrors(form, e),
        },
      ),
    focusFirstInvalid,
  );
  return (
    <FormModal
      title={t('registry.stay.resolveTitle')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={resolve.error}
      labels={labels}
      pending={resolve.isPending}
      submitLabel={t('registry.stay.resolve')}
      size="xl"
    >
      <Text size="sm">{t('registry.stay.resolveHelp')}</Text>
      <AdmissionPhoto personId={stay.personId} />
      {stay.releaseCheck?.explanation && (
        <MatchExplanation explanation={stay.releaseCheck.explanation} givenLabel={t('registry.stay.shown')} />
      )}
      <Radio.Group label={labels.decision} required {...input('decision')}>
        <Stack gap={6} mt={6}>
          <Radio value="same_person" label={t('registry.stay.samePerson')} />
          <Radio value="not_same_person" label={t('registry.stay.notSamePerson')} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={labels.note}
        required
        autosize
        minRows={2}
        maxLength={TEXT_MAX.purpose}
        {...input('note')}
      />
    </FormModal>
  );
}
