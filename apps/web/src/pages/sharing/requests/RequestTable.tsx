import { Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { ShareRequest } from '../../../api/sharing';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { DueDate } from '../../deadlines/DueDate';
import { ProvisionalTag } from '../../deadlines/ProvisionalTag';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { chinaDate } from '../../shared/labels';
import { byDue } from '../shared/byDue';
import { requestPath } from '../shared/paths';
import { requestTitle } from '../shared/requestTitle';
import { ShareRouteTag } from '../shared/ShareRouteTag';
import { ShareStateTag } from '../shared/ShareStateTag';

export interface RequestTableProps {
  readonly requests: readonly ShareRequest[];
  readonly loading: boolean;
  /** Queues: the most urgent first; otherwise as the API gives them (newest first). */
  readonly sortByDue?: boolean;
  readonly emptyText: string;
}

/**
 * Share requests: what is asked for (linking to the request), route, requester and provider,
 * state, the current step with its due day and working days left; overdue rows stand out.
 */
export function RequestTable({ requests, loading, sortByDue = false, emptyText }: RequestTableProps) {
  const { t, pick } = useI18n();
  const rows = sortByDue ? [...requests].sort(byDue) : [...requests];
  return (
    <Table<ShareRequest>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1100 }}
      data-testid="share-request-table"
      locale={{ emptyText: <EmptyText>{emptyText}</EmptyText> }}
      rowClassName={(request) => (request.deadline?.overdue ? 'gs-row-overdue' : '')}
      onRow={(request) =>
        ({
          'data-testid': 'share-request-row',
          'data-id': request.id,
          'data-state': request.state,
          'data-overdue': String(request.deadline?.overdue ?? false),
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'title',
          title: t('share.col.request'),
          width: 260,
          render: (_, request) => (
            <>
              <Link to={requestPath(request.id)} data-testid="share-request-link">
                {requestTitle(t, request)}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {request.number} · {t('share.col.filedOn', { date: chinaDate(request.createdAt) })}
              </Typography.Text>
            </>
          ),
        },
        { key: 'route', title: t('share.col.route'), width: 110, render: (_, request) => <ShareRouteTag route={request.route} /> },
        {
          key: 'parties',
          title: t('share.col.parties'),
          width: 220,
          render: (_, request) => (
            <>
              <span>{request.requester.name}</span>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('share.col.provider', {
                  provider: request.provider?.name ?? (request.upperLevel ? t(`share.upper.${request.upperLevel}`) : '—'),
                })}
              </Typography.Text>
            </>
          ),
        },
        { key: 'state', title: t('share.col.state'), width: 110, render: (_, request) => <ShareStateTag state={request.state} /> },
        {
          key: 'step',
          title: t('deadline.col.step'),
          width: 170,
          render: (_, request) =>
            request.deadline ? (
              <>
                <span>{pick(request.deadline.stepLabel)}</span>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {request.deadline.responsibleAgency.name}
                </Typography.Text>
              </>
            ) : (
              '—'
            ),
        },
        {
          key: 'due',
          title: t('deadline.col.due'),
          width: 120,
          render: (_, request) => (request.deadline ? <DueDate item={request.deadline} /> : '—'),
        },
        {
          key: 'left',
          title: t('deadline.col.left'),
          width: 160,
          render: (_, request) =>
            request.deadline ? (
              <Space size={[4, 4]} wrap>
                <TimeLeft item={request.deadline} />
                {request.deadline.provisional ? <ProvisionalTag /> : null}
              </Space>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
