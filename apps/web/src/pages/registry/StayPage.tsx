import { can, type Stay } from '@enlace/shared';
import { Alert, Anchor, Button, Card, Center, Group, Loader, SimpleGrid, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { MatchExplanation } from '../../features/registry/MatchExplanation';
import { IncidentLink } from '../../features/registry/more/IncidentPicker';
import { useCentres, usePerson, useStay } from '../../features/registry/registry.queries';
import { ReleaseModal, ResolveModal, TransferModal } from '../../features/registry/StayModals';
import { useFormat } from '../../hooks/useFormat';
import { useLocalized } from '../../hooks/useLabels';
import { NoAccessPage } from '../NoAccessPage';
import { NotFoundPage } from '../NotFoundPage';

export function StayPage() {
  const me = useMe();
  const { id = '' } = useParams();
  if (!can(me.role, 'registry.read')) return <NoAccessPage />;
  return <StayView key={id} id={id} />;
}

function StayView({ id }: { id: string }) {
  const { t } = useTranslation();
  const stay = useStay(id);
  if (stay.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  if (stay.error) {
    if ((stay.error as { status?: number }).status === 404) return <NotFoundPage />;
    return <ErrorAlert error={stay.error} />;
  }
  return <StayDetail stay={stay.data} />;
}

type Dialog = 'transfer' | 'release' | 'resolve' | null;

function StayDetail({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const centres = useCentres();
  const person = usePerson(stay.personId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const centreName = (id: string) => {
    const c = centres.data?.find((x) => x.id === id);
    return c ? localized(c.names) : '…';
  };
  const check = stay.releaseCheck;
  const transferList = useListState({ sorts: ['at'], defaultSort: 'at', defaultDir: 'asc' } as const, {
    inUrl: false,
  });
  const transferColumns: DataColumn<Stay['transfers'][number]>[] = [
    {
      id: 'at',
      header: t('registry.stay.at'),
      sortable: true,
      nowrap: true,
      rowHeader: true,
      value: (tr) => tr.at,
      cell: (tr) => format.dateTime(tr.at),
    },
    { id: 'from', header: t('registry.stay.from'), cell: (tr) => centreName(tr.fromCentreId) },
    { id: 'to', header: t('registry.stay.to'), cell: (tr) => centreName(tr.toCentreId) },
    { id: 'by', header: t('registry.stay.by'), cell: (tr) => tr.byName ?? '—' },
  ];
  const personName = person.data ? `${person.data.givenNames} ${person.data.familyNames}` : '';

  return (
    <Page
      title={t('registry.stay.title', { centre: centreName(stay.centreId) })}
      description={
        personName && (
          <Anchor component={Link} to={`/registry/persons/${stay.personId}`}>
            {personName}
          </Anchor>
        )
      }
      actions={
        <Group gap="xs">
          <Button component={Link} to={`/registry/stays/${stay.id}/belongings`} variant="default">
            {t('registry.person.belongings')}
          </Button>
          {stay.abilities.transfer && (
            <Button variant="default" onClick={() => setDialog('transfer')}>
              {t('registry.stay.transfer')}
            </Button>
          )}
          {stay.abilities.release && (
            <Button onClick={() => setDialog('release')}>{t('registry.stay.release')}</Button>
          )}
          {stay.abilities.resolve && (
            <Button color="orange" onClick={() => setDialog('resolve')}>
              {t('registry.stay.resolve')}
            </Button>
          )}
        </Group>
      }
    >
      <SectionNav group="registry" />
      {check?.status === 'pending' && (
        <Alert color="orange" title={t('registry.stay.checkPending')}>
          {t('registry.stay.requested', {
            outcome: t(`registry.outcomes.${check.outcome}`),
            when: format.dateTime(check.releasedAt),
          })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="lg" component="section" aria-labelledby="stay-admission">
          <Title order={2} size="h4" id="stay-admission" mb="sm">
            {t('registry.admission.title')}
          </Title>
          <dl className="definition-list">
            <Fact label={t('registry.fields.status')}>{t(`registry.stayStatuses.${stay.status}`)}</Fact>
            <Fact label={t('registry.fields.centre')}>
              <Anchor component={Link} to={`/registry/centres/${stay.centreId}`}>
                {centreName(stay.centreId)}
              </Anchor>
            </Fact>
            <Fact label={t('registry.fields.unit')}>{t(`registry.units.${stay.unit}`)}</Fact>
            <Fact label={t('registry.fields.admittedAt')}>{format.dateTime(stay.admittedAt)}</Fact>
            <Fact label={t('registry.fields.referringAuthority')}>{stay.referringAuthority}</Fact>
            <Fact label={t('registryMore.incident')}>
              <IncidentLink incident={stay.incident} />
            </Fact>
            <Fact label={t('registry.fields.reason')}>{stay.reason}</Fact>
            <Fact label={t('registry.fields.custodyType')}>
              {t(`registry.custodyTypes.${stay.custodyType}`)}
            </Fact>
            <Fact label={t('registry.fields.attention')}>
              {stay.attention.kinds.map((k) => t(`registry.services.${k}`)).join(', ') || '—'}
              {stay.attention.note && (
                <Text size="sm" c="dimmed">
                  {stay.attention.note}
                </Text>
              )}
            </Fact>
          </dl>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="stay-release">
          <Title order={2} size="h4" id="stay-release" mb="sm">
            {t('registry.stay.releaseTitle')}
          </Title>
          <dl className="definition-list">
            <Fact label={t('registry.fields.releasedAt')}>
              {stay.releasedAt ? format.dateTime(stay.releasedAt) : '—'}
            </Fact>
            <Fact label={t('registry.fields.outcome')}>
              {stay.releaseOutcome ? t(`registry.outcomes.${stay.releaseOutcome}`) : '—'}
            </Fact>
            <Fact label={t('registry.fields.notes')}>{stay.releaseNotes ?? '—'}</Fact>
            {check && (
              <Fact label={t('registry.stay.checkOf', { when: format.dateTime(check.attemptedAt) })}>
                {t(`registry.stay.checkStatus.${check.status}`)} ·{' '}
                {t('registry.search.probability', { value: format.percent(check.score) })}
              </Fact>
            )}
          </dl>
        </Card>
      </SimpleGrid>
      {check?.explanation && check.status === 'pending' && (
        <MatchExplanation explanation={check.explanation} givenLabel={t('registry.stay.shown')} />
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="stay-transfers">
        <Title order={2} size="h4" id="stay-transfers" mb="sm">
          {t('registry.stay.transfers')}
        </Title>
        <DataTable
          id="registry-stay-transfers"
          label={t('registry.stay.transfers')}
          columns={transferColumns}
          rows={stay.transfers}
          rowKey={(tr) => `${tr.at}-${tr.toCentreId}`}
          list={transferList}
          mode="client"
          paging={false}
          columnChoice={false}
          emptyMessage={t('registry.stay.noTransfers')}
        />
      </Card>
      {dialog === 'transfer' && <TransferModal stay={stay} onClose={() => setDialog(null)} />}
      {dialog === 'release' && <ReleaseModal stay={stay} onClose={() => setDialog(null)} />}
      {dialog === 'resolve' && <ResolveModal stay={stay} onClose={() => setDialog(null)} />}
    </Page>
  );
}
