/**
 * 数据血缘 of a resource (R29.1 traceability): its provider, the loads that filled it, the grants
 * under which it is shared, the consumer agencies and their deliveries, drawn as a graph with the
 * same content in words and as a table.
 */
import { Card, Flex, Segmented, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useLineage } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { KIND_COLOR, LINEAGE_KINDS } from './lineageKinds';
import { LineageTable } from './LineageTable';
import { CardTitle } from '../../../components/CardTitle';

// ECharts loads only when the graph is shown.
const LineageGraph = lazy(() => import('./LineageGraph').then((module) => ({ default: module.LineageGraph })));

export function LineagePage() {
  const t = useT();
  const { resourceId = '' } = useParams();
  const query = useLineage(resourceId);
  const lineage = query.data;
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const counts = useMemo(() => {
    const count = (kind: (typeof LINEAGE_KINDS)[number]) => lineage?.nodes.filter((node) => node.kind === kind).length ?? 0;
    return Object.fromEntries(LINEAGE_KINDS.map((kind) => [kind, count(kind)])) as Record<(typeof LINEAGE_KINDS)[number], number>;
  }, [lineage]);
  const crumbs = [
    { label: t('catalog.heading'), to: '/catalog' },
    { label: lineage?.resource.name ?? t('catalog.resource.heading'), to: `/catalog/resources/${resourceId}` },
  ];

  if (query.isPending) return <PageLoading />;
  if (!lineage) {
    return (
      <>
        <PageHeader title={t('share.lineage.heading')} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const summary = t('share.lineage.summary', {
    providers: counts.provider,
    loads: counts.load,
    grants: counts.grant,
    consumers: counts.consumer,
    deliveries: counts.deliveries,
  });
  return (
    <>
      <PageHeader
        title={t('share.lineage.heading')}
        crumbs={crumbs}
        description={t('share.lineage.intro', { name: lineage.resource.name })}
      />
      <Card
        title={<CardTitle>{t('share.lineage.flow')}</CardTitle>}
        extra={
          <Segmented<'graph' | 'table'>
            aria-label={t('share.lineage.view')}
            value={view}
            onChange={setView}
            options={[
              { value: 'graph', label: t('share.lineage.viewGraph') },
              { value: 'table', label: t('share.lineage.viewTable') },
            ]}
            data-testid="lineage-view"
          />
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }} data-testid="lineage-summary">
            {summary}
          </Typography.Paragraph>
          <Flex gap={16} wrap data-testid="lineage-legend">
            {LINEAGE_KINDS.map((kind) => (
              <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <span style={{ width: 12, height: 12, borderRadius: '50%', background: KIND_COLOR[kind], display: 'inline-block' }} />
                {t(`share.lineage.kind.${kind}`)}
              </span>
            ))}
          </Flex>
          {view === 'graph' ? (
            <Suspense fallback={<PageLoading />}>
              <LineageGraph lineage={lineage} summary={summary} />
            </Suspense>
          ) : (
            <LineageTable lineage={lineage} />
          )}
        </Space>
      </Card>
    </>
  );
}
