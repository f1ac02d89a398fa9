import type { PortalResource } from '@gongshu/contracts';
import { Card, Descriptions } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from '../../catalog/shared/vocabulary';
import { chinaDate, sectorLabel } from '../../shared/labels';
import { OpenTypeTag } from './OpenTypeTag';

/** The open resource's public facts: provider, class, open type and conditions (R19.2), licence, frequency, dates. */
export function FactsCard({ resource }: { readonly resource: PortalResource }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const licence = resource.licence;
  return (
    <Card title={<h2 className="gs-card-title">{t('open.portal.facts.heading')}</h2>} data-testid="open-facts">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'provider', label: t('open.portal.facts.provider'), children: resource.provider.name },
          { key: 'code', label: t('open.portal.facts.code'), children: <code className="gs-mono">{resource.code}</code> },
          {
            key: 'class',
            label: t('open.portal.facts.classification'),
            children: `${resource.classTop.name} / ${resource.classification.name}`,
          },
          ...(resource.sector
            ? [{ key: 'sector', label: t('open.portal.facts.sector'), children: sectorLabel(i18n, resource.sector) }]
            : []),
          { key: 'openType', label: t('open.portal.facts.openType'), children: <OpenTypeTag openType={resource.openType} /> },
          ...(resource.openConditions
            ? [
                {
                  key: 'conditions',
                  label: t('open.portal.facts.conditions'),
                  children: <span data-testid="open-conditions">{resource.openConditions}</span>,
                },
              ]
            : []),
          {
            key: 'licence',
            label: t('open.portal.facts.licence'),
            children: (
              <span data-testid="open-licence">
                {licence.url ? (
                  <a href={licence.url} target="_blank" rel="noreferrer license">
                    {licence.title ?? licence.text}
                  </a>
                ) : (
                  (licence.text ?? t('open.portal.facts.noLicence'))
                )}
              </span>
            ),
          },
          {
            key: 'frequency',
            label: t('open.portal.facts.frequency'),
            children: <span data-testid="open-frequency">{termLabel(pick, 'updateFrequency', resource.updateFrequency)}</span>,
          },
          { key: 'updated', label: t('open.portal.facts.updated'), children: chinaDate(resource.updatedAt) },
          { key: 'published', label: t('open.portal.facts.published'), children: chinaDate(resource.firstPublishedAt) },
          {
            key: 'version',
            label: t('open.portal.facts.version'),
            children: t('open.portal.facts.versionValue', { version: resource.version }),
          },
          {
            key: 'format',
            label: t('open.portal.facts.format'),
            children: `${termLabel(pick, 'formatCategory', resource.formatCategory)}${resource.formatType ? ` · ${resource.formatType}` : ''}`,
          },
        ]}
      />
    </Card>
  );
}
