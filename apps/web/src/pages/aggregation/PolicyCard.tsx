import type { QualityView } from '@gongshu/contracts';
import { Card, Descriptions } from 'antd';
import { LinkButton } from '../../components/LinkButton';
import { useI18n } from '../../i18n/useT';
import { toPercent } from './format';
import { qualityPath } from './paths';
import { ruleCount, rulesOf } from './quality/qualityRules';

export interface PolicyCardProps {
  readonly resourceId: string;
  readonly settings: QualityView['settings'];
  readonly ownerLabel: string | null;
  readonly canEdit: boolean;
}

/** 质量负责人与策略 (R12.1): who confirms fixes, what happens to a load with problem rows, how many rules. */
export function PolicyCard({ resourceId, settings, ownerLabel, canEdit }: PolicyCardProps) {
  const { t } = useI18n();
  const rules = rulesOf(settings);
  return (
    <Card
      style={{ height: '100%' }}
      title={
        <h2 className="gs-card-title" data-testid="policy-heading">
          {t('data.policy.heading')}
        </h2>
      }
      extra={
        <LinkButton size="small" to={qualityPath(resourceId)} data-testid="quality-settings-link">
          {canEdit ? t('data.quality.edit') : t('data.quality.view')}
        </LinkButton>
      }
    >
      <Descriptions
        size="small"
        column={1}
        data-testid="policy-facts"
        items={[
          { key: 'owner', label: t('data.quality.owner'), children: ownerLabel ?? t('data.owner.none') },
          {
            key: 'policy',
            label: t('data.quality.policy'),
            children:
              settings.policy === 'reject'
                ? t('data.policy.rejectSummary', { threshold: toPercent(settings.threshold) })
                : t('data.policy.quarantineSummary'),
          },
          { key: 'rules', label: t('data.quality.rules'), children: t('data.policy.ruleCount', { count: ruleCount(rules) }) },
        ]}
      />
    </Card>
  );
}
