import type { PendingItem } from '@gongshu/contracts';
import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { safeNext } from '../../auth/homePath';
import { EmptyText } from '../../components/EmptyText';
import { useI18n } from '../../i18n/useT';
import { DeadlineStateTag } from './DeadlineStateTag';
import { DueDate } from './DueDate';
import { ProvisionalTag } from './ProvisionalTag';
import { TimeLeft } from './TimeLeft';

export interface PendingTableProps {
  /** Sorted by due time, as the API gives them. */
  readonly items: readonly PendingItem[];
  readonly loading?: boolean;
  /** The responsible agency column (the bureau's view of every agency). */
  readonly showAgency?: boolean;
}

/**
 * Pending steps with the time left: title (linking to the item), step, responsible agency, due day
 * with its basis, working days left (red when overdue, orange at one day or less), provisional
 * mark (R37.1) and state.
 */
export function PendingTable({ items, loading = false, showAgency = false }: PendingTableProps) {
  const { t, pick } = useI18n();
  return (
    <Table<PendingItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...items]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: showAgency ? 960 : 760 }}
      data-testid="pending-table"
      locale={{ emptyText: <EmptyText>{t('deadline.pending.empty')}</EmptyText> }}
      // Row hooks for tests and styles: data-* attributes are not in the row props' type.
      onRow={(item) => ({ 'data-testid': 'pending-row', 'data-overdue': String(item.overdue) }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'title',
          title: t('deadline.col.title'),
          render: (_, item) => {
            const to = safeNext(item.link);
            return to ? <Link to={to}>{item.title}</Link> : <Typography.Text>{item.title}</Typography.Text>;
          },
        },
        { key: 'step', title: t('deadline.col.step'), width: 150, render: (_, item) => pick(item.stepLabel) },
        ...(showAgency
          ? [
              {
                key: 'agency',
                title: t('deadline.col.agency'),
                width: 200,
                render: (_: unknown, item: PendingItem) => item.responsibleAgency.name,
              },
            ]
          : []),
        { key: 'due', title: t('deadline.col.due'), width: 150, render: (_, item) => <DueDate item={item} /> },
        {
          key: 'left',
          title: t('deadline.col.left'),
          width: 190,
          render: (_, item) => (
            <>
              <TimeLeft item={item} />
              {item.provisional ? <ProvisionalTag /> : null}
            </>
          ),
        },
        { key: 'state', title: t('deadline.col.state'), width: 90, render: (_, item) => <DeadlineStateTag state={item.state} /> },
      ]}
    />
  );
}
