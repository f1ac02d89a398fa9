import type { OnTimeRow } from '@gongshu/contracts';
import { Table } from 'antd';
import { EmptyText } from '../../components/EmptyText';
import { useI18n } from '../../i18n/useT';
import { percent } from './onTime';

export interface OnTimeTableProps {
  readonly rows: readonly OnTimeRow[];
  /** The heading of the label column: agency or step. */
  readonly labelTitle: string;
  readonly testId: string;
}

/** The on-time figures as a table: the chart's text fallback (R33.1). */
export function OnTimeTable({ rows, labelTitle, testId }: OnTimeTableProps) {
  const { t, pick } = useI18n();
  const count = (key: 'metOnTime' | 'metLate' | 'overdue' | 'open', title: string) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
    width: 96,
  });
  return (
    <Table<OnTimeRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      scroll={{ x: 640 }}
      data-testid={testId}
      locale={{ emptyText: <EmptyText>{t('onTime.empty')}</EmptyText> }}
      columns={[
        { key: 'label', title: labelTitle, render: (_, row) => pick(row.label) },
        count('metOnTime', t('onTime.metOnTime')),
        count('metLate', t('onTime.metLate')),
        count('overdue', t('onTime.overdue')),
        count('open', t('onTime.open')),
        { key: 'rate', title: t('onTime.rate'), align: 'right', width: 110, render: (_, row) => percent(row.rate) },
      ]}
    />
  );
}
