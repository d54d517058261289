import { type HandlingRequest, TEXT_MAX } from '@enlace/shared';
import { Anchor, Badge, Button, Group, Modal, Skeleton, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { targetThreadId } from '../../features/exchange/exchange';
import {
  useDecideRequest,
  useHandlingRequests,
  useOpenThreads,
  useParticipantSearch,
} from '../../features/exchange/exchange.queries';
import { HandlingItemSummary } from '../../features/handling/HandlingItemSummary';
import { useHandlingLabels } from '../../features/handling/handling-labels';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';

type Box = 'incoming' | 'outgoing';

const STATUS_COLOR = { pending: 'orange.9', granted: 'green.9', refused: 'red.9' } as const;

/**
 * The permissions that handling codes reserve: those asked of me as a provider, to grant or
 * refuse with a note, and those I asked for, with the provider's answer.
 */
export function HandlingRequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const incoming = useHandlingRequests('incoming');
  const pending = (incoming.data ?? []).filter((r) => r.status === 'pending').length;
  return (
    <Page title={t('exchange.requests.title')} description={t('exchange.requests.intro')}>
      <SectionNav group="exchange" />
      <Tabs
        value={box}
        onChange={(v) => setParams(v === 'outgoing' ? { box: 'outgoing' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="incoming">
            {t('exchange.requests.incoming')}
            {pending > 0 && (
              <Badge
                size="sm"
                ml={6}
                color="red.8"
                variant="filled"
                aria-label={t('exchange.requests.pendingCount', { count: pending })}
              >
                {pending}
              </Badge>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('exchange.requests.outgoing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incoming" pt="md">
          <RequestList box="incoming" />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing" pt="md">
          <RequestList box="outgoing" />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function RequestList({ box }: { box: Box }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const labels = useHandlingLabels();
  const requests = useHandlingRequests(box);
  const rows = requests.data ?? [];
  // The other party's name: the requester (incoming) or the provider (outgoing).
  const people = [...new Set(rows.map((r) => (box === 'incoming' ? r.requestedBy : r.deciderId)))];
  const names = useParticipantSearch({ ids: people }, people.length > 0);
  const threads = useOpenThreads(box === 'outgoing');
  const [deciding, setDeciding] = useState<{ request: HandlingRequest; grant: boolean } | null>(null);
  const list = useListState(
    { sorts: ['requestedAt'], defaultSort: 'requestedAt', defaultDir: 'desc', defaultLimit: 25 },
    { inUrl: false },
  );
  const person = (id: string) => names.data?.users.find((u) => u.id === id);
  const destination = (r: HandlingRequest) => {
    const id = targetThreadId(r.target);
    if (!id) return r.action === 'forward' ? t('exchange.requests.anyDestination') : '—';
    const known = threads.data?.items.find((x) => x.id === id);
    return known ? (
      <Anchor component={Link} to={`/exchange/${id}`} size="sm" className="mono">
        {known.reference}
      </Anchor>
    ) : (
      t('exchange.requests.anotherThread')
    );
  };
  const columns: DataColumn<HandlingRequest>[] = [
    {
      id: 'requestedAt',
      header: t('exchange.requests.asked'),
      sortable: true,
      value: (r) => r.requestedAt,
      nowrap: true,
      cell: (r) => <span className="tabular">{format.dateTime(r.requestedAt)}</span>,
    },
    {
      id: 'who',
      header: box === 'incoming' ? t('exchange.requests.requester') : t('exchange.requests.provider'),
      primary: true,
      required: true,
      cell: (r) => {
        const p = person(box === 'incoming' ? r.requestedBy : r.deciderId);
        return p ? (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {p.name}
            </Text>
            <Text size="xs" c="dimmed">
              {countryName(p.countryCode)}
            </Text>
          </Stack>
        ) : names.isPending ? (
          <Skeleton h={16} w={120} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('exchange.requests.unknownPerson')}
          </Text>
        );
      },
    },
    {
      id: 'item',
      header: t('exchange.requests.about'),
      cell: (r) => <HandlingItemSummary item={r.item} />,
    },
    {
      id: 'action',
      header: t('exchange.requests.action'),
      cell: (r) => (
        <Stack gap={0}>
          <Text size="sm">{labels.action(r.action)}</Text>
          {r.action === 'forward' && (
            <Text size="xs" c="dimmed">
              {t('exchange.requests.to')} {destination(r)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'reason',
      header: t('exchange.requests.reason'),
      cell: (r) => (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.reason}
        </Text>
      ),
    },
    {
      id: 'status',
      header: t('exchange.requests.status'),
      cell: (r) => (
        <Stack gap={2}>
          <Badge variant="outline" color={STATUS_COLOR[r.status]} classNames={{ label: 'badge-label-whole' }}>
            {t(`exchange.requests.statuses.${r.status}`)}
          </Badge>
          {r.decidedAt && (
            <Text size="xs" c="dimmed" className="tabular">
              {format.dateTime(r.decidedAt)}
            </Text>
          )}
          {box === 'incoming' && r.status === 'pending' && (
            <Group gap="xs" wrap="wrap" mt={4}>
              <Button size="xs" onClick={() => setDeciding({ request: r, grant: true })}>
                {t('exchange.requests.grant')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDeciding({ request: r, grant: false })}>
                {t('exchange.requests.refuse')}
              </Button>
            </Group>
          )}
          {r.note && (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              {t('exchange.permission.noteSaid', { note: r.note })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  return (
    <>
      <DataTable
        id={`handling-requests-${box}`}
        label={box === 'incoming' ? t('exchange.requests.incoming') : t('exchange.requests.outgoing')}
        columns={columns}
        rows={requests.data}
        rowKey={(r) => r.id}
        list={list}
        mode="client"
        loading={requests.isPending}
        error={requests.error}
        emptyMessage={
          box === 'incoming' ? t('exchange.requests.emptyIncoming') : t('exchange.requests.emptyOutgoing')
        }
      />
      {deciding && <DecisionModal {...deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function DecisionModal({
  request,
  grant,
  onClose,
}: {
  request: HandlingRequest;
  grant: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useHandlingLabels();
  const decide = useDecideRequest();
  const [note, setNote] = useState('');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={grant ? t('exchange.requests.grantTitle') : t('exchange.requests.refuseTitle')}
    >
      <Stack gap="md">
        <Text size="sm">
          {t(grant ? 'exchange.requests.grantIntro' : 'exchange.requests.refuseIntro', {
            action: labels.action(request.action),
          })}
        </Text>
        <Stack gap={4} component="section" aria-labelledby="decision-item">
          <Text size="sm" fw={600} id="decision-item">
            {t('exchange.requests.about')}
          </Text>
          <HandlingItemSummary item={request.item} onOpen={onClose} />
        </Stack>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {t('exchange.requests.theirReason', { reason: request.reason })}
        </Text>
        <Textarea
          label={t('exchange.requests.note')}
          description={t('exchange.requests.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={TEXT_MAX.purpose}
          autosize
          minRows={2}
        />
        <ErrorAlert error={decide.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={grant ? undefined : 'red.8'}
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { id: request.id, grant, note: note.trim() || undefined },
                {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      message: grant ? t('exchange.requests.granted') : t('exchange.requests.refused'),
                    });
                    onClose();
                  },
                },
              )
            }
          >
            {grant ? t('exchange.requests.grant') : t('exchange.requests.refuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
