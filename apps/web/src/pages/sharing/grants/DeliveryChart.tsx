import { useMemo } from 'react';
import type { DeliveryPage } from '../../../api/sharing';
import { CategoryBarChart } from '../../../charts/CategoryBarChart';
import { useT } from '../../../i18n/useT';

/** Deliveries per day as bars; the chart's text alternative lists every day in words. */
export function DeliveryChart({ daily, summary }: { readonly daily: DeliveryPage['daily']; readonly summary: string }) {
  const t = useT();
  const chart = useMemo(() => {
    const list = daily
      .map((day) => t('share.log.dayItem', { day: day.day, deliveries: day.deliveries, rows: day.rows }))
      .join(t('common.listSeparator'));
    return {
      categories: daily.map((day) => day.day.slice(5)),
      values: daily.map((day) => day.deliveries),
      label: t('share.log.chartLabel', { summary, list }),
    };
  }, [daily, summary, t]);
  return (
    <CategoryBarChart
      categories={chart.categories}
      values={chart.values}
      seriesName={t('share.log.seriesName')}
      label={chart.label}
      height={220}
      testId="delivery-chart"
    />
  );
}
