import { useMemo } from 'react';
import type { DerivativeCheck } from '../../../api/derivatives';
import { EChart } from '../../../charts/EChart';
import { useT } from '../../../i18n/useT';
import { COLORS } from '../../../theme';

/** Sizes above this are one bar (the server groups them the same way). */
const CAP = 50;

/**
 * How many equivalence classes have each size, against k (R18.4): bars below k in red, the rest
 * in green, so the steward sees which generalization would lift the smallest classes.
 */
export function ClassSizeChart({ check }: { readonly check: DerivativeCheck }) {
  const t = useT();
  const categories = check.histogram.map((h) => (h.size > CAP ? t('open.derivatives.chart.more', { n: CAP }) : String(h.size)));
  const summary = check.histogram
    .map((h, i) => t('open.derivatives.chart.item', { size: categories[i] ?? String(h.size), classes: h.classes }))
    .join('；');
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 28, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        name: t('open.derivatives.chart.axis'),
        nameLocation: 'middle',
        nameGap: 28,
        data: categories,
        axisLabel: { color: '#333' },
        axisTick: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#444' }, splitLine: { lineStyle: { color: '#e8ecf2' } } },
      series: [
        {
          type: 'bar',
          name: t('open.derivatives.chart.series'),
          barMaxWidth: 36,
          data: check.histogram.map((h) => ({ value: h.classes, itemStyle: { color: h.size < check.k ? COLORS.error : COLORS.success } })),
          label: { show: check.histogram.length <= 30, position: 'top', color: '#333' },
        },
      ],
    }),
    [categories, check, t],
  );
  return (
    <figure style={{ margin: 0 }}>
      <EChart
        option={option}
        height={260}
        label={t('open.derivatives.chart.label', { k: check.k, summary })}
        testId="derivative-class-chart"
      />
      <figcaption style={{ color: '#555', fontSize: 13 }}>{t('open.derivatives.chart.legend', { k: check.k })}</figcaption>
    </figure>
  );
}
