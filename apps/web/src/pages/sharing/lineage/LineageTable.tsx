import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Lineage } from '../../../api/sharing';
import { safeNext } from '../../../auth/homePath';
import { EmptyText } from '../../../components/EmptyText';
import { useT } from '../../../i18n/useT';
import { columnOf } from './lineageKinds';

interface Row {
  readonly key: string;
  readonly from: Lineage['nodes'][number];
  readonly to: Lineage['nodes'][number];
  readonly label: string | null;
}

/** The lineage as a table (the graph's text alternative): every link from one stage to the next. */
export function LineageTable({ lineage }: { readonly lineage: Lineage }) {
  const t = useT();
  const byId = new Map(lineage.nodes.map((node) => [node.id, node]));
  const rows: Row[] = lineage.edges
    .flatMap((edge, index) => {
      const from = byId.get(edge.from);
      const to = byId.get(edge.to);
      return from && to ? [{ key: `${edge.from}-${edge.to}-${index}`, from, to, label: edge.label }] : [];
    })
    .sort((a, b) => columnOf(a.from.kind) - columnOf(b.from.kind));
  const cell = (node: Row['from']) => {
    const to = safeNext(node.link);
    return (
      <>
        <Tag>{t(`share.lineage.kind.${node.kind}`)}</Tag>
        {to ? <Link to={to}>{node.label}</Link> : <span>{node.label}</span>}
        {node.detail ? (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {node.detail}
          </Typography.Text>
        ) : null}
      </>
    );
  };
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 760 }}
      data-testid="lineage-table"
      locale={{ emptyText: <EmptyText>{t('share.lineage.empty')}</EmptyText> }}
      columns={[
        { key: 'from', title: t('share.lineage.from'), render: (_, row) => cell(row.from) },
        { key: 'label', title: t('share.lineage.link'), width: 160, render: (_, row) => row.label ?? '→' },
        { key: 'to', title: t('share.lineage.to'), render: (_, row) => cell(row.to) },
      ]}
    />
  );
}
