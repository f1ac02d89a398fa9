/**
 * The review queues on the clock: the provider's (待我审核: conditional requests for my agency's
 * data, R14.2, and demands to answer, R14.3) and the bureau's (共享审核: formal reviews within 1 or 5
 * working days, R14.1–R14.3, R15.1, escalations and consultations, R16.2). The most urgent first,
 * overdue ones marked; "all" shows the decided ones too.
 */
import { Card, Flex, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useShareRequests, type ShareState } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { RequestTable } from './RequestTable';

/** The states in which a request waits for the queue's owner. */
const WAITING: Record<'provider' | 'review', readonly ShareState[]> = {
  provider: ['provider_review', 'provider_answer'],
  review: ['formal_review', 'escalated', 'consultation'],
};

function QueuePage({ scope }: { readonly scope: 'provider' | 'review' }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const showAll = params.get('show') === 'all';
  const requests = useShareRequests(scope);
  const all = requests.data ?? [];
  const waiting = all.filter((request) => WAITING[scope].includes(request.state));
  const overdue = waiting.filter((request) => request.deadline?.overdue).length;
  const heading = t(scope === 'provider' ? 'share.queue.providerHeading' : 'share.queue.reviewHeading');

  return (
    <>
      <PageHeader title={heading} description={t(scope === 'provider' ? 'share.queue.providerIntro' : 'share.queue.reviewIntro')} />
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="queue-summary">
            {requests.data
              ? `${t('share.queue.summary', { total: waiting.length, overdue })}${t('common.listSeparator')}${t('deadline.pending.sorted')}`
              : t('deadline.pending.sorted')}
          </Typography.Paragraph>
          <Segmented<string>
            aria-label={t('share.queue.show')}
            value={showAll ? 'all' : 'waiting'}
            onChange={(value) => setParams(value === 'all' ? { show: 'all' } : {}, { replace: true })}
            options={[
              { value: 'waiting', label: t('share.queue.waiting') },
              { value: 'all', label: t('common.all') },
            ]}
            data-testid="queue-show"
          />
        </Flex>
        {requests.isError ? (
          <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <RequestTable requests={showAll ? all : waiting} loading={requests.isFetching} sortByDue emptyText={t('share.queue.empty')} />
        )}
      </Card>
    </>
  );
}

/** 待我审核: the provider's queue. */
export function ProviderQueuePage() {
  return <QueuePage scope="provider" />;
}

/** 共享审核: the bureau's queue. */
export function ReviewQueuePage() {
  return <QueuePage scope="review" />;
}
