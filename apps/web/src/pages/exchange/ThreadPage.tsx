import {
  type ExchangeMessage,
  EXCHANGE_MESSAGE_MAX,
  type HandlingRequest,
  THREAD_EXPORT_FORMATS,
  type Thread,
} from '@enlace/shared';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Menu,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChevronDownIcon } from '../../components/Icons';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { receiptRows, requestsFor, targetThreadId } from '../../features/exchange/exchange';
import {
  exportHref,
  useAcknowledge,
  useHandlingRequests,
  useMessages,
  usePostMessage,
  useThread,
  useUpdateThread,
} from '../../features/exchange/exchange.queries';
import {
  AddParticipantsModal,
  AskPermissionModal,
  DeadlineModal,
  ForwardModal,
} from '../../features/exchange/ThreadDialogs';
import { Deadline, PriorityBadge } from '../../features/exchange/ThreadBits';
import { type CodesDraft, codesErrors, codesOf, EMPTY_CODES } from '../../features/handling/handling-codes';
import { HandlingBadge } from '../../features/handling/HandlingBadge';
import { HandlingCodesField } from '../../features/handling/HandlingCodesField';
import { formatFileSize } from '../../features/files/attachments';
import { AttachmentsField } from '../../features/files/AttachmentsField';
import { useAttachments } from '../../features/files/useAttachments';
import { useHandlingLabels } from '../../features/handling/handling-labels';
import { focusFirstInvalid } from '../../hooks/useFieldError';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';
import { useLooseT } from '../../hooks/useLooseT';
import { NotFoundPage } from '../NotFoundPage';

export function ThreadPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const thread = useThread(id);
  if (thread.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }
  // Anyone outside the thread gets the same answer as for a thread that does not exist.
  if (isApiError(thread.error) && thread.error.status === 404) return <NotFoundPage />;
  if (!thread.data) return <ErrorAlert error={thread.error} />;
  return <ThreadView thread={thread.data} />;
}

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

type Dialog =
  | { kind: 'forward'; message: ExchangeMessage }
  | { kind: 'ask'; message: ExchangeMessage; action: 'export' | 'court' }
  | { kind: 'deadline' }
  | { kind: 'participants' }
  | null;

/**
 * A link to one message (`#message-<id>`, from a handling request) scrolls to it once its thread's
 * messages are shown; later refreshes of the list leave the reader where they are.
 */
function useScrollToMessage(ready: boolean) {
  const { hash } = useLocation();
  const done = useRef('');
  useEffect(() => {
    if (!ready || !hash.startsWith('#message-') || done.current === hash) return;
    const heading = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!heading) return;
    done.current = hash;
    heading.closest('li')?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);
}

