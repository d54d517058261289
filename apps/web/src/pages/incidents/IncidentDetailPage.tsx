import {
  can,
  INCIDENT_LINK_RELATIONS,
  type Incident,
  type IncidentLinkRelation,
  isPublicSource,
} from '@enlace/shared';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { isApiError } from '../../api';
import { useMe } from '../../features/auth/auth.queries';
import { CaseRef } from '../../features/cases/CaseRef';
import { IncidentFacts } from '../../features/incidents/IncidentFacts';
import { IncidentHistory } from '../../features/incidents/IncidentHistory';
import {
  useIncident,
  useLinkIncident,
  useRecentIncidents,
  useUnlinkIncident,
} from '../../features/incidents/incidents.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import { useFormat } from '../../hooks/useFormat';
import { NotFoundPage } from '../NotFoundPage';

export function IncidentDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const incident = useIncident(id);
  if (incident.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }
  if (isApiError(incident.error) && incident.error.status === 404) return <NotFoundPage />;
  if (!incident.data) return <ErrorAlert error={incident.error} />;
  return <IncidentDetail incident={incident.data} />;
}

function IncidentDetail({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const [linking, setLinking] = useState(false);
  const unlink = useUnlinkIncident();
  const mayReadCases = can(me.role, 'cases.read');

  return (
    <Page
      title={t('incidents.detailTitle', { reference: incident.reference })}
      description={`${vocab.term('incident_kind', incident.kind)} · ${format.day(incident.occurredOn)}${
        incident.place.name ? ` · ${incident.place.name}` : ''
      }`}
      actions={
        incident.abilities.update && (
          <Group gap="sm">
            <Button component={Link} to={`/incidents/${incident.id}/edit`} variant="default">
              {t('incidents.correct')}
            </Button>
            <Button component={Link} to={`/incidents/${incident.id}/follow-up`}>
              {t('incidents.followUp')}
            </Button>
          </Group>
        )
      }
    >
      <SectionNav group="incidents" />
      <Group gap="xs">
        <Badge variant="light" tt="none" data-testid="incident-source">
          {isPublicSource(incident.origin.source)
            ? t(`statsSources.sourceName.${incident.origin.source}`)
            : t(`incidents.sources.${incident.origin.source}`)}
          {incident.origin.externalId ? ` · ${incident.origin.externalId}` : ''}
        </Badge>
        <Badge variant="outline" tt="none">
          {t('incidents.versionN', { version: incident.version })}
        </Badge>
        <Badge variant="outline" tt="none">
          {t('incidents.ownedBy', { country: vocab.country(incident.countryCode) })}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('incidents.updatedAt', { date: format.dateTime(incident.updatedAt) })}
        </Text>
      </Group>
      {isPublicSource(incident.origin.source) && !incident.abilities.update && (
        <Alert color="gray" role="note" title={t('statsSources.publicRecordTitle')}>
          <Text size="sm">{t('statsSources.publicRecordBody')}</Text>
        </Alert>
      )}
      {incident.version > 1 && (
        <Alert color="enlace" role="note" title={t('incidents.amendedTitle')}>
          <Text size="sm">
            {t('incidents.amendedBody', { count: incident.version - 1 })}{' '}
            <Anchor href="#incident-history" size="sm">
              {t('incidents.history.title')}
            </Anchor>
          </Text>
        </Alert>
      )}

      <IncidentFacts state={incident} countryCode={incident.countryCode} idPrefix="current" />

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="incident-links">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="incident-links">
            {t('incidents.links.title')}
          </Title>
          {incident.abilities.link && (
            <Button size="xs" variant="default" onClick={() => setLinking(true)}>
              {t('incidents.links.add')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={unlink.error} />
        {incident.links.length === 0 ? (
          <Text c="dimmed">{t('incidents.links.none')}</Text>
        ) : (
          <ul className="plain-list">
            {incident.links.map((l) => (
              <li key={l.incidentId}>
                <Group gap="sm" wrap="wrap">
                  <Anchor component={Link} to={`/incidents/${l.incidentId}`} fw={600}>
                    {l.reference}
                  </Anchor>
                  <Text size="sm">{vocab.fixed('linkRelation', l.relation)}</Text>
                  {incident.abilities.link && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      loading={unlink.isPending && unlink.variables?.linkedId === l.incidentId}
                      aria-label={t('incidents.links.removeNamed', { reference: l.reference })}
                      onClick={() => unlink.mutate({ id: incident.id, linkedId: l.incidentId })}
                    >
                      {t('incidents.links.remove')}
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        )}
        <Title order={3} size="h5" mt="md" mb="xs">
          {t('incidents.casesTitle')}
        </Title>
        {incident.caseIds.length === 0 ? (
          <Text c="dimmed">{t('incidents.noCases')}</Text>
        ) : mayReadCases ? (
          <ul className="plain-list">
            {incident.caseIds.map((c, i) => (
              <li key={c}>
                <CaseRef id={c} fallback={t('incidents.caseN', { n: i + 1 })} />
              </li>
            ))}
          </ul>
        ) : (
          <Text>{t('incidents.casesCount', { count: incident.caseIds.length })}</Text>
        )}
      </Card>

      <IncidentHistory id={incident.id} countryCode={incident.countryCode} />

      {linking && <LinkModal incident={incident} onClose={() => setLinking(false)} />}
    </Page>
  );
}

function LinkModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const recent = useRecentIncidents(true);
  const link = useLinkIncident();
  const [target, setTarget] = useState('');
  const [relation, setRelation] = useState<IncidentLinkRelation>('same_event');
  const [missing, setMissing] = useState(false);
  const linked = new Set(incident.links.map((l) => l.incidentId));
  const options = (recent.data?.items ?? [])
    .filter((i) => i.id !== incident.id && !linked.has(i.id))
    .map((i) => ({
      value: i.id,
      label: `${i.reference} — ${vocab.term('incident_kind', i.kind)}, ${format.day(i.occurredOn)}`,
    }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('incidents.links.add')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!target) {
            setMissing(true);
            return;
          }
          link.mutate(
            { id: incident.id, incidentId: target, relation },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  title: t('incidents.links.added'),
                  message: incident.reference,
                });
                onClose();
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <ErrorAlert error={link.error ?? recent.error} />
          <NativeSelect
            label={t('incidents.links.incident')}
            description={t('incidents.links.incidentHint')}
            required
            data={[{ value: '', label: t('common.choose') }, ...options]}
            value={target}
            onChange={(e) => {
              setTarget(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('validation.required') : undefined}
          />
          <NativeSelect
            label={t('incidents.links.relation')}
            data={INCIDENT_LINK_RELATIONS.map((r) => ({ value: r, label: vocab.fixed('linkRelation', r) }))}
            value={relation}
            onChange={(e) => setRelation(e.currentTarget.value as IncidentLinkRelation)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={link.isPending}>
              {t('incidents.links.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
