import type { CatalogResource } from '@gongshu/contracts';
import { Alert, Descriptions } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/useT';
import { AttributeTags } from '../../catalog/shared/AttributeTags';

/**
 * The chosen resource: provider, share type with its conditions and legal basis (R13.1), and a
 * warning when the entry is not shared at all (then a demand is the way, R14.3).
 */
export function ResourceSummary({ resource }: { readonly resource: CatalogResource }) {
  const { t } = useI18n();
  const current = resource.current;
  if (!current) return <Alert type="warning" showIcon title={t('catalog.resource.notPublished')} />;
  const m = current.metadata;
  return (
    <div data-testid="wizard-resource-summary" data-share-type={m.share.type}>
      {m.share.type === 'none' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('share.wizard.notShared')} /> : null}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'name',
            label: t('catalog.meta.name'),
            children: (
              <Link to={`/catalog/resources/${resource.id}`} target="_blank">
                {m.name}
              </Link>
            ),
          },
          { key: 'provider', label: t('catalog.meta.provider'), children: resource.provider.name },
          {
            key: 'attributes',
            label: t('share.wizard.attributes'),
            children: (
              <AttributeTags
                attributes={{
                  shareType: m.share.type,
                  openType: m.open.type,
                  securityLevel: m.securityLevel,
                  updateFrequency: m.updateFrequency,
                  formatCategory: m.formatCategory,
                }}
              />
            ),
          },
          ...(m.share.type === 'conditional'
            ? [{ key: 'conditions', label: t('catalog.share.conditions'), children: m.share.conditions ?? '—' }]
            : []),
          ...(m.share.legalBasis ? [{ key: 'basis', label: t('catalog.share.legalBasis'), children: m.share.legalBasis }] : []),
        ]}
      />
    </div>
  );
}