function ThreadView({ thread }: { thread: Thread }) {
  const { t, i18n } = useTranslation();
  const looseT = useLooseT();
  const me = useMe();
  const format = useFormat();
  const countryName = useCountryName();
  const messages = useMessages(thread.id, true);
  const outgoing = useHandlingRequests('outgoing');
  const acknowledge = useAcknowledge(thread.id);
  const update = useUpdateThread(thread.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  useScrollToMessage(Boolean(messages.data));
  const now = new Date();
  const receipts = receiptRows(thread);
  const mine = receipts.find((r) => r.countryCode === me.countryCode);
  // Short times (day, month, hour) for the receipts; the full one on hover.
  const short = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const when = (iso: string | null) =>
    iso ? (
      <span className="tabular" title={format.dateTime(iso)}>
        {short.format(new Date(iso))}
      </span>
    ) : (
      '—'
    );

  const participantLabel = (p: Thread['participants'][number]) => {
    if (p.kind === 'network') return t('exchange.participants.network');
    if (p.kind === 'country') return countryName(p.ref ?? '');
    const name = p.label ?? '—';
    return p.countryCode ? `${name} (${countryName(p.countryCode)})` : name;
  };

  return (
    <Page
      title={thread.subject}
      description={
        <Group gap="xs" component="span" wrap="wrap">
          <Text span className="mono" fw={600} c="dark">
            {thread.reference}
          </Text>
          <Text span>{looseT(`exchange.type.${thread.type}`)}</Text>
          <PriorityBadge priority={thread.priority} />
          <Badge variant="outline" color={thread.status === 'open' ? 'green.9' : 'gray.8'}>
            {looseT(`exchange.status.${thread.status}`)}
          </Badge>
          {thread.channel === 'prosecutors' && (
            <Badge variant="outline" color="grape.9">
              {t('exchange.channel.prosecutors')}
            </Badge>
          )}
          {thread.status === 'open' && (
            <Deadline replyBy={thread.replyBy} overdue={thread.overdue} now={now} inline />
          )}
        </Group>
      }
      actions={
        <Group gap="sm" wrap="wrap">
          {thread.abilities.acknowledge && !mine?.acknowledgedAt && (
            <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
              {t('exchange.receipts.acknowledge')}
            </Button>
          )}
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <Button variant="default" rightSection={<ChevronDownIcon size={14} />}>
                {t('exchange.export.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('exchange.export.codes')}</Menu.Label>
              {THREAD_EXPORT_FORMATS.map((f) => (
                <Menu.Item key={f} component="a" href={exportHref(thread.id, f)} download>
                  {t(`exchange.export.${f}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      }
    >
      <SectionNav group="exchange" />
      <ErrorAlert error={acknowledge.error ?? update.error} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 5 }} order={{ base: 2, lg: 2 }}>
          <Stack gap="lg">
            <Section
              id="thread-facts"
              title={t('exchange.thread.details')}
              action={
                thread.abilities.manage ? (
                  <Button
                    size="xs"
                    variant="default"
                    loading={update.isPending}
                    onClick={() => update.mutate({ status: thread.status === 'open' ? 'closed' : 'open' })}
                  >
                    {thread.status === 'open' ? t('exchange.thread.close') : t('exchange.thread.reopen')}
                  </Button>
                ) : undefined
              }
            >
              <dl className="definition-list">
                <dt>{t('exchange.field.ownerCountry')}</dt>
                <dd>{countryName(thread.ownerCountry)}</dd>
                <dt>{t('exchange.field.createdAt')}</dt>
                <dd className="tabular">{format.dateTime(thread.createdAt)}</dd>
                <dt>{t('exchange.field.replyBy')}</dt>
                <dd>
                  <Deadline replyBy={thread.replyBy} overdue={thread.overdue} now={now} />
                  {thread.abilities.manage && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'deadline' })}
                    >
                      {t('exchange.deadline.change')}
                    </Button>
                  )}
                </dd>
                {thread.incidentId && (
                  <>
                    <dt>{t('exchange.field.incident')}</dt>
                    <dd>
                      <Anchor component={Link} to={`/incidents/${thread.incidentId}`} size="sm">
                        {t('exchange.thread.openIncident')}
                      </Anchor>
                    </dd>
                  </>
                )}
              </dl>
            </Section>
            <Section
              id="thread-participants"
              title={t('exchange.participants.label')}
              action={
                thread.abilities.manage && thread.status === 'open' ? (
                  <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'participants' })}>
                    {t('exchange.participants.add')}
                  </Button>
                ) : undefined
              }
            >
              <List size="sm" spacing={4}>
                {thread.participants.map((p) => (
                  <List.Item key={p.id}>
                    {participantLabel(p)}
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {looseT(`exchange.participants.kinds.${p.kind}`)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Section>
            <Section id="thread-receipts" title={t('exchange.receipts.title')}>
              {receipts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('exchange.receipts.empty')}
                </Text>
              ) : (
                <Stack component="ul" gap="sm" className="nav-list">
                  {receipts.map((r) => (
                    <li key={r.countryCode}>
                      <Text fw={600} size="sm">
                        {countryName(r.countryCode)}
                      </Text>
                      <dl className="definition-list receipt-list">
                        <dt>{t('exchange.receipts.acknowledged')}</dt>
                        <dd>{when(r.acknowledgedAt)}</dd>
                        <dt>{t('exchange.receipts.read')}</dt>
                        <dd>{when(r.readAt)}</dd>
                        <dt>{t('exchange.receipts.replied')}</dt>
                        <dd>{when(r.repliedAt)}</dd>
                      </dl>
                    </li>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }} order={{ base: 1, lg: 1 }}>
          <Stack gap="lg">
            <Section
              id="thread-messages"
              title={t('exchange.thread.messages', { count: thread.messageCount })}
            >
              {messages.isPending ? (
                <Loader aria-label={t('a11y.loading')} />
              ) : messages.error ? (
                <ErrorAlert error={messages.error} />
              ) : (
                <Stack component="ol" gap="md" className="nav-list">
                  {messages.data.items.map((m) => (
                    <MessageItem
                      key={m.id}
                      message={m}
                      myRequests={requestsFor(m, outgoing.data ?? [])}
                      onForward={() => setDialog({ kind: 'forward', message: m })}
                      onAsk={(action) => setDialog({ kind: 'ask', message: m, action })}
                    />
                  ))}
                </Stack>
              )}
            </Section>
            {thread.abilities.post ? (
              <Composer threadId={thread.id} />
            ) : (
              <Text size="sm" c="dimmed" role="status">
                {t('exchange.thread.closedNote')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <ForwardModal
        message={dialog?.kind === 'forward' ? dialog.message : null}
        thread={thread}
        myRequests={dialog?.kind === 'forward' ? requestsFor(dialog.message, outgoing.data ?? []) : []}
        onClose={() => setDialog(null)}
      />
      <AskPermissionModal
        ask={dialog?.kind === 'ask' ? { message: dialog.message, action: dialog.action } : null}
        onClose={() => setDialog(null)}
      />
      {dialog?.kind === 'deadline' && (
        <DeadlineModal thread={thread} opened onClose={() => setDialog(null)} />
      )}
      <AddParticipantsModal
        thread={thread}
        opened={dialog?.kind === 'participants'}
        onClose={() => setDialog(null)}
      />
    </Page>
  );
}

/** One message: who, from where, when, its codes; what the reader may do with it, and why not. */
function MessageItem({
  message: m,
  myRequests,
  onForward,
  onAsk,
}: {
  message: ExchangeMessage;
  myRequests: HandlingRequest[];
  onForward: () => void;
  onAsk: (action: 'export' | 'court') => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const labels = useHandlingLabels();
  const headingId = `message-${m.id}`;
  const refusals = (['forward', 'export', 'court'] as const).filter((a) => !m.abilities[a].allowed);
  return (
    <Card
      component="li"
      withBorder
      radius="md"
      padding="md"
      aria-labelledby={headingId}
      className="exchange-message"
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div>
          <Text id={headingId} fw={600} size="sm">
            {m.authorName ?? t('exchange.message.unknownAuthor')}
            <Text span c="dimmed" fw={400} size="sm">
              {' · '}
              {countryName(m.authorCountry)}
            </Text>
          </Text>
          <Text size="xs" c="dimmed" className="tabular">
            {format.dateTime(m.createdAt)}
          </Text>
        </div>
        <HandlingBadge codes={m.codes} />
      </Group>
      {m.forwardedFrom && (
        <Text size="xs" c="dimmed" mt={6}>
          {m.forwardedFrom.threadReference
            ? t('exchange.message.forwardedFrom', { reference: m.forwardedFrom.threadReference })
            : t('exchange.message.forwarded')}
        </Text>
      )}
      <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {m.body}
      </Text>
      {m.codes.restriction && (
        <Text size="sm" mt="xs" c="red.9">
          <strong>{labels.restriction(m.codes.restriction)}</strong>
        </Text>
      )}
      {m.attachments.length > 0 && (
        <Stack
          gap={2}
          mt="sm"
          component="ul"
          className="nav-list"
          aria-label={t('exchange.message.attachments')}
        >
          {m.attachments.map((a) => (
            <li key={a.id}>
              <Anchor href={`/api/files/${a.id}`} download={a.name} size="sm">
                {a.name}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {' '}
                ({formatFileSize(a.size, i18n.language)})
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <Group gap="xs" mt="sm" wrap="wrap">
        <Button
          size="xs"
          variant="default"
          onClick={onForward}
          aria-label={t('exchange.forward.named', { name: m.authorName ?? '' })}
        >
          {t('exchange.forward.button')}
        </Button>
        {(['export', 'court'] as const)
          .filter((a) => m.abilities[a].mayRequest)
          .map((a) => (
            <Button key={a} size="xs" variant="subtle" onClick={() => onAsk(a)}>
              {t('exchange.permission.askFor', { action: labels.action(a) })}
            </Button>
          ))}
      </Group>
      {refusals.length > 0 && (
        <List size="xs" mt="xs" spacing={2} c="dimmed">
          {refusals.map((a) => {
            const reason = m.abilities[a].reason ?? 'needs_permission';
            return (
              <List.Item key={a}>
                {t(`exchange.refusal.${reason}`, { action: labels.action(a), code: m.codes.handling })}
              </List.Item>
            );
          })}
        </List>
      )}
      {myRequests.length > 0 && (
        <List size="xs" mt="xs" spacing={2} aria-label={t('exchange.permission.mine')}>
          {myRequests.map((r) => (
            <List.Item key={r.id}>
              {t('exchange.permission.line', {
                action: labels.action(r.action),
                state: t(`exchange.permission.state.${r.status}`, {
                  when: format.dateTime(r.decidedAt ?? r.requestedAt),
                }),
              })}
              {targetThreadId(r.target) ? ` ${t('exchange.permission.forDestination')}` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** A reply: the text, its files and its codes, chosen each time (no default). */
function Composer({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const looseT = useLooseT();
  const post = usePostMessage(threadId);
  const [body, setBody] = useState('');
  const [codes, setCodes] = useState<CodesDraft>(EMPTY_CODES);
  const attachments = useAttachments();
  const [errors, setErrors] = useState<Partial<Record<'body' | 'attachments' | keyof CodesDraft, ReactNode>>>(
    {},
  );
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!body.trim()) next.body = t('validation.required');
    for (const [k, key] of Object.entries(codesErrors(codes))) next[k as keyof CodesDraft] = looseT(key);
    if (attachments.uploading) next.attachments = t('files.wait');
    setErrors(next);
    const chosen = codesOf(codes);
    if (Object.keys(next).length || !chosen) {
      focusFirstInvalid();
      return;
    }
    post.mutate(
      { body: body.trim(), codes: chosen, attachments: attachments.ids },
      {
        onSuccess: () => {
          setBody('');
          setCodes(EMPTY_CODES);
          attachments.clear();
          notifications.show({ color: 'green', message: t('exchange.composer.sent') });
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const fromServer: typeof errors = {};
          for (const f of error.fieldErrors) {
            if (f.path === 'body') fromServer.body = f.message;
            else if (f.path.startsWith('attachments')) fromServer.attachments = f.message;
            else if (f.path.startsWith('codes.')) fromServer[f.path.slice(6) as keyof CodesDraft] = f.message;
          }
          setErrors(fromServer);
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="composer-title">
      <Title order={2} size="h4" id="composer-title" mb="sm">
        {t('exchange.composer.title')}
      </Title>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('exchange.field.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            maxLength={EXCHANGE_MESSAGE_MAX}
            autosize
            minRows={3}
            error={errors.body}
            aria-invalid={Boolean(errors.body)}
            withAsterisk
          />
          <AttachmentsField idPrefix="reply" attachments={attachments} error={errors.attachments} />
          <HandlingCodesField idPrefix="reply" value={codes} onChange={setCodes} errors={errors} />
          {post.error && !(isApiError(post.error) && post.error.fieldErrors.length) ? (
            <ErrorAlert error={post.error} />
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={post.isPending}>
              {t('exchange.composer.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
