import { type ExchangeMessage, type HandlingRequest, TEXT_MAX, type Thread } from '@enlace/shared';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../hooks/useFormat';
import { isoToLocalInput, localInputToIso } from '../cases/money';
import { useHandlingLabels } from '../handling/handling-labels';
import { forwardTarget, type ParticipantChoice, participantKey } from './exchange';
import { useAskPermission, useForward, useOpenThreads, useUpdateThread } from './exchange.queries';
import { ParticipantPicker } from './ParticipantPicker';

function fieldError(error: unknown, path: string): string | undefined {
  return isApiError(error) ? error.fieldErrors.find((f) => f.path === path)?.message : undefined;
}

/** The reason to ask the provider, in the requester's words (the provider reads it in Enlace). */
function ReasonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('exchange.permission.reason')}
      description={t('exchange.permission.reasonHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      maxLength={TEXT_MAX.purpose}
      autosize
      minRows={3}
      error={error}
      withAsterisk
    />
  );
}

/**
 * Forwards a message to another open exchange of mine. Its codes and provider travel with it; when
 * its handling code reserves forwarding, the server refuses without the provider's permission for
 * that destination, and the dialog offers to ask for it there.
 */
export function ForwardModal({
  message,
  thread,
  myRequests,
  onClose,
}: {
  message: ExchangeMessage | null;
  thread: Thread;
  myRequests: HandlingRequest[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useHandlingLabels();
  const threads = useOpenThreads(Boolean(message));
  const forward = useForward();
  const ask = useAskPermission();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const close = () => {
    setTarget('');
    setReason('');
    setReasonError(undefined);
    forward.reset();
    ask.reset();
    onClose();
  };
  if (!message) return null;
  const options = (threads.data?.items ?? []).filter((x) => x.id !== thread.id);
  const reserved = !message.abilities.forward.allowed;
  const forTarget = target
    ? myRequests.find((r) => r.action === 'forward' && r.target === forwardTarget(target))
    : undefined;
  const refused = isApiError(forward.error) && forward.error.code.startsWith('handling_');
  const mayAsk = target && reserved && forTarget?.status !== 'pending' && forTarget?.status !== 'granted';

  const handleForward = () => {
    if (!target) return;
    forward.mutate(
      { messageId: message.id, threadId: target },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('exchange.forward.done') });
          close();
        },
      },
    );
  };
  const handleAsk = () => {
    if (!reason.trim()) {
      setReasonError(t('validation.required'));
      return;
    }
    setReasonError(undefined);
    ask.mutate(
      { messageId: message.id, action: 'forward', target: forwardTarget(target), reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('exchange.permission.sent') });
          setReason('');
          forward.reset();
        },
      },
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={close}
      title={t('exchange.forward.title')}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          {t('exchange.forward.intro', { code: labels.handling(message.codes.handling) })}
        </Text>
        {reserved && (
          <Alert color="orange" variant="light" title={t('exchange.forward.reservedTitle')}>
            {t('exchange.forward.reserved', { code: message.codes.handling })}
          </Alert>
        )}
        <NativeSelect
          label={t('exchange.forward.destination')}
          value={target}
          onChange={(e) => {
            setTarget(e.currentTarget.value);
            forward.reset();
            ask.reset();
          }}
          data={[
            {
              value: '',
              label: options.length ? t('exchange.forward.choose') : t('exchange.forward.noThread'),
            },
            ...options.map((x) => ({ value: x.id, label: `${x.reference} — ${x.subject}` })),
          ]}
          error={fieldError(forward.error, 'threadId')}
        />
        {forTarget && (
          <Text size="sm" role="status">
            {t(`exchange.permission.state.${forTarget.status}`, {
              when: format.dateTime(forTarget.decidedAt ?? forTarget.requestedAt),
            })}
            {forTarget.note ? ` ${t('exchange.permission.noteSaid', { note: forTarget.note })}` : ''}
          </Text>
        )}
        {forward.error && !refused && <ErrorAlert error={forward.error} />}
        {refused && isApiError(forward.error) && (
          <Alert color="red" role="alert" title={forward.error.title}>
            {forward.error.detail}
          </Alert>
        )}
        {mayAsk && (
          <Stack gap="sm">
            <ReasonField
              value={reason}
              onChange={setReason}
              error={reasonError ?? fieldError(ask.error, 'reason')}
            />
            {ask.error && !fieldError(ask.error, 'reason') ? <ErrorAlert error={ask.error} /> : null}
          </Stack>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          {mayAsk && (
            <Button variant="light" onClick={handleAsk} loading={ask.isPending}>
              {t('exchange.permission.ask')}
            </Button>
          )}
          <Button onClick={handleForward} disabled={!target} loading={forward.isPending}>
            {t('exchange.forward.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Asks the provider for an action its code reserves (export, use in court), saying why. */
export function AskPermissionModal({
  ask: request,
  onClose,
}: {
  ask: { message: ExchangeMessage; action: 'export' | 'court' } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useHandlingLabels();
  const ask = useAskPermission();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setReason('');
    setError(undefined);
    ask.reset();
    onClose();
  };
  if (!request) return null;
  const handleSubmit = () => {
    if (!reason.trim()) {
      setError(t('validation.required'));
      return;
    }
    ask.mutate(
      { messageId: request.message.id, action: request.action, target: null, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('exchange.permission.sent') });
          close();
        },
      },
    );
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={close}
      title={t('exchange.permission.title', { action: labels.action(request.action) })}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('exchange.permission.intro', {
            action: labels.action(request.action),
            code: labels.handling(request.message.codes.handling),
          })}
        </Text>
        <ReasonField value={reason} onChange={setReason} error={error ?? fieldError(ask.error, 'reason')} />
        {ask.error && !fieldError(ask.error, 'reason') ? <ErrorAlert error={ask.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={handleSubmit} loading={ask.isPending}>
            {t('exchange.permission.ask')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The owner moves the reply deadline, or removes it. */
export function DeadlineModal({
  thread,
  opened,
  onClose,
}: {
  thread: Thread;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateThread(thread.id);
  const [value, setValue] = useState(thread.replyBy ? isoToLocalInput(thread.replyBy) : '');
  const [none, setNone] = useState(thread.replyBy === null);
  const [error, setError] = useState<string | undefined>();
  const handleSubmit = () => {
    if (!none && (!value || Number.isNaN(Date.parse(value)))) {
      setError(t('validation.required'));
      return;
    }
    update.mutate({ replyBy: none ? null : localInputToIso(value) }, { onSuccess: onClose });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('exchange.deadline.change')}
    >
      <Stack gap="md">
        <TextInput
          type="datetime-local"
          label={t('exchange.field.replyBy')}
          value={none ? '' : value}
          disabled={none}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={
            error ??
            fieldError(update.error, 'replyBy') ??
            (isApiError(update.error) ? update.error.title : undefined)
          }
        />
        <Checkbox
          label={t('exchange.new.noDeadline')}
          checked={none}
          onChange={(e) => setNone(e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={handleSubmit} loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The owner adds people, agencies, countries or the network to the thread. */
export function AddParticipantsModal({
  thread,
  opened,
  onClose,
}: {
  thread: Thread;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateThread(thread.id);
  const [chosen, setChosen] = useState<ParticipantChoice[]>([]);
  const current = thread.participants.map((p) => participantKey({ kind: p.kind, ref: p.ref ?? undefined }));
  const close = () => {
    setChosen([]);
    update.reset();
    onClose();
  };
  const participantError = isApiError(update.error)
    ? update.error.fieldErrors.find((f) => f.path.startsWith('addParticipants'))?.message
    : undefined;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('exchange.participants.addTitle')}
      size="lg"
    >
      <Stack gap="md">
        <ParticipantPicker
          channel={thread.channel}
          value={chosen}
          onChange={setChosen}
          exclude={current}
          error={participantError}
        />
        {update.error && !participantError ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!chosen.length}
            loading={update.isPending}
            onClick={() =>
              update.mutate({ addParticipants: chosen.map((c) => c.input) }, { onSuccess: close })
            }
          >
            {t('exchange.participants.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
