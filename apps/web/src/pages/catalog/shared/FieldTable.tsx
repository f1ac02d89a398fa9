import type { ResourceMetadata } from '@gongshu/contracts';
import { Table, Tag, Typography } from 'antd';
import { EmptyText } from '../../../components/EmptyText';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from './vocabulary';

type FieldSpec = ResourceMetadata['fields'][number];

interface Row extends FieldSpec {
  readonly index: number;
}

export const SENSITIVITY_COLOR: Record<FieldSpec['sensitivity'], string> = {
  public: 'default',
  internal: 'default',
  sensitive: 'warning',
  highly_sensitive: 'error',
};

/** 数据字典: every field (信息项) with its type, length, identifier role, sensitivity and whether it is required. */
export function FieldTable({ fields }: { readonly fields: readonly FieldSpec[] }) {
  const { t, pick } = useI18n();
  // A narrow column scrolls the table sideways: the region is focusable, so keyboards scroll it too.
  return (
    <ScrollRegion label={t('catalog.section.fields')} testId="field-table-region">
      <Table<Row>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={fields.map((field, index) => ({ ...field, index: index + 1 }))}
        data-testid="field-table"
        style={{ minWidth: 880 }}
        locale={{ emptyText: <EmptyText>{t('catalog.fields.empty')}</EmptyText> }}
        columns={[
          { key: 'index', title: t('catalog.fields.index'), dataIndex: 'index', width: 52, align: 'right' },
          { key: 'name', title: t('catalog.fields.name'), dataIndex: 'name', width: 160 },
          { key: 'code', title: t('catalog.fields.code'), width: 120, render: (_, field) => <code className="gs-mono">{field.code}</code> },
          {
            key: 'type',
            title: t('catalog.fields.dataType'),
            width: 96,
            render: (_, field) => termLabel(pick, 'dataType', field.dataType),
          },
          { key: 'length', title: t('catalog.fields.length'), width: 60, align: 'right', render: (_, field) => field.length ?? '—' },
          {
            key: 'role',
            title: t('catalog.fields.identifierRole'),
            width: 124,
            render: (_, field) =>
              field.identifierRole === 'none' ? (
                <Typography.Text type="secondary">{termLabel(pick, 'identifierRole', field.identifierRole)}</Typography.Text>
              ) : (
                <Tag color="processing">{termLabel(pick, 'identifierRole', field.identifierRole)}</Tag>
              ),
          },
          {
            key: 'sensitivity',
            title: t('catalog.fields.sensitivity'),
            width: 88,
            render: (_, field) => (
              <Tag color={SENSITIVITY_COLOR[field.sensitivity]}>{termLabel(pick, 'sensitivity', field.sensitivity)}</Tag>
            ),
          },
          {
            key: 'required',
            title: t('catalog.fields.required'),
            width: 56,
            render: (_, field) => (field.required ? t('catalog.yes') : t('catalog.no')),
          },
          { key: 'description', title: t('catalog.fields.description'), render: (_, field) => field.description ?? '—' },
        ]}
      />
    </ScrollRegion>
  );
}
