import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { Grant } from '../../../api/sharing';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { chinaDate, formatDateTime } from '../../shared/labels';
import { GrantStatusTag } from '../shared/GrantStatusTag';
import { grantPath } from '../shared/paths';

/** Grants: resource (linking to the grant), consumer and provider, period, status, fields, deliveries. */
export function GrantTable({ grants, loading }: { readonly grants: readonly Grant[]; readonly loading: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table<Grant>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...grants]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1000 }}
      data-testid="grant-table"
      locale={{ emptyText: <EmptyText>{t('share.grants.empty')}</EmptyText> }}
      onRow={(grant) => ({ 'data-testid': 'grant-row', 'data-id': grant.id, 'data-status': grant.status }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'resource',
          title: t('share.grant.resource'),
          width: 250,
          render: (_, grant) => (
            <>
              <Link to={grantPath(grant.id)} data-testid="grant-link">
                {grant.resource.name}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {grant.number}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'parties',
          title: t('share.grant.parties'),
          width: 230,
          render: (_, grant) => (
            <>
              <span>{t('share.grant.consumerIs', { name: grant.consumer.name })}</span>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('share.grant.providerIs', { name: grant.provider.name })}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'period',
          title: t('share.detail.period'),
          width: 190,
          render: (_, grant) => t('share.detail.periodValue', { from: chinaDate(grant.validFrom), to: chinaDate(grant.validTo) }),
        },
        { key: 'status', title: t('share.grant.status'), width: 90, render: (_, grant) => <GrantStatusTag status={grant.status} /> },
        { key: 'fields', title: t('share.grant.fieldCount'), width: 80, align: 'right', render: (_, grant) => grant.fields.length },
        {
          key: 'deliveries',
          title: t('share.grant.deliveries'),
          width: 170,
          render: (_, grant) => (
            <>
              <span>{grant.deliveries}</span>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {grant.lastDeliveryAt
                  ? t('share.grant.lastAt', { at: formatDateTime(lang, grant.lastDeliveryAt) })
                  : t('share.grant.never')}
              </Typography.Text>
            </>
          ),
        },
      ]}
    />
  );
}
