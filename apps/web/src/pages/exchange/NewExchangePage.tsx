import {
  can,
  EXCHANGE_CHANNELS,
  EXCHANGE_MESSAGE_MAX,
  EXCHANGE_PRIORITIES,
  EXCHANGE_TYPES,
  type ExchangeChannel,
  type ExchangePriority,
  type ExchangeType,
  TEXT_MAX,
} from '@enlace/shared';
import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useMe } from '../../features/auth/auth.queries';
import { isoToLocalInput, localInputToIso } from '../../features/cases/money';
import { defaultReplyBy, type ParticipantChoice } from '../../features/exchange/exchange';
import { useCreateThread } from '../../features/exchange/exchange.queries';
import { ParticipantPicker } from '../../features/exchange/ParticipantPicker';
import { AttachmentsField } from '../../features/files/AttachmentsField';
import { useAttachments } from '../../features/files/useAttachments';
import { type CodesDraft, codesErrors, codesOf, EMPTY_CODES } from '../../features/handling/handling-codes';
import { HandlingCodesField } from '../../features/handling/HandlingCodesField';
import { useRecentIncidents } from '../../features/incidents/incidents.queries';
import { focusFirstInvalid } from '../../hooks/useFieldError';
import { useFormat } from '../../hooks/useFormat';
import { useLooseT } from '../../hooks/useLooseT';

type Field =
  | 'subject'
  | 'type'
  | 'participants'
  | 'replyBy'
  | 'incidentId'
  | 'body'
  | 'attachments'
  | keyof CodesDraft;

/** Where a server field error goes in this form (`message.codes.handling` → the handling code). */
export function formFieldOf(path: string): Field | null {
  if (path.startsWith('participants')) return 'participants';
  if (path.startsWith('message.codes.')) return path.slice('message.codes.'.length) as Field;
  if (path === 'message.body') return 'body';
  if (path.startsWith('message.attachments')) return 'attachments';
  if (['subject', 'type', 'replyBy', 'incidentId'].includes(path)) return path as Field;
  return null;
}

