import { useMemo } from 'react';
import { COLORS } from '../theme';
import { EChart } from './EChart';
import { escapeHtml } from './escapeHtml';

export interface RateBarChartProps {
  readonly categories: readonly string[];
  /** Percentages, 0–100, one per category. */
  readonly percents: readonly number[];
  /** Tooltip lines per category (plain text, escaped here), e.g. the counts behind the rate. */
  readonly details: readonly (readonly string[])[];
  readonly seriesName: string;
  /** The chart's text alternative (its data in words). */
  readonly label: string;
  readonly testId?: string;
}

/** Green from 90 %, blue from 60 %, red below: the printed value says the same in words. */
function colorOf(value: number): string {
  if (value >= 90) return COLORS.success;
  if (value >= 60) return COLORS.primary;
  return COLORS.error;
}

/** Horizontal bars of a percentage per category (0–100 %), values printed, details in the tooltip. */
export function RateBarChart({ categories, percents, details, seriesName, label, testId }: RateBarChartProps) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const first: unknown = Array.isArray(params) ? params[0] : params;
          const index = typeof first === 'object' && first !== null && 'dataIndex' in first ? Number(first.dataIndex) : 0;
          const lines = [`<strong>${escapeHtml(categories[index] ?? '')}</strong>`, ...(details[index] ?? []).map(escapeHtml)];
          return lines.join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { color: '#444', formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#e8ecf2' } },
      },
      yAxis: {
        type: 'category',
        data: [...categories],
        inverse: true,
        axisLabel: { color: '#333', fontSize: 13, interval: 0, width: 200, overflow: 'truncate' },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#c5cedb' } },
      },
      series: [
        {
          type: 'bar',
          name: seriesName,
          data: percents.map((value) => ({ value, itemStyle: { color: colorOf(value), borderRadius: [0, 3, 3, 0] } })),
          barMaxWidth: 22,
          label: { show: true, position: 'right', color: '#333', formatter: '{c}%' },
        },
      ],
    }),
    [categories, percents, details, seriesName],
  );
  return <EChart option={option} height={Math.max(140, 48 + categories.length * 38)} label={label} testId={testId} />;
}
