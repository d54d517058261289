import {
  AGE_GROUPS,
  CONFIDENCE_LEVELS,
  CONVEYANCE_TYPES,
  can,
  EARLIEST_INCIDENT_DATE,
  type Incident,
  SEXES,
  TEXT_MAX,
  TRANSPORT_MODES,
} from '@enlace/shared';
import {
  ActionIcon,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { apiMessage, NumberField } from '../../components/NumberField';
import { numberOf, numberText } from '../../components/number-text';
import { Page } from '../../components/Page';
import { useAgencies } from '../../features/admin/admin.queries';
import { defaultTimeZone } from '../../components/time-zones';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useMe } from '../../features/auth/auth.queries';
import { fieldLabelKey, PEOPLE_ORDER } from '../../features/incidents/fields';
import {
  bodyOf,
  changedFields,
  formIssues,
  formPathOf,
  type IncidentFormValues,
  localToday,
  NUMBER_RULES,
  newBreakdownRow,
  valuesOf,
} from '../../features/incidents/form-values';
import { useAmendIncident, useCreateIncident, useIncident } from '../../features/incidents/incidents.queries';
import { isTimeZone } from '../../features/incidents/time';
import { useVocab } from '../../features/incidents/vocabulary';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useLooseT } from '../../hooks/useLooseT';
import { readerTimeZone } from '../../reader-time-zone';
import { NoAccessPage } from '../NoAccessPage';
import { NotFoundPage } from '../NotFoundPage';

/** The map picker loads with Leaflet and the boundaries only when the form shows it. */
const LocationPicker = lazy(() => import('../../features/map/LocationPicker'));

type Mode = 'create' | 'correction' | 'follow_up';

/** New report, correction of a report or follow-up report: one form, three purposes. */
/** A new report's zone starts as the user's country's (see defaultTimeZone); a record keeps its own. */
function initialValues(incident: Incident | null, countryCode: string): IncidentFormValues {
  const values = valuesOf(incident);
  if (incident) return values;
  return { ...values, timeZone: defaultTimeZone(countryCode, readerTimeZone()) ?? '' };
}

export function IncidentFormPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = useParams();
  const incident = useIncident(mode === 'create' ? undefined : id);
  if (!can(me.role, 'incidents.write')) return <NoAccessPage />;
  if (mode === 'create') return <IncidentForm mode={mode} incident={null} />;
  if (incident.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }
  if (isApiError(incident.error) && incident.error.status === 404) return <NotFoundPage />;
  if (!incident.data) return <ErrorAlert error={incident.error} />;
  if (!incident.data.abilities.update) return <NoAccessPage />;
  return <IncidentForm key={incident.data.version} mode={mode} incident={incident.data} />;
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="fieldset"
      className="form-section"
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <Title order={2} size="h4" component="legend" id={id} mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm" id={`${id}-hint`}>
          {hint}
        </Text>
      )}
      {children}
    </Card>
  );
}

