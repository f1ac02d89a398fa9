/**
 * 汇聚批次 (R12.2): one load with its numbers, state and message, its progress while it runs, and
 * its problem rows with the spreadsheet of them. Notifications of every outcome link here.
 */
import { Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useCatalogResource } from '../../../api/catalog';
import { problemsDownloadUrl, useLoad } from '../../../api/data';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { dataCrumbs } from '../crumbs';
import { formatCount } from '../format';
import { dataPath, problemsPath } from '../paths';
import { LoadMessage } from './LoadMessage';
import { LoadOutcome } from './LoadOutcome';
import { LoadProgress } from './LoadProgress';
import { LoadStateTag } from './LoadStateTag';

export function LoadPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const load = useLoad(id);
  const batch = load.data;
  const resource = useCatalogResource(batch?.resourceId ?? '', Boolean(batch));

  if (load.isPending) return <PageLoading />;
  if (!batch) {
    return (
      <>
        <PageHeader title={t('data.loadPage.heading')} crumbs={[{ label: t('catalog.heading'), to: '/catalog' }]} />
        <ErrorAlert error={load.error} onRetry={() => void load.refetch()} />
      </>
    );
  }

  const count = (value: number) => formatCount(lang, value);
  const name = resource.data?.current?.metadata.name;
  const kb = batch.bytesTotal === null ? '—' : t('data.load.kb', { size: count(Math.max(1, Math.round(batch.bytesTotal / 1024))) });
  return (
    <>
      <PageHeader
        title={t('data.loadPage.heading')}
        crumbs={dataCrumbs(t, resource.data, batch.resourceId)}
        description={t('data.loadPage.intro', { name: name ?? '', at: formatDateTime(lang, batch.createdAt) })}
        extra={<LoadStateTag state={batch.state} />}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <LoadProgress batch={batch} />
        <LoadOutcome
          batch={batch}
          extra={
            <LinkButton to={dataPath(batch.resourceId)} data-testid="back-to-data">
              {t('data.backToData')}
            </LinkButton>
          }
        />
        <Card
          title={
            <h2 className="gs-card-title" data-testid="load-facts-heading">
              {t('data.loadPage.facts')}
            </h2>
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            data-testid="load-facts"
            items={[
              { key: 'id', label: t('data.load.id'), children: <code className="gs-mono">{batch.id}</code>, span: 2 },
              { key: 'state', label: t('data.load.state'), children: <LoadStateTag state={batch.state} /> },
              { key: 'file', label: t('data.load.fileName'), children: batch.fileName ?? '—' },
              { key: 'format', label: t('data.load.format'), children: batch.format.toUpperCase() },
              { key: 'encoding', label: t('data.load.encoding'), children: batch.encoding ?? t('data.encoding.auto') },
              { key: 'size', label: t('data.load.size'), children: kb },
              { key: 'mode', label: t('data.load.mode'), children: t(`data.mode.${batch.mode}`) },
              { key: 'channel', label: t('data.load.channel'), children: t(`data.load.channel.${batch.channel}`) },
              { key: 'read', label: t('data.load.rowsRead'), children: <span data-testid="load-rows-read">{count(batch.rowsRead)}</span> },
              {
                key: 'loaded',
                label: t('data.load.rowsLoaded'),
                children: <span data-testid="load-rows-loaded">{count(batch.rowsLoaded)}</span>,
              },
              {
                key: 'problems',
                label: t('data.load.rowsQuarantined'),
                children: <span data-testid="load-rows-problems">{count(batch.rowsQuarantined)}</span>,
              },
              { key: 'created', label: t('data.load.createdAt'), children: formatDateTime(lang, batch.createdAt) },
              { key: 'started', label: t('data.load.startedAt'), children: formatDateTime(lang, batch.startedAt) || '—' },
              { key: 'finished', label: t('data.load.finishedAt'), children: formatDateTime(lang, batch.finishedAt) || '—' },
              { key: 'message', label: t('data.load.message'), children: <LoadMessage message={batch.message} />, span: 3 },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('data.loadPage.trace')}
          </Typography.Paragraph>
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <LinkButton to={problemsPath(batch.resourceId, { batchId: batch.id, state: 'all' })} data-testid="load-problems">
              {t('data.loadPage.problems')}
            </LinkButton>
            <Button
              href={problemsDownloadUrl(batch.resourceId, batch.id)}
              download
              disabled={batch.rowsQuarantined === 0}
              data-testid="load-download"
            >
              {t('data.problems.download')}
            </Button>
          </Flex>
        </Card>
      </Space>
    </>
  );
}
