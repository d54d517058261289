import { FILE_ACCEPT } from '@enlace/shared';
import { Button, FileButton, Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedKinds, formatFileSize } from './attachments';
import type { Attachments } from './useAttachments';

/**
 * The files of a message: a button that opens the file chooser (a real button: Tab, Enter and
 * Space reach it), the limits the server states, then each file with its size and its state —
 * a progress bar while it uploads, "attached", or the server's reason for refusing it — and a
 * button to remove it.
 */
export function AttachmentsField({
  idPrefix,
  attachments,
  error,
}: {
  idPrefix: string;
  attachments: Attachments;
  error?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const labelId = `${idPrefix}-attachments-label`;
  const hintId = `${idPrefix}-attachments-hint`;
  const errorId = `${idPrefix}-attachments-error`;
  const { items, limits, max } = attachments;
  const lang = i18n.language;
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" fw={500}>
        {t('files.label')}
      </Text>
      <Text id={hintId} size="xs" c="dimmed">
        {limits
          ? t('files.limits', {
              count: max,
              size: formatFileSize(limits.maxBytes, lang),
              kinds: acceptedKinds(lang),
            })
          : t('files.limitsPending')}
      </Text>
      <div>
        <FileButton onChange={attachments.add} multiple accept={FILE_ACCEPT}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="sm"
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              aria-invalid={error ? true : undefined}
            >
              {t('files.choose')}
            </Button>
          )}
        </FileButton>
      </div>
      {error ? (
        <Text id={errorId} size="xs" c="red.8">
          {error}
        </Text>
      ) : null}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" className="nav-list attachment-list" aria-label={t('files.chosen')}>
          {items.map((a) => (
            <li key={a.key} className="attachment-item" data-state={a.state}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <div className="attachment-name">
                  <Text size="sm" fw={500} className="attachment-file-name">
                    {a.name}
                  </Text>
                  <Text size="xs" c={a.state === 'refused' ? 'red.8' : 'dimmed'}>
                    {formatFileSize(a.size, lang)} · {t(`files.state.${a.state}`)}
                  </Text>
                </div>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => attachments.remove(a.key)}
                  aria-label={t('files.removeNamed', { name: a.name })}
                >
                  {t('files.remove')}
                </Button>
              </Group>
              {a.state === 'uploading' && (
                <Progress
                  value={Math.round(a.progress * 100)}
                  size="sm"
                  mt={4}
                  aria-label={t('files.uploadingNamed', { name: a.name })}
                />
              )}
              {a.error && (
                <Text size="xs" c="red.8" mt={2} className="attachment-error">
                  {a.error}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
      <VisuallyHidden role="status">{attachments.announcement}</VisuallyHidden>
    </Stack>
  );
}
