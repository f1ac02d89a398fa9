/**
 * 共享申请: my agency's requests (the bureau: those it filed, for itself or on behalf of towns,
 * R15.2, or every request), newest first, each with its state, current step and working days left
 * (R14.1–R14.3, R15.1); the way to a new request.
 */
import { Card, Flex, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useShareRequests } from '../../../api/sharing';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { newRequestPath } from '../shared/paths';
import { RequestTable } from './RequestTable';

export function MyRequestsPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const bureau = can('share.review');
  const scope = bureau && params.get('scope') === 'all' ? 'all' : 'mine';
  const requests = useShareRequests(scope);
  const list = requests.data ?? [];
  const open = list.filter((request) => request.deadline !== null).length;
  const overdue = list.filter((request) => request.deadline?.overdue).length;

  return (
    <>
      <PageHeader
        title={t('share.mine.heading')}
        description={t('share.mine.intro')}
        extra={
          can('share.request') ? (
            <LinkButton type="primary" to={newRequestPath()} data-testid="share-new">
              {t('share.new')}
            </LinkButton>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="share-summary">
            {requests.data ? t('share.mine.summary', { total: list.length, open, overdue }) : null}
          </Typography.Paragraph>
          {bureau ? (
            <Segmented<string>
              aria-label={t('share.scope.label')}
              value={scope}
              onChange={(value) => setParams(value === 'all' ? { scope: 'all' } : {}, { replace: true })}
              options={[
                { value: 'mine', label: t('share.scope.mineBureau') },
                { value: 'all', label: t('share.scope.all') },
              ]}
              data-testid="share-scope"
            />
          ) : null}
        </Flex>
        {requests.isError ? (
          <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : (
          <RequestTable requests={list} loading={requests.isFetching} emptyText={t('share.mine.empty')} />
        )}
      </Card>
    </>
  );
}
