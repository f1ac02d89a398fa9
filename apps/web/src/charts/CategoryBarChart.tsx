import { useMemo } from 'react';
import { COLORS } from '../theme';
import { EChart } from './EChart';

export interface CategoryBarChartProps {
  readonly categories: readonly string[];
  readonly values: readonly number[];
  readonly seriesName: string;
  /** The chart's text alternative (its data in words). */
  readonly label: string;
  /** Bars run left to right, categories down the side in the given order (for long labels). */
  readonly horizontal?: boolean;
  readonly height?: number;
  readonly testId?: string;
}

/** One series of counts per category, with the values printed on the bars. */
export function CategoryBarChart({
  categories,
  values,
  seriesName,
  label,
  horizontal = false,
  height = 320,
  testId,
}: CategoryBarChartProps) {
  const option = useMemo(() => {
    const categoryAxis = {
      type: 'category',
      data: [...categories],
      // Horizontal charts list categories top to bottom, in reading order.
      inverse: horizontal,
      axisLabel: { color: '#333', fontSize: 13, interval: 0 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c5cedb' } },
    };
    const valueAxis = { type: 'value', minInterval: 1, axisLabel: { color: '#444' }, splitLine: { lineStyle: { color: '#e8ecf2' } } };
    return {
      grid: { left: 8, right: horizontal ? 40 : 16, top: horizontal ? 8 : 28, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [
        {
          type: 'bar',
          name: seriesName,
          data: [...values],
          barMaxWidth: horizontal ? 22 : 36,
          itemStyle: { color: COLORS.primary, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
          label: { show: true, position: horizontal ? 'right' : 'top', color: '#333' },
        },
      ],
    };
  }, [categories, values, seriesName, horizontal]);
  return <EChart option={option} height={height} label={label} testId={testId} />;
}
