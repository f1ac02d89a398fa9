import { Table, Tag } from 'antd';
import type { CatalogImportError } from '../../../api/catalogFiles';
import { useI18n } from '../../../i18n/useT';

/** The errors of an imported file, located as a spreadsheet user looks for them: sheet, row, column. */
export function ImportErrorTable({ errors }: { readonly errors: readonly CatalogImportError[] }) {
  const { t, pick } = useI18n();
  return (
    <Table<CatalogImportError & { key: number }>
      rowKey="key"
      size="small"
      dataSource={errors.map((error, key) => ({ ...error, key }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="import-errors"
      columns={[
        { key: 'sheet', title: t('catalog.import.sheet'), width: 90, render: (_, error) => error.sheet || '—' },
        { key: 'row', title: t('catalog.import.row'), width: 64, align: 'right', render: (_, error) => (error.row > 0 ? error.row : '—') },
        { key: 'column', title: t('catalog.import.column'), width: 120, render: (_, error) => error.column || '—' },
        { key: 'message', title: t('catalog.import.message'), render: (_, error) => pick(error.message) },
        {
          key: 'requirement',
          title: t('catalog.import.requirement'),
          width: 90,
          render: (_, error) =>
            error.requirement ? (
              <Tag color="error" variant="outlined">
                {error.requirement}
              </Tag>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
