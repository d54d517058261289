import { CHANNEL_KINDS, can, DIRECTORY_AREAS, DIRECTORY_SORTS, type DirectoryEntry } from '@enlace/shared';
import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
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
import { CountryFilter } from '../../features/admin/CountryFilter';
import { useMe } from '../../features/auth/auth.queries';
import {
  DIRECTORY_FILTERS,
  type DirectoryFilterKey,
  type DirectorySort,
  useDirectoryPage,
  useVerifyEntry,
} from '../../features/directory/directory.queries';
import {
  channelHref,
  exportHref,
  languageName,
  localTimeIn,
} from '../../features/directory/directory-helpers';
import { EntryFormModal } from '../../features/directory/EntryFormModal';
import { FreshnessPanel } from '../../features/directory/FreshnessPanel';
import '../../features/directory/directory.css';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';

const LIST: ListConfig<DirectorySort, DirectoryFilterKey> = {
  sorts: DIRECTORY_SORTS,
  defaultSort: 'country',
  defaultDir: 'asc',
  defaultLimit: 50,
  filters: DIRECTORY_FILTERS,
};

/** The directory of focal points: who to call, where, for what, how, in which language, and when. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const countryName = useCountryName();
  const list = useListState(LIST);
  const { filters } = list.state;
  const page = useDirectoryPage(list.state);
  const verify = useVerifyEntry();
  const [editing, setEditing] = useState<DirectoryEntry | 'new' | null>(null);
  const manages = can(me.role, 'directory.manage');
  const now = new Date();

  const handleVerify = (e: DirectoryEntry) =>
    verify.mutate(e.id, {
      onSuccess: (saved) =>
        notifications.show({ color: 'green', title: t('directory.verified'), message: saved.name }),
      onError: (err) =>
        notifications.show({
          color: 'red',
          title: t('directory.verifyFailed'),
          message: err instanceof Error ? err.message : String(err),
        }),
    });

  const columns: DataColumn<DirectoryEntry>[] = [
    {
      id: 'name',
      header: t('directory.field.name'),
      sortable: true,
      required: true,
      primary: true,
      cell: (e) => (
        <Stack gap={0} miw={150}>
          <Text size="sm" fw={600}>
            {e.name}
          </Text>
          <Text size="xs" c="dimmed">
            {e.function}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'country',
      header: t('directory.field.country'),
      sortable: true,
      cell: (e) => countryName(e.countryCode),
    },
    {
      id: 'agency',
      header: t('directory.field.agency'),
      cell: (e) => e.agencyName ?? '—',
    },
    {
      id: 'areas',
      header: t('directory.field.areas'),
      cell: (e) => (
        <Group gap={4} miw={160}>
          {e.areas.map((a) => (
            <Badge
              key={a}
              size="sm"
              variant={a === 'contact_24_7' ? 'filled' : 'light'}
              tt="none"
              classNames={{ root: 'directory-badge', label: 'directory-badge-label' }}
            >
              {t(`directory.areas.${a}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: 'channels',
      header: t('directory.field.channels'),
      cell: (e) => (
        <ul className="directory-channels">
          {e.channels.map((c, i) => {
            const href = channelHref(c.kind, c.value);
            const kind = t(`directory.channels.${c.kind}`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: an entry's channels are a fixed list in its order
              <li key={i}>
                {!href && (
                  <Text span size="xs" c="dimmed">
                    {kind}:{' '}
                  </Text>
                )}
                {href ? (
                  <Anchor href={href} size="sm" className="directory-channel" title={kind}>
                    {c.value}
                  </Anchor>
                ) : (
                  <Text span size="sm">
                    {c.value}
                  </Text>
                )}
                {c.note && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({c.note})
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      ),
    },
    {
      id: 'languages',
      header: t('directory.field.languages'),
      cell: (e) => e.languages.map((l) => languageName(l, i18n.language)).join(', '),
    },
    {
      id: 'availability',
      header: t('directory.field.availability'),
      cell: (e) => {
        const local = localTimeIn(e.timeZone, i18n.language, now);
        return (
          <Stack gap={2}>
            {e.available247 && (
              <Badge size="sm" color="green" variant="filled" tt="none" w="fit-content">
                {t('directory.badge247')}
              </Badge>
            )}
            {e.availability && <Text size="sm">{e.availability}</Text>}
            {local && (
              <Text size="xs" c="dimmed" className="nowrap">
                {t('directory.localTime', { time: local })}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      id: 'verifiedAt',
      header: t('directory.field.verifiedAt'),
      sortable: true,
      cell: (e) => (
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" className="nowrap">
              {format.date(e.verifiedAt)}
            </Text>
            {e.stale && (
              <Badge size="sm" color="red" variant="filled" tt="none">
                {t('directory.stale')}
              </Badge>
            )}
          </Group>
          {e.verifiedByName && (
            <Text size="xs" c="dimmed">
              {t('directory.verifiedBy', { name: e.verifiedByName })}
            </Text>
          )}
        </Stack>
      ),
    },
    ...(manages
      ? [
          {
            id: 'actions',
            header: t('common.actions'),
            headerHidden: true,
            required: true,
            cell: (e: DirectoryEntry) => (
              <Group gap="xs">
                {e.abilities.verify && (
                  <Button
                    size="xs"
                    variant={e.stale ? 'filled' : 'default'}
                    loading={verify.isPending && verify.variables === e.id}
                    onClick={() => handleVerify(e)}
                    aria-label={t('directory.verifyNamed', { name: e.name })}
                  >
                    {t('directory.verify')}
                  </Button>
                )}
                {e.abilities.update && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(e)}
                    aria-label={t('directory.editNamed', { name: e.name })}
                  >
                    {t('common.edit')}
                  </Button>
                )}
              </Group>
            ),
          } satisfies DataColumn<DirectoryEntry>,
        ]
      : []),
  ];

  const chips: FilterChip[] = DIRECTORY_FILTERS.flatMap((key): FilterChip[] => {
    const value = filters[key];
    if (!value) return [];
    switch (key) {
      case 'country':
        return [{ key, name: t('directory.field.country'), value: countryName(value) }];
      case 'area':
        return [{ key, name: t('directory.field.areas'), value: t(`directory.areas.${value}` as never) }];
      case 'channel':
        return [
          { key, name: t('directory.field.channels'), value: t(`directory.channels.${value}` as never) },
        ];
      case 'stale':
        return value === '1' ? [{ key, name: t('directory.filter.stale'), value: t('common.yes') }] : [];
    }
    return [];
  });

  const toolbar = (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <CountryFilter value={filters.country ?? ''} onChange={(code) => list.setFilter('country', code)} />
      <NativeSelect
        label={t('directory.field.areas')}
        value={filters.area ?? ''}
        onChange={(e) => list.setFilter('area', e.currentTarget.value)}
        data={[
          { value: '', label: t('directory.filter.allAreas') },
          ...DIRECTORY_AREAS.map((a) => ({ value: a, label: t(`directory.areas.${a}`) })),
        ]}
        w={{ base: '100%', xs: 260 }}
      />
      <NativeSelect
        label={t('directory.filter.channel')}
        value={filters.channel ?? ''}
        onChange={(e) => list.setFilter('channel', e.currentTarget.value)}
        data={[
          { value: '', label: t('directory.filter.allChannels') },
          ...CHANNEL_KINDS.map((k) => ({ value: k, label: t(`directory.channels.${k}`) })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
      <Checkbox
        label={t('directory.filter.staleOnly')}
        checked={filters.stale === '1'}
        onChange={(e) => list.setFilter('stale', e.currentTarget.checked ? '1' : '')}
        mb={8}
      />
    </Group>
  );

  const filtered = Boolean(list.state.q.trim()) || chips.length > 0;

  return (
    <Page
      title={t('directory.title')}
      description={t('directory.intro')}
      actions={
        <Group gap="xs" wrap="wrap">
          {manages && (
            <Button component={Link} to="/directory/authorisations" variant="default">
              {t('directory.authorisations.link')}
            </Button>
          )}
          <Button
            component="a"
            href={exportHref('vcard', list.state)}
            download
            variant="default"
            title={t('directory.exportHint')}
          >
            {t('directory.exportVcard')}
          </Button>
          <Button
            component="a"
            href={exportHref('csv', list.state)}
            download
            variant="default"
            title={t('directory.exportHint')}
          >
            {t('directory.exportCsv')}
          </Button>
          {manages && <Button onClick={() => setEditing('new')}>{t('directory.create')}</Button>}
        </Group>
      }
    >
      <FreshnessPanel selected={filters.country} onSelect={(code) => list.setFilter('country', code)} />
      <DataTable
        id="directory"
        label={t('directory.title')}
        columns={columns}
        rows={page.data?.items}
        total={page.data?.total}
        totalCapped={page.data?.totalCapped}
        rowKey={(e) => e.id}
        list={list}
        mode="server"
        loading={page.isPending}
        fetching={page.isPlaceholderData}
        error={page.error}
        emptyMessage={filtered ? t('directory.emptyFiltered') : t('directory.empty')}
        search={{ label: t('directory.search') }}
        toolbar={toolbar}
        beforeTable={
          <FilterChips
            chips={chips}
            onRemove={(key) => list.setFilter(key as DirectoryFilterKey, '')}
            onClear={list.clearFilters}
          />
        }
      />
      {editing && (
        <EntryFormModal entry={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Page>
  );
}
