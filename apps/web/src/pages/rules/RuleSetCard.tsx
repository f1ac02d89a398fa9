import type { RuleSetSummary } from '@gongshu/contracts';
import { Card, Descriptions, Tag } from 'antd';
import { useI18n } from '../../i18n/useT';
import { chinaToday, formatDateTime } from '../shared/labels';
import { RuleLimitTable } from './RuleLimitTable';
import { validityOf } from './ruleSetFile';

const VALIDITY_COLOR = { inForce: 'success', notYet: 'processing', expired: 'default' } as const;

/** One rule set: its source, validity (and whether in force today) and its table of step limits. */
export function RuleSetCard({ ruleSet }: { readonly ruleSet: RuleSetSummary }) {
  const { t, lang } = useI18n();
  const validity = validityOf(ruleSet, chinaToday());
  return (
    <Card
      data-testid={`rule-set-${ruleSet.code}`}
      title={<h2 className="gs-card-title">{ruleSet.title}</h2>}
      extra={
        <Tag color={VALIDITY_COLOR[validity]} data-testid="rule-set-validity">
          {t(`rules.${validity}`)}
        </Tag>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'code', label: t('rules.code'), children: <code>{ruleSet.code}</code> },
          {
            key: 'validity',
            label: t('rules.validity'),
            children: t('rules.validRange', { from: ruleSet.validFrom, to: ruleSet.validTo }),
          },
          { key: 'source', label: t('rules.source'), children: ruleSet.source, span: 2 },
          { key: 'loaded', label: t('rules.loadedAt'), children: formatDateTime(lang, ruleSet.loadedAt) },
        ]}
      />
      <h3 className="gs-subheading">{t('rules.limitsOf', { title: ruleSet.title })}</h3>
      <RuleLimitTable limits={ruleSet.document.limits} />
    </Card>
  );
}
