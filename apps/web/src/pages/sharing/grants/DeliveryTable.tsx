import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Delivery, Grant } from '../../../api/sharing';
import { EmptyText } from '../../../components/EmptyText';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';

/** The delivery log of a grant: each lookup, query or extract with who called, when, how many rows and which fields. */
export function DeliveryTable({
  deliveries,
  fields,
  loading,
}: {
  readonly deliveries: readonly Delivery[];
  readonly fields: Grant['fields'];
  readonly loading: boolean;
}) {
  const { t, lang } = useI18n();
  const nameOf = (code: string) => fields.find((field) => field.code === code)?.name ?? code;
  return (
    <ScrollRegion label={t('share.log.heading')}>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={[...deliveries]}
        pagination={false}
        style={{ minWidth: 980 }}
        data-testid="delivery-table"
        locale={{ emptyText: <EmptyText>{t('share.log.empty')}</EmptyText> }}
        onRow={(delivery) =>
          ({ 'data-testid': 'delivery-row', 'data-kind': delivery.kind, 'data-via': delivery.via }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'serial', title: t('share.log.serial'), dataIndex: 'serial', width: 70, align: 'right' },
          { key: 'at', title: t('share.log.at'), width: 150, render: (_, delivery) => formatDateTime(lang, delivery.at) },
          {
            key: 'kind',
            title: t('share.log.kind'),
            width: 120,
            render: (_, delivery) => (
              <>
                <Tag>{t(`share.log.kind.${delivery.kind}`)}</Tag>
                {delivery.format ? <code className="gs-mono">{delivery.format.toUpperCase()}</code> : null}
              </>
            ),
          },
          {
            key: 'via',
            title: t('share.log.caller'),
            width: 200,
            render: (_, delivery) => (
              <>
                <span>
                  {delivery.apiKey
                    ? t('share.key.short', { name: delivery.apiKey.name, prefix: delivery.apiKey.prefix })
                    : (delivery.user ?? '—')}
                </span>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(delivery.apiKey ? 'share.log.viaKey' : 'share.log.viaSession')}
                </Typography.Text>
              </>
            ),
          },
          { key: 'rows', title: t('share.log.rows'), dataIndex: 'rows', width: 80, align: 'right' },
          {
            key: 'fields',
            title: t('share.log.fields'),
            width: 220,
            render: (_, delivery) => (
              <Typography.Text style={{ fontSize: 13 }}>{delivery.fields.map(nameOf).join(t('common.listSeparator'))}</Typography.Text>
            ),
          },
          {
            key: 'fingerprint',
            title: t('share.log.fingerprint'),
            width: 130,
            render: (_, delivery) => (delivery.fingerprint ? <code className="gs-mono">{delivery.fingerprint.slice(0, 12)}</code> : '—'),
          },
        ]}
      />
    </ScrollRegion>
  );
}
