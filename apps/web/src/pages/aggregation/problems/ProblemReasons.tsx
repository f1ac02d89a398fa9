import type { DataProblem } from '@gongshu/contracts';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import type { FieldLookup } from './fieldNames';

/**
 * Why a row is a problem: each column with its message and the requirement it enforces (R11.2 for
 * identifiers, R12.1 for other rules); for a consumer's report, the record and the description.
 */
export function ProblemReasons({ problem, fields }: { readonly problem: DataProblem; readonly fields: FieldLookup }) {
  const { t, pick } = useI18n();
  if (problem.source === 'report') {
    return (
      <div data-testid="problem-report">
        {problem.recordKey ? (
          <div>
            <Typography.Text type="secondary">{t('data.report.recordKey')}：</Typography.Text>
            <code className="gs-mono">{problem.recordKey}</code>
          </div>
        ) : null}
        <Typography.Paragraph
          style={{ margin: 0, whiteSpace: 'pre-wrap' }}
          ellipsis={{ rows: 3, expandable: true, symbol: t('data.problem.more') }}
        >
          {problem.description ?? ''}
        </Typography.Paragraph>
      </div>
    );
  }
  return (
    <ul className="gs-problem-list" data-testid="problem-reasons">
      {problem.problems.map((reason, index) => (
        <li
          key={`${reason.column}-${reason.rule}-${index}`}
          data-testid="problem-reason"
          data-column={reason.column}
          data-rule={reason.rule}
        >
          <Typography.Text strong>{fields.nameOf(reason.column)}</Typography.Text>
          {reason.column ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              ({reason.column})
            </Typography.Text>
          ) : null}
          <span aria-hidden="true"> → </span>
          <span className="gs-sr-only">：</span>
          {pick(reason.message)}
          <Tag color="error" variant="outlined" style={{ marginInlineStart: 8 }}>
            {t('common.requirement', { id: reason.requirement })}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
