import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ShareRequestDetail } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { grantPath } from '../shared/paths';

const block = (value: string | null | undefined): ReactNode =>
  value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">—</Typography.Text>;

/**
 * What a request says (R17.1): requester (and whether the bureau filed it for a town, R15.2), what
 * is asked for and from whom, the scenario, legal duty and period, the systems named, and the
 * grant it led to.
 */
export function RequestFacts({ request }: { readonly request: ShareRequestDetail }) {
  const { t, lang } = useI18n();
  const what = request.resource ? (
    <Link to={`/catalog/resources/${request.resource.id}`}>
      {request.resource.name}
      {request.resource.code ? ` · ${request.resource.code}` : ''}
    </Link>
  ) : (
    block(request.dataDescription)
  );
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="request-facts"
      items={[
        { key: 'number', label: t('share.detail.number'), children: <code className="gs-mono">{request.number}</code> },
        {
          key: 'requester',
          label: t('share.detail.requester'),
          children: request.filedByBureau
            ? t('share.detail.filedByBureau', { requester: request.requester.name, by: request.filedBy })
            : t('share.detail.filedBy', { requester: request.requester.name, by: request.filedBy }),
        },
        { key: 'what', label: t('share.detail.what'), children: what, span: 2 },
        ...(request.resource && request.dataDescription
          ? [{ key: 'description', label: t('share.wizard.dataDescription'), children: block(request.dataDescription), span: 2 }]
          : []),
        {
          key: 'provider',
          label: t('share.detail.provider'),
          children: request.provider?.name ?? (request.upperLevel ? t(`share.upper.${request.upperLevel}`) : '—'),
        },
        {
          key: 'period',
          label: t('share.detail.period'),
          children: (
            <span>
              {t('share.detail.periodValue', { from: request.periodFrom, to: request.periodTo })}
              {request.approvedPeriodTo && request.approvedPeriodTo !== request.periodTo ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('share.detail.approvedTo', { date: request.approvedPeriodTo })}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        { key: 'scenario', label: t('share.wizard.scenario'), children: block(request.scenario), span: 2 },
        { key: 'duty', label: t('share.wizard.legalDuty'), children: block(request.legalDuty), span: 2 },
        {
          key: 'systems',
          label: t('share.wizard.systems'),
          children:
            request.apiKeys.length > 0
              ? request.apiKeys.map((key) => t('share.key.short', { name: key.name, prefix: key.prefix })).join(t('common.listSeparator'))
              : t('common.none'),
          span: 2,
        },
        { key: 'created', label: t('share.detail.filedAt'), children: formatDateTime(lang, request.createdAt) },
        {
          key: 'closed',
          label: t('share.detail.closedAt'),
          children: request.closedAt ? formatDateTime(lang, request.closedAt) : t('share.detail.notClosed'),
        },
        ...(request.upperReference ? [{ key: 'upper', label: t('share.detail.upperReference'), children: request.upperReference }] : []),
        ...(request.grantId
          ? [
              {
                key: 'grant',
                label: t('share.detail.grant'),
                children: (
                  <Link to={grantPath(request.grantId)} data-testid="request-grant-link">
                    {t('share.detail.openGrant')}
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
