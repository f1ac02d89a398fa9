import type { LoadBatch } from '@gongshu/contracts';
import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { formatCount } from '../format';
import { loadPath, problemsPath } from '../paths';
import { LoadMessage } from './LoadMessage';
import { LoadStateTag } from './LoadStateTag';

/**
 * The loads of a resource, newest first (R11.1): when, which file and channel, how it merged, its
 * state, the rows read, loaded and set aside as problems, and why a load was refused.
 */
export function LoadTable({ loads, loading }: { readonly loads: readonly LoadBatch[]; readonly loading: boolean }) {
  const { t, lang } = useI18n();
  const count = (value: number) => formatCount(lang, value);
  return (
    <Table<LoadBatch>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...loads]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 1100 }}
      data-testid="load-table"
      onRow={(batch) => ({ 'data-testid': 'load-row', 'data-id': batch.id }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <EmptyText>{t('data.loads.empty')}</EmptyText> }}
      columns={[
        {
          key: 'at',
          title: t('data.load.createdAt'),
          width: 150,
          render: (_, batch) => <Link to={loadPath(batch.id)}>{formatDateTime(lang, batch.createdAt)}</Link>,
        },
        {
          key: 'file',
          title: t('data.load.source'),
          width: 190,
          render: (_, batch) => (
            <>
              <div style={{ wordBreak: 'break-all' }}>{batch.fileName ?? t(`data.load.channel.${batch.channel}`)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {batch.fileName ? `${t(`data.load.channel.${batch.channel}`)} · ` : ''}
                {batch.format.toUpperCase()}
              </Typography.Text>
            </>
          ),
        },
        { key: 'mode', title: t('data.load.mode'), width: 100, render: (_, batch) => t(`data.mode.${batch.mode}`) },
        { key: 'state', title: t('data.load.state'), width: 90, render: (_, batch) => <LoadStateTag state={batch.state} /> },
        { key: 'read', title: t('data.load.rowsRead'), width: 90, align: 'right', render: (_, batch) => count(batch.rowsRead) },
        { key: 'loaded', title: t('data.load.rowsLoaded'), width: 90, align: 'right', render: (_, batch) => count(batch.rowsLoaded) },
        {
          key: 'problems',
          title: t('data.load.rowsQuarantined'),
          width: 90,
          align: 'right',
          render: (_, batch) =>
            batch.rowsQuarantined > 0 ? (
              <Link
                to={problemsPath(batch.resourceId, { batchId: batch.id, state: 'all' })}
                aria-label={t('data.load.problemRowsOf', { count: batch.rowsQuarantined })}
              >
                {count(batch.rowsQuarantined)}
              </Link>
            ) : (
              '0'
            ),
        },
        { key: 'message', title: t('data.load.message'), render: (_, batch) => <LoadMessage message={batch.message} /> },
      ]}
    />
  );
}
