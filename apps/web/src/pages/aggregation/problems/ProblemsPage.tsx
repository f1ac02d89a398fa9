/**
 * 问题数据 (R11.2, R12.1, R12.2): the rows that failed the checks of a load and the problems
 * consumers reported, traced to batch, row and source; filtered by state and batch; fixed or
 * dismissed by the provider, confirmed by the quality owner or the bureau; the open rows as a
 * spreadsheet with the reasons beside the data.
 */
import type { DataProblem } from '@gongshu/contracts';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useCatalogResource } from '../../../api/catalog';
import { problemsDownloadUrl, useDataQuality, useLoads, useProblems, type ProblemAction } from '../../../api/data';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/useT';
import { dataCrumbs } from '../crumbs';
import { useDataAccess } from '../dataAccess';
import { loadPath } from '../paths';
import { fieldLookup } from './fieldNames';
import { ProblemFilters } from './ProblemFilters';
import { filterOf, readProblemParams, writeProblemParams, type ProblemParams } from './problemParams';
import { ProblemTable } from './ProblemTable';
import { ResolveModal, type Resolving } from './ResolveModal';

export function ProblemsPage() {
  const { t } = useI18n();
  const { resourceId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readProblemParams(searchParams);
  const resource = useCatalogResource(resourceId);
  const quality = useDataQuality(resourceId);
  const loads = useLoads(resourceId);
  const problems = useProblems(resourceId, filterOf(params));
  const access = useDataAccess(resource.data?.provider.id, quality.data?.settings.ownerUserId ?? null);
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const fields = useMemo(() => fieldLookup(resource.data?.current?.metadata.fields ?? [], t('data.problem.wholeRow')), [resource.data, t]);

  const setParams = (next: ProblemParams) => setSearchParams(writeProblemParams(next), { replace: true });
  const onAction = (problem: DataProblem, action: ProblemAction) => setResolving({ problem, action });
  const data = problems.data;
  const error = problems.error ?? quality.error;

  return (
    <>
      <PageHeader
        title={t('data.problems.heading')}
        crumbs={dataCrumbs(t, resource.data, resourceId)}
        description={t('data.problems.intro')}
        extra={
          <Button href={problemsDownloadUrl(resourceId, params.batchId)} download data-testid="problems-download">
            {t('data.problems.download')}
          </Button>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={() => void problems.refetch()} /> : null}
      <Card
        title={
          <h2 className="gs-card-title" data-testid="problems-list-heading">
            {t('data.problems.listHeading')}
          </h2>
        }
      >
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
          <ProblemFilters value={params} onChange={setParams} loads={loads.data ?? []} openCount={quality.data?.openProblems ?? null} />
          <Typography.Text type="secondary" aria-live="polite" data-testid="problems-total">
            {data
              ? data.total > data.items.length
                ? t('data.problems.totalShown', { total: data.total, count: data.items.length })
                : t('common.total', { total: data.total })
              : null}
          </Typography.Text>
        </Flex>
        {params.batchId ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('data.problems.ofBatch')}
            action={
              <LinkButton size="small" to={loadPath(params.batchId)}>
                {t('data.problem.batch')}
              </LinkButton>
            }
          />
        ) : null}
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('data.problems.downloadHelp')}
        </Typography.Paragraph>
        <ProblemTable
          problems={data?.items ?? []}
          loading={problems.isFetching}
          fields={fields}
          canResolve={access.provide}
          canConfirm={access.confirm}
          onAction={onAction}
        />
      </Card>
      <ResolveModal resolving={resolving} onClose={() => setResolving(null)} />
    </>
  );
}
