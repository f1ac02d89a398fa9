/**
 * The classification tree (类 / 项 / 目 / 细目, GB/T 21063.4) as the browser needs it: the path of a
 * code, and the options of the editor's select, where only 目 and 细目 can be chosen.
 */
import type { routes, RouteOutput } from '@gongshu/contracts';

export type ClassificationNode = RouteOutput<typeof routes.listClassifications>[number];

export interface ClassificationStep {
  readonly code: string;
  readonly name: string;
}

/** From the 类 down to the code itself; empty when the code is unknown. */
export function classificationPath(nodes: readonly ClassificationNode[], code: string): ClassificationStep[] {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const path: ClassificationStep[] = [];
  let node = byCode.get(code);
  while (node && path.length < 8) {
    path.unshift({ code: node.code, name: node.name });
    node = node.parentCode ? byCode.get(node.parentCode) : undefined;
  }
  return path;
}

export function formatPath(path: readonly ClassificationStep[]): string {
  return path.map((step) => step.name).join(' / ');
}

export interface ClassificationOption {
  readonly value: string;
  readonly label: string;
}

export interface ClassificationGroup {
  readonly label: string;
  readonly title: string;
  readonly options: ClassificationOption[];
}

/**
 * Entries are registered under a 目 (level 3) or 细目 (level 4): one group per 项 (level 2, named
 * with its 类), its 目 and their 细目 as options labelled "code name".
 */
export function classificationGroups(nodes: readonly ClassificationNode[]): ClassificationGroup[] {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const groups = new Map<string, ClassificationGroup>();
  const sorted = [...nodes].sort((a, b) => a.code.localeCompare(b.code));
  for (const node of sorted) {
    if (node.level < 3) continue;
    const path = classificationPath(nodes, node.code);
    const item = path[1];
    if (!item) continue;
    let group = groups.get(item.code);
    if (!group) {
      const label = `${path[0]?.name ?? ''} / ${item.code} ${item.name}`;
      group = { label, title: label, options: [] };
      groups.set(item.code, group);
    }
    const parent = node.level === 4 && node.parentCode ? byCode.get(node.parentCode) : undefined;
    group.options.push({ value: node.code, label: parent ? `${node.code} ${parent.name} · ${node.name}` : `${node.code} ${node.name}` });
  }
  return [...groups.values()];
}
