import type { CentreResourcesHistory, Occupancy } from '@enlace/shared';
import { SegmentedControl, Select } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Cell, ChartCard, count } from '../../stats/ChartCard';
import { categoryChart } from '../../stats/EChart';
import { useVocab } from '../../incidents/vocabulary';
import { useFormat } from '../../../hooks/useFormat';
import { useResources } from '../registry.queries';

const BREAKDOWNS = ['sex', 'ageGroup', 'nationality'] as const;
type Breakdown = (typeof BREAKDOWNS)[number];
/** Nationalities drawn one by one; the rest are summed as "other nationalities". */
const NATIONALITIES_SHOWN = 6;

/** On a phone the choices are stacked: "Presupuesto por moneda" beside another does not fit 390 px. */
function useChoiceOrientation(): 'horizontal' | 'vertical' {
  return useMediaQuery('(max-width: 36em)') ? 'vertical' : 'horizontal';
}

interface Group {
  key: string;
  name: string;
  counts: number[];
}

/** The residents at the end of each day of the range, by sex, age group or nationality. */
export function ResidentsOverTime({ occupancy }: { occupancy: Occupancy }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const [by, setBy] = useState<Breakdown>('sex');
  const orientation = useChoiceOrientation();
  const o = occupancy.residentsOverTime;
  const labels = o.dates.map((d) => format.day(d));
  let groups: Group[];
  if (by === 'sex')
    groups = o.bySex.map((g) => ({ key: g.sex, name: t(`registry.sexes.${g.sex}`), counts: g.counts }));
  else if (by === 'ageGroup')
    groups = o.byAgeGroup.map((g) => ({
      key: g.ageGroup,
      name: t(`registry.ageGroups.${g.ageGroup}`),
      counts: g.counts,
    }));
  else {
    const shown = o.byNationality.slice(0, NATIONALITIES_SHOWN);
    const rest = o.byNationality.slice(NATIONALITIES_SHOWN);
    groups = shown.map((g) => ({ key: g.nationality, name: vocab.country(g.nationality), counts: g.counts }));
    if (rest.length > 0)
      groups.push({
        key: 'other',
        name: t('registryMore.otherNationalities', { count: rest.length }),
        counts: o.dates.map((_, i) => rest.reduce((a, g) => a + (g.counts[i] ?? 0), 0)),
      });
  }
  // A group nobody belonged to in the range adds nothing to the chart (its row stays in the table).
  const drawn = groups.filter((g) => g.counts.some((n) => n > 0));
  const peak = Math.max(0, ...o.total);
  const last = o.total.at(-1) ?? 0;
  return (
    <ChartCard
      title={t('registryMore.residentsOverTime')}
      summary={t('registryMore.residentsSummary', {
        by: t(`registryMore.by.${by}`),
        peak: format.number(peak),
        last: format.number(last),
        day: labels.at(-1) ?? '',
      })}
      empty={peak === 0}
      option={categoryChart(
        labels,
        drawn.map((g) => ({ name: g.name, data: g.counts })),
        { stack: true },
      )}
      note={t('registryMore.residentsNote')}
      table={{
        columns: [t('registry.centre.day'), ...groups.map((g) => g.name), t('registry.centre.total')],
        rows: o.dates.map((d, i) => ({
          key: d,
          label: labels[i] ?? d,
          cells: [...groups.map((g) => count(g.counts[i] ?? 0)), count(o.total[i] ?? 0)],
        })),
      }}
    >
      <SegmentedControl
        aria-label={t('registryMore.breakdown')}
        orientation={orientation}
        value={by}
        onChange={(v) => setBy(v as Breakdown)}
        data={BREAKDOWNS.map((b) => ({ value: b, label: t(`registryMore.by.${b}`) }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
    </ChartCard>
  );
}

type ResourceView = 'staff' | 'budget';

/** The resources chart of a centre, once something is declared. */
export function CentreResourcesOverTime({ centreId }: { centreId: string }) {
  const resources = useResources(centreId);
  if (!resources.data || resources.data.series.dates.length === 0) return null;
  return <ResourcesOverTime resources={resources.data} />;
}

/** The resources declared over time: staff by role, or the budget of one currency by declaration. */
export function ResourcesOverTime({ resources }: { resources: CentreResourcesHistory }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [view, setView] = useState<ResourceView>('staff');
  const orientation = useChoiceOrientation();
  const { series } = resources;
  const [currency, setCurrency] = useState<string | null>(series.budget[0]?.currency ?? null);
  const labels = series.dates.map((d) => format.day(d));
  const roles = series.staff.filter((s) => s.counts.some((n) => n > 0));
  const budget = series.budget.find((b) => b.currency === currency) ?? series.budget[0];
  const totals = series.dates.map((_, i) => series.staff.reduce((a, s) => a + (s.counts[i] ?? 0), 0));
  const money = (value: number, cur: string): Cell => ({ kind: 'money', value, currency: cur });
  const staffView = view === 'staff' || !budget;
  return (
    <ChartCard
      title={t('registryMore.resourcesOverTime')}
      summary={
        staffView
          ? t('registryMore.staffSummary', {
              count: series.dates.length,
              first: format.number(totals[0] ?? 0),
              last: format.number(totals.at(-1) ?? 0),
            })
          : t('registryMore.budgetSummary', {
              count: series.dates.length,
              currency: budget.currency,
              last: format.decimal(budget.amounts.at(-1) ?? 0, 2),
            })
      }
      empty={series.dates.length === 0}
      option={
        staffView
          ? categoryChart(
              labels,
              roles.map((r) => ({ name: t(`registry.staffRoles.${r.role}`), data: r.counts })),
              { stack: true },
            )
          : categoryChart(labels, [{ name: budget.currency, data: budget.amounts }], {
              valueFormatter: (v) => `${format.decimal(v, 2)} ${budget.currency}`,
            })
      }
      table={
        staffView
          ? {
              columns: [
                t('registry.centre.asOf'),
                ...roles.map((r) => t(`registry.staffRoles.${r.role}`)),
                t('registry.centre.total'),
              ],
              rows: series.dates.map((d, i) => ({
                key: d,
                label: labels[i] ?? d,
                cells: [...roles.map((r) => count(r.counts[i] ?? 0)), count(totals[i] ?? 0)],
              })),
            }
          : {
              columns: [t('registry.centre.asOf'), ...series.budget.map((b) => b.currency)],
              rows: series.dates.map((d, i) => ({
                key: d,
                label: labels[i] ?? d,
                cells: series.budget.map((b) => money(b.amounts[i] ?? 0, b.currency)),
              })),
            }
      }
    >
      {series.budget.length > 0 && (
        <SegmentedControl
          aria-label={t('registryMore.resourcesView')}
          orientation={orientation}
          value={view}
          onChange={(v) => setView(v as ResourceView)}
          data={[
            { value: 'staff', label: t('registryMore.staffByRole') },
            { value: 'budget', label: t('registryMore.budgetByCurrency') },
          ]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
      )}
      {!staffView && series.budget.length > 1 && (
        <Select
          label={t('registry.centre.currency')}
          value={budget.currency}
          onChange={setCurrency}
          allowDeselect={false}
          data={series.budget.map((b) => b.currency)}
          w={160}
        />
      )}
    </ChartCard>
  );
}
