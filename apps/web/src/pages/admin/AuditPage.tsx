import { AUDIT_OUTCOMES } from '@enlace/shared';
import { Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { useAuditEvents } from '../../features/admin/admin.queries';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';

const PAGE_SIZE = 50;

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
] as const;

/** The audit trail of the administrator's scope: who did what, when, to which record, with what result. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const [family, setFamily] = useState('');
  const [outcome, setOutcome] = useState('');
  // Sequence numbers at which each page seen so far starts (undefined: the newest events).
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages[pages.length - 1];
  const events = useAuditEvents({ action: family, outcome, before }, PAGE_SIZE);
  const rows = events.data ?? [];
  const last = rows[rows.length - 1];
  const restart = () => setPages([undefined]);

  return (
    <Page title={t('admin.audit.title')} description={t('admin.audit.intro')}>
      <Group align="flex-end" gap="md" role="search" aria-label={t('admin.audit.filters')}>
        <NativeSelect
          label={t('admin.audit.family')}
          value={family}
          onChange={(e) => {
            setFamily(e.currentTarget.value);
            restart();
          }}
          data={[
            { value: '', label: t('admin.audit.allFamilies') },
            ...FAMILIES.map((f) => ({ value: f, label: t(`admin.audit.families.${f}`) })),
          ]}
        />
        <NativeSelect
          label={t('admin.audit.outcome')}
          value={outcome}
          onChange={(e) => {
            setOutcome(e.currentTarget.value);
            restart();
          }}
          data={[
            { value: '', label: t('admin.audit.allOutcomes') },
            ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`admin.audit.outcomes.${o}`) })),
          ]}
        />
      </Group>
      <ErrorAlert error={events.error} />
      {events.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" bg="white" aria-label={t('admin.audit.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.audit.seq')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.when')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.who')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.action')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.object')}</Table.Th>
                <Table.Th scope="col">{t('admin.audit.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('admin.audit.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td className="mono">{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.occurredAt)}</Table.Td>
                  <Table.Td>
                    {e.actorName ?? (e.actorId ? e.actorId : t('admin.audit.noActor'))}
                    {e.actorCountry && (
                      <Text size="xs" c="dimmed">
                        {countryName(e.actorCountry)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                    {e.action}
                  </Table.Td>
                  <Table.Td>
                    {e.objectType ?? '—'}
                    {e.objectId && (
                      <Text size="xs" c="dimmed" className="mono">
                        {e.objectId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusDot ok={e.outcome === 'success'} label={t(`admin.audit.outcomes.${e.outcome}`)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.data && (pages.length > 1 || rows.length === PAGE_SIZE) && (
        <Group component="nav" justify="space-between" aria-label={t('admin.audit.paging')}>
          <Button
            variant="default"
            disabled={pages.length <= 1}
            onClick={() => setPages((p) => p.slice(0, -1))}
          >
            {t('admin.audit.newer')}
          </Button>
          <Button
            variant="default"
            disabled={rows.length < PAGE_SIZE || !last}
            onClick={() => last && setPages((p) => [...p, last.seq])}
          >
            {t('admin.audit.older')}
          </Button>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('admin.audit.verifyNote')}
      </Text>
    </Page>
  );
}
