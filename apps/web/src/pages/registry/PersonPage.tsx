import { can, type Person } from '@enlace/shared';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Fact } from '../../components/Fact';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { languageName } from '../../features/directory/directory-helpers';
import { useVocab } from '../../features/incidents/vocabulary';
import { AdmissionModal } from '../../features/registry/AdmissionModal';
import { useBirthDate } from '../../features/registry/labels';
import { PersonDocuments } from '../../features/registry/more/PersonDocuments';
import { PersonPhoto, PhotoPicker } from '../../features/registry/PhotoPicker';
import { useAddPhoto, usePerson } from '../../features/registry/registry.queries';
import { SharePersonDialog } from '../../features/registry/shares/SharePersonDialog';
import { useFormat } from '../../hooks/useFormat';
import { NoAccessPage } from '../NoAccessPage';
import { NotFoundPage } from '../NotFoundPage';

type StaySummary = Person['stays'][number];

export function PersonPage() {
  const me = useMe();
  const { id = '' } = useParams();
  if (!can(me.role, 'registry.read')) return <NoAccessPage />;
  return <PersonView key={id} id={id} />;
}

function PersonView({ id }: { id: string }) {
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  if (person.error) {
    if ((person.error as { status?: number }).status === 404) return <NotFoundPage />;
    return <ErrorAlert error={person.error} />;
  }
  return <PersonDetail person={person.data} />;
}

