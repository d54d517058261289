import { type Authorisation, TEXT_MAX } from '@enlace/shared';
import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useMe } from '../auth/auth.queries';
import { useRecordAuthorisation } from './directory.queries';
import { UserPicker } from './UserPicker';

interface Values {
  userId: string | null;
  authorisedBy: string;
  noteReference: string;
  authorisedOn: string;
  validUntil: string;
}

/** Roles a Ministry of Foreign Affairs authorises to act for their country in the network. */
const AUTHORISED_ROLES = ['liaison_officer', 'prosecutor'] as const;

/** Records a liaison's or a prosecutor's authorisation by their Ministry of Foreign Affairs. */
export function AuthorisationFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const fieldError = useFieldError();
  const record = useRecordAuthorisation();
  const form = useForm<Values>({
    initialValues: { userId: null, authorisedBy: '', noteReference: '', authorisedOn: '', validUntil: '' },
    validate: {
      userId: (v) => (v ? null : 'validation.required'),
      authorisedBy: validators.required,
      noteReference: validators.required,
      authorisedOn: validators.required,
      validUntil: (v, values) =>
        !v
          ? 'validation.required'
          : values.authorisedOn && v < values.authorisedOn
            ? t('directory.authorisations.untilAfterFrom')
            : null,
    },
  });

  const handleSubmit = form.onSubmit((v) => {
    record.mutate(
      {
        userId: v.userId ?? '',
        authorisedBy: v.authorisedBy.trim(),
        noteReference: v.noteReference.trim(),
        authorisedOn: v.authorisedOn,
        validUntil: v.validUntil,
      },
      {
        onSuccess: (saved: Authorisation) => {
          notifications.show({
            color: 'green',
            title: t('directory.authorisations.recorded'),
            message: saved.userName,
          });
          onClose();
        },
        onError: (e) => showServerErrors(form, e),
      },
    );
  }, focusFirstInvalid);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('directory.authorisations.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={record.error} />
          <UserPicker
            label={t('directory.authorisations.user')}
            country={me.countryCode}
            roles={AUTHORISED_ROLES}
            required
            value={form.values.userId}
            onChange={(id) => form.setFieldValue('userId', id)}
            error={fieldError(form.errors.userId)}
          />
          <TextInput
            label={t('directory.authorisations.authorisedBy')}
            description={t('directory.authorisations.authorisedByHint')}
            required
            maxLength={TEXT_MAX.name}
            {...form.getInputProps('authorisedBy')}
            error={fieldError(form.errors.authorisedBy)}
          />
          <TextInput
            label={t('directory.authorisations.noteReference')}
            required
            maxLength={TEXT_MAX.reference}
            {...form.getInputProps('noteReference')}
            error={fieldError(form.errors.noteReference)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('directory.authorisations.authorisedOn')}
              required
              max={form.values.validUntil || undefined}
              {...form.getInputProps('authorisedOn')}
              error={fieldError(form.errors.authorisedOn)}
            />
            <TextInput
              type="date"
              label={t('directory.authorisations.validUntil')}
              required
              min={form.values.authorisedOn || undefined}
              {...form.getInputProps('validUntil')}
              error={fieldError(form.errors.validUntil)}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('directory.authorisations.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
