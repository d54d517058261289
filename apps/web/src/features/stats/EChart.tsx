import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws is registered, so the bundle carries no other chart type.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Colours of the theme, dark enough for 3:1 against white (WCAG 1.4.11). */
export const CHART_COLORS = [
  '#1f62a0',
  '#c12727',
  '#a8500b',
  '#1f7a45',
  '#6b4fa0',
  '#4d5b6a',
  '#0e7490',
  '#7a5c00',
  '#9d174d',
];

/**
 * A chart drawn on a canvas. Screen readers get `label` (a one-line summary); the figures
 * themselves are in the data table beside every chart.
 */
export function EChart({
  option,
  label,
  height = 280,
  onSelect,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  /** A bar, point or slice clicked: its category's index (keyboard users have the data table's links). */
  onSelect?: (index: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') select.current?.(params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // Callers build a new option object on every render: the chart is redrawn only when its content changes.
  const latest = useRef(option);
  latest.current = option;
  const content = JSON.stringify(option);
  useEffect(() => {
    if (content) chart.current?.setOption(latest.current, true);
  }, [content]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

interface Series {
  name: string;
  data: (number | null)[];
  type?: 'bar' | 'line';
}

const axisLabel = { color: '#343a40', fontSize: 12 };

/** Bars (or lines) over categories; `horizontal` for long labels such as route names. */
export function categoryChart(
  categories: string[],
  series: Series[],
  options: { horizontal?: boolean; stack?: boolean; valueFormatter?: (v: number) => string } = {},
): ChartOption {
  // A few long categories (stages) are slanted so that each keeps its label; many (months) are thinned.
  const slanted = !options.horizontal && categories.length > 5 && categories.length <= 24;
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: {
      ...axisLabel,
      width: options.horizontal ? 170 : 90,
      overflow: 'truncate',
      interval: options.horizontal || categories.length <= 24 ? 0 : 'auto',
      rotate: slanted ? 35 : 0,
      hideOverlap: true,
    },
    inverse: options.horizontal,
  };
  const valueAxis = {
    type: 'value',
    axisLabel: { ...axisLabel, formatter: options.valueFormatter },
    minInterval: 1,
  };
  return {
    color: CHART_COLORS,
    animation: false,
    grid: {
      left: options.horizontal ? 180 : 48,
      right: 24,
      top: series.length > 1 ? 36 : 16,
      bottom: slanted ? 72 : 32,
      containLabel: false,
    },
    tooltip: { trigger: 'axis', valueFormatter: options.valueFormatter },
    legend: series.length > 1 ? { type: 'scroll', top: 0, textStyle: axisLabel } : undefined,
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: s.type ?? 'bar',
      data: s.data.map((v) => (v === null ? '-' : v)),
      stack: options.stack ? 'total' : undefined,
      connectNulls: false,
      barMaxWidth: 36,
      symbolSize: 6,
    })),
  };
}
