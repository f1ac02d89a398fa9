/**
 * 目录审核: the bureau's queue of catalog submissions and change requests, most urgent first, each
 * with its time left (R10.2; changes within 2 working days, R10.3) and its flags: filed late
 * (R10.3), lowering an attribute (R18.3), overlapping fields (R9.1).
 */
import { Card, Typography } from 'antd';
import { useReviewQueue } from '../../../api/catalog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { ReviewTable } from './ReviewTable';

export function ReviewQueuePage() {
  const t = useT();
  const queue = useReviewQueue();
  const versions = queue.data ?? [];
  const overdue = versions.filter((version) => version.deadline?.overdue).length;
  return (
    <>
      <PageHeader title={t('catalog.reviews.heading')} description={t('catalog.reviews.intro')} />
      <Card>
        {queue.isError ? (
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" data-testid="review-summary">
              {queue.data
                ? `${t('catalog.reviews.summary', { total: versions.length, overdue })}${t('common.listSeparator')}${t('deadline.pending.sorted')}`
                : t('deadline.pending.sorted')}
            </Typography.Paragraph>
            <ReviewTable versions={versions} loading={queue.isPending} />
          </>
        )}
      </Card>
    </>
  );
}
