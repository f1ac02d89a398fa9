import type { CatalogVersion } from '@gongshu/contracts';
import { Alert } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';

/** Why the bureau returned a version: every reason at once, each with its legal basis (R16.1). */
export function ReturnReasons({ version }: { readonly version: CatalogVersion }) {
  const { t, lang } = useI18n();
  if (version.returnReasons.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="return-reasons"
      style={{ marginBottom: 16 }}
      title={t('catalog.returned.title', { at: formatDateTime(lang, version.reviewedAt) })}
      description={
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {version.returnReasons.map((reason, index) => (
            <li key={index}>
              {reason.reason}
              {reason.legalBasis ? <span className="gs-muted">{t('catalog.returned.basis', { basis: reason.legalBasis })}</span> : null}
            </li>
          ))}
        </ol>
      }
    />
  );
}
