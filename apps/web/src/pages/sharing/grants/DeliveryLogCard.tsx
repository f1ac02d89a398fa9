import { Button, Card, Flex, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useGrantDeliveries, type Grant } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { DeliveryTable } from './DeliveryTable';
import { CardTitle } from '../../../components/CardTitle';

// ECharts loads only when there are days to draw.
const DeliveryChart = lazy(() => import('./DeliveryChart').then((module) => ({ default: module.DeliveryChart })));

/**
 * 交付记录: every delivery under the grant, newest first, paged back by serial, with the daily count
 * as a bar chart and in words (R29.1 traceability).
 */
export function DeliveryLogCard({ grant }: { readonly grant: Grant }) {
  const t = useT();
  // The `before` cursors of the pages seen, so "newer" can go back.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const before = cursors[cursors.length - 1] ?? null;
  const log = useGrantDeliveries(grant.id, before);
  const page = log.data;
  const summary = useMemo(() => {
    if (!page || page.daily.length === 0) return null;
    const deliveries = page.daily.reduce((sum, day) => sum + day.deliveries, 0);
    const rows = page.daily.reduce((sum, day) => sum + day.rows, 0);
    return t('share.log.summary', { days: page.daily.length, deliveries, rows });
  }, [page, t]);

  return (
    <Card
      title={<CardTitle testId="section-deliveries">{t('share.log.heading')}</CardTitle>}
      extra={
        <Button size="small" onClick={() => void log.refetch()} loading={log.isFetching} data-testid="delivery-refresh">
          {t('share.log.refresh')}
        </Button>
      }
    >
      {log.isError ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      {summary && page ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="delivery-summary">
            {summary}
          </Typography.Paragraph>
          <Suspense fallback={<PageLoading />}>
            <DeliveryChart daily={page.daily} summary={summary} />
          </Suspense>
        </>
      ) : null}
      <DeliveryTable deliveries={page?.deliveries ?? []} fields={grant.fields} loading={log.isPending} />
      {cursors.length > 1 || page?.nextBefore ? (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
            {t('share.log.newer')}
          </Button>
          <Button
            disabled={!page?.nextBefore}
            onClick={() => setCursors((list) => (page?.nextBefore ? [...list, page.nextBefore] : list))}
            data-testid="delivery-older"
          >
            {t('share.log.older')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
