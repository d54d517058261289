import { EXCHANGE_CHANNELS, EXCHANGE_SORTS, type ThreadSummary } from '@enlace/shared';
import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type DataColumn,
  DataTable,
  type FilterChip,
  FilterChips,
  type ListConfig,
  useListState,
} from '../../components/DataTable';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { relativeTime } from '../../features/exchange/exchange';
import {
  EXCHANGE_FILTERS,
  type ExchangeFilterKey,
  useThreadPage,
} from '../../features/exchange/exchange.queries';
import { Deadline, PriorityBadge } from '../../features/exchange/ThreadBits';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';
import { useLooseT } from '../../hooks/useLooseT';

const LIST: ListConfig<(typeof EXCHANGE_SORTS)[number], ExchangeFilterKey> = {
  sorts: EXCHANGE_SORTS,
  defaultSort: 'lastMessageAt',
  defaultDir: 'desc',
  defaultLimit: 25,
  filters: EXCHANGE_FILTERS,
};

/** The exchanges the user takes part in: newest activity first, searchable, deadlines in sight. */
export function ExchangeInboxPage() {
  const { t, i18n } = useTranslation();
  const looseT = useLooseT();
  const me = useMe();
  const format = useFormat();
  const countryName = useCountryName();
  const list = useListState(LIST);
  const { filters } = list.state;
  const page = useThreadPage(list.state);
  const channels = me.role === 'prosecutor' ? EXCHANGE_CHANNELS : (['network'] as const);
  const filtered = Object.keys(filters).length > 0 || list.state.q !== '';
  const now = new Date();

  const columns: DataColumn<ThreadSummary>[] = [
    {
      id: 'reference',
      header: t('exchange.field.reference'),
      sortable: true,
      required: true,
      primary: true,
      nowrap: true,
      cell: (th) => (
        <Group gap={6} wrap="nowrap">
          <Anchor
            component={Link}
            to={`/exchange/${th.id}`}
            fw={th.unread ? 700 : 500}
            size="sm"
            className="mono"
          >
            {th.reference}
          </Anchor>
          {th.unread && (
            <Badge size="xs" color="blue.9" variant="filled">
              {t('exchange.list.unreadMark')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'subject',
      header: t('exchange.field.subject'),
      cell: (th) => (
        <Stack gap={2}>
          <Text size="sm" fw={th.unread ? 700 : 400}>
            {th.subject}
          </Text>
          <Group gap={6}>
            {th.status === 'closed' && (
              <Badge size="xs" variant="outline" color="gray">
                {t('exchange.status.closed')}
              </Badge>
            )}
            {th.channel === 'prosecutors' && (
              <Badge size="xs" variant="outline" color="grape">
                {t('exchange.channel.prosecutors')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('exchange.list.messages', { count: th.messageCount })}
            </Text>
          </Group>
        </Stack>
      ),
    },
    {
      id: 'type',
      header: t('exchange.field.type'),
      cell: (th) => looseT(`exchange.type.${th.type}`),
    },
    {
      id: 'priority',
      header: t('exchange.field.priority'),
      sortable: true,
      nowrap: true,
      cell: (th) => <PriorityBadge priority={th.priority} />,
    },
    {
      id: 'ownerCountry',
      header: t('exchange.field.ownerCountry'),
      cell: (th) => countryName(th.ownerCountry),
    },
    {
      id: 'replyBy',
      header: t('exchange.field.replyBy'),
      sortable: true,
      cell: (th) => <Deadline replyBy={th.replyBy} overdue={th.overdue} now={now} />,
    },
    {
      id: 'lastMessageAt',
      header: t('exchange.field.lastActivity'),
      sortable: true,
      nowrap: true,
      cell: (th) => (
        <span className="tabular" title={format.dateTime(th.lastMessageAt)}>
          {relativeTime(th.lastMessageAt, now, i18n.language)}
        </span>
      ),
    },
  ];

  const chips: FilterChip[] = EXCHANGE_FILTERS.flatMap((key): FilterChip[] => {
    const value = filters[key];
    if (!value) return [];
    if (key === 'channel')
      return [{ key, name: t('exchange.field.channel'), value: looseT(`exchange.channel.${value}`) }];
    if (key === 'status')
      return [{ key, name: t('exchange.field.status'), value: looseT(`exchange.status.${value}`) }];
    return [{ key, name: t('exchange.list.unreadOnly'), value: t('common.yes') }];
  });

  return (
    <Page
      title={t('exchange.title')}
      description={t('exchange.intro')}
      actions={
        <Button component={Link} to="/exchange/new">
          {t('exchange.new.button')}
        </Button>
      }
    >
      <SectionNav group="exchange" />
      <DataTable
        id="exchange"
        label={t('exchange.list.label')}
        columns={columns}
        rows={page.data?.items}
        total={page.data?.total}
        totalCapped={page.data?.totalCapped}
        rowKey={(th) => th.id}
        list={list}
        mode="server"
        loading={page.isPending}
        fetching={page.isPlaceholderData}
        error={page.error}
        emptyMessage={filtered ? t('exchange.list.emptyFiltered') : t('exchange.list.empty')}
        search={{ label: t('exchange.list.search') }}
        toolbar={
          <>
            {channels.length > 1 && (
              <NativeSelect
                label={t('exchange.field.channel')}
                value={filters.channel ?? ''}
                onChange={(e) => list.setFilter('channel', e.currentTarget.value)}
                data={[
                  { value: '', label: t('exchange.channel.all') },
                  ...channels.map((c) => ({ value: c, label: t(`exchange.channel.${c}`) })),
                ]}
                w={{ base: '100%', xs: 'auto' }}
              />
            )}
            <NativeSelect
              label={t('exchange.field.status')}
              value={filters.status ?? ''}
              onChange={(e) => list.setFilter('status', e.currentTarget.value)}
              data={[
                { value: '', label: t('exchange.status.all') },
                { value: 'open', label: t('exchange.status.open') },
                { value: 'closed', label: t('exchange.status.closed') },
              ]}
              w={{ base: '100%', xs: 'auto' }}
            />
            <Checkbox
              label={t('exchange.list.unreadOnly')}
              checked={filters.unread === '1'}
              onChange={(e) => list.setFilter('unread', e.currentTarget.checked ? '1' : '')}
              mb={8}
            />
          </>
        }
        beforeTable={
          <FilterChips
            chips={chips}
            onRemove={(key) => list.setFilter(key as ExchangeFilterKey, '')}
            onClear={list.clearFilters}
          />
        }
      />
    </Page>
  );
}
