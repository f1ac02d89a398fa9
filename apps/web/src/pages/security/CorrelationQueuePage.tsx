/**
 * 待关联安全评估 (R31.1): open share requests whose grant would join level 3+ data on the same
 * person identifier and that no recorded assessment permits yet, for security supervisors and
 * bureau administrators. Each row opens the request, where the assessment is recorded.
 */
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useCorrelationQueue, type CorrelationQueueItem } from '../../api/correlation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { ShareStateTag } from '../sharing/shared/ShareStateTag';

export function CorrelationQueuePage() {
  const { t, lang } = useI18n();
  const query = useCorrelationQueue();
  return (
    <>
      <PageHeader title={t('correlation.queue.heading')} description={t('correlation.queue.description')} />
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Card>
        <Table<CorrelationQueueItem>
          rowKey="requestId"
          loading={query.isPending}
          dataSource={query.data ?? []}
          locale={{ emptyText: t('correlation.queue.empty') }}
          data-testid="correlation-queue"
          columns={[
            {
              title: t('correlation.queue.request'),
              render: (_, r) => <Link to={`/sharing/requests/${r.requestId}`}>{r.number}</Link>,
            },
            { title: t('correlation.queue.requester'), dataIndex: 'requester' },
            { title: t('correlation.queue.resource'), render: (_, r) => r.resource ?? '—' },
            {
              title: t('correlation.queue.joins'),
              render: (_, r) =>
                r.risk.resources.map((j) => (
                  <Tag key={j.resourceId} color={j.securityLevel >= 3 ? 'red' : 'default'}>
                    {j.name}（{t('correlation.level', { level: j.securityLevel })}）
                  </Tag>
                )),
            },
            { title: t('correlation.queue.state'), render: (_, r) => <ShareStateTag state={r.state} /> },
            { title: t('correlation.queue.checkedAt'), render: (_, r) => formatDateTime(lang, r.checkedAt) },
            {
              title: t('correlation.queue.latest'),
              render: (_, r) => (r.latest ? t(`correlation.conclusion.${r.latest.conclusion}`) : '—'),
            },
          ]}
        />
      </Card>
    </>
  );
}