function PersonDetail({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const birthDate = useBirthDate();
  const me = useMe();
  const [admitting, setAdmitting] = useState(false);
  const [sharing, setSharing] = useState<'share' | 'transfer' | null>(null);
  // Sharing and transfers abroad are a supervisor's, of the person's own country.
  const mayShare = can(me.role, 'registry.supervise') && me.countryCode === person.countryCode;
  const mayWrite = can(me.role, 'registry.write') && me.countryCode === person.countryCode;
  const list = useListState(
    { sorts: ['admittedAt'], defaultSort: 'admittedAt', defaultDir: 'desc' } as const,
    { inUrl: false },
  );
  const open = person.stays.find((s) => s.status === 'open');
  const name = `${person.givenNames} ${person.familyNames}`;

  const columns = useMemo<DataColumn<StaySummary>[]>(
    () => [
      {
        id: 'centre',
        header: t('registry.fields.centre'),
        primary: true,
        rowHeader: true,
        required: true,
        cell: (s) => (
          <Anchor component={Link} to={`/registry/stays/${s.id}`} fw={600} size="sm">
            {s.centreName}
          </Anchor>
        ),
      },
      { id: 'unit', header: t('registry.fields.unit'), cell: (s) => t(`registry.units.${s.unit}`) },
      {
        id: 'admittedAt',
        header: t('registry.fields.admittedAt'),
        sortable: true,
        nowrap: true,
        value: (s) => s.admittedAt,
        cell: (s) => format.dateTime(s.admittedAt),
      },
      {
        id: 'status',
        header: t('registry.fields.status'),
        cell: (s) => (
          <>
            {t(`registry.stayStatuses.${s.status}`)}
            {s.releaseCheckPending && (
              <Badge ml="xs" size="sm" color="orange" variant="light" tt="none">
                {t('registry.centre.pendingCheck')}
              </Badge>
            )}
          </>
        ),
      },
      {
        id: 'releasedAt',
        header: t('registry.fields.releasedAt'),
        nowrap: true,
        cell: (s) => (s.releasedAt ? format.dateTime(s.releasedAt) : '—'),
      },
      {
        id: 'outcome',
        header: t('registry.fields.outcome'),
        cell: (s) => (s.releaseOutcome ? t(`registry.outcomes.${s.releaseOutcome}`) : '—'),
      },
      {
        id: 'belongings',
        header: t('registry.person.belongings'),
        cell: (s) => (
          <Anchor component={Link} to={`/registry/stays/${s.id}/belongings`} size="sm">
            {s.belongingsHeld > 0
              ? t('registry.person.belongingsHeld', { count: s.belongingsHeld })
              : t('registry.person.belongings')}
          </Anchor>
        ),
      },
    ],
    [t, format],
  );

  return (
    <Page
      title={name}
      actions={
        <Group gap="xs">
          {mayShare && (
            <Button variant="default" onClick={() => setSharing('share')}>
              {t('registry.person.share')}
            </Button>
          )}
          {mayShare && open && (
            <Button variant="default" onClick={() => setSharing('transfer')}>
              {t('registry.person.transferAbroad')}
            </Button>
          )}
          {person.abilities.admit && (
            <Button onClick={() => setAdmitting(true)}>{t('registry.person.admit')}</Button>
          )}
        </Group>
      }
    >
      <SectionNav group="registry" />
      {person.mergedInto && (
        <Alert color="yellow" title={t('registry.person.mergedInto')}>
          <Anchor component={Link} to={`/registry/persons/${person.mergedInto}`}>
            {t('registry.search.open')}
          </Anchor>
        </Alert>
      )}
      {person.sharedWithMe && (
        <Alert
          color="blue"
          title={t('registry.person.sharedWithMe', { country: vocab.country(person.countryCode) })}
        >
          {t('registry.person.sharedWithMeHint')}
        </Alert>
      )}
      {open && !person.abilities.admit && !person.sharedWithMe && (
        <Alert color="blue">{t('registry.person.alreadyIn')}</Alert>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="person-facts">
        <Group justify="space-between" align="flex-start" mb="sm">
          <Title order={2} size="h4" id="person-facts">
            {t('registry.person.facts')}
          </Title>
          {mayWrite && <AddPhoto personId={person.id} hasPhoto={Boolean(person.photo)} />}
        </Group>
        {person.photo && (
          <Box mb="md">
            <PersonPhoto fileId={person.photo.id} alt={t('registry.person.photoOf', { name })} />
          </Box>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <dl className="definition-list">
            <Fact label={t('registry.fields.givenNames')}>{person.givenNames}</Fact>
            <Fact label={t('registry.fields.familyNames')}>{person.familyNames}</Fact>
            <Fact label={t('registry.fields.documentGivenNames')}>{person.documentGivenNames ?? '—'}</Fact>
            <Fact label={t('registry.fields.documentFamilyNames')}>{person.documentFamilyNames ?? '—'}</Fact>
            <Fact label={t('registry.fields.aliases')}>{person.aliases.join(', ') || '—'}</Fact>
            <Fact label={t('registry.fields.documentNumber')}>{person.documentNumber ?? '—'}</Fact>
          </dl>
          <dl className="definition-list">
            <Fact label={t('registry.fields.sex')}>{t(`registry.sexes.${person.sex}`)}</Fact>
            <Fact label={t('registry.fields.birthDate')}>
              {birthDate(person.birthDate, person.birthDatePrecision)}
            </Fact>
            <Fact label={t('registry.fields.nationality')}>{vocab.country(person.nationality)}</Fact>
            <Fact label={t('registry.fields.otherNationalities')}>
              {person.otherNationalities.map((c) => vocab.country(c)).join(', ') || '—'}
            </Fact>
            <Fact label={t('registry.fields.languages')}>
              {person.languages.map((l) => languageName(l, i18n.language)).join(', ') || '—'}
            </Fact>
          </dl>
        </SimpleGrid>
      </Card>
      <PersonDocuments person={person} mayWrite={mayWrite && !person.mergedInto} />
      <section aria-labelledby="person-stays">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="person-stays">
            {t('registry.person.stays')}
          </Title>
        </Group>
        <DataTable
          id="registry-person-stays"
          label={t('registry.person.stays')}
          columns={columns}
          rows={person.stays}
          rowKey={(s) => s.id}
          list={list}
          mode="client"
          emptyMessage={t('registry.person.noStays')}
          columnChoice={false}
        />
      </section>
      {admitting && <AdmissionModal personId={person.id} onClose={() => setAdmitting(false)} />}
      {sharing && <SharePersonDialog person={person} mode={sharing} onClose={() => setSharing(null)} />}
    </Page>
  );
}

/** A photo for a person registered without one (or a newer one): uploaded, then attached. */
function AddPhoto({ personId, hasPhoto }: { personId: string; hasPhoto: boolean }) {
  const { t } = useTranslation();
  const add = useAddPhoto(personId);
  return (
    <Stack gap={4} align="flex-end">
      <PhotoPicker
        value={null}
        onChange={(file) =>
          add.mutate(
            { fileId: file.id },
            {
              onSuccess: () =>
                notifications.show({
                  color: 'green',
                  title: t('registry.person.photoAdded'),
                  message: file.name,
                }),
            },
          )
        }
        labels={{
          choose: hasPhoto ? t('registry.person.photoReplace') : t('registry.person.photoChoose'),
          replace: t('registry.person.photoReplace'),
          none: '',
          attached: () => '',
        }}
      />
      <ErrorAlert error={add.error} />
    </Stack>
  );
}
