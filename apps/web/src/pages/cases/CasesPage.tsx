import { CASE_STAGES, can } from '@enlace/shared';
import { Anchor, Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { CaseFormModal } from '../../features/cases/CaseFormModal';
import { CASE_PAGE_SIZE, useCases } from '../../features/cases/cases.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useFormat } from '../../hooks/useFormat';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { NoAccessPage } from '../NoAccessPage';

const STAGE_FILTER = ['stage'] as const;

export function CasesPage() {
  const me = useMe();
  if (!can(me.role, 'cases.read')) return <NoAccessPage />;
  return <CaseList />;
}

function CaseList() {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const [filters, setFilter] = useUrlFilters(STAGE_FILTER);
  const stage = filters.stage ?? '';
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const cases = useCases(stage, offset);
  const rows = (cases.data ?? []).slice(0, CASE_PAGE_SIZE);
  const hasNext = (cases.data?.length ?? 0) > CASE_PAGE_SIZE;

  return (
    <Page
      title={t('cases.title')}
      description={t('cases.intro')}
      actions={
        can(me.role, 'cases.write') && <Button onClick={() => setCreating(true)}>{t('cases.create')}</Button>
      }
    >
      <SectionNav group="incidents" />
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('cases.field.stage')}
          value={stage}
          onChange={(e) => {
            setFilter('stage', e.currentTarget.value);
            setOffset(0);
          }}
          data={[
            { value: '', label: t('cases.allStages') },
            ...CASE_STAGES.map((s) => ({ value: s, label: vocab.fixed('caseStage', s) })),
          ]}
          w={240}
        />
        <Text size="sm" c="dimmed" pb={8}>
          {t('cases.scopeNote', { country: vocab.country(me.countryCode) })}
        </Text>
      </Group>
      <ErrorAlert error={cases.error} />
      {cases.data && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm" bg="white" aria-label={t('cases.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.field.reference')}</Table.Th>
                <Table.Th scope="col">{t('cases.field.title')}</Table.Th>
                <Table.Th scope="col">{t('cases.field.owner')}</Table.Th>
                <Table.Th scope="col">{t('cases.field.stage')}</Table.Th>
                <Table.Th scope="col">{t('cases.field.openedOn')}</Table.Th>
                <Table.Th scope="col">{t('cases.field.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md">
                      {stage ? t('cases.emptyFiltered') : t('cases.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/cases/${c.id}`} fw={600} size="sm">
                      {c.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {c.title}
                    {c.sharedWithMe && (
                      <Badge ml="xs" size="sm" variant="light" color="orange" tt="none">
                        {t('cases.sharedWithYou')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{vocab.country(c.countryCode)}</Table.Td>
                  <Table.Td>{vocab.fixed('caseStage', c.stage)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(c.openedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(c.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {cases.data && (offset > 0 || hasNext) && (
        <Group component="nav" justify="space-between" aria-label={t('incidents.paging')}>
          <Button
            variant="default"
            disabled={offset === 0}
            onClick={() => setOffset((o) => Math.max(0, o - CASE_PAGE_SIZE))}
          >
            {t('common.previousPage')}
          </Button>
          <Text size="sm" aria-live="polite">
            {t('common.pageN', {
              page: offset / CASE_PAGE_SIZE + 1,
              from: offset + 1,
              to: offset + rows.length,
            })}
          </Text>
          <Button variant="default" disabled={!hasNext} onClick={() => setOffset((o) => o + CASE_PAGE_SIZE)}>
            {t('common.nextPage')}
          </Button>
        </Group>
      )}
      {creating && <CaseFormModal onClose={() => setCreating(false)} />}
    </Page>
  );
}
