import {
  can,
  type Case,
  CASE_COUNTRY_ROLES,
  CASE_STAGES,
  type CaseCountryRole,
  type CaseStage,
  OFFENCE_CATEGORIES,
  TEXT_MAX,
} from '@enlace/shared';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useFormat } from '../../hooks/useFormat';
import { useLooseT } from '../../hooks/useLooseT';
import { useMe } from '../auth/auth.queries';
import { useRecentIncidents } from '../incidents/incidents.queries';
import { useVocab } from '../incidents/vocabulary';
import { useCreateCase, useUpdateCase } from './cases.queries';

interface CountryRow {
  key: string;
  countryCode: string;
  role: CaseCountryRole;
}

interface Values {
  reference: string;
  title: string;
  summary: string;
  openedOn: string;
  stage: CaseStage;
  offences: string[];
  incidentIds: string[];
  countries: CountryRow[];
  financialInvestigation: boolean;
  jointTeamName: string;
  jointTeamOn: string;
}

let seq = 0;
const newCountry = (countryCode = '', role: CaseCountryRole = 'transit'): CountryRow => {
  seq += 1;
  return { key: `c${seq}`, countryCode, role };
};

/** Opens a case, or edits one (`kase` given): what it is about, offences, incidents, countries. */
export function CaseFormModal({ kase, onClose }: { kase?: Case; onClose: () => void }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const me = useMe();
  const navigate = useNavigate();
  const vocab = useVocab();
  const format = useFormat();
  const fieldError = useFieldError();
  const create = useCreateCase();
  const update = useUpdateCase();
  const mutation = kase ? update : create;
  const mayPickIncidents = can(me.role, 'incidents.read');
  const recent = useRecentIncidents(mayPickIncidents);

  const form = useForm<Values>({
    initialValues: {
      reference: kase?.reference ?? '',
      title: kase?.title ?? '',
      summary: kase?.summary ?? '',
      openedOn: kase?.openedOn ?? '',
      stage: kase?.stage ?? 'detection',
      offences: kase?.offences ?? [],
      incidentIds: kase?.incidentIds ?? [],
      countries: (kase?.countries ?? []).map((c) => newCountry(c.countryCode, c.role)),
      financialInvestigation: kase?.financialInvestigation ?? false,
      jointTeamName: kase?.jointTeam?.name ?? '',
      jointTeamOn: kase?.jointTeam?.establishedOn ?? '',
    },
    validate: {
      reference: (v) => (kase ? null : validators.required(v)),
      title: validators.required,
      openedOn: (v) => (kase ? null : validators.required(v)),
      countries: { countryCode: validators.required },
    },
  });

  const input = (path: string) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };

  const pathOf = (p: string) => {
    if (p.startsWith('jointTeam.name')) return 'jointTeamName';
    if (p.startsWith('jointTeam.establishedOn')) return 'jointTeamOn';
    if (/^(offences|incidentIds)\./.test(p)) return p.split('.')[0] ?? p;
    return p;
  };
  const labels: Record<string, string> = {
    reference: t('cases.field.reference'),
    title: t('cases.field.title'),
    summary: t('cases.field.summary'),
    openedOn: t('cases.field.openedOn'),
    stage: t('cases.field.stage'),
    offences: t('cases.field.offences'),
    incidentIds: t('cases.field.incidents'),
    countries: t('cases.field.countries'),
    'jointTeam.name': t('cases.field.jointTeamName'),
    'jointTeam.establishedOn': t('cases.field.jointTeamOn'),
  };
  const fieldLabels = Object.fromEntries(
    (isApiError(mutation.error) ? mutation.error.fieldErrors : []).map((e) => [
      e.path,
      labels[e.path] ??
        labels[pathOf(e.path)] ??
        (e.path.startsWith('countries') ? t('cases.field.countries') : e.path),
    ]),
  );

  const handleSubmit = form.onSubmit((v) => {
    const common = {
      title: v.title.trim(),
      summary: v.summary.trim() || null,
      offences: v.offences,
      incidentIds: v.incidentIds,
      countries: v.countries.map((c) => ({ countryCode: c.countryCode, role: c.role })),
      financialInvestigation: v.financialInvestigation,
      jointTeam: v.jointTeamName.trim()
        ? { name: v.jointTeamName.trim(), establishedOn: v.jointTeamOn || null }
        : null,
    };
    const onError = (error: unknown) => showServerErrors(form, error, pathOf);
    if (kase) {
      update.mutate(
        { id: kase.id, body: common },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', title: t('cases.saved'), message: saved.reference });
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { ...common, reference: v.reference.trim(), openedOn: v.openedOn, stage: v.stage },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', title: t('cases.created'), message: saved.reference });
          onClose();
          navigate(`/cases/${saved.id}`);
        },
        onError,
      },
    );
  }, focusFirstInvalid);

  const offenceTerms = vocab.options('offence', kase?.offences ?? []);
  const incidentOptions = (recent.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.reference} — ${vocab.term('incident_kind', i.kind)}, ${format.day(i.occurredOn)}`,
  }));
  for (const id of form.values.incidentIds) {
    if (!incidentOptions.some((o) => o.value === id)) incidentOptions.push({ value: id, label: id });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={kase ? t('cases.editTitle', { reference: kase.reference }) : t('cases.createTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={mutation.error} fieldLabels={fieldLabels} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('cases.field.reference')}
              description={t('cases.referenceHint')}
              required={!kase}
              disabled={Boolean(kase)}
              maxLength={TEXT_MAX.reference}
              {...input('reference')}
            />
            <TextInput
              label={t('cases.field.title')}
              required
              maxLength={TEXT_MAX.title}
              {...input('title')}
            />
            <TextInput
              type="date"
              label={t('cases.field.openedOn')}
              required={!kase}
              disabled={Boolean(kase)}
              {...input('openedOn')}
            />
            {!kase && (
              <NativeSelect
                label={t('cases.field.stage')}
                data={CASE_STAGES.map((s) => ({ value: s, label: vocab.fixed('caseStage', s) }))}
                {...input('stage')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={t('cases.field.summary')}
            description={t('cases.summaryHint')}
            autosize
            minRows={3}
            maxLength={TEXT_MAX.narrative}
            {...input('summary')}
          />
          <Checkbox.Group label={t('cases.field.offences')} {...input('offences')}>
            <Stack gap="xs" mt={4}>
              {OFFENCE_CATEGORIES.map((category) => {
                const terms = offenceTerms.filter(
                  (o) => vocab.termOf('offence', o.value)?.attributes.category === category,
                );
                if (terms.length === 0) return null;
                return (
                  <div key={category}>
                    <Text size="sm" fw={600} mb={4}>
                      {lt(`cases.offenceCategory.${category}`)}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
                      {terms.map((o) => {
                        const article = vocab.termOf('offence', o.value)?.attributes.article;
                        return (
                          <Checkbox
                            key={o.value}
                            value={o.value}
                            label={article ? `${o.label} (${t('cases.article', { article })})` : o.label}
                          />
                        );
                      })}
                    </SimpleGrid>
                  </div>
                );
              })}
            </Stack>
          </Checkbox.Group>
          {mayPickIncidents ? (
            <MultiSelect
              label={t('cases.field.incidents')}
              description={t('cases.incidentsHint')}
              data={incidentOptions}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              {...input('incidentIds')}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('cases.incidentsNotReadable')}
            </Text>
          )}
          <fieldset className="plain-fieldset">
            <legend className="field-label">{t('cases.field.countries')}</legend>
            <Stack gap="xs">
              {form.values.countries.map((row, i) => (
                <Group key={row.key} align="flex-end" gap="sm">
                  <NativeSelect
                    label={t('cases.countryN', { n: i + 1 })}
                    data={[{ value: '', label: t('common.choose') }, ...vocab.countryOptions]}
                    {...input(`countries.${i}.countryCode`)}
                    w={260}
                  />
                  <NativeSelect
                    label={t('cases.countryRoleN', { n: i + 1 })}
                    data={CASE_COUNTRY_ROLES.map((r) => ({
                      value: r,
                      label: vocab.fixed('caseCountryRole', r),
                    }))}
                    {...input(`countries.${i}.role`)}
                    w={300}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={t('cases.removeCountry', { n: i + 1 })}
                    onClick={() => form.removeListItem('countries', i)}
                  >
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => form.insertListItem('countries', newCountry())}
                >
                  {t('cases.addCountry')}
                </Button>
              </Group>
            </Stack>
          </fieldset>
          <Switch
            label={t('cases.field.financialInvestigation')}
            {...form.getInputProps('financialInvestigation', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('cases.field.jointTeamName')}
              description={t('cases.jointTeamHint')}
              maxLength={TEXT_MAX.title}
              {...input('jointTeamName')}
            />
            <TextInput type="date" label={t('cases.field.jointTeamOn')} {...input('jointTeamOn')} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {kase ? t('common.save') : t('cases.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
