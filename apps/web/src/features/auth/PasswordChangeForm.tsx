import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { focusFirstInvalid, useFieldError, validators } from '../../hooks/useFieldError';
import { useChangePassword } from './auth.queries';

/** Current password, a new one and its confirmation: the profile's form and the forced change at sign-in. */
export function PasswordChangeForm({
  submitLabel,
  onChanged,
}: {
  submitLabel: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const fieldError = useFieldError();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: validators.required,
      newPassword: validators.newPassword,
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : 'validation.passwordMismatch',
    },
  });

  const handleSubmit = form.onSubmit(({ currentPassword, newPassword }) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          onChanged();
        },
      },
    );
  }, focusFirstInvalid);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm" maw={420}>
        <ErrorAlert
          error={changePassword.error}
          fieldLabels={{
            currentPassword: t('profile.currentPassword'),
            newPassword: t('profile.newPassword'),
          }}
        />
        <PasswordField
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
          error={fieldError(form.errors.currentPassword)}
        />
        <PasswordField
          label={t('profile.newPassword')}
          description={t('profile.passwordRules')}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
          error={fieldError(form.errors.newPassword)}
        />
        <PasswordField
          label={t('profile.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
          error={fieldError(form.errors.confirmPassword)}
        />
        <Group>
          <Button type="submit" loading={changePassword.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
