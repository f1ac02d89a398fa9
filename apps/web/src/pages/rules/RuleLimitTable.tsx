import type { RuleSetSummary } from '@gongshu/contracts';
import { Table, Typography } from 'antd';
import { useI18n } from '../../i18n/useT';

type Limit = RuleSetSummary['document']['limits'][string];
type Row = Limit & { readonly step: string };

/** The step limits of a rule set: label, working days, who must act, article and requirement (R37.1). */
export function RuleLimitTable({ limits }: { readonly limits: RuleSetSummary['document']['limits'] }) {
  const { t, pick } = useI18n();
  const rows: Row[] = Object.entries(limits)
    .map(([step, limit]) => ({ ...limit, step }))
    .sort((a, b) => a.step.localeCompare(b.step));
  return (
    <Table<Row>
      rowKey="step"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 860 }}
      data-testid="rule-limit-table"
      columns={[
        {
          key: 'step',
          title: t('rules.col.step'),
          render: (_, row) => (
            <>
              {pick(row.label)}
              <Typography.Text type="secondary" className="gs-mono" style={{ display: 'block', fontSize: 12 }}>
                {row.step}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'days',
          title: t('rules.col.days'),
          width: 170,
          render: (_, row) =>
            row.workingDays !== null
              ? t(row.workingDays === 1 ? 'rules.oneDay' : 'rules.days', { days: row.workingDays })
              : t('rules.perCase', { days: row.defaultWorkingDays ?? '—' }),
        },
        {
          key: 'responsible',
          title: t('rules.col.responsible'),
          width: 150,
          render: (_, row) => t(`rules.responsible.${row.responsible}`),
        },
        { key: 'article', title: t('rules.col.article'), width: 170, render: (_, row) => row.article ?? t('rules.noArticle') },
        { key: 'requirement', title: t('rules.col.requirement'), width: 100, dataIndex: 'requirement' },
      ]}
    />
  );
}
