import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { Grant } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { GrantStatusTag } from '../shared/GrantStatusTag';
import { requestPath } from '../shared/paths';

/** A grant (R17.2): who receives which resource from whom, for what purpose, for how long, and its state. */
export function GrantFacts({ grant }: { readonly grant: Grant }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="grant-facts"
      items={[
        { key: 'number', label: t('share.grant.number'), children: <code className="gs-mono">{grant.number}</code> },
        {
          key: 'request',
          label: t('share.grant.request'),
          children: grant.request ? <Link to={requestPath(grant.request.id)}>{grant.request.number}</Link> : '—',
        },
        {
          key: 'resource',
          label: t('share.grant.resource'),
          children: (
            <Link to={`/catalog/resources/${grant.resource.id}`}>
              {grant.resource.name}
              {grant.resource.code ? ` · ${grant.resource.code}` : ''}
            </Link>
          ),
          span: 2,
        },
        { key: 'consumer', label: t('share.grant.consumer'), children: grant.consumer.name },
        { key: 'provider', label: t('share.grant.provider'), children: grant.provider.name },
        {
          key: 'purpose',
          label: t('share.grant.purpose'),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{grant.purpose}</span>,
          span: 2,
        },
        {
          key: 'period',
          label: t('share.detail.period'),
          children: t('share.grant.validity', { from: formatDateTime(lang, grant.validFrom), to: formatDateTime(lang, grant.validTo) }),
          span: 2,
        },
        {
          key: 'status',
          label: t('share.grant.status'),
          children: (
            <span>
              <GrantStatusTag status={grant.status} />
              {grant.stateReason ? <Typography.Text type="secondary">{grant.stateReason}</Typography.Text> : null}
            </span>
          ),
          span: 2,
        },
        { key: 'created', label: t('share.grant.createdAt'), children: formatDateTime(lang, grant.createdAt) },
        {
          key: 'deliveries',
          label: t('share.grant.deliveries'),
          children: grant.lastDeliveryAt
            ? t('share.grant.deliveriesValue', { count: grant.deliveries, at: formatDateTime(lang, grant.lastDeliveryAt) })
            : t('share.grant.never'),
        },
      ]}
    />
  );
}