/** Opens an exchange: who, what, how urgent, until when, and the first message with its codes. */
export function NewExchangePage() {
  const { t } = useTranslation();
  const looseT = useLooseT();
  const me = useMe();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateThread();
  const mayLink = can(me.role, 'incidents.read');
  const incidents = useRecentIncidents(mayLink);
  const [subject, setSubject] = useState('');
  const [type, setType] = useState<ExchangeType | ''>('');
  const [priority, setPriority] = useState<ExchangePriority>('normal');
  const [channel, setChannel] = useState<ExchangeChannel>('network');
  const [participants, setParticipants] = useState<ParticipantChoice[]>([]);
  // The deadline follows the priority until the author changes it.
  const [replyBy, setReplyBy] = useState<string | null>(null);
  const [noDeadline, setNoDeadline] = useState(false);
  const [incidentId, setIncidentId] = useState('');
  const [body, setBody] = useState('');
  const [codes, setCodes] = useState<CodesDraft>(EMPTY_CODES);
  const attachments = useAttachments();
  const [errors, setErrors] = useState<Partial<Record<Field, ReactNode>>>({});
  const shownReplyBy = replyBy ?? isoToLocalInput(defaultReplyBy(priority, new Date()).toISOString());

  const handleChannel = (next: ExchangeChannel) => {
    setChannel(next);
    // The prosecutors' channel has no broadcast and no agencies: start the list again.
    setParticipants([]);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<Field, ReactNode>> = {};
    if (!subject.trim()) next.subject = t('validation.required');
    if (!type) next.type = t('exchange.new.chooseType');
    if (!participants.length) next.participants = t('exchange.participants.required');
    if (!body.trim()) next.body = t('validation.required');
    if (!noDeadline && (!shownReplyBy || Number.isNaN(Date.parse(shownReplyBy))))
      next.replyBy = t('validation.required');
    for (const [k, key] of Object.entries(codesErrors(codes))) next[k as Field] = looseT(key);
    if (attachments.uploading) next.attachments = t('files.wait');
    setErrors(next);
    const chosen = codesOf(codes);
    if (Object.keys(next).length || !chosen || !type) {
      focusFirstInvalid();
      return;
    }
    create.mutate(
      {
        subject: subject.trim(),
        type,
        priority,
        channel,
        participants: participants.map((p) => p.input),
        replyBy: noDeadline ? null : replyBy ? localInputToIso(replyBy) : undefined,
        incidentId: incidentId || null,
        message: { body: body.trim(), codes: chosen, attachments: attachments.ids },
      },
      {
        onSuccess: (thread) => navigate(`/exchange/${thread.id}`),
        onError: (error) => {
          if (!isApiError(error) || !error.fieldErrors.length) return;
          const fromServer: Partial<Record<Field, ReactNode>> = {};
          for (const f of error.fieldErrors) {
            const field = formFieldOf(f.path);
            if (field) fromServer[field] = f.message;
          }
          setErrors(fromServer);
          focusFirstInvalid();
        },
      },
    );
  };

  const unplacedError =
    isApiError(create.error) &&
    create.error.fieldErrors.every((f) => formFieldOf(f.path)) &&
    create.error.fieldErrors.length
      ? null
      : create.error;

  return (
    <Page title={t('exchange.new.title')} description={t('exchange.new.intro')}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="lg">
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ex-what">
            <Title order={2} size="h4" id="ex-what" mb="sm">
              {t('exchange.new.what')}
            </Title>
            <Stack gap="md">
              <TextInput
                label={t('exchange.field.subject')}
                description={t('exchange.new.subjectHint')}
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
                maxLength={TEXT_MAX.title}
                error={errors.subject}
                aria-invalid={Boolean(errors.subject)}
                withAsterisk
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NativeSelect
                  label={t('exchange.field.type')}
                  value={type}
                  onChange={(e) => setType(e.currentTarget.value as ExchangeType | '')}
                  data={[
                    { value: '', label: t('exchange.new.chooseType') },
                    ...EXCHANGE_TYPES.map((v) => ({ value: v, label: t(`exchange.type.${v}`) })),
                  ]}
                  error={errors.type}
                  aria-invalid={Boolean(errors.type)}
                  withAsterisk
                />
                <Radio.Group
                  label={t('exchange.field.priority')}
                  value={priority}
                  onChange={(v) => setPriority(v as ExchangePriority)}
                >
                  <Group gap="lg" mt={8}>
                    {EXCHANGE_PRIORITIES.map((p) => (
                      <Radio key={p} value={p} label={t(`exchange.priority.${p}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              </SimpleGrid>
              {me.role === 'prosecutor' && (
                <Radio.Group
                  label={t('exchange.field.channel')}
                  description={t('exchange.new.channelHint')}
                  value={channel}
                  onChange={(v) => handleChannel(v as ExchangeChannel)}
                >
                  <Group gap="lg" mt={8}>
                    {EXCHANGE_CHANNELS.map((c) => (
                      <Radio key={c} value={c} label={t(`exchange.channel.${c}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
              <Stack gap={6}>
                <Group align="flex-end" gap="md" wrap="wrap">
                  <TextInput
                    type="datetime-local"
                    label={t('exchange.field.replyBy')}
                    value={noDeadline ? '' : shownReplyBy}
                    onChange={(e) => setReplyBy(e.currentTarget.value)}
                    disabled={noDeadline}
                    error={errors.replyBy}
                    aria-invalid={Boolean(errors.replyBy)}
                    w={{ base: '100%', xs: 260 }}
                  />
                  <Checkbox
                    label={t('exchange.new.noDeadline')}
                    checked={noDeadline}
                    onChange={(e) => setNoDeadline(e.currentTarget.checked)}
                    mb={8}
                  />
                </Group>
                <Text size="xs" c="dimmed">
                  {replyBy === null && !noDeadline
                    ? t('exchange.new.replyByDefault', {
                        when: format.dateTime(localInputToIso(shownReplyBy)),
                        rule: t(`exchange.new.replyByRule.${priority}`),
                      })
                    : t('exchange.new.replyByHint')}
                </Text>
              </Stack>
              {mayLink && (
                <NativeSelect
                  label={t('exchange.field.incident')}
                  description={t('exchange.new.incidentHint')}
                  value={incidentId}
                  onChange={(e) => setIncidentId(e.currentTarget.value)}
                  data={[
                    { value: '', label: t('exchange.new.noIncident') },
                    ...(incidents.data?.items ?? []).map((i) => ({
                      value: i.id,
                      label: `${i.reference} · ${format.day(i.occurredOn)}${i.placeName ? ` · ${i.placeName}` : ''}`,
                    })),
                  ]}
                  error={errors.incidentId}
                />
              )}
            </Stack>
          </Card>

          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ex-who">
            <Title order={2} size="h4" id="ex-who" mb="sm">
              {t('exchange.new.who')}
            </Title>
            <ParticipantPicker
              channel={channel}
              value={participants}
              onChange={setParticipants}
              error={errors.participants}
            />
          </Card>

          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ex-message">
            <Title order={2} size="h4" id="ex-message" mb="sm">
              {t('exchange.new.message')}
            </Title>
            <Stack gap="md">
              <Textarea
                label={t('exchange.field.body')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                maxLength={EXCHANGE_MESSAGE_MAX}
                autosize
                minRows={5}
                error={errors.body}
                aria-invalid={Boolean(errors.body)}
                withAsterisk
              />
              <AttachmentsField idPrefix="new" attachments={attachments} error={errors.attachments} />
              <HandlingCodesField idPrefix="new" value={codes} onChange={setCodes} errors={errors} />
            </Stack>
          </Card>

          <ErrorAlert error={unplacedError} />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to="/exchange" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('exchange.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
