import { useMemo } from 'react';
import { EChart } from './EChart';
import { escapeHtml } from './escapeHtml';

export interface FlowNode {
  readonly id: string;
  readonly label: string;
  /** The stage, left to right (0 first). */
  readonly column: number;
  readonly color: string;
  /** A line under the label in the tooltip. */
  readonly detail?: string | null;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string | null;
}

export interface FlowGraphChartProps {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** The chart's text alternative (its content in words). */
  readonly label: string;
  readonly testId?: string;
  /** A node was clicked (by its id). */
  readonly onNodeClick?: (id: string) => void;
}

const COLUMN_WIDTH = 190;
const ROW_HEIGHT = 64;

/**
 * A left-to-right flow drawn as a graph: nodes in columns by stage, stacked and centred in each,
 * arrows between them with optional labels, details in the tooltip. The layout is fixed (no force
 * simulation), so the same data always draws the same picture.
 */
export function FlowGraphChart({ nodes, edges, label, testId, onNodeClick }: FlowGraphChartProps) {
  const { option, height } = useMemo(() => {
    const columns = new Map<number, FlowNode[]>();
    for (const node of nodes) columns.set(node.column, [...(columns.get(node.column) ?? []), node]);
    const tallest = Math.max(1, ...[...columns.values()].map((list) => list.length));
    const data = nodes.map((node) => {
      const list = columns.get(node.column) ?? [];
      const offset = (tallest - list.length) / 2;
      return {
        id: node.id,
        name: node.label,
        x: node.column * COLUMN_WIDTH,
        y: (list.indexOf(node) + offset) * ROW_HEIGHT,
        value: node.detail ?? '',
        symbolSize: 18,
        itemStyle: { color: node.color },
        label: { show: true, position: 'bottom', color: '#333', fontSize: 12, width: COLUMN_WIDTH - 24, overflow: 'truncate' },
      };
    });
    // Two invisible corners fix the drawing's frame: ECharts fits the nodes' box to the chart, and a
    // one-row graph (no height) would otherwise be stretched without bound.
    const columnsWide = Math.max(0, ...nodes.map((node) => node.column));
    const frame = [
      { id: '__frame-top', name: '', x: 0, y: -ROW_HEIGHT / 2 },
      { id: '__frame-bottom', name: '', x: columnsWide * COLUMN_WIDTH, y: (tallest - 0.5) * ROW_HEIGHT },
    ].map((corner) => ({ ...corner, symbolSize: 0, silent: true, label: { show: false }, tooltip: { show: false } }));
    return {
      height: Math.max(220, tallest * ROW_HEIGHT + 80),
      option: {
        tooltip: {
          formatter: (params: unknown) => {
            const item = params as { dataType?: string; data?: { name?: string; value?: string } };
            if (item.dataType === 'edge') return escapeHtml(item.data?.value ?? '');
            const name = escapeHtml(item.data?.name ?? '');
            const detail = item.data?.value ? `<br/>${escapeHtml(item.data.value)}` : '';
            return `<strong>${name}</strong>${detail}`;
          },
        },
        series: [
          {
            type: 'graph',
            layout: 'none',
            roam: false,
            // The same scale across and down: round nodes, upright labels.
            preserveAspect: true,
            left: 60,
            right: 60,
            top: 30,
            bottom: 40,
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 8,
            data: [...data, ...frame],
            links: edges.map((edge) => ({
              source: edge.from,
              target: edge.to,
              value: edge.label ?? '',
              label: { show: Boolean(edge.label), formatter: edge.label ?? '', fontSize: 11, color: '#555' },
            })),
            lineStyle: { color: '#8c9bb3', width: 1.5, curveness: 0.08 },
            emphasis: { focus: 'adjacency', lineStyle: { width: 2.5 } },
          },
        ],
      },
    };
  }, [nodes, edges]);
  return (
    <EChart
      option={option}
      height={height}
      label={label}
      testId={testId}
      onItemClick={
        onNodeClick
          ? (params) => {
              const id = (params.data as { id?: string } | undefined)?.id;
              if (params.dataType === 'node' && id) onNodeClick(id);
            }
          : undefined
      }
    />
  );
}
