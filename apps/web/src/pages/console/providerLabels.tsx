/** Shared bits of the service-provider pages (R30.1): the status tag and the days-to-expiry text. */
import type { ProviderStatus, ServiceProvider } from '@gongshu/contracts';
import { Tag, Typography } from 'antd';
import type { MessageKey } from '../../i18n/zh';
import { useI18n } from '../../i18n/useT';

/** Outlined status colours: filled green and blue tags fail the WCAG contrast check (axe, e2e/security). */
const STATUS_COLOR: Record<ProviderStatus, string> = {
  pending: 'processing',
  in_force: 'success',
  expired: 'error',
  ended: 'default',
  terminated: 'error',
};

export const PROVIDER_STATUSES: readonly ProviderStatus[] = ['in_force', 'pending', 'expired', 'ended', 'terminated'];

export function statusKey(status: ProviderStatus): MessageKey {
  return `security.providers.status.${status}`;
}

export function ProviderStatusTag({ status }: { readonly status: ProviderStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} variant="outlined" data-testid="provider-status">
      {t(statusKey(status))}
    </Tag>
  );
}

/** Days to the agreement's last day; warned within 30 days, nothing once it no longer runs. */
export function DaysToExpiry({ provider }: { readonly provider: Pick<ServiceProvider, 'status' | 'daysToExpiry'> }) {
  const { t } = useI18n();
  if (provider.status === 'ended' || provider.status === 'terminated') return <Typography.Text type="secondary">—</Typography.Text>;
  const days = provider.daysToExpiry;
  if (days < 0) return <Typography.Text type="danger">{t('security.providers.daysPast', { days: -days })}</Typography.Text>;
  if (days === 0) return <Typography.Text type="danger">{t('security.providers.daysToday')}</Typography.Text>;
  return days <= 30 ? (
    <Typography.Text type="warning" strong>
      {t('security.providers.days', { days })}
    </Typography.Text>
  ) : (
    <span>{t('security.providers.days', { days })}</span>
  );
}
