import { can, type IdentityInput, type SearchResult } from '@enlace/shared';
import { Accordion, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useInput } from '../../components/FormModal';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { useMe } from '../../features/auth/auth.queries';
import { useVocab } from '../../features/incidents/vocabulary';
import {
  emptyIdentity,
  IdentityFields,
  type IdentityValues,
  identityRules,
  toIdentity,
} from '../../features/registry/IdentityFields';
import { useBirthDate } from '../../features/registry/labels';
import { MatchExplanation } from '../../features/registry/MatchExplanation';
import { PersonFormModal } from '../../features/registry/PersonFormModal';
import { useSearchPersons } from '../../features/registry/registry.queries';
import { useFormat } from '../../hooks/useFormat';
import { focusFirstInvalid } from '../../hooks/useFieldError';
import { NoAccessPage } from '../NoAccessPage';

export function RegistrySearchPage() {
  const me = useMe();
  if (!can(me.role, 'registry.read')) return <NoAccessPage />;
  return <SearchBeforeCreate />;
}

/**
 * Search before create: the officer types what the person says; Enlace proposes whom the country
 * already holds, with the engine's reasons. Registering a new person opens only after a search,
 * with what was searched for, so that nobody is registered twice by haste.
 */
function SearchBeforeCreate() {
  const { t } = useTranslation();
  const me = useMe();
  const search = useSearchPersons();
  const [searched, setSearched] = useState<{ values: IdentityValues; query: IdentityInput } | null>(null);
  const [registering, setRegistering] = useState(false);
  const form = useForm<IdentityValues>({
    initialValues: emptyIdentity,
    validate: {
      birthDate: identityRules.birthDate,
      estimatedAge: identityRules.estimatedAge,
      givenNames: (_v, all) =>
        all.givenNames.trim() || all.familyNames.trim() || all.documentNumber.trim()
          ? null
          : 'validation.nameOrDocument',
    },
  });
  const input = useInput(form);

  const handleSubmit = form.onSubmit((values) => {
    const query = toIdentity(values);
    search.mutate(query, { onSuccess: () => setSearched({ values, query }) });
  }, focusFirstInvalid);

  return (
    <Page title={t('registry.title')} description={t('registry.intro')}>
      <SectionNav group="registry" />
      <Paper withBorder p="md" component="section" aria-labelledby="registry-search-title">
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <div>
              <Title order={2} size="h3" id="registry-search-title">
                {t('registry.search.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('registry.search.help')}
              </Text>
            </div>
            <ErrorAlert error={search.error} />
            <IdentityFields
              input={input}
              values={form.values}
              setValue={(path, value) => form.setFieldValue(path, value)}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={search.isPending}>
                {t('registry.search.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {searched && search.data && (
        <Results
          result={search.data}
          onRegister={can(me.role, 'registry.write') ? () => setRegistering(true) : undefined}
        />
      )}
      {registering && searched && (
        <PersonFormModal initial={searched.values} onClose={() => setRegistering(false)} />
      )}
    </Page>
  );
}

function Results({ result, onRegister }: { result: SearchResult; onRegister?: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const birthDate = useBirthDate();
  const { candidates, compared } = result;
  return (
    <Stack gap="sm" component="section" aria-labelledby="registry-results-title">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="registry-results-title" aria-live="polite">
          {candidates.length
            ? t('registry.search.results', { count: candidates.length, compared })
            : t('registry.search.none', { compared })}
        </Title>
        {onRegister && (
          <Button variant={candidates.length ? 'default' : 'filled'} onClick={onRegister}>
            {t('registry.search.register')}
          </Button>
        )}
      </Group>
      {candidates.map((c) => (
        <Paper key={c.person.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Anchor component={Link} to={`/registry/persons/${c.person.id}`} fw={600}>
                {c.person.givenNames} {c.person.familyNames}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[
                  t(`registry.sexes.${c.person.sex}`),
                  birthDate(c.person.birthDate, c.person.birthDatePrecision),
                  vocab.country(c.person.nationality),
                ].join(' · ')}
              </Text>
            </div>
            <Group gap="xs">
              {c.person.inCentre && (
                <Badge variant="light" color="orange" tt="none">
                  {t('registry.search.inCentre')}
                </Badge>
              )}
              <Badge
                variant="filled"
                color={c.score >= 0.95 ? 'green' : c.score >= 0.5 ? 'yellow' : 'gray'}
                tt="none"
              >
                {t('registry.search.probability', { value: format.percent(c.score) })}
              </Badge>
            </Group>
          </Group>
          <Accordion variant="default" mt="xs" chevronPosition="left">
            <Accordion.Item value="why">
              <Accordion.Control>{t('registry.search.explain')}</Accordion.Control>
              <Accordion.Panel>
                <MatchExplanation explanation={c.explanation} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </Paper>
      ))}
    </Stack>
  );
}
