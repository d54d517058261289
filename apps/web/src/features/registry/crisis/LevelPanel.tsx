import type { Crisis, CrisisTrigger } from '@enlace/shared';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../hooks/useFormat';

/**
 * The look of each level: the level is always said in words, the colour only adds to it. Text and
 * background keep 4.5:1 (dark text on yellow and orange, white on the dark red and purple).
 */
const LEVEL_LOOKS = [
  { color: 'dark', variant: 'outline', c: undefined },
  { color: 'yellow.4', variant: 'filled', c: 'black' },
  { color: 'orange.5', variant: 'filled', c: 'black' },
  { color: 'red.9', variant: 'filled', c: undefined },
  { color: 'grape.9', variant: 'filled', c: undefined },
] as const;

export function LevelBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <Badge {...(LEVEL_LOOKS[level] ?? LEVEL_LOOKS[0])} tt="none" size="lg">
      {level === 0
        ? t('registryCrisis.names.0')
        : `${t('registryCrisis.levelOf', { level })} — ${t(`registryCrisis.names.${level}` as never)}`}
    </Badge>
  );
}

/** Why a level holds, in words: the threshold met and its value, or a declaration. */
export function useTriggerText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (trigger: CrisisTrigger) => {
    if (trigger.kind === 'declared') return t('registryCrisis.why.declared');
    if (trigger.kind !== 'threshold' || !trigger.criterion) return t('registryCrisis.why.none');
    const pct = trigger.criterion !== 'arrivals_24h';
    const shown = (v: number | null) => (v === null ? '—' : pct ? format.percent(v / 100) : format.number(v));
    return t('registryCrisis.why.threshold', {
      criterion: t(`registryCrisis.criteria.${trigger.criterion}`),
      value: shown(trigger.value),
      threshold: shown(trigger.threshold),
    });
  };
}

/** The level now, in words and colour, what holds it, and the figures it is computed from. */
export function LevelPanel({ crisis }: { crisis: Crisis }) {
  const { t } = useTranslation();
  const format = useFormat();
  const triggerText = useTriggerText();
  const f = crisis.figures;
  const pct = (v: number | null) =>
    v === null ? t('registryCrisis.figures.unknown') : format.percent(v / 100);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="crisis-level-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="crisis-level-title">
          {t('registryCrisis.levelNow')}
        </Title>
        <Group gap="md" align="center">
          <LevelBadge level={crisis.level} />
          {crisis.since && crisis.level > 0 && (
            <Text size="sm">{t('registryCrisis.since', { when: format.dateTime(crisis.since) })}</Text>
          )}
        </Group>
        <Text data-testid="crisis-trigger">{triggerText(crisis.trigger)}</Text>
        {crisis.declared && (
          <Text size="sm">
            {t('registryCrisis.declared.by', {
              level: crisis.declared.level,
              name: crisis.declared.byName ?? t('registryCrisis.declared.someone'),
              when: format.dateTime(crisis.declared.at),
              reason: crisis.declared.reason,
            })}
          </Text>
        )}
        <Title order={3} size="h5" mt="xs">
          {t('registryCrisis.figures.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
          {[
            ['places', format.number(f.places)],
            ['occupied', format.number(f.occupied)],
            ['countryOccupancy', pct(f.countryOccupancyPct)],
            ['centreOccupancy', pct(f.centreOccupancyPct)],
            ['arrivals', format.number(f.arrivals24h)],
          ].map(([key, value]) => (
            <div key={key}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`registryCrisis.figures.${key}` as never)}
              </Text>
              <Text component="dd" m={0} fw={600} className="tabular">
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
