/**
 * Where a problem of the live check belongs: the API names fields by path ("fields[2].length",
 * "share.methods[0]", "open.legalBasis"); the form names them by the same path with dots
 * ("fields.2.length"), which is also the key of a problem next to its input.
 */
import type { Problem } from '@gongshu/contracts';
import type { Translate } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/zh';

export type Section = 'change' | 'basic' | 'fields' | 'share' | 'open' | 'security' | 'other' | 'overlap';

export const SECTIONS: readonly Section[] = ['change', 'basic', 'fields', 'share', 'open', 'security', 'other', 'overlap'];

/** "fields[2].length" → "fields.2.length"; "share.methods[0]" → "share.methods". */
export function problemKey(field: string | undefined): string {
  if (!field) return '';
  const dotted = field.replace(/\[(\d+)\]/g, '.$1');
  return dotted.startsWith('fields.') ? dotted : dotted.replace(/\.\d+$/, '');
}

/** The form's name path of a key: numbers are list indexes. */
export function namePathOf(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const SECTION_OF: Readonly<Record<string, Section>> = {
  classificationCode: 'basic',
  name: 'basic',
  nameEn: 'basic',
  summary: 'basic',
  keywords: 'basic',
  sourceSystem: 'basic',
  formatCategory: 'basic',
  formatType: 'basic',
  fields: 'fields',
  share: 'share',
  open: 'open',
  securityLevel: 'security',
  dataGrade: 'security',
  updateFrequency: 'security',
  involvesStateSecret: 'security',
  usageConditions: 'other',
  licence: 'other',
  relatedResourceCodes: 'other',
  justification: 'overlap',
  changeReason: 'change',
  lawChangeDate: 'change',
};

export function sectionOf(key: string): Section {
  return SECTION_OF[key.split('.')[0] ?? ''] ?? 'basic';
}

/** The label of the input a key names, for the summary list. */
const LABEL_OF: Readonly<Record<string, MessageKey>> = {
  classificationCode: 'catalog.meta.classification',
  name: 'catalog.meta.name',
  nameEn: 'catalog.meta.nameEn',
  summary: 'catalog.meta.summary',
  keywords: 'catalog.meta.keywords',
  sourceSystem: 'catalog.meta.sourceSystem',
  formatCategory: 'catalog.meta.formatCategory',
  formatType: 'catalog.meta.formatType',
  fields: 'catalog.section.fields',
  'share.type': 'catalog.share.type',
  'share.conditions': 'catalog.share.conditions',
  'share.legalBasis': 'catalog.share.legalBasis',
  'share.methods': 'catalog.share.methods',
  'open.type': 'catalog.open.type',
  'open.conditions': 'catalog.open.conditions',
  'open.noneGround': 'catalog.open.noneGround',
  'open.legalBasis': 'catalog.open.legalBasis',
  securityLevel: 'catalog.meta.securityLevel',
  dataGrade: 'catalog.meta.dataGrade',
  updateFrequency: 'catalog.meta.updateFrequency',
  involvesStateSecret: 'catalog.meta.stateSecret',
  usageConditions: 'catalog.meta.usageConditions',
  licence: 'catalog.meta.licence',
  relatedResourceCodes: 'catalog.meta.related',
  justification: 'catalog.overlap.justification',
  changeReason: 'catalog.change.reason',
  lawChangeDate: 'catalog.change.lawChangeDate',
};

const FIELD_LABEL_OF: Readonly<Record<string, MessageKey>> = {
  code: 'catalog.fields.code',
  name: 'catalog.fields.name',
  dataType: 'catalog.fields.dataType',
  length: 'catalog.fields.length',
  description: 'catalog.fields.description',
  identifierRole: 'catalog.fields.identifierRole',
  sensitivity: 'catalog.fields.sensitivity',
  required: 'catalog.fields.required',
  mask: 'security.masking.column',
};

export interface ProblemPlace {
  readonly label: MessageKey;
  /** For a field's cell: its row (1-based) and column label. */
  readonly row?: number;
  readonly column?: MessageKey;
}

export function placeOf(key: string): ProblemPlace {
  const match = /^fields\.(\d+)\.(\w+)$/.exec(key);
  if (match) {
    return {
      label: 'catalog.section.fields',
      row: Number(match[1]) + 1,
      column: FIELD_LABEL_OF[match[2] ?? ''] ?? 'catalog.section.fields',
    };
  }
  return { label: LABEL_OF[key] ?? 'catalog.section.basic' };
}

/** Problems by key, in the order the check gave them. */
export type ProblemIndex = ReadonlyMap<string, readonly Problem[]>;

export function indexProblems(problems: readonly Problem[]): ProblemIndex {
  const index = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = problemKey(problem.field);
    index.set(key, [...(index.get(key) ?? []), problem]);
  }
  return index;
}

/** Where a problem is, in words: "资源摘要", "信息项第 3 行 · 长度". */
export function placeText(t: Translate, field: string | undefined): string {
  const place = placeOf(problemKey(field));
  return place.row !== undefined && place.column ? t('catalog.check.cell', { row: place.row, column: t(place.column) }) : t(place.label);
}
