import type { QualityView } from '@gongshu/contracts';
import { useMemo } from 'react';
import { TrendLineChart } from '../../charts/TrendLineChart';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';

type History = QualityView['history'];

/** The quality score after each load as a line (0–100); scores taken while overdue in red (R11.1). */
export function ScoreHistoryChart({ history, summary }: { readonly history: History; readonly summary: string }) {
  const { t, lang } = useI18n();
  const chart = useMemo(() => {
    const points = history.map((entry) => ({
      label: formatDateTime(lang, entry.computedAt),
      value: entry.score,
      flagged: entry.overdue,
    }));
    const list = history
      .map((entry) =>
        t(entry.overdue ? 'data.history.pointOverdue' : 'data.history.point', {
          at: formatDateTime(lang, entry.computedAt),
          score: entry.score,
        }),
      )
      .join(t('common.listSeparator'));
    return { points, label: t('data.history.chartLabel', { summary, list }) };
  }, [history, summary, t, lang]);
  return (
    <TrendLineChart
      points={chart.points}
      seriesName={t('data.score.label')}
      label={chart.label}
      min={0}
      max={100}
      testId="score-history-chart"
    />
  );
}
