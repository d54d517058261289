import { CASE_STAGES, type Case, can } from '@enlace/shared';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { CaseFormModal } from '../../features/cases/CaseFormModal';
import {
  AssetModal,
  CustodyModal,
  EvidenceModal,
  ShareModal,
  StageModal,
  SuspectModal,
} from '../../features/cases/CaseModals';
import { AssetsTable, assetName, EvidenceTable, SuspectsTable } from '../../features/cases/CaseItemTables';
import { useCase, useRemoveCaseItem, useRevokeShare } from '../../features/cases/cases.queries';
import type { Incident } from '@enlace/shared';
import { useVocab } from '../../features/incidents/vocabulary';
import { useFormat } from '../../hooks/useFormat';
import { NotFoundPage } from '../NotFoundPage';

export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const kase = useCase(id);
  if (kase.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }
  if (isApiError(kase.error) && kase.error.status === 404) return <NotFoundPage />;
  if (!kase.data) return <ErrorAlert error={kase.error} />;
  return <CaseDetail kase={kase.data} />;
}

type Dialog =
  | { kind: 'edit' }
  | { kind: 'stage' }
  | { kind: 'suspect'; id?: string }
  | { kind: 'asset'; id?: string }
  | { kind: 'evidence' }
  | { kind: 'custody'; id: string }
  | { kind: 'share' }
  | { kind: 'revoke'; id: string }
  | { kind: 'remove'; list: 'suspects' | 'assets'; id: string; name: string }
  | null;

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
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** A linked incident, by its reference when the role may read incidents. */
function IncidentRef({ id }: { id: string }) {
  const me = useMe();
  const mayRead = can(me.role, 'incidents.read');
  const incident = useQuery({
    queryKey: ['incidents', 'one', id],
    queryFn: () => api<Incident>(`/api/incidents/${id}`),
    enabled: mayRead,
    retry: false,
  });
  const vocab = useVocab();
  const format = useFormat();
  if (!mayRead || !incident.data) return <span className="mono">{id}</span>;
  return (
    <span>
      <Anchor component={Link} to={`/incidents/${id}`} fw={600}>
        {incident.data.reference}
      </Anchor>{' '}
      — {vocab.term('incident_kind', incident.data.kind)}, {format.day(incident.data.occurredOn)}
    </span>
  );
}

