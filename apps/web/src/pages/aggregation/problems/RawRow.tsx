import type { DataProblem } from '@gongshu/contracts';
import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import type { FieldLookup } from './fieldNames';

/** The row as it was read from the file, in the resource's field order, the columns with problems marked in words. */
export function RawRow({ problem, fields }: { readonly problem: DataProblem; readonly fields: FieldLookup }) {
  const { t } = useI18n();
  const raw = problem.raw ?? {};
  const flagged = new Set(problem.problems.map((reason) => reason.column));
  const keys = Object.keys(raw).sort((a, b) => fields.orderOf(a) - fields.orderOf(b));
  if (keys.length === 0) return <Typography.Text type="secondary">{t('data.problem.noRaw')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xxl: 3 }}
      title={<h3 className="gs-subheading">{t('data.problem.rawHeading', { row: problem.rowNumber ?? '—' })}</h3>}
      data-testid="problem-raw"
      items={keys.map((key) => {
        const field = fields.fieldOf(key);
        const bad = field ? flagged.has(field.code) : false;
        const value = raw[key];
        const text = value === null || value === undefined || value === '' ? '' : typeof value === 'string' ? value : JSON.stringify(value);
        return {
          key,
          label: field ? t('data.fieldLabel', { name: field.name, code: field.code }) : key,
          children: (
            <span className={bad ? 'gs-raw-bad' : undefined}>
              {text ? (
                <code className="gs-mono">{text}</code>
              ) : (
                <Typography.Text type="secondary">{t('data.problem.empty')}</Typography.Text>
              )}
              {bad ? <strong> {t('data.problem.flagged')}</strong> : null}
            </span>
          ),
        };
      })}
    />
  );
}
