import { CategoryBarChart } from '../../../charts/CategoryBarChart';
import { useT } from '../../../i18n/useT';

/** Open resources per sector or per class as a horizontal bar chart (its data also in words). */
export function DistributionChart({
  categories,
  values,
  summary,
}: {
  readonly categories: readonly string[];
  readonly values: readonly number[];
  readonly summary: string;
}) {
  const t = useT();
  return (
    <CategoryBarChart
      horizontal
      height={Math.max(200, 36 * categories.length + 40)}
      categories={categories}
      values={values}
      seriesName={t('open.portal.chart.seriesName')}
      label={t('open.portal.chart.label', { summary })}
      testId="sector-chart"
    />
  );
}
