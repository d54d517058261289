import {
  AUDIT_OBJECT_TYPES,
  AUDIT_OUTCOMES,
  AUDIT_SORTS,
  type AuditEvent,
  auditLabel,
  type Locale,
} from '@enlace/shared';
import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  type DataColumn,
  DataTable,
  type FilterChip,
  FilterChips,
  type ListConfig,
  useListState,
} from '../../components/DataTable';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { auditParams, useAuditActors, useAuditPage } from '../../features/admin/admin.queries';
import { useFormat } from '../../hooks/useFormat';
import { readerTimeZone } from '../../reader-time-zone';
import { useCountryName } from '../../hooks/useLabels';

/** Families of audited actions, by the start of their code. */
const FAMILIES = [
  'access',
  'auth',
  'user',
  'agency',
  'country',
  'vocabulary',
  'incident',
  'case',
  'inventory',
  'stats',
  'audit',
] as const;

const FILTERS = ['action', 'outcome', 'actor', 'objectType', 'objectId', 'from', 'to'] as const;
type AuditFilterKey = (typeof FILTERS)[number];
const LIST: ListConfig<(typeof AUDIT_SORTS)[number], AuditFilterKey> = {
  sorts: AUDIT_SORTS,
  defaultSort: 'seq',
  defaultDir: 'desc',
  defaultLimit: 50,
  filters: FILTERS,
};

