import { CRISIS_ALERT_LEVEL, type CrisisHistoryEntry } from '@enlace/shared';
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { AlertModal, DeclareModal, LiftModal } from '../../features/registry/crisis/CrisisDialogs';
import { useCrisis } from '../../features/registry/crisis/crisis.queries';
import { LevelBadge, LevelPanel, useTriggerText } from '../../features/registry/crisis/LevelPanel';
import { ThresholdsEditor } from '../../features/registry/crisis/ThresholdsEditor';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';

const LIST: ListConfig<'at'> = { sorts: ['at'], defaultSort: 'at', defaultDir: 'desc', defaultLimit: 10 };

/** Crisis levels of the country's centres (Work Plan area 3, action 9, footnote 20). */
export function CrisisPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const triggerText = useTriggerText();
  const list = useListState(LIST);
  const crisis = useCrisis({ limit: list.state.limit, offset: list.state.offset });
  const [dialog, setDialog] = useState<'declare' | 'lift' | 'alert' | null>(null);
  const data = crisis.data;

  const columns: DataColumn<CrisisHistoryEntry>[] = [
    {
      id: 'at',
      header: t('registryCrisis.history.when'),
      nowrap: true,
      cell: (h) => <span className="tabular">{format.dateTime(h.at)}</span>,
    },
    {
      id: 'change',
      header: t('registryCrisis.history.change'),
      primary: true,
      required: true,
      cell: (h) =>
        h.cause === 'alert' ? (
          <LevelBadge level={h.toLevel} />
        ) : (
          t('registryCrisis.history.fromTo', { from: h.fromLevel, to: h.toLevel })
        ),
    },
    {
      id: 'cause',
      header: t('registryCrisis.history.cause'),
      cell: (h) => t(`registryCrisis.history.causes.${h.cause}`),
    },
    {
      id: 'why',
      header: t('registryCrisis.history.why'),
      cell: (h) => (
        <Stack gap={2}>
          <Text size="sm">
            {h.cause === 'alert' && h.alertCountry ? (
              h.threadId ? (
                <Anchor component={Link} to={`/exchange/${h.threadId}`} size="sm">
                  {t('registryCrisis.history.alertTo', { country: countryName(h.alertCountry) })}
                </Anchor>
              ) : (
                t('registryCrisis.history.alertTo', { country: countryName(h.alertCountry) })
              )
            ) : (
              triggerText(h.trigger)
            )}
          </Text>
          {h.reason && (
            <Text size="sm" c="dimmed">
              {h.reason}
            </Text>
          )}
          {h.notified > 0 && (
            <Text size="xs">{t('registryCrisis.history.notified', { count: h.notified })}</Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'figures',
      header: t('registryCrisis.history.figures'),
      cell: (h) =>
        t('registryCrisis.history.figuresText', {
          occupied: format.number(h.figures.occupied),
          places: format.number(h.figures.places),
          arrivals: format.number(h.figures.arrivals24h),
        }),
    },
    {
      id: 'by',
      header: t('registryCrisis.history.by'),
      cell: (h) => h.byName ?? t('registryCrisis.history.automatic'),
    },
  ];

  const actions = data && (
    <Group gap="sm">
      {data.abilities.alert && (
        <Button color="red" onClick={() => setDialog('alert')}>
          {t('registryCrisis.alert.open')}
        </Button>
      )}
      {data.abilities.declare && (
        <Button variant="default" onClick={() => setDialog('declare')}>
          {t('registryCrisis.declare.open')}
        </Button>
      )}
      {data.abilities.declare && data.declared && (
        <Button variant="default" onClick={() => setDialog('lift')}>
          {t('registryCrisis.lift.open')}
        </Button>
      )}
    </Group>
  );

  return (
    <Page title={t('registryCrisis.title')} description={t('registryCrisis.intro')} actions={actions}>
      <SectionNav group="registry" />
      {crisis.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('a11y.loading')} />
        </Center>
      ) : !data ? (
        <ErrorAlert error={crisis.error} />
      ) : (
        <>
          <LevelPanel crisis={data} />
          {data.level >= CRISIS_ALERT_LEVEL && data.abilities.alert && (
            <Alert color="red" variant="outline" title={t('registryCrisis.alert.title')}>
              {t('registryCrisis.alert.available')}
            </Alert>
          )}
          {/* Remounted when the saved thresholds change, so the form starts from them. */}
          <ThresholdsEditor key={data.thresholds.updatedAt ?? 'none'} crisis={data} />
          <section aria-labelledby="crisis-history-title">
            <Stack gap="sm">
              <Title order={2} id="crisis-history-title">
                {t('registryCrisis.history.title')}
              </Title>
              <DataTable
                id="registry-crisis-history"
                label={t('registryCrisis.history.title')}
                columns={columns}
                rows={data.history.items}
                total={data.history.total}
                rowKey={(h) => h.id}
                list={list}
                mode="server"
                loading={crisis.isPending}
                fetching={crisis.isFetching}
                error={crisis.error}
                emptyMessage={t('registryCrisis.history.empty')}
                columnChoice={false}
              />
            </Stack>
          </section>
          <DeclareModal opened={dialog === 'declare'} onClose={() => setDialog(null)} />
          <LiftModal opened={dialog === 'lift'} onClose={() => setDialog(null)} />
          <AlertModal crisis={data} opened={dialog === 'alert'} onClose={() => setDialog(null)} />
        </>
      )}
    </Page>
  );
}
