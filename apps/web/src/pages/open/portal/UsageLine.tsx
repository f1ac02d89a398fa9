import type { PortalUsage } from '@gongshu/contracts';
import { useI18n } from '../../../i18n/useT';

/** Views, downloads and API calls of a resource in one line. */
export function UsageLine({ usage }: { readonly usage: PortalUsage }) {
  const { t } = useI18n();
  return (
    <span className="gs-open-usage">
      {t('open.portal.card.usage', { views: usage.views, downloads: usage.downloads, apiCalls: usage.apiCalls })}
    </span>
  );
}
