import type { Rectification } from '@gongshu/contracts';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../../components/EmptyText';
import { useT } from '../../i18n/useT';
import { ProvisionalTag } from '../deadlines/ProvisionalTag';
import { TimeLeft } from '../deadlines/TimeLeft';
import { chinaDate } from '../shared/labels';
import { RectificationStateTag } from './RectificationStateTag';

/** Rectification orders: agency, requirement, issue date, state and the time left of the current step. */
export function RectificationTable({ orders, loading }: { readonly orders: readonly Rectification[]; readonly loading: boolean }) {
  const t = useT();
  return (
    <Table<Rectification>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...orders]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 960 }}
      data-testid="rectification-table"
      locale={{ emptyText: <EmptyText>{t('rect.empty')}</EmptyText> }}
      columns={[
        {
          key: 'title',
          title: t('rect.col.title'),
          render: (_, order) => (
            <>
              <Link to={`/rectifications/${order.id}`}>{order.title}</Link>
              {order.round > 1 ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('rect.round', { round: order.round })}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        { key: 'agency', title: t('rect.col.agency'), width: 220, render: (_, order) => order.agency.name },
        { key: 'requirement', title: t('rect.col.requirement'), width: 100, dataIndex: 'requirement' },
        { key: 'issued', title: t('rect.col.issuedAt'), width: 120, render: (_, order) => chinaDate(order.issuedAt) },
        { key: 'state', title: t('rect.col.state'), width: 100, render: (_, order) => <RectificationStateTag state={order.state} /> },
        {
          key: 'left',
          title: t('rect.col.left'),
          width: 210,
          render: (_, order) =>
            order.deadline ? (
              <>
                <TimeLeft item={order.deadline} />
                {order.deadline.provisional ? <ProvisionalTag /> : null}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('deadline.dueAt', { date: order.deadline.dueOn })}
                </Typography.Text>
              </>
            ) : order.state === 'reported' ? (
              t('rect.awaitingReview')
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
