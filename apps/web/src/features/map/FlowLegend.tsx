import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';
import { arrowSize, type FlowSelection, flowWidth, legendSteps } from './flows';

const COLOUR = '#a8500b';

/** One sample of a flow line at the width the map gives `incidents`, with its arrowhead. */
function FlowSample({ width }: { width: number }) {
  const head = arrowSize(width);
  const h = Math.ceil(head.width) + 2;
  const mid = h / 2;
  const end = 56;
  return (
    <svg width={end + 2} height={h} aria-hidden="true" focusable="false" className="legend-flow-sample">
      <line x1={2} y1={mid} x2={end - head.length * 0.8} y2={mid} stroke={COLOUR} strokeWidth={width} />
      <polygon
        points={`${end - head.length},${mid - head.width / 2} ${end},${mid} ${end - head.length},${mid + head.width / 2}`}
        fill={COLOUR}
      />
    </svg>
  );
}

/**
 * What a flow line's width means at the current zoom: sample widths for round numbers of
 * incidents up to the largest route, and how many smaller routes are left off the map.
 */
export function FlowLegend({
  selection,
  zoom,
}: {
  selection: FlowSelection<{ incidents: number; origin: string | null; destination: string | null }>;
  zoom: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = legendSteps(selection.largest);
  if (steps.length === 0) return null;
  return (
    <Stack gap={4} mt="sm" data-testid="flow-legend">
      <Text size="sm" fw={600} id="flow-legend-width">
        {t('map.flowLegendWidth')}
      </Text>
      <Group gap="lg" component="ul" aria-labelledby="flow-legend-width" className="legend-flow-steps">
        {steps.map((n) => (
          <Group key={n} gap={6} wrap="nowrap" component="li">
            <FlowSample width={flowWidth(n, selection.largest, zoom)} />
            <Text size="sm">{t('map.flowLegendStep', { count: n, n: format.number(n) })}</Text>
          </Group>
        ))}
      </Group>
      {selection.hidden > 0 && (
        <Text size="xs" c="dimmed" data-testid="flows-hidden">
          {t('map.flowsHidden', {
            count: selection.hidden,
            shown: selection.shown.length,
            incidents: format.number(selection.hiddenIncidents),
          })}
        </Text>
      )}
    </Stack>
  );
}
