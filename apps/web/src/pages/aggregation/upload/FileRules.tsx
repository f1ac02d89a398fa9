import type { ResourceMetadata } from '@gongshu/contracts';
import { Card, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from '../../catalog/shared/vocabulary';

type FieldSpec = ResourceMetadata['fields'][number];

/**
 * 文件要求: the formats accepted, the header the file must carry (the resource's field names or
 * codes), and the checks every row goes through (R11.2 identifiers, R12.1 quality rules).
 */
export function FileRules({ fields }: { readonly fields: readonly FieldSpec[] }) {
  const { t, pick } = useI18n();
  return (
    <Card
      title={
        <h2 className="gs-card-title" data-testid="file-rules-heading">
          {t('data.upload.rulesHeading')}
        </h2>
      }
    >
      <ul className="gs-rule-list">
        <li>{t('data.upload.ruleCsv')}</li>
        <li>{t('data.upload.ruleXlsx')}</li>
        <li>{t('data.upload.ruleJsonl')}</li>
        <li>{t('data.upload.ruleHeader')}</li>
        <li>{t('data.upload.ruleChecks')}</li>
      </ul>
      <h3 className="gs-subheading" style={{ marginTop: 16 }}>
        {t('data.upload.headerHeading', { count: fields.length })}
      </h3>
      <Table<FieldSpec>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...fields]}
        data-testid="upload-fields"
        columns={[
          { key: 'name', title: t('catalog.fields.name'), dataIndex: 'name' },
          { key: 'code', title: t('catalog.fields.code'), render: (_, field) => <code className="gs-mono">{field.code}</code> },
          {
            key: 'type',
            title: t('catalog.fields.dataType'),
            render: (_, field) => (
              <>
                {termLabel(pick, 'dataType', field.dataType)}
                {field.identifierRole !== 'none' ? (
                  <Tag color="processing" style={{ marginInlineStart: 6 }}>
                    {termLabel(pick, 'identifierRole', field.identifierRole)}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            key: 'required',
            title: t('catalog.fields.required'),
            width: 64,
            render: (_, field) => (field.required ? <Typography.Text strong>{t('catalog.yes')}</Typography.Text> : t('catalog.no')),
          },
        ]}
      />
    </Card>
  );
}
