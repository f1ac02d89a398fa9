/**
 * A readable diff between two versions of a catalog entry: every changed item with its path, its
 * label in both languages, and the value before and after. Fields are matched by their code.
 */
import type { FieldSpec, ResourceMetadata } from './resource-metadata.js';

export interface MetadataChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly label: { readonly zh: string; readonly en: string };
  readonly before: unknown;
  readonly after: unknown;
}

const LABELS: Record<string, { zh: string; en: string }> = {
  classificationCode: { zh: '资源分类', en: 'Classification' },
  name: { zh: '资源名称', en: 'Name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  summary: { zh: '资源摘要', en: 'Summary' },
  keywords: { zh: '关键词', en: 'Keywords' },
  sourceSystem: { zh: '来源系统', en: 'Source system' },
  formatCategory: { zh: '资源格式分类', en: 'Format category' },
  formatType: { zh: '资源格式类型', en: 'Format type' },
  'share.type': { zh: '共享属性', en: 'Share type' },
  'share.conditions': { zh: '共享条件', en: 'Share conditions' },
  'share.legalBasis': { zh: '不予/有条件共享依据', en: 'Legal basis (sharing)' },
  'share.methods': { zh: '共享方式', en: 'Share methods' },
  'open.type': { zh: '开放属性', en: 'Open type' },
  'open.conditions': { zh: '开放条件', en: 'Open conditions' },
  'open.noneGround': { zh: '不予开放情形', en: 'Ground for not opening' },
  'open.legalBasis': { zh: '不予开放依据', en: 'Legal basis (opening)' },
  securityLevel: { zh: '安全级别', en: 'Security level' },
  dataGrade: { zh: '数据分级', en: 'Data grade' },
  usageConditions: { zh: '使用要求', en: 'Usage conditions' },
  updateFrequency: { zh: '更新周期', en: 'Update frequency' },
  relatedResourceCodes: { zh: '关联资源', en: 'Related resources' },
  licence: { zh: '许可协议', en: 'Licence' },
  involvesStateSecret: { zh: '涉及国家秘密', en: 'Involves state secrets' },
};

const FIELD_LABELS: Record<keyof FieldSpec, { zh: string; en: string }> = {
  code: { zh: '字段代码', en: 'code' },
  name: { zh: '名称', en: 'name' },
  dataType: { zh: '数据类型', en: 'data type' },
  length: { zh: '长度', en: 'length' },
  description: { zh: '说明', en: 'description' },
  identifierRole: { zh: '标识类型', en: 'identifier role' },
  sensitivity: { zh: '敏感程度', en: 'sensitivity' },
  required: { zh: '必填', en: 'required' },
  mask: { zh: '脱敏方式', en: 'mask' },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffMetadata(before: ResourceMetadata, after: ResourceMetadata): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const read = (m: ResourceMetadata, path: string): unknown =>
    path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], m);
  for (const [path, label] of Object.entries(LABELS)) {
    const a = read(before, path);
    const b = read(after, path);
    if (!same(a, b)) changes.push({ path, kind: 'changed', label, before: a, after: b });
  }
  const oldFields = new Map(before.fields.map((f) => [f.code, f]));
  const newFields = new Map(after.fields.map((f) => [f.code, f]));
  for (const [code, f] of newFields) {
    const old = oldFields.get(code);
    const label = { zh: `信息项“${f.name}”`, en: `Field "${code}"` };
    if (!old) {
      changes.push({ path: `fields.${code}`, kind: 'added', label, before: null, after: f });
      continue;
    }
    for (const key of Object.keys(FIELD_LABELS) as (keyof FieldSpec)[]) {
      if (!same(old[key], f[key])) {
        const l = FIELD_LABELS[key];
        changes.push({
          path: `fields.${code}.${key}`,
          kind: 'changed',
          label: { zh: `${label.zh}的${l.zh}`, en: `${label.en} ${l.en}` },
          before: old[key],
          after: f[key],
        });
      }
    }
  }
  for (const [code, f] of oldFields) {
    if (!newFields.has(code))
      changes.push({
        path: `fields.${code}`,
        kind: 'removed',
        label: { zh: `信息项“${f.name}”`, en: `Field "${code}"` },
        before: f,
        after: null,
      });
  }
  return changes;
}