function CaseDetail({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const revoke = useRevokeShare();
  const remove = useRemoveCaseItem();
  const removing = dialog?.kind === 'remove' ? dialog : undefined;
  const close = () => setDialog(null);
  const may = kase.abilities.update;
  const currentIndex = CASE_STAGES.indexOf(kase.stage);
  const suspect =
    dialog?.kind === 'suspect' && dialog.id ? kase.suspects.find((s) => s.id === dialog.id) : undefined;
  const asset =
    dialog?.kind === 'asset' && dialog.id ? kase.assets.find((a) => a.id === dialog.id) : undefined;
  const evidence = dialog?.kind === 'custody' ? kase.evidence.find((e) => e.id === dialog.id) : undefined;
  const revoking = dialog?.kind === 'revoke' ? kase.shares.find((s) => s.id === dialog.id) : undefined;
  const jitCountries = kase.countries.filter((c) => c.role === 'jit_member');

  return (
    <Page
      title={`${kase.reference} — ${kase.title}`}
      description={t('cases.detailIntro', {
        stage: vocab.fixed('caseStage', kase.stage),
        country: vocab.country(kase.countryCode),
        date: format.day(kase.openedOn),
      })}
      actions={
        may && (
          <Group gap="sm">
            <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
              {t('common.edit')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'stage' })}>{t('cases.stage.move')}</Button>
          </Group>
        )
      }
    >
      <SectionNav group="incidents" />
      {kase.sharedWithMe && (
        <Alert color="orange" role="note" title={t('cases.sharedWithYouTitle')}>
          <Text size="sm">{t('cases.sharedWithYouBody', { country: vocab.country(kase.countryCode) })}</Text>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="case-overview" title={t('cases.section.overview')}>
          <dl className="definition-list">
            <dt>{t('cases.field.owner')}</dt>
            <dd>{vocab.country(kase.countryCode)}</dd>
            <dt>{t('cases.field.stage')}</dt>
            <dd>{vocab.fixed('caseStage', kase.stage)}</dd>
            <dt>{t('cases.field.openedOn')}</dt>
            <dd>{format.day(kase.openedOn)}</dd>
            <dt>{t('cases.field.judgedOn')}</dt>
            <dd>{kase.judgedOn ? format.day(kase.judgedOn) : '—'}</dd>
            <dt>{t('cases.field.financialInvestigation')}</dt>
            <dd>{kase.financialInvestigation ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('cases.field.offences')}</dt>
            <dd>
              {kase.offences.length ? (
                <ul className="plain-list">
                  {kase.offences.map((o) => {
                    const article = vocab.termOf('offence', o)?.attributes.article;
                    return (
                      <li key={o}>
                        {vocab.term('offence', o)}
                        {article && (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            ({t('cases.article', { article })})
                          </Text>
                        )}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                '—'
              )}
            </dd>
          </dl>
          {kase.summary && (
            <>
              <Title order={3} size="h5" mt="md" mb={4}>
                {t('cases.field.summary')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{kase.summary}</Text>
            </>
          )}
        </Section>

        <Section id="case-stages" title={t('cases.section.stages')}>
          <ol className="timeline" aria-label={t('cases.section.stages')}>
            {kase.stages.map((s, i) => (
              <li key={`${s.stage}-${s.recordedAt}`}>
                <Text fw={i === kase.stages.length - 1 ? 700 : 500}>
                  {vocab.fixed('caseStage', s.stage)}
                  {i === kase.stages.length - 1 && (
                    <Badge ml="xs" size="sm" variant="light" tt="none">
                      {t('cases.stage.currentBadge')}
                    </Badge>
                  )}
                </Text>
                <Text size="sm" c="dimmed">
                  {format.day(s.occurredOn)}
                </Text>
              </li>
            ))}
            {CASE_STAGES.slice(currentIndex + 1).map((s) => (
              <li key={s} className="timeline-future">
                <Text c="dimmed">{vocab.fixed('caseStage', s)}</Text>
                <Text size="sm" c="dimmed">
                  {t('cases.stage.notReached')}
                </Text>
              </li>
            ))}
          </ol>
        </Section>
      </SimpleGrid>

      <Section id="case-incidents" title={t('cases.section.incidents')}>
        {kase.incidentIds.length === 0 ? (
          <Text c="dimmed">{t('cases.noIncidents')}</Text>
        ) : (
          <ul className="plain-list">
            {kase.incidentIds.map((id) => (
              <li key={id}>
                <IncidentRef id={id} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="case-suspects"
        title={t('cases.section.suspects')}
        action={
          may && (
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'suspect' })}>
              {t('cases.suspect.add')}
            </Button>
          )
        }
      >
        <SuspectsTable
          suspects={kase.suspects}
          onEdit={may ? (s) => setDialog({ kind: 'suspect', id: s.id }) : undefined}
          onRemove={
            may ? (s) => setDialog({ kind: 'remove', list: 'suspects', id: s.id, name: s.name }) : undefined
          }
        />
      </Section>

      <Section
        id="case-assets"
        title={t('cases.section.assets')}
        action={
          may && (
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'asset' })}>
              {t('cases.asset.add')}
            </Button>
          )
        }
      >
        <AssetsTable
          assets={kase.assets}
          onEdit={may ? (a) => setDialog({ kind: 'asset', id: a.id }) : undefined}
          onRemove={
            may
              ? (a) => setDialog({ kind: 'remove', list: 'assets', id: a.id, name: assetName(a, vocab) })
              : undefined
          }
        />
      </Section>

      <Section
        id="case-evidence"
        title={t('cases.section.evidence')}
        action={
          may && (
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'evidence' })}>
              {t('cases.evidence.add')}
            </Button>
          )
        }
      >
        {may && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('cases.remove.evidenceKept')}
          </Text>
        )}
        <EvidenceTable
          evidence={kase.evidence}
          onTransfer={may ? (e) => setDialog({ kind: 'custody', id: e.id }) : undefined}
        />
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="case-countries" title={t('cases.section.countries')}>
          {kase.countries.length === 0 ? (
            <Text c="dimmed">{t('cases.noCountries')}</Text>
          ) : (
            <ul className="plain-list">
              {kase.countries.map((c) => (
                <li key={`${c.countryCode}-${c.role}`}>
                  {vocab.country(c.countryCode)} — {vocab.fixed('caseCountryRole', c.role)}
                </li>
              ))}
            </ul>
          )}
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('cases.jointTeam')}
          </Title>
          {kase.jointTeam ? (
            <Text size="sm">
              {kase.jointTeam.name}
              {kase.jointTeam.establishedOn &&
                ` · ${t('cases.establishedOn', { date: format.day(kase.jointTeam.establishedOn) })}`}
              {jitCountries.length > 0 &&
                ` · ${jitCountries.map((c) => vocab.country(c.countryCode)).join(', ')}`}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('cases.noJointTeam')}
            </Text>
          )}
        </Section>

        {!kase.sharedWithMe && (
          <Section
            id="case-sharing"
            title={t('cases.section.sharing')}
            action={
              kase.abilities.share && (
                <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'share' })}>
                  {t('cases.share.add')}
                </Button>
              )
            }
          >
            <Text size="sm" c="dimmed" mb="xs">
              {t('cases.share.intro')}
            </Text>
            <ErrorAlert error={revoke.error} />
            {kase.shares.length === 0 ? (
              <Text>{t('cases.share.none')}</Text>
            ) : (
              <ul className="plain-list">
                {kase.shares.map((s) => (
                  <li key={s.id}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={600}>
                        {vocab.country(s.countryCode)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {s.revokedAt
                          ? t('cases.share.revokedOn', {
                              granted: format.dateTime(s.grantedAt),
                              revoked: format.dateTime(s.revokedAt),
                            })
                          : t('cases.share.grantedOn', { date: format.dateTime(s.grantedAt) })}
                      </Text>
                      {!s.revokedAt && kase.abilities.share && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('cases.share.revokeNamed', { country: vocab.country(s.countryCode) })}
                          onClick={() => setDialog({ kind: 'revoke', id: s.id })}
                        >
                          {t('cases.share.revoke')}
                        </Button>
                      )}
                    </Group>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}
      </SimpleGrid>

      {dialog?.kind === 'edit' && <CaseFormModal kase={kase} onClose={close} />}
      {dialog?.kind === 'stage' && <StageModal kase={kase} onClose={close} />}
      {dialog?.kind === 'suspect' && (
        <SuspectModal key={dialog.id ?? 'new'} kase={kase} suspect={suspect} onClose={close} />
      )}
      {dialog?.kind === 'asset' && (
        <AssetModal key={dialog.id ?? 'new'} kase={kase} asset={asset} onClose={close} />
      )}
      {dialog?.kind === 'evidence' && <EvidenceModal kase={kase} onClose={close} />}
      {evidence && <CustodyModal kase={kase} evidence={evidence} onClose={close} />}
      {dialog?.kind === 'share' && <ShareModal kase={kase} onClose={close} />}
      <ConfirmModal
        opened={Boolean(revoking)}
        title={t('cases.share.revoke')}
        confirmLabel={t('cases.share.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          revoke.reset();
          close();
        }}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(
            { id: kase.id, shareId: revoking.id },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  title: t('cases.share.revoked'),
                  message: vocab.country(revoking.countryCode),
                });
                close();
              },
            },
          );
        }}
      >
        {t('cases.share.revokeConfirm', { country: revoking ? vocab.country(revoking.countryCode) : '' })}
      </ConfirmModal>
      <ConfirmModal
        opened={Boolean(removing)}
        title={removing?.list === 'assets' ? t('cases.remove.assetTitle') : t('cases.remove.suspectTitle')}
        confirmLabel={t('cases.remove.action')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          close();
        }}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(
            { id: kase.id, list: removing.list, itemId: removing.id },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', title: t('cases.remove.done'), message: removing.name });
                close();
              },
            },
          );
        }}
      >
        {removing?.list === 'assets'
          ? t('cases.remove.assetBody', { name: removing.name })
          : t('cases.remove.suspectBody', { name: removing?.name ?? '' })}
      </ConfirmModal>
    </Page>
  );
}
