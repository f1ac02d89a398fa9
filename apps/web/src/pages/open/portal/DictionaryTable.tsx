import type { PortalField } from '@gongshu/contracts';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { Table, Tag } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from '../../catalog/shared/vocabulary';

/** The data dictionary as published: code, name, type and length, required, description. */
export function DictionaryTable({ fields }: { readonly fields: readonly PortalField[] }) {
  const { t, pick } = useI18n();
  return (
    <ScrollRegion label={t('open.portal.dictionary.heading', { count: fields.length })}>
      <Table<PortalField>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={[...fields]}
        data-testid="open-dictionary"
        columns={[
          {
            key: 'code',
            title: t('open.portal.dictionary.code'),
            dataIndex: 'code',
            render: (code: string) => <code className="gs-mono">{code}</code>,
          },
          { key: 'name', title: t('open.portal.dictionary.name'), dataIndex: 'name' },
          {
            key: 'type',
            title: t('open.portal.dictionary.type'),
            render: (_, field) => `${termLabel(pick, 'dataType', field.dataType)}${field.length ? `(${field.length})` : ''}`,
          },
          {
            key: 'required',
            title: t('open.portal.dictionary.required'),
            render: (_, field) =>
              field.required ? <Tag color="blue">{t('open.portal.dictionary.yes')}</Tag> : t('open.portal.dictionary.no'),
          },
          { key: 'description', title: t('open.portal.dictionary.description'), render: (_, field) => field.description ?? '' },
        ]}
      />
    </ScrollRegion>
  );
}
