import type { CatalogVersion } from '@gongshu/contracts';
import { Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { DueDate } from '../../deadlines/DueDate';
import { ProvisionalTag } from '../../deadlines/ProvisionalTag';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { formatDateTime } from '../../shared/labels';
import { VersionKindTag } from '../shared/VersionKindTag';
import { VersionStateTag } from '../shared/VersionStateTag';

/** Sorted by the time left of the review step, the most urgent first; versions without a step last. */
export function byTimeLeft(a: CatalogVersion, b: CatalogVersion): number {
  if (!a.deadline || !b.deadline) return a.deadline ? -1 : b.deadline ? 1 : 0;
  return a.deadline.dueAt.localeCompare(b.deadline.dueAt);
}

/**
 * Submissions waiting for the bureau (R10.2, R10.3, R18.3): entry, kind, provider, time left,
 * filed late, downgrade and overlap count.
 */
export function ReviewTable({ versions, loading }: { readonly versions: readonly CatalogVersion[]; readonly loading: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table<CatalogVersion>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={[...versions].sort(byTimeLeft)}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1070 }}
      data-testid="review-table"
      locale={{ emptyText: <EmptyText>{t('catalog.reviews.empty')}</EmptyText> }}
      onRow={(version) => ({ 'data-testid': 'review-row', 'data-version': version.id }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'name',
          title: t('catalog.meta.name'),
          width: 250,
          render: (_, version) => (
            <>
              <Link to={`/catalog/reviews/${version.id}`} data-testid="review-link">
                {version.metadata.name}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {version.resourceCode ?? t('catalog.meta.noCode')} · {t('catalog.version.label', { number: version.number })} ·{' '}
                {t('catalog.reviews.submittedAt', { at: formatDateTime(lang, version.submittedAt) })}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'kind',
          title: t('catalog.version.kind'),
          width: 96,
          render: (_, version) => (
            <Space size={[0, 4]} wrap>
              <VersionKindTag kind={version.kind} />
              {version.state === 'downgrade_review' ? <VersionStateTag state={version.state} /> : null}
            </Space>
          ),
        },
        { key: 'provider', title: t('catalog.meta.provider'), width: 180, render: (_, version) => version.provider.name },
        {
          key: 'due',
          title: t('deadline.col.due'),
          width: 120,
          render: (_, version) => (version.deadline ? <DueDate item={version.deadline} /> : '—'),
        },
        {
          key: 'left',
          title: t('deadline.col.left'),
          width: 150,
          render: (_, version) =>
            version.deadline ? (
              <>
                <TimeLeft item={version.deadline} />
                {version.deadline.provisional ? <ProvisionalTag /> : null}
              </>
            ) : (
              '—'
            ),
        },
        {
          key: 'flags',
          title: t('catalog.reviews.flags'),
          width: 170,
          render: (_, version) => (
            <Space size={[0, 4]} wrap>
              {version.filedLate ? (
                <Tag color="error" data-testid="flag-late">
                  {t('catalog.change.filedLate')}
                </Tag>
              ) : null}
              {version.downgrades.length > 0 ? (
                <Tag color="warning" data-testid="flag-downgrade">
                  {t('catalog.reviews.downgrade', {
                    attributes: version.downgrades.map((attribute) => t(`catalog.downgrade.${attribute}`)).join(t('common.listSeparator')),
                  })}
                </Tag>
              ) : null}
              {!version.filedLate && version.downgrades.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
            </Space>
          ),
        },
        {
          key: 'overlaps',
          title: t('catalog.reviews.overlaps'),
          width: 96,
          align: 'right',
          render: (_, version) =>
            version.overlaps.length > 0 ? (
              <Tag color={version.needsJustification ? 'warning' : 'default'}>
                {t('catalog.reviews.overlapCount', { count: version.overlaps.length })}
              </Tag>
            ) : (
              '0'
            ),
        },
      ]}
    />
  );
}
