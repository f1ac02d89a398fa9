import type { CatalogResource } from '@gongshu/contracts';
import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { VersionKindTag } from '../shared/VersionKindTag';
import { VersionStateTag } from '../shared/VersionStateTag';

type Summary = CatalogResource['versions'][number];

/** Every version of an entry the reader may see (R10.3: the catalog keeps every version). */
export function VersionHistory({ versions }: { readonly versions: readonly Summary[] }) {
  const { t, lang } = useI18n();
  return (
    <Table<Summary>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...versions].sort((a, b) => b.number - a.number)}
      scroll={{ x: 760 }}
      data-testid="version-history"
      columns={[
        {
          key: 'number',
          title: t('catalog.version.number'),
          width: 90,
          render: (_, version) => (
            <Link to={`/catalog/versions/${version.id}`}>{t('catalog.version.label', { number: version.number })}</Link>
          ),
        },
        { key: 'kind', title: t('catalog.version.kind'), width: 90, render: (_, version) => <VersionKindTag kind={version.kind} /> },
        { key: 'state', title: t('catalog.version.state'), width: 110, render: (_, version) => <VersionStateTag state={version.state} /> },
        {
          key: 'reason',
          title: t('catalog.change.reason'),
          render: (_, version) =>
            version.changeReason ? (
              <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: version.changeReason }}>
                {version.changeReason}
              </Typography.Paragraph>
            ) : (
              '—'
            ),
        },
        {
          key: 'submitted',
          title: t('catalog.version.submittedAt'),
          width: 150,
          render: (_, version) => formatDateTime(lang, version.submittedAt) || '—',
        },
        {
          key: 'published',
          title: t('catalog.version.publishedAt'),
          width: 150,
          render: (_, version) => formatDateTime(lang, version.publishedAt) || '—',
        },
      ]}
    />
  );
}
