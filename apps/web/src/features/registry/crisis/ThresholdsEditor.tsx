import {
  type Crisis,
  CRISIS_FOCAL_POINTS_MAX,
  type CrisisLevelThreshold,
  crisisLevelThresholdSchema,
  crisisOrderErrors,
} from '@enlace/shared';
import { Button, Fieldset, Group, MultiSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NumberField } from '../../../components/NumberField';
import { numberRules, parseNumberText } from '../../../components/number-text';
import { focusFirstInvalid } from '../../../hooks/useFieldError';
import { useFormat } from '../../../hooks/useFormat';
import { useLooseT } from '../../../hooks/useLooseT';
import { useCountryFocalPoints, useSetThresholds } from './crisis.queries';

const NUMBER_FIELDS = ['countryOccupancyPct', 'centreOccupancyPct', 'arrivals24h'] as const;
type NumberKey = (typeof NUMBER_FIELDS)[number];
const RULES: Record<NumberKey, ReturnType<typeof numberRules>> = {
  countryOccupancyPct: numberRules(crisisLevelThresholdSchema.shape.countryOccupancyPct),
  centreOccupancyPct: numberRules(crisisLevelThresholdSchema.shape.centreOccupancyPct),
  arrivals24h: numberRules(crisisLevelThresholdSchema.shape.arrivals24h),
};
const LABELS: Record<NumberKey, string> = {
  countryOccupancyPct: 'registryCrisis.thresholds.countryOccupancy',
  centreOccupancyPct: 'registryCrisis.thresholds.centreOccupancy',
  arrivals24h: 'registryCrisis.thresholds.arrivals',
};

/** A level as the form holds it: the numbers as typed. */
type Draft = { level: CrisisLevelThreshold['level']; notify: string[] } & Record<NumberKey, string>;

const draftOf = (crisis: Crisis): Draft[] =>
  crisis.thresholds.levels.map((l) => ({
    level: l.level,
    notify: l.notify,
    countryOccupancyPct: l.countryOccupancyPct === null ? '' : String(l.countryOccupancyPct),
    centreOccupancyPct: l.centreOccupancyPct === null ? '' : String(l.centreOccupancyPct),
    arrivals24h: l.arrivals24h === null ? '' : String(l.arrivals24h),
  }));

/**
 * The four levels' thresholds and focal points. The numbers stay as typed (NumberField); the
 * ordering rule is the shared one the server applies, so the form says the same thing first.
 */
export function ThresholdsEditor({ crisis }: { crisis: Crisis }) {
  const { t } = useTranslation();
  const looseT = useLooseT();
  const format = useFormat();
  const save = useSetThresholds();
  const entries = useCountryFocalPoints(crisis.countryCode);
  const editable = crisis.abilities.configure;
  const [draft, setDraft] = useState<Draft[]>(() => draftOf(crisis));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const set = (i: number, patch: Partial<Draft>) =>
    setDraft((d) => d.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const options = (entries.data?.items ?? []).map((e) => ({
    value: e.id,
    label: e.userId
      ? `${e.name} — ${e.function}`
      : t('registryCrisis.thresholds.noAccount', { name: e.name }),
    disabled: !e.userId,
  }));
  // Entries named before the directory list loads (or beyond its first page) keep their names.
  for (const l of crisis.thresholds.levels)
    for (const f of l.focalPoints)
      if (!options.some((o) => o.value === f.entryId))
        options.push({ value: f.entryId, label: `${f.name} — ${f.function}`, disabled: !f.reachable });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const parsed = draft.map((l, i) => {
      const values = {} as Record<NumberKey, number | null>;
      for (const k of NUMBER_FIELDS) {
        const p = parseNumberText(l[k], RULES[k]);
        if (p.ok) values[k] = p.value;
        else {
          next[`levels.${i}.${k}`] = looseT(`api:${p.error.key}`, p.error.params);
          values[k] = null;
        }
      }
      return { level: l.level, notify: l.notify, ...values };
    });
    if (!Object.keys(next).length)
      for (const e of crisisOrderErrors(parsed)) next[e.path] = looseT(`api:errors.${e.code}`, e.params);
    setErrors(next);
    if (Object.keys(next).length) {
      focusFirstInvalid();
      return;
    }
    // The promise, not mutate()'s callbacks: the saved thresholds come back with a new
    // `updatedAt`, which remounts this editor (CrisisPage keys it so), and a remounted
    // component's mutate() callbacks never run — the notice was lost when the refetch won.
    save.mutateAsync({ levels: parsed }).then(
      (saved) => {
        setDraft(draftOf(saved));
        notifications.show({ color: 'green', message: t('registryCrisis.thresholds.saved') });
      },
      (error: unknown) => {
        if (!isApiError(error)) return;
        setErrors(Object.fromEntries(error.fieldErrors.map((f) => [f.path, f.message])));
        focusFirstInvalid();
      },
    );
  };

  const notifyError = (i: number) =>
    Object.entries(errors).find(([path]) => path.startsWith(`levels.${i}.notify`))?.[1];
  const updated = crisis.thresholds.updatedAt;

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="crisis-thresholds-title">
      <Stack gap="md">
        <div>
          <Title order={2} id="crisis-thresholds-title">
            {t('registryCrisis.thresholds.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4} maw={760}>
            {t('registryCrisis.thresholds.intro')}
          </Text>
          <Text size="sm" mt={4}>
            {updated
              ? t('registryCrisis.thresholds.updated', {
                  name: crisis.thresholds.updatedByName ?? '—',
                  when: format.dateTime(updated),
                })
              : t('registryCrisis.thresholds.never')}
          </Text>
          {!editable && (
            <Text size="sm" mt={4}>
              {t('registryCrisis.thresholds.readOnly')}
            </Text>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {draft.map((l, i) => (
            <Fieldset
              key={l.level}
              legend={t('registryCrisis.thresholds.level', {
                level: l.level,
                name: t(`registryCrisis.names.${l.level}` as never),
              })}
              disabled={!editable}
            >
              <Stack gap="sm">
                {NUMBER_FIELDS.map((k) => (
                  <NumberField
                    key={k}
                    id={`crisis-${l.level}-${k}`}
                    label={t(LABELS[k] as never)}
                    value={l[k]}
                    onChange={(text) => set(i, { [k]: text })}
                    rules={RULES[k]}
                    error={errors[`levels.${i}.${k}`]}
                  />
                ))}
                <MultiSelect
                  id={`crisis-${l.level}-notify`}
                  label={t('registryCrisis.thresholds.notify')}
                  description={t('registryCrisis.thresholds.notifyHint')}
                  data={options}
                  value={l.notify}
                  onChange={(notify) => set(i, { notify })}
                  maxValues={CRISIS_FOCAL_POINTS_MAX}
                  searchable
                  clearable
                  error={notifyError(i)}
                />
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        {save.error && !(isApiError(save.error) && save.error.fieldErrors.length) ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('registryCrisis.thresholds.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
