/** The stages of a resource's lineage, left to right, with their colours (R29.1 traceability). */
import type { LineageNode } from '../../../api/sharing';
import { COLORS } from '../../../theme';

export type LineageKind = LineageNode['kind'];

export const LINEAGE_KINDS: readonly LineageKind[] = ['provider', 'load', 'resource', 'grant', 'consumer', 'deliveries'];

export const KIND_COLOR: Record<LineageKind, string> = {
  provider: COLORS.navy,
  load: '#5b6b82',
  resource: COLORS.primary,
  grant: COLORS.warning,
  consumer: COLORS.success,
  deliveries: '#6a3fa0',
};

export const columnOf = (kind: LineageKind): number => LINEAGE_KINDS.indexOf(kind);
