import { DISTRIBUTION_FORMATS, openDownloadPath } from '@gongshu/contracts';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useAuth } from '../../../auth/useAuth';
import { useI18n } from '../../../i18n/useT';

/**
 * The downloads (R19.1): CSV (with BOM, opens in Excel), XLSX and JSON from the open exit.
 * Unconditional data downloads anonymously; conditional data needs the caller's active open grant
 * (R19.2), so the application comes first (the ApplyCard beside it).
 */
export function DownloadCard({
  resourceId,
  openType,
}: {
  readonly resourceId: string;
  readonly openType: 'unconditional' | 'conditional';
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  // Conditional data downloads only for a signed-in holder of a grant; the server checks the grant.
  const locked = openType === 'conditional' && !me;
  return (
    <Card title={<h2 className="gs-card-title">{t('open.portal.download.heading')}</h2>} data-testid="open-downloads">
      {openType === 'conditional' ? (
        <Alert type="warning" showIcon title={t('open.portal.download.conditional')} style={{ marginBottom: 12 }} />
      ) : (
        <Typography.Paragraph type="secondary">{t('open.portal.download.hint')}</Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        {DISTRIBUTION_FORMATS.map((f) => (
          <Button
            key={f.format}
            type={f.format === 'csv' ? 'primary' : 'default'}
            href={openDownloadPath(resourceId, f.format)}
            download
            disabled={locked}
            aria-label={t('open.portal.download.button', { format: f.label })}
            data-testid={`open-download-${f.format}`}
          >
            {f.label}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
