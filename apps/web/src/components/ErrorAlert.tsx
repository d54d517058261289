import { Alert, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { WarningIcon } from './Icons';

/**
 * Shows a failed call: the server's localized title and detail, its field errors, and for
 * HTTP 429 how long to wait. `role="alert"` makes screen readers announce it at once.
 */
export function ErrorAlert({
  error,
  fieldLabels = {},
}: {
  error: unknown;
  fieldLabels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = isApiError(error) ? error : null;
  let wait: ReactNode = null;
  const seconds = apiError?.retryAfterSeconds;
  if (apiError?.status === 429 && seconds) {
    wait =
      seconds < 60
        ? t('errors.retryAfterSeconds', { count: seconds })
        : t('errors.retryAfterMinutes', { count: Math.ceil(seconds / 60) });
  }
  return (
    <Alert color="red" role="alert" icon={<WarningIcon />} title={apiError?.title ?? t('errors.generic')}>
      {apiError?.detail && <Text size="sm">{apiError.detail}</Text>}
      {wait && <Text size="sm">{wait}</Text>}
      {apiError && apiError.fieldErrors.length > 0 && (
        <List size="sm" mt={4}>
          {apiError.fieldErrors.map((f) => (
            <List.Item key={`${f.path}:${f.message}`}>
              {f.path ? `${fieldLabels[f.path] ?? f.path}: ` : ''}
              {f.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
