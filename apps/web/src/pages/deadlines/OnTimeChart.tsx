import type { OnTimeRow } from '@gongshu/contracts';
import { useMemo } from 'react';
import { RateBarChart } from '../../charts/RateBarChart';
import { EmptyText } from '../../components/EmptyText';
import { useI18n } from '../../i18n/useT';
import { percent } from './onTime';

export interface OnTimeChartProps {
  /** Sorted as they should appear, highest rate first. */
  readonly rows: readonly OnTimeRow[];
  readonly title: string;
  readonly testId: string;
}

/** On-time rate per agency or step as bars (R33.1); the counts behind each rate in the tooltip. */
export function OnTimeChart({ rows, title, testId }: OnTimeChartProps) {
  const { t, pick } = useI18n();
  const chart = useMemo(() => {
    // Rows with nothing due have no rate: the text alternative names them, the bars leave them out.
    const rated = rows.filter((row) => row.rate !== null);
    const summary = rows
      .map((row) =>
        t('onTime.rowSummary', {
          label: pick(row.label),
          rate: row.rate === null ? t('onTime.noRate') : percent(row.rate),
          onTime: row.metOnTime,
          late: row.metLate,
          overdue: row.overdue,
          open: row.open,
        }),
      )
      .join(t('common.listSeparator'));
    return {
      categories: rated.map((row) => pick(row.label)),
      percents: rated.map((row) => Math.round((row.rate ?? 0) * 1000) / 10),
      details: rated.map((row) => [
        `${t('onTime.rate')} ${percent(row.rate)}`,
        `${t('onTime.metOnTime')} ${row.metOnTime}`,
        `${t('onTime.metLate')} ${row.metLate}`,
        `${t('onTime.overdue')} ${row.overdue}`,
        `${t('onTime.open')} ${row.open}`,
      ]),
      label: t('onTime.chartLabel', { title, summary }),
    };
  }, [rows, title, t, pick]);

  if (chart.categories.length === 0) return <EmptyText>{t('onTime.empty')}</EmptyText>;
  return (
    <RateBarChart
      categories={chart.categories}
      percents={chart.percents}
      details={chart.details}
      seriesName={t('onTime.rate')}
      label={chart.label}
      testId={testId}
    />
  );
}
