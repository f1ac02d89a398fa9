import type { Change } from '@gongshu/contracts';
import { Table, Tag } from 'antd';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { diffValueText } from './diffValue';

const KIND_COLOR = { added: 'success', removed: 'error', changed: 'processing' } as const;

export interface DiffTableProps {
  readonly changes: readonly Change[];
  readonly loading?: boolean;
  readonly testId?: string;
}

/** The changes between two versions: item, kind, before → after; added fields green, removed ones red and struck through. */
export function DiffTable({ changes, loading = false, testId = 'diff-table' }: DiffTableProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  return (
    <Table<Change>
      rowKey="path"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={[...changes]}
      tableLayout="fixed"
      data-testid={testId}
      rowClassName={(change) => `gs-diff-${change.kind}`}
      locale={{ emptyText: <EmptyText>{t('catalog.diff.none')}</EmptyText> }}
      columns={[
        { key: 'label', title: t('catalog.diff.item'), width: 180, render: (_, change) => pick(change.label) },
        {
          key: 'kind',
          title: t('catalog.diff.kind'),
          width: 76,
          render: (_, change) => <Tag color={KIND_COLOR[change.kind]}>{t(`catalog.diff.${change.kind}`)}</Tag>,
        },
        {
          key: 'before',
          title: t('catalog.diff.before'),
          render: (_, change) => (
            <span className={change.kind === 'removed' ? 'gs-diff-old' : undefined}>{diffValueText(i18n, change.path, change.before)}</span>
          ),
        },
        {
          key: 'after',
          title: t('catalog.diff.after'),
          render: (_, change) => <span className="gs-diff-new">{diffValueText(i18n, change.path, change.after)}</span>,
        },
      ]}
    />
  );
}
