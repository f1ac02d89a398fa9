/**
 * How a value of a diff reads (R10.3: every version is kept and compared): vocabulary codes as
 * their labels, lists joined, a whole field (信息项) as a one-line summary, nothing as a dash.
 */
import type { ResourceMetadata } from '@gongshu/contracts';
import type { I18nValue } from '../../../i18n/context';
import { securityLevelLabel, termLabel, type Vocabulary } from './vocabulary';

type FieldSpec = ResourceMetadata['fields'][number];

const PATH_VOCABULARY: Readonly<Record<string, Vocabulary>> = {
  formatCategory: 'formatCategory',
  updateFrequency: 'updateFrequency',
  dataGrade: 'dataGrade',
  'share.type': 'shareType',
  'share.methods': 'shareMethod',
  'open.type': 'openType',
  'open.noneGround': 'openNoneGround',
  dataType: 'dataType',
  identifierRole: 'identifierRole',
  sensitivity: 'sensitivity',
};

const EMPTY = '—';

function isField(value: unknown): value is FieldSpec {
  return typeof value === 'object' && value !== null && 'code' in value && 'dataType' in value;
}

export function fieldSummary(i18n: Pick<I18nValue, 't' | 'pick'>, field: FieldSpec): string {
  const { t, pick } = i18n;
  const parts = [
    `${field.name}（${field.code}）`,
    termLabel(pick, 'dataType', field.dataType) + (field.length !== null ? ` ${field.length}` : ''),
    termLabel(pick, 'identifierRole', field.identifierRole),
    termLabel(pick, 'sensitivity', field.sensitivity),
    field.required ? t('catalog.fields.required') : t('catalog.fields.optional'),
  ];
  return parts.join(' · ');
}

/** The text of a before or after value of the change at `path` (e.g. share.type, fields.xm.length). */
export function diffValueText(i18n: Pick<I18nValue, 't' | 'pick'>, path: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (isField(value)) return fieldSummary(i18n, value);
  // fields.<code>.<key> reads like the key; other paths are looked up whole.
  const key = path.startsWith('fields.') ? (path.split('.')[2] ?? path) : path;
  if (key === 'securityLevel' && typeof value === 'number') return securityLevelLabel(i18n.pick, value);
  if (typeof value === 'boolean') return i18n.t(value ? 'catalog.yes' : 'catalog.no');
  const vocabulary = PATH_VOCABULARY[key];
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return value.map((item) => (vocabulary ? termLabel(i18n.pick, vocabulary, String(item)) : String(item))).join('、');
  }
  if (vocabulary && typeof value === 'string') return termLabel(i18n.pick, vocabulary, value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
