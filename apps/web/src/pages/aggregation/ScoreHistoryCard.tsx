import type { QualityView } from '@gongshu/contracts';
import { Card, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { EmptyText } from '../../components/EmptyText';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';

// ECharts loads only when there is a history to draw.
const ScoreHistoryChart = lazy(() => import('./ScoreHistoryChart').then((module) => ({ default: module.ScoreHistoryChart })));

/** 评分趋势: the score after each load, with its summary in words (the chart's text alternative). */
export function ScoreHistoryCard({ history }: { readonly history: QualityView['history'] }) {
  const { t } = useI18n();
  const summary = useMemo(() => {
    const scores = history.map((entry) => entry.score);
    const last = scores[scores.length - 1];
    if (last === undefined) return null;
    return t('data.history.summary', {
      count: scores.length,
      last,
      max: Math.max(...scores),
      min: Math.min(...scores),
      overdue: history.filter((entry) => entry.overdue).length,
    });
  }, [history, t]);
  return (
    <Card
      style={{ height: '100%' }}
      title={
        <h2 className="gs-card-title" data-testid="score-history-heading">
          {t('data.history.heading')}
        </h2>
      }
    >
      {summary ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="score-history-summary">
            {summary}
          </Typography.Paragraph>
          <Suspense fallback={<PageLoading />}>
            <ScoreHistoryChart history={history} summary={summary} />
          </Suspense>
        </>
      ) : (
        <EmptyText>{t('data.history.empty')}</EmptyText>
      )}
    </Card>
  );
}