function IncidentForm({ mode, incident }: { mode: Mode; incident: Incident | null }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const me = useMe();
  const navigate = useNavigate();
  const vocab = useVocab();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const create = useCreateIncident();
  const amend = useAmendIncident();
  const mutation = mode === 'create' ? create : amend;
  const mayReadAgencies = can(me.role, 'agencies.read');
  const agencies = useAgencies(
    me.scope === 'all' ? null : (incident?.countryCode ?? me.countryCode),
    mayReadAgencies,
  );

  const form = useForm<IncidentFormValues>({
    initialValues: initialValues(incident, me.countryCode),
    validate: (v) => {
      const errors: Record<string, ReactNode> = {};
      const put = (path: string, error: ReactNode) => {
        if (error && !errors[path]) errors[path] = error;
      };
      put('note', mode === 'follow_up' ? validators.required(v.note) : null);
      put('kind', validators.required(v.kind));
      put('date', validators.required(v.date));
      put(
        'timeZone',
        (v.time && !v.timeZone) || (v.timeZone && !isTimeZone(v.timeZone))
          ? 'validation.timeZoneNeeded'
          : null,
      );
      // Numbers as their fields read them, the date's range and the counts rules the server applies.
      for (const [path, message] of Object.entries(formIssues(v, localToday())))
        put(path, apiMessage(message));
      return errors;
    },
  });
  const values = form.values;

  const labelOf = (path: string): string => {
    const m = /^breakdown\.(\d+)\.(\w+)$/.exec(path);
    if (m) {
      const row = Number(m[1]) + 1;
      const column = { sex: 'sex', ageGroup: 'ageGroup', nationality: 'nationality', count: 'persons' }[
        m[2] ?? ''
      ];
      return t('incidents.form.breakdownCell', {
        row,
        column: column ? lt(`incidents.field.${column}`) : (m[2] ?? ''),
      });
    }
    if (path === 'note')
      return mode === 'follow_up' ? t('incidents.form.followUpNote') : t('incidents.form.correctionNote');
    return lt(fieldLabelKey(path));
  };
  const serverErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : [];
  const fieldLabels = Object.fromEntries(serverErrors.map((e) => [e.path, labelOf(e.path)]));

  const onServerError = (error: unknown) => showServerErrors(form, error, formPathOf);

  const handleSubmit = form.onSubmit((v) => {
    const body = bodyOf(v);
    if (mode === 'create') {
      create.mutate(body, {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: t('incidents.form.created'),
            message: saved.reference,
          });
          navigate(`/incidents/${saved.id}`);
        },
        onError: onServerError,
      });
      return;
    }
    if (!incident) return;
    const changes = changedFields(body, incident);
    const note = v.note.trim();
    // The promise, not mutate()'s callbacks: the refetch after the save brings the new version,
    // which remounts this form (IncidentFormPage keys it so), and a remounted component's
    // mutate() callbacks never run — the user would stay on the form without a word.
    amend
      .mutateAsync({
        id: incident.id,
        followUp: mode === 'follow_up',
        body: { ...changes, expectedVersion: incident.version, ...(note ? { note } : {}) },
      })
      .then((saved) => {
        notifications.show({
          color: 'green',
          title: mode === 'follow_up' ? t('incidents.form.followUpSaved') : t('incidents.form.corrected'),
          message: saved.reference,
        });
        navigate(`/incidents/${saved.id}`);
      }, onServerError);
  }, focusFirstInvalid);

  const input = (path: string) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
  const countryData = (emptyLabel: string) => [{ value: '', label: emptyLabel }, ...vocab.countryOptions];
  const title =
    mode === 'create'
      ? t('incidents.form.createTitle')
      : mode === 'follow_up'
        ? t('incidents.form.followUpTitle', { reference: incident?.reference ?? '' })
        : t('incidents.form.correctionTitle', { reference: incident?.reference ?? '' });
  const description =
    mode === 'create'
      ? t('incidents.form.createIntro')
      : mode === 'follow_up'
        ? t('incidents.form.followUpIntro')
        : t('incidents.form.correctionIntro');
  const cancelTo = incident ? `/incidents/${incident.id}` : '/incidents';
  const kindOptions = vocab.options('incident_kind', incident ? [incident.kind] : []);

  if (!vocab.ready) {
    return (
      <Center py="xl">
        <Loader aria-label={t('a11y.loading')} />
      </Center>
    );
  }

  return (
    <Page title={title} description={description}>
      <form onSubmit={handleSubmit} noValidate aria-labelledby="incident-form-title">
        <span id="incident-form-title" className="visually-hidden">
          {title}
        </span>
        <Stack gap="md">
          <ErrorAlert error={mutation.error} fieldLabels={fieldLabels} />
          {mode !== 'create' && (
            <Card withBorder radius="md" padding="lg">
              <Textarea
                label={
                  mode === 'follow_up' ? t('incidents.form.followUpNote') : t('incidents.form.correctionNote')
                }
                description={
                  mode === 'follow_up'
                    ? t('incidents.form.followUpNoteHint')
                    : t('incidents.form.correctionNoteHint')
                }
                required={mode === 'follow_up'}
                autosize
                minRows={3}
                maxLength={TEXT_MAX.note}
                {...input('note')}
              />
            </Card>
          )}

          <Section id="sec-what" title={t('incidents.section.what')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <NativeSelect
                label={t('incidents.field.kind')}
                required
                data={[{ value: '', label: t('common.choose') }, ...kindOptions]}
                {...input('kind')}
                onChange={(e) => {
                  const kind = e.currentTarget.value;
                  form.setFieldValue('kind', kind);
                  // A kind that happens in one mode (a rescue at sea) suggests it, without overriding a choice.
                  const suggested = vocab.termOf('incident_kind', kind)?.attributes.mode;
                  if (suggested && !form.values.mode) form.setFieldValue('mode', suggested);
                }}
              />
              <NativeSelect
                label={t('incidents.field.mode')}
                data={[
                  { value: '', label: t('common.unknown') },
                  ...TRANSPORT_MODES.map((m) => ({ value: m, label: vocab.fixed('mode', m) })),
                ]}
                {...input('mode')}
              />
              <NativeSelect
                label={t('incidents.field.confidence')}
                data={[
                  { value: '', label: t('common.notStated') },
                  ...CONFIDENCE_LEVELS.map((c) => ({ value: c, label: vocab.fixed('confidence', c) })),
                ]}
                {...input('confidence')}
              />
              <TextInput
                type="date"
                label={t('incidents.form.localDate')}
                required
                min={EARLIEST_INCIDENT_DATE}
                max={localToday()}
                {...input('date')}
              />
              <TextInput
                type="time"
                label={t('incidents.form.localTime')}
                description={t('incidents.form.localTimeHint')}
                {...input('time')}
              />
              <TimeZoneSelect
                label={t('incidents.field.timeZone')}
                description={t('incidents.form.timeZoneHint')}
                placeholder={t('common.notStated')}
                clearable
                country={form.values.place.countryCode || incident?.countryCode || me.countryCode}
                {...input('timeZone')}
                value={form.values.timeZone}
                onChange={(zone) => form.setFieldValue('timeZone', zone ?? '')}
              />
            </SimpleGrid>
            {mayReadAgencies && (
              <NativeSelect
                mt="sm"
                label={t('incidents.field.reportingAgencyId')}
                data={[
                  { value: '', label: t('common.notStated') },
                  ...(agencies.data ?? [])
                    .filter((a) => a.active || a.id === values.reportingAgencyId)
                    .map((a) => ({
                      value: a.id,
                      label: a.acronym ? `${localized(a.name)} (${a.acronym})` : localized(a.name),
                    })),
                ]}
                {...input('reportingAgencyId')}
                maw={480}
              />
            )}
          </Section>

          <Section id="sec-place" title={t('incidents.section.place')} hint={t('incidents.form.placeHint')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <TextInput
                label={t('incidents.field.place_name')}
                maxLength={TEXT_MAX.placeName}
                {...input('place.name')}
              />
              <NativeSelect
                label={t('incidents.field.place_countryCode')}
                data={countryData(t('incidents.form.noCountry'))}
                {...input('place.countryCode')}
              />
              <NativeSelect
                label={t('incidents.field.place_maritimeZone')}
                description={t('incidents.form.maritimeZoneHint')}
                data={[{ value: '', label: t('common.notApplicable') }, ...vocab.options('maritime_zone')]}
                {...input('place.maritimeZone')}
              />
              <NumberField
                label={t('incidents.field.place_latitude')}
                description={t('incidents.form.latitudeHint')}
                rules={NUMBER_RULES.latitude}
                placeholder={t('common.unknown')}
                {...input('place.latitude')}
              />
              <NumberField
                label={t('incidents.field.place_longitude')}
                description={t('incidents.form.longitudeHint')}
                rules={NUMBER_RULES.longitude}
                placeholder={t('common.unknown')}
                {...input('place.longitude')}
              />
            </SimpleGrid>
            <Suspense fallback={null}>
              <LocationPicker
                latitude={numberOf(values.place.latitude, NUMBER_RULES.latitude)}
                longitude={numberOf(values.place.longitude, NUMBER_RULES.longitude)}
                mode={values.mode}
                onPick={(latitude, longitude) => {
                  form.setFieldValue('place.latitude', numberText(Math.round(latitude * 1e5) / 1e5));
                  form.setFieldValue('place.longitude', numberText(Math.round(longitude * 1e5) / 1e5));
                }}
              />
            </Suspense>
          </Section>

          <Section id="sec-conveyance" title={t('incidents.section.conveyance')}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              <NativeSelect
                label={t('incidents.field.conveyance_type')}
                data={[
                  { value: '', label: t('incidents.form.noConveyance') },
                  ...CONVEYANCE_TYPES.map((c) => ({ value: c, label: vocab.fixed('conveyanceType', c) })),
                ]}
                {...input('conveyance.type')}
              />
              {values.conveyance.type && (
                <>
                  <TextInput
                    label={t('incidents.field.conveyance_name')}
                    description={t('incidents.form.conveyanceNameHint')}
                    maxLength={TEXT_MAX.conveyance}
                    {...input('conveyance.name')}
                  />
                  <TextInput
                    label={t('incidents.field.conveyance_registration')}
                    maxLength={TEXT_MAX.registration}
                    {...input('conveyance.registration')}
                  />
                  <NativeSelect
                    label={t('incidents.field.conveyance_flagState')}
                    data={countryData(t('common.unknown'))}
                    {...input('conveyance.flagState')}
                  />
                  <TextInput
                    label={t('incidents.field.conveyance_model')}
                    description={t('incidents.form.conveyanceModelHint')}
                    maxLength={TEXT_MAX.conveyance}
                    {...input('conveyance.model')}
                  />
                  {values.conveyance.type === 'vessel' && (
                    <NativeSelect
                      label={t('incidents.field.conveyance_stateless')}
                      description={t('incidents.form.statelessHint')}
                      data={[
                        { value: '', label: t('common.unknown') },
                        { value: 'yes', label: t('common.yes') },
                        { value: 'no', label: t('common.no') },
                      ]}
                      {...input('conveyance.stateless')}
                    />
                  )}
                </>
              )}
            </SimpleGrid>
          </Section>

          <Section
            id="sec-people"
            title={t('incidents.section.people')}
            hint={t('incidents.form.countsHint')}
          >
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
              {PEOPLE_ORDER.map((m) => (
                <NumberField
                  key={m}
                  label={lt(`incidents.people.${m}`)}
                  rules={NUMBER_RULES.count}
                  placeholder={t('common.unknown')}
                  {...input(`people.${m}`)}
                />
              ))}
            </SimpleGrid>
            <Title order={3} size="h5" mt="lg" mb={4} id="breakdown-title">
              {t('incidents.section.breakdown')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('incidents.form.breakdownHint')}
            </Text>
            <Stack gap="xs" role="group" aria-labelledby="breakdown-title">
              {values.breakdown.map((row, i) => (
                <Group key={row.key} align="flex-end" gap="sm" wrap="wrap">
                  <NativeSelect
                    label={t('incidents.form.rowField', {
                      row: i + 1,
                      field: t('incidents.field.nationality'),
                    })}
                    data={countryData(t('incidents.nationalityUnknown'))}
                    {...input(`breakdown.${i}.nationality`)}
                    w={240}
                  />
                  <NativeSelect
                    label={t('incidents.form.rowField', { row: i + 1, field: t('incidents.field.sex') })}
                    data={SEXES.map((s) => ({ value: s, label: vocab.fixed('sex', s) }))}
                    {...input(`breakdown.${i}.sex`)}
                    w={170}
                  />
                  <NativeSelect
                    label={t('incidents.form.rowField', { row: i + 1, field: t('incidents.field.ageGroup') })}
                    data={AGE_GROUPS.map((g) => ({ value: g, label: vocab.fixed('ageGroup', g) }))}
                    {...input(`breakdown.${i}.ageGroup`)}
                    w={170}
                  />
                  <NumberField
                    label={t('incidents.form.rowField', { row: i + 1, field: t('incidents.field.persons') })}
                    rules={NUMBER_RULES.breakdownCount}
                    {...input(`breakdown.${i}.count`)}
                    w={130}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={values.breakdown.length && form.errors[`breakdown.${i}.count`] ? 22 : 2}
                    aria-label={t('incidents.form.removeRow', { row: i + 1 })}
                    onClick={() => form.removeListItem('breakdown', i)}
                  >
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => form.insertListItem('breakdown', newBreakdownRow())}
                >
                  {t('incidents.form.addRow')}
                </Button>
              </Group>
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="lg">
              <MultiSelect
                label={t('incidents.field.nationalities')}
                description={t('incidents.form.nationalitiesHint')}
                data={vocab.countryOptions}
                searchable
                clearable
                hidePickedOptions
                maxValues={60}
                nothingFoundMessage={t('common.nothingFound')}
                {...input('nationalities')}
              />
              <TextInput
                label={t('incidents.field.causeOfDeath')}
                maxLength={TEXT_MAX.causeOfDeath}
                {...input('causeOfDeath')}
              />
            </SimpleGrid>
          </Section>

          <Section id="sec-route" title={t('incidents.section.route')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('incidents.field.route_origin')}
                data={countryData(t('common.unknown'))}
                {...input('route.origin')}
              />
              <NativeSelect
                label={t('incidents.field.route_destination')}
                data={countryData(t('common.unknown'))}
                {...input('route.destination')}
              />
              <MultiSelect
                label={t('incidents.field.route_transit')}
                description={t('incidents.form.transitHint')}
                data={vocab.countryOptions}
                searchable
                clearable
                maxValues={12}
                nothingFoundMessage={t('common.nothingFound')}
                {...input('route.transit')}
              />
              <NativeSelect
                label={t('incidents.field.route_code')}
                data={[
                  { value: '', label: t('common.none') },
                  ...vocab.options('route', incident?.route.code ? [incident.route.code] : []),
                ]}
                {...input('route.code')}
              />
            </SimpleGrid>
          </Section>

          <Section
            id="sec-modus"
            title={t('incidents.field.modusOperandi')}
            hint={t('incidents.form.modusHint')}
          >
            <Checkbox.Group {...input('modusOperandi')} aria-labelledby="sec-modus">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                {vocab.options('modus_operandi', incident?.modusOperandi ?? []).map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>

          <Section id="sec-narrative" title={t('incidents.section.narrativeAndSource')}>
            <Stack gap="sm">
              <Textarea
                label={t('incidents.field.narrative')}
                description={t('incidents.form.narrativeHint')}
                autosize
                minRows={4}
                maxLength={TEXT_MAX.narrative}
                {...input('narrative')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t('incidents.field.source_name')}
                  maxLength={TEXT_MAX.sourceName}
                  {...input('source.name')}
                />
                <TextInput
                  label={t('incidents.field.source_url')}
                  type="url"
                  maxLength={TEXT_MAX.url}
                  {...input('source.url')}
                />
                <NativeSelect
                  label={t('incidents.field.source_quality')}
                  data={[
                    { value: '', label: t('common.notStated') },
                    ...[1, 2, 3, 4, 5].map((q) => ({
                      value: String(q),
                      label: lt(`incidents.quality.${q}`),
                    })),
                  ]}
                  {...input('source.quality')}
                />
              </SimpleGrid>
            </Stack>
          </Section>

          <Group justify="flex-end">
            <Button component={Link} to={cancelTo} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {mode === 'create'
                ? t('incidents.form.submitCreate')
                : mode === 'follow_up'
                  ? t('incidents.form.submitFollowUp')
                  : t('incidents.form.submitCorrection')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
