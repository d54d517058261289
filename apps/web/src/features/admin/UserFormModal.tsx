import { assignableRoles, LOCALES, type Locale, type Role, TEXT_MAX, type User } from '@enlace/shared';
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { focusFirstInvalid, useFieldError, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { currentLocale } from '../../i18n';
import { useMe } from '../auth/auth.queries';
import { useAgencies, useCountries, useCreateUser, useUpdateUser } from './admin.queries';

const LANGUAGE_NAMES: Record<Locale, string> = { es: 'Español', en: 'English', fr: 'Français' };

interface Values {
  displayName: string;
  email: string;
  role: Role;
  countryCode: string;
  agencyId: string;
  locale: Locale;
  password: string;
}

/** Creates an account, or edits one (`user` given): name, role, agency, language. */
export function UserFormModal({
  user,
  opened,
  onClose,
}: {
  user?: User;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = user ? updateUser : createUser;
  const roles = assignableRoles(me.role);
  const { data: countries } = useCountries();

  const form = useForm<Values>({
    initialValues: {
      displayName: user?.displayName ?? '',
      email: user?.email ?? '',
      role: user?.role ?? roles.find((r) => r === 'liaison_officer') ?? roles[0] ?? 'observer',
      countryCode: user?.countryCode ?? me.countryCode,
      agencyId: user?.agencyId ?? '',
      locale: user?.locale ?? currentLocale(),
      password: '',
    },
    validate: {
      displayName: validators.required,
      email: (v) => (user ? null : validators.email(v)),
      password: (v) => (user ? null : validators.newPassword(v)),
    },
  });
  const { data: agencies } = useAgencies(form.values.countryCode, opened && Boolean(form.values.countryCode));

  const countryOptions = (countries ?? [])
    .filter((c) => me.scope === 'all' || c.code === me.countryCode)
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const agencyOptions = [
    { value: '', label: t('admin.users.noAgency') },
    ...(agencies ?? [])
      .filter((a) => a.countryCode === form.values.countryCode && (a.active || a.id === user?.agencyId))
      .map((a) => ({
        value: a.id,
        label: a.acronym ? `${localized(a.name)} (${a.acronym})` : localized(a.name),
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];

  const handleClose = () => {
    mutation.reset();
    form.reset();
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    const agencyId = values.agencyId || null;
    if (user) {
      updateUser.mutate(
        {
          id: user.id,
          patch: {
            displayName: values.displayName.trim(),
            role: values.role,
            agencyId,
            locale: values.locale,
          },
        },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', title: t('admin.users.saved'), message: saved.displayName });
            handleClose();
          },
        },
      );
      return;
    }
    createUser.mutate(
      {
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        role: values.role,
        countryCode: values.countryCode,
        agencyId,
        locale: values.locale,
        password: values.password,
      },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'green', title: t('admin.users.created'), message: created.email });
          handleClose();
        },
      },
    );
  }, focusFirstInvalid);

  return (
    <Modal
      opened={opened}
      onClose={handleClose}
      title={user ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert
            error={mutation.error}
            fieldLabels={{
              displayName: t('admin.users.displayName'),
              email: t('admin.users.email'),
              password: t('admin.users.password'),
              role: t('admin.users.role'),
              countryCode: t('admin.users.country'),
              agencyId: t('admin.users.agency'),
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('admin.users.displayName')}
              required
              maxLength={TEXT_MAX.displayName}
              autoComplete="off"
              {...form.getInputProps('displayName')}
              error={fieldError(form.errors.displayName)}
            />
            <TextInput
              label={t('admin.users.email')}
              type="email"
              required={!user}
              disabled={Boolean(user)}
              maxLength={254}
              autoComplete="off"
              {...form.getInputProps('email')}
              error={fieldError(form.errors.email)}
            />
            <NativeSelect
              label={t('admin.users.role')}
              required
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              {...form.getInputProps('role')}
            />
            <NativeSelect
              label={t('admin.users.country')}
              required
              disabled={Boolean(user) || me.scope !== 'all'}
              data={countryOptions}
              {...form.getInputProps('countryCode')}
              onChange={(event) => {
                form.setFieldValue('countryCode', event.currentTarget.value);
                form.setFieldValue('agencyId', '');
              }}
            />
            <NativeSelect
              label={t('admin.users.agency')}
              data={agencyOptions}
              {...form.getInputProps('agencyId')}
            />
            <NativeSelect
              label={t('admin.users.language')}
              data={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          {!user && (
            <PasswordField
              label={t('admin.users.password')}
              description={t('admin.users.passwordHint')}
              required
              autoComplete="new-password"
              {...form.getInputProps('password')}
              error={fieldError(form.errors.password)}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={handleClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('admin.users.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
