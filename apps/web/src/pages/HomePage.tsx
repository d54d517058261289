import { can, type Home, type HomeTask, isPublicSource } from '@enlace/shared';
import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { Page } from '../components/Page';
import { useMe } from '../features/auth/auth.queries';
import { useHome } from '../features/home/home.queries';
import { useVocab } from '../features/incidents/vocabulary';
import { useFormat } from '../hooks/useFormat';
import { useCountryName } from '../hooks/useLabels';
import { adminPagesFor, capabilitiesFor, capabilityPath } from '../navigation';

/** Where each kind of waiting item is dealt with. */
const TASK_PATHS: Record<HomeTask, string> = {
  mfa_off: '/profile#mfa',
  users_must_change_password: '/admin/users',
  users_without_mfa: '/admin/users',
  inventory_due: '/stats/databases',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A short list of records: each a link with a line of detail under it. */
function RecordList({ items }: { items: { key: string; href: string; title: ReactNode; detail: string }[] }) {
  return (
    <Stack component="ul" gap="sm" className="plain-list" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((i) => (
        <li key={i.key}>
          <Anchor component={Link} to={i.href} fw={600} size="sm">
            {i.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {i.detail}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function Tasks({ tasks }: { tasks: Home['tasks'] }) {
  const { t } = useTranslation();
  return (
    <Section id="home-tasks" title={t('workQueue.tasksTitle')}>
      {tasks.length === 0 ? (
        <Text size="sm">{t('workQueue.tasksEmpty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {tasks.map((task) => (
            <li key={task.kind} data-testid={`task-${task.kind}`}>
              <Text size="sm">
                {t(`workQueue.task.${task.kind}`, { count: task.count })}{' '}
                <Anchor component={Link} to={TASK_PATHS[task.kind]} fw={600}>
                  {t(`workQueue.taskAction.${task.kind}`)}
                </Anchor>
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const countryName = useCountryName();
  const vocab = useVocab();
  const format = useFormat();
  const home = useHome();
  const capabilities = capabilitiesFor(me.role);
  const adminPages = adminPagesFor(me.role);
  const data = home.data;

  return (
    <Page
      title={t('home.title')}
      description={t('home.greeting', {
        name: me.displayName,
        role: t(`roles.${me.role}`),
        country: countryName(me.countryCode),
      })}
    >
      <ErrorAlert error={home.error} />
      {home.isPending && <Loader aria-label={t('a11y.loading')} />}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Tasks tasks={data.tasks} />
          {data.shared && (
            <Section
              id="home-shared"
              title={t('workQueue.sharedTitle', { country: countryName(me.countryCode) })}
            >
              {data.shared.items.length === 0 ? (
                <Text size="sm">{t('workQueue.sharedEmpty')}</Text>
              ) : (
                <Stack gap="xs">
                  {data.shared.unopened > 0 && (
                    <Text size="sm">{t('workQueue.sharedUnopened', { count: data.shared.unopened })}</Text>
                  )}
                  <RecordList
                    items={data.shared.items.map((c) => ({
                      key: c.id,
                      href: `/cases/${c.id}`,
                      title: (
                        <>
                          {c.reference} · {c.title}
                          {!c.opened && (
                            <Badge size="xs" ml={6} variant="filled" tt="none">
                              {t('workQueue.new')}
                            </Badge>
                          )}
                        </>
                      ),
                      detail: t('workQueue.sharedDetail', {
                        country: countryName(c.countryCode),
                        stage: vocab.fixed('caseStage', c.stage),
                        date: format.dateTime(c.sharedAt),
                      }),
                    }))}
                  />
                </Stack>
              )}
            </Section>
          )}
          {data.recentIncidents && (
            <Section id="home-incidents" title={t('workQueue.incidentsTitle')}>
              {data.recentIncidents.length === 0 ? (
                <Text size="sm">
                  {t('workQueue.incidentsEmpty')}{' '}
                  {can(me.role, 'incidents.write') && (
                    <Anchor component={Link} to="/incidents/new" fw={600}>
                      {t('workQueue.incidentsEmptyAction')}
                    </Anchor>
                  )}
                </Text>
              ) : (
                <RecordList
                  items={data.recentIncidents.map((i) => ({
                    key: i.id,
                    href: `/incidents/${i.id}`,
                    title: `${i.reference} · ${vocab.term('incident_kind', i.kind)}`,
                    detail: [
                      format.day(i.occurredOn),
                      i.placeName,
                      isPublicSource(i.source) ? t(`statsSources.sourceName.${i.source}`) : null,
                      t('workQueue.changedAt', { date: format.dateTime(i.updatedAt) }),
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  }))}
                />
              )}
            </Section>
          )}
          {data.recentCases && (
            <Section id="home-cases" title={t('workQueue.casesTitle')}>
              {data.recentCases.length === 0 ? (
                <Text size="sm">
                  {t(can(me.role, 'cases.write') ? 'workQueue.casesEmptyWrite' : 'workQueue.casesEmptyRead')}{' '}
                  <Anchor component={Link} to="/cases" fw={600}>
                    {t('workQueue.casesEmptyAction')}
                  </Anchor>
                </Text>
              ) : (
                <RecordList
                  items={data.recentCases.map((c) => ({
                    key: c.id,
                    href: `/cases/${c.id}`,
                    title: `${c.reference} · ${c.title}`,
                    detail: `${vocab.fixed('caseStage', c.stage)} · ${t('workQueue.changedAt', {
                      date: format.dateTime(c.updatedAt),
                    })}`,
                  }))}
                />
              )}
            </Section>
          )}
        </SimpleGrid>
      )}

      <nav aria-labelledby="home-goto">
        <Title order={2} size="h5" id="home-goto" mb={6}>
          {t('workQueue.gotoTitle')}
        </Title>
        <Group gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {capabilities.map((c) => (
            <li key={c.key}>
              <Anchor component={Link} to={capabilityPath(me.role, c.key, c.path)} size="sm">
                {t(`capabilities.${c.key}.title`)}
              </Anchor>
            </li>
          ))}
          {adminPages.map((p) => (
            <li key={p.key}>
              <Anchor component={Link} to={p.path} size="sm">
                {t(`admin.${p.key}.title`)}
              </Anchor>
            </li>
          ))}
        </Group>
      </nav>
    </Page>
  );
}
