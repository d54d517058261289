import {
  PERSON_SHARE_FIELDS,
  PERSON_SHARE_PURPOSES,
  type Person,
  type PersonShareField,
  type RegistryShare,
  TEXT_MAX,
} from '@enlace/shared';
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../../hooks/useFieldError';
import { useFormat } from '../../../hooks/useFormat';
import { useLocalized } from '../../../hooks/useLabels';
import { useCountries } from '../../admin/admin.queries';
import { useSharePerson, useTransferAbroad } from './shares.queries';

export interface SharePersonDialogProps {
  /** A person of the reader's country, as GET /api/registry/persons/:id answers it. */
  person: Pick<Person, 'id' | 'countryCode' | 'givenNames' | 'familyNames' | 'stays'>;
  /**
   * `share`: the person's record, read-only and at once, with the field groups and stays chosen,
   * until revoked. `transfer`: offers the person's open stay to another country, which accepts
   * (choosing its centre) or declines; the stay stays open until then.
   */
  mode: 'share' | 'transfer';
  onClose: () => void;
  /** After the server recorded the share or the offer. */
  onDone?: (share: RegistryShare) => void;
}

interface Values {
  countryCode: string;
  purpose: string;
  fields: string[];
  stayIds: string[];
  note: string;
}

/**
 * Shares a registry person with another country, or offers the transfer of their open stay
 * abroad. Only what is ticked leaves the country: the identity core always (to know who the
 * person is), each optional group and stay only when chosen. Needs `registry.supervise`.
 */
export function SharePersonDialog({ person, mode, onClose, onDone }: SharePersonDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const { data: countries } = useCountries();
  const share = useSharePerson();
  const transfer = useTransferAbroad();
  const mutation = mode === 'share' ? share : transfer;
  const openStay = person.stays.find((s) => s.status === 'open');
  const form = useForm<Values>({
    initialValues: { countryCode: '', purpose: '', fields: [], stayIds: [], note: '' },
    validate: {
      countryCode: validators.required,
      purpose: (v) => (mode === 'share' ? validators.required(v) : null),
    },
  });
  const input = (path: keyof Values) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error) };
  };
  const options = (countries ?? [])
    .filter((c) => c.active && c.code !== person.countryCode)
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const done = (saved: RegistryShare) => {
    notifications.show({
      color: 'green',
      title: mode === 'share' ? t('registryShares.dialog.shared') : t('registryShares.dialog.offered'),
      message: options.find((o) => o.value === saved.sharedWith)?.label ?? saved.sharedWith,
    });
    onDone?.(saved);
    onClose();
  };
  const handleSubmit = form.onSubmit((v) => {
    const fields = v.fields as PersonShareField[];
    const note = v.note.trim() || undefined;
    if (mode === 'share')
      share.mutate(
        {
          personId: person.id,
          body: {
            countryCode: v.countryCode,
            purpose: v.purpose as (typeof PERSON_SHARE_PURPOSES)[number],
            fields,
            stayIds: v.stayIds,
            note,
          },
        },
        { onSuccess: done, onError: (e) => showServerErrors(form, e) },
      );
    else if (openStay)
      transfer.mutate(
        { stayId: openStay.id, body: { countryCode: v.countryCode, fields, note } },
        { onSuccess: done, onError: (e) => showServerErrors(form, e) },
      );
  }, focusFirstInvalid);
  const name = `${person.givenNames} ${person.familyNames}`;
  const labels = {
    countryCode: t('registryShares.dialog.country'),
    purpose: t('registryShares.dialog.purpose'),
    fields: t('registryShares.dialog.fields'),
    stayIds: t('registryShares.dialog.stays'),
    note: t('registryShares.dialog.note'),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        mode === 'share'
          ? t('registryShares.dialog.shareTitle', { name })
          : t('registryShares.dialog.transferTitle', { name })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {mode === 'transfer' && !openStay ? (
        <Stack gap="md">
          <Alert color="orange" variant="light">
            {t('registryShares.dialog.noOpenStay')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <ErrorAlert
              error={mutation.error}
              fieldLabels={Object.fromEntries(
                (isApiError(mutation.error) ? mutation.error.fieldErrors : []).map((e) => [
                  e.path,
                  labels[e.path.split('.')[0] as keyof typeof labels] ?? e.path,
                ]),
              )}
            />
            <Text size="sm">
              {mode === 'share'
                ? t('registryShares.dialog.shareExplain')
                : t('registryShares.dialog.transferExplain')}
            </Text>
            <NativeSelect
              label={labels.countryCode}
              required
              data={[{ value: '', label: t('common.choose') }, ...options]}
              {...input('countryCode')}
            />
            {mode === 'share' && (
              <NativeSelect
                label={labels.purpose}
                required
                data={[
                  { value: '', label: t('common.choose') },
                  ...PERSON_SHARE_PURPOSES.map((p) => ({
                    value: p,
                    label: t(`registryShares.purposes.${p}`),
                  })),
                ]}
                {...input('purpose')}
              />
            )}
            <Text size="sm" c="dimmed">
              {t('registryShares.dialog.alwaysShared')}
            </Text>
            <Checkbox.Group
              label={labels.fields}
              description={t('registryShares.dialog.fieldsHint')}
              {...form.getInputProps('fields')}
            >
              <Stack gap={6} mt={6}>
                {PERSON_SHARE_FIELDS.map((f) => (
                  <Checkbox key={f} value={f} label={t(`registryShares.fields.${f}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            {mode === 'share' && person.stays.length > 0 && (
              <Checkbox.Group
                label={labels.stayIds}
                description={t('registryShares.dialog.staysHint')}
                {...form.getInputProps('stayIds')}
              >
                <Stack gap={6} mt={6}>
                  {person.stays.map((s) => (
                    <Checkbox
                      key={s.id}
                      value={s.id}
                      label={t('registryShares.dialog.stayLabel', {
                        centre: s.centreName,
                        admitted: format.dateTime(s.admittedAt),
                        status: t(`registryShares.stayStatus.${s.status}`),
                      })}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            {mode === 'transfer' && openStay && (
              <Text size="sm">
                {t('registryShares.dialog.transferStay', {
                  centre: openStay.centreName,
                  admitted: format.dateTime(openStay.admittedAt),
                })}
              </Text>
            )}
            <Textarea
              label={labels.note}
              description={t('registryShares.dialog.noteHint')}
              maxLength={TEXT_MAX.purpose}
              autosize
              minRows={2}
              {...input('note')}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {mode === 'share'
                  ? t('registryShares.dialog.shareSubmit')
                  : t('registryShares.dialog.transferSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
