/**
 * 整改通知 (R35.1): the orders one may read (all for the bureau, the sector's for a sector
 * supervisor, one's own agency's otherwise) filtered by state; the bureau issues new ones here.
 */
import { Button, Card, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useRectifications, type RectificationState } from '../../api/rectifications';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/useT';
import { IssueRectificationModal } from './IssueRectificationModal';
import { RectificationTable } from './RectificationTable';

const STATES: readonly RectificationState[] = ['open', 'reported', 'closed'];
const isState = (value: string | null): value is RectificationState => STATES.includes(value as RectificationState);

export function RectificationsPage() {
  const t = useT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : null;
  const orders = useRectifications(state);
  const [issuing, setIssuing] = useState(false);
  const canIssue = can('rectification.supervise');

  return (
    <>
      <PageHeader
        title={t('rect.heading')}
        description={t('rect.intro')}
        extra={
          canIssue ? (
            <Button type="primary" onClick={() => setIssuing(true)} data-testid="rectification-issue">
              {t('rect.issue')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented<string>
            aria-label={t('rect.filterState')}
            value={state ?? 'all'}
            onChange={(value) => setParams(value === 'all' ? {} : { state: value }, { replace: true })}
            options={[{ value: 'all', label: t('common.all') }, ...STATES.map((value) => ({ value, label: t(`rect.state.${value}`) }))]}
            data-testid="rectification-state-filter"
          />
        </Flex>
        {orders.isError ? (
          <ErrorAlert error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <RectificationTable orders={orders.data ?? []} loading={orders.isFetching} />
        )}
      </Card>
      {canIssue ? <IssueRectificationModal open={issuing} onClose={() => setIssuing(false)} /> : null}
    </>
  );
}
