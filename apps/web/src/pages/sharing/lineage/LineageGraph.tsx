import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Lineage } from '../../../api/sharing';
import { safeNext } from '../../../auth/homePath';
import { FlowGraphChart } from '../../../charts/FlowGraphChart';
import { useT } from '../../../i18n/useT';
import { columnOf, KIND_COLOR } from './lineageKinds';

/** The lineage as a graph, left to right; a node with a page opens it when clicked. */
export function LineageGraph({ lineage, summary }: { readonly lineage: Lineage; readonly summary: string }) {
  const t = useT();
  const navigate = useNavigate();
  const nodes = useMemo(
    () =>
      lineage.nodes.map((node) => ({
        id: node.id,
        label: node.label,
        column: columnOf(node.kind),
        color: KIND_COLOR[node.kind],
        detail: [t(`share.lineage.kind.${node.kind}`), node.detail].filter(Boolean).join(' · '),
      })),
    [lineage.nodes, t],
  );
  const links = useMemo(() => new Map(lineage.nodes.map((node) => [node.id, safeNext(node.link)])), [lineage.nodes]);
  const list = useMemo(() => {
    const names = new Map(lineage.nodes.map((node) => [node.id, node.label]));
    return lineage.edges
      .map((edge) => t('share.lineage.edgeItem', { from: names.get(edge.from) ?? edge.from, to: names.get(edge.to) ?? edge.to }))
      .join(t('common.listSeparator'));
  }, [lineage, t]);
  return (
    <FlowGraphChart
      nodes={nodes}
      edges={lineage.edges}
      label={t('share.lineage.chartLabel', { summary, list })}
      testId="lineage-graph"
      onNodeClick={(id) => {
        const to = links.get(id);
        if (to) void navigate(to);
      }}
    />
  );
}
