/**
 * 数据汇聚与质量 (R11.1, R12.1, R12.2): for the provider agency and the bureau, a resource's row
 * count, last load, quality score with its four parts and its history, the warning when the data
 * is older than its update frequency allows, the loads, and the ways to upload data, work through
 * problem data and set the quality rules.
 */
import { Alert, Card, Col, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { useCatalogResource } from '../../api/catalog';
import { useDataQuality, useLoads } from '../../api/data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { termLabel } from '../catalog/shared/vocabulary';
import { formatDateTime } from '../shared/labels';
import { dataCrumbs } from './crumbs';
import { useDataAccess } from './dataAccess';
import { DataFacts } from './DataFacts';
import { LoadTable } from './loads/LoadTable';
import { problemsPath, uploadPath } from './paths';
import { PolicyCard } from './PolicyCard';
import { useOwnerOptions } from './quality/useOwnerOptions';
import { QualityScoreCard } from './QualityScoreCard';
import { ScoreHistoryCard } from './ScoreHistoryCard';

export function DataPage() {
  const { t, lang, pick } = useI18n();
  const { resourceId = '' } = useParams();
  const resource = useCatalogResource(resourceId);
  const quality = useDataQuality(resourceId);
  const loads = useLoads(resourceId);
  const view = quality.data;
  const access = useDataAccess(resource.data?.provider.id, view?.settings.ownerUserId ?? null);
  const owner = useOwnerOptions(resource.data?.provider.id, view?.settings.ownerUserId ?? null, Boolean(view));
  const crumbs = dataCrumbs(t, resource.data, resourceId, false);

  if (resource.isPending || quality.isPending) return <PageLoading />;
  const metadata = resource.data?.current?.metadata;
  if (!view || !metadata) {
    return (
      <>
        <PageHeader title={t('data.heading')} crumbs={crumbs} />
        <ErrorAlert error={quality.error ?? resource.error} onRetry={() => void quality.refetch()} />
      </>
    );
  }

  const frequency = termLabel(pick, 'updateFrequency', metadata.updateFrequency);
  return (
    <>
      <PageHeader
        title={t('data.heading')}
        crumbs={crumbs}
        description={t('data.intro', { name: metadata.name, provider: resource.data?.provider.name ?? '', frequency })}
        extra={
          <>
            {access.provide ? (
              <LinkButton type="primary" to={uploadPath(resourceId)} data-testid="data-upload">
                {t('data.upload.button')}
              </LinkButton>
            ) : null}
            <LinkButton to={problemsPath(resourceId)} data-testid="data-problems" danger={view.openProblems > 0}>
              {t('data.problems.button', { count: view.openProblems })}
            </LinkButton>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {view.current?.overdue ? (
          <Alert
            type="warning"
            showIcon
            data-testid="overdue-warning"
            title={t('data.overdue.title', { frequency })}
            description={t('data.overdue.desc', { at: formatDateTime(lang, view.lastLoadedAt) || t('data.facts.never') })}
          />
        ) : null}
        {view.lastLoadedAt === null && (loads.data ?? []).length === 0 ? (
          <Alert type="info" showIcon title={t(access.provide ? 'data.noData.provider' : 'data.noData.other')} />
        ) : null}
        <DataFacts quality={view} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <QualityScoreCard current={view.current} />
          </Col>
          <Col xs={24} xl={14}>
            <ScoreHistoryCard history={view.history} />
          </Col>
        </Row>
        <PolicyCard
          resourceId={resourceId}
          settings={view.settings}
          ownerLabel={owner.labelOf(view.settings.ownerUserId)}
          canEdit={access.editQuality}
        />
        <Card
          title={
            <h2 className="gs-card-title" data-testid="loads-heading">
              {t('data.loads.heading')}
            </h2>
          }
        >
          {loads.isError ? (
            <ErrorAlert error={loads.error} onRetry={() => void loads.refetch()} />
          ) : (
            <LoadTable loads={loads.data ?? []} loading={loads.isPending} />
          )}
        </Card>
      </Space>
    </>
  );
}
