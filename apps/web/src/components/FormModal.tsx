import { Button, Group, Modal, Stack } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { useFieldError } from '../hooks/useFieldError';
import { ErrorAlert } from './ErrorAlert';

export interface InputSource {
  getInputProps: (path: string) => GetInputPropsReturnType;
}

/** A field's props, with client-side error keys translated (server errors are already). */
export function useInput(form: InputSource) {
  const fieldError = useFieldError();
  return (path: string) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
}

export function labelsFor(error: unknown, labels: Record<string, string>) {
  return Object.fromEntries(
    (isApiError(error) ? error.fieldErrors : []).map((e) => [
      e.path,
      labels[e.path.split('.')[0] ?? e.path] ?? e.path,
    ]),
  );
}

/** A form in a dialog: the server's refusal on top, the fields, cancel and submit. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  error,
  labels,
  pending,
  submitLabel,
  children,
  size = 'lg',
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  error: unknown;
  labels: Record<string, string>;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
  size?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={error} fieldLabels={labelsFor(error, labels)} />
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
