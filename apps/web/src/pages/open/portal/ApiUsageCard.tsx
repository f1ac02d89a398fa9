import { openRecordsPath } from '@gongshu/contracts';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../auth/useAuth';
import { useI18n } from '../../../i18n/useT';

/** How to call the query API with an API key (R19.1): the records URL and a curl line to copy. */
export function ApiUsageCard({ resourceId, fields }: { readonly resourceId: string; readonly fields: readonly { code: string }[] }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const url = `${window.location.origin}${openRecordsPath(resourceId)}`;
  const sample = fields
    .slice(0, 3)
    .map((f) => f.code)
    .join(',');
  const snippet = `curl -H "Authorization: Bearer ${t('open.portal.api.keyPlaceholder')}" \\\n  "${url}?${sample ? `fields=${sample}&` : ''}page=1&pageSize=100"`;
  return (
    <Card title={<h2 className="gs-card-title">{t('open.portal.api.heading')}</h2>} data-testid="open-api">
      <Typography.Paragraph>{t('open.portal.api.intro')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{t('open.portal.api.endpoint')}</Typography.Text> <code className="gs-mono">GET {url}</code>
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: snippet.replace('\\\n  ', ''), tooltips: [t('open.portal.api.copy'), t('open.portal.copied')] }}
      >
        <pre
          className="gs-mono"
          style={{ whiteSpace: 'pre-wrap', background: '#f5f7fa', padding: 12, borderRadius: 4, margin: 0 }}
          data-testid="open-api-snippet"
        >
          {snippet}
        </pre>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('open.portal.api.limits')}{' '}
        {me ? (
          <Link to="/me#api-keys">{t('open.portal.api.myKeys')}</Link>
        ) : (
          <Link to="/open/register" className="gs-text-link">
            {t('open.portal.api.register')}
          </Link>
        )}{' '}
        <Link to="/open/developers" className="gs-text-link">
          {t('open.portal.api.docs')}
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}
