import type { MyEntry } from '@gongshu/contracts';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { dataPath } from '../../aggregation/paths';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { formatDateTime } from '../../shared/labels';
import { VersionKindTag } from '../shared/VersionKindTag';
import { VersionStateTag } from '../shared/VersionStateTag';

/** A pending version the agency can still change (and submit or withdraw). */
export function isEditable(entry: MyEntry): boolean {
  return entry.pending !== null && (entry.pending.state === 'draft' || entry.pending.state === 'returned');
}

export interface MyCatalogTableProps {
  readonly entries: readonly MyEntry[];
  readonly loading: boolean;
  /** Resource ids of the selected entries (drafts and returned versions only). */
  readonly selected: readonly string[];
  readonly onSelect: (resourceIds: string[]) => void;
  readonly onStartChange: (entry: MyEntry) => void;
  readonly onWithdraw: (entry: MyEntry) => void;
  readonly withdrawing: string | null;
}

/**
 * My agency's entries: the published version, the pending draft or submission with its state, the
 * problems that stop a draft's submission, the time left of a pending review (R10.2, R10.3), and
 * the way to a published entry's data (R11.1).
 */
export function MyCatalogTable({ entries, loading, selected, onSelect, onStartChange, onWithdraw, withdrawing }: MyCatalogTableProps) {
  const { t, lang } = useI18n();
  return (
    <Table<MyEntry>
      rowKey="resourceId"
      size="middle"
      loading={loading}
      dataSource={[...entries]}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 1180 }}
      data-testid="my-catalog-table"
      locale={{ emptyText: <EmptyText>{t('catalog.mine.empty')}</EmptyText> }}
      onRow={(entry) => ({ 'data-testid': 'my-entry', 'data-name': entry.name }) as HTMLAttributes<HTMLElement>}
      rowSelection={{
        selectedRowKeys: [...selected],
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (entry) => ({ disabled: !isEditable(entry), 'aria-label': t('catalog.mine.select', { name: entry.name }) }),
        columnTitle: <span className="gs-sr-only">{t('catalog.mine.selectColumn')}</span>,
      }}
      columns={[
        {
          key: 'name',
          title: t('catalog.meta.name'),
          render: (_, entry) => (
            <>
              <Link
                to={entry.pending ? `/catalog/versions/${entry.pending.id}` : `/catalog/resources/${entry.resourceId}`}
                data-testid="my-entry-link"
              >
                {entry.name || t('catalog.editor.untitled')}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {entry.code ?? t('catalog.meta.noCode')}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'published',
          title: t('catalog.mine.published'),
          width: 170,
          render: (_, entry) =>
            entry.published ? (
              <>
                <Link to={`/catalog/resources/${entry.resourceId}`}>{t('catalog.version.label', { number: entry.published.number })}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {formatDateTime(lang, entry.published.publishedAt)}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('catalog.mine.notPublished')}</Typography.Text>
            ),
        },
        {
          key: 'pending',
          title: t('catalog.mine.pending'),
          width: 220,
          render: (_, entry) =>
            entry.pending ? (
              <Space size={[0, 4]} wrap>
                <VersionKindTag kind={entry.pending.kind} />
                <VersionStateTag state={entry.pending.state} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('catalog.version.label', { number: entry.pending.number })}
                </Typography.Text>
              </Space>
            ) : (
              '—'
            ),
        },
        {
          key: 'problems',
          title: t('catalog.mine.problems'),
          width: 110,
          render: (_, entry) =>
            !isEditable(entry) ? (
              '—'
            ) : entry.problemCount > 0 ? (
              <Tag color="error" data-testid="problem-count">
                {t('catalog.mine.problemCount', { count: entry.problemCount })}
              </Tag>
            ) : (
              <Tag color="success" data-testid="problem-count">
                {t('catalog.mine.noProblems')}
              </Tag>
            ),
        },
        {
          key: 'left',
          title: t('catalog.mine.reviewLeft'),
          width: 170,
          render: (_, entry) => (entry.deadline ? <TimeLeft item={entry.deadline} /> : '—'),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 200,
          fixed: 'right',
          render: (_, entry) => (
            <Space size={0} wrap>
              {entry.pending && isEditable(entry) ? (
                <Link to={`/catalog/versions/${entry.pending.id}`} className="gs-table-action">
                  {t('common.edit')}
                </Link>
              ) : null}
              {entry.published ? (
                <Link to={dataPath(entry.resourceId)} className="gs-table-action" data-testid="entry-data">
                  {t('data.mine.link')}
                </Link>
              ) : null}
              {entry.published && !entry.pending ? (
                <Button type="link" size="small" onClick={() => onStartChange(entry)} data-testid="start-change">
                  {t('catalog.change.start')}
                </Button>
              ) : null}
              {isEditable(entry) ? (
                <Popconfirm
                  title={t('catalog.editor.withdrawConfirm')}
                  okText={t('catalog.editor.withdraw')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onWithdraw(entry)}
                >
                  <Button type="link" size="small" danger loading={withdrawing === entry.pending?.id}>
                    {t('catalog.editor.withdraw')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