/** The audit trail of the administrator's scope: who did what, when, to which record, with what result. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const format = useFormat();
  const countryName = useCountryName();
  const list = useListState(LIST);
  const { filters } = list.state;
  const page = useAuditPage(auditParams(list.state, { paging: true }), i18n.language);
  const actors = useAuditActors();
  const zone = readerTimeZone();
  const exportHref = `/api/admin/audit/export?${auditParams(list.state, { paging: false })}`;
  const objectName = (type: string) => auditLabel(locale, 'objects', type) ?? type;
  const actorName = (id: string) => actors.data?.find((a) => a.id === id)?.name ?? id;

  const columns: DataColumn<AuditEvent>[] = [
    {
      id: 'seq',
      header: t('admin.audit.seq'),
      cell: (e) => <span className="mono tabular">{e.seq}</span>,
      sortable: true,
      nowrap: true,
      align: 'end',
      required: true,
    },
    {
      id: 'when',
      header: t('admin.audit.when'),
      cell: (e) => <span className="tabular">{format.dateTime(e.occurredAt)}</span>,
      nowrap: true,
    },
    {
      id: 'who',
      header: t('admin.audit.who'),
      cell: (e) =>
        e.actorId ? (
          <Stack gap={0}>
            <UnstyledButton
              className="audit-filter-link"
              title={t('admin.audit.thisUser')}
              onClick={() => e.actorId && list.setFilter('actor', e.actorId)}
            >
              {e.actorName ?? e.actorId}
            </UnstyledButton>
            {e.actorCountry && (
              <Text size="xs" c="dimmed">
                {countryName(e.actorCountry)}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('admin.audit.noActor')}
          </Text>
        ),
    },
    {
      id: 'action',
      header: t('admin.audit.action'),
      primary: true,
      required: true,
      cell: (e) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {e.actionLabel}
          </Text>
          {e.attempted && (
            <Text size="xs" c="dimmed" className="mono">
              {t('admin.audit.attempted', { what: e.attempted })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'object',
      header: t('admin.audit.object'),
      cell: (e) => {
        const o = e.object;
        if (!o) return '—';
        const name = o.label ?? o.id;
        return (
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {objectName(o.type)}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {o.href ? (
                <Anchor component={Link} to={o.href} size="sm" className={o.label ? 'nowrap' : 'mono'}>
                  {name}
                </Anchor>
              ) : (
                <Text size="sm" className={o.label ? 'nowrap' : 'mono'}>
                  {name}
                </Text>
              )}
              <UnstyledButton
                className="audit-filter-link"
                aria-label={`${t('admin.audit.thisObject')}: ${objectName(o.type)} ${name}`}
                title={t('admin.audit.thisObject')}
                onClick={() => {
                  list.setFilter('objectType', o.type);
                  list.setFilter('objectId', o.id);
                }}
              >
                ⌕
              </UnstyledButton>
            </Group>
          </Stack>
        );
      },
    },
    {
      id: 'outcome',
      header: t('admin.audit.outcome'),
      nowrap: true,
      cell: (e) => <StatusDot ok={e.outcome === 'success'} label={t(`admin.audit.outcomes.${e.outcome}`)} />,
    },
  ];

  const chips: FilterChip[] = FILTERS.flatMap((key): FilterChip[] => {
    const value = filters[key];
    if (!value) return [];
    switch (key) {
      case 'action':
        return [{ key, name: t('admin.audit.family'), value: t(`admin.audit.families.${value}` as never) }];
      case 'outcome':
        return [{ key, name: t('admin.audit.outcome'), value: t(`admin.audit.outcomes.${value}` as never) }];
      case 'actor':
        return [{ key, name: t('admin.audit.user'), value: actorName(value) }];
      case 'objectType':
        return [{ key, name: t('admin.audit.objectType'), value: objectName(value) }];
      case 'objectId':
        return [{ key, name: t('admin.audit.objectFilter'), value }];
      case 'from':
        return [{ key, name: t('admin.audit.from'), value: format.day(value) }];
      case 'to':
        return [{ key, name: t('admin.audit.to'), value: format.day(value) }];
    }
    return [];
  });

  const toolbar = (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('admin.audit.filters')}>
      <NativeSelect
        label={t('admin.audit.user')}
        value={filters.actor ?? ''}
        onChange={(e) => list.setFilter('actor', e.currentTarget.value)}
        data={[
          { value: '', label: t('admin.audit.allUsers') },
          ...(actors.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.countryCode})` })),
        ]}
      />
      <TextInput
        type="date"
        label={t('admin.audit.from')}
        value={filters.from ?? ''}
        max={filters.to || undefined}
        onChange={(e) => list.setFilter('from', e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t('admin.audit.to')}
        value={filters.to ?? ''}
        min={filters.from || undefined}
        onChange={(e) => list.setFilter('to', e.currentTarget.value)}
      />
      <NativeSelect
        label={t('admin.audit.objectType')}
        value={filters.objectType ?? ''}
        onChange={(e) => {
          list.setFilter('objectType', e.currentTarget.value);
          list.setFilter('objectId', '');
        }}
        data={[
          { value: '', label: t('admin.audit.allObjects') },
          ...AUDIT_OBJECT_TYPES.map((o) => ({ value: o, label: objectName(o) })),
        ]}
      />
      <NativeSelect
        label={t('admin.audit.family')}
        value={filters.action ?? ''}
        onChange={(e) => list.setFilter('action', e.currentTarget.value)}
        data={[
          { value: '', label: t('admin.audit.allFamilies') },
          ...FAMILIES.map((f) => ({ value: f, label: t(`admin.audit.families.${f}`) })),
        ]}
      />
      <NativeSelect
        label={t('admin.audit.outcome')}
        value={filters.outcome ?? ''}
        onChange={(e) => list.setFilter('outcome', e.currentTarget.value)}
        data={[
          { value: '', label: t('admin.audit.allOutcomes') },
          ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`admin.audit.outcomes.${o}`) })),
        ]}
      />
    </Group>
  );

  return (
    <Page
      title={t('admin.audit.title')}
      description={t('admin.audit.intro')}
      actions={
        <Button
          component="a"
          href={exportHref}
          download
          variant="default"
          title={t('admin.audit.exportHint', { zone })}
        >
          {t('admin.audit.export')}
        </Button>
      }
    >
      <DataTable
        id="audit"
        label={t('admin.audit.title')}
        columns={columns}
        rows={page.data?.items}
        total={page.data?.total}
        totalCapped={page.data?.totalCapped}
        rowKey={(e) => String(e.seq)}
        list={list}
        mode="server"
        loading={page.isPending}
        fetching={page.isFetching}
        error={page.error}
        emptyMessage={t('admin.audit.empty')}
        toolbar={toolbar}
        beforeTable={
          <FilterChips
            chips={chips}
            onRemove={(key) => list.setFilter(key as AuditFilterKey, '')}
            onClear={list.clearFilters}
          />
        }
      />
      <Text size="sm" c="dimmed">
        {t('admin.audit.zoneNote', { zone })} {t('admin.audit.exportHint', { zone })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('admin.audit.verifyNote')}
      </Text>
    </Page>
  );
}
