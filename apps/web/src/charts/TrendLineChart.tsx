import { useMemo } from 'react';
import { COLORS } from '../theme';
import { EChart } from './EChart';

export interface TrendPoint {
  /** The category label under the point (a date, a time). */
  readonly label: string;
  readonly value: number;
  /** Drawn larger and in red (e.g. a score taken while the data was overdue). */
  readonly flagged?: boolean;
}

export interface TrendLineChartProps {
  readonly points: readonly TrendPoint[];
  readonly seriesName: string;
  /** The chart's text alternative (its data in words). */
  readonly label: string;
  readonly min?: number;
  readonly max?: number;
  readonly height?: number;
  readonly testId?: string;
}

/** One series over time as a line, flagged points in red, the values in the tooltip. */
export function TrendLineChart({ points, seriesName, label, min, max, height = 260, testId }: TrendLineChartProps) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: points.map((point) => point.label),
        axisLabel: { color: '#444' },
        axisLine: { lineStyle: { color: '#c5cedb' } },
      },
      yAxis: {
        type: 'value',
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        axisLabel: { color: '#444' },
        splitLine: { lineStyle: { color: '#e8ecf2' } },
      },
      series: [
        {
          type: 'line',
          name: seriesName,
          data: points.map((point) =>
            point.flagged
              ? { value: point.value, symbolSize: 10, itemStyle: { color: COLORS.error } }
              : { value: point.value, itemStyle: { color: COLORS.primary } },
          ),
          symbolSize: 7,
          lineStyle: { color: COLORS.primary, width: 2 },
          areaStyle: { color: 'rgba(26, 86, 184, 0.08)' },
        },
      ],
    }),
    [points, seriesName, min, max],
  );
  return <EChart option={option} height={height} label={label} testId={testId} />;
}
