/**
 * The quality settings form (R12.1): the values the form edits, read from the API's view and
 * turned back into the PUT body. The threshold is a percentage on screen and a share in the API;
 * range bounds are numbers for numeric fields and text (dates) for the others.
 */
import type { QualityView, ResourceMetadata } from '@gongshu/contracts';
import type { QualityInput } from '../../../api/data';
import { toPercent } from '../format';
import { rulesOf, type Rules } from './qualityRules';

type FieldSpec = ResourceMetadata['fields'][number];

export interface QualityFormValues {
  ownerUserId?: string;
  policy: 'reject' | 'quarantine';
  thresholdPercent: number;
  notNull: string[];
  unique: string[];
  patterns: { column?: string; pattern?: string; description?: string }[];
  allowedValues: { column?: string; values?: string[] }[];
  ranges: { column?: string; min?: string; max?: string }[];
  freshnessColumn?: string;
}

const bound = (value: number | string | undefined): string | undefined => (value === undefined ? undefined : String(value));

export function formValuesOf(settings: QualityView['settings']): QualityFormValues {
  const rules = rulesOf(settings);
  return {
    ...(settings.ownerUserId ? { ownerUserId: settings.ownerUserId } : {}),
    policy: settings.policy,
    thresholdPercent: toPercent(settings.threshold),
    notNull: [...rules.notNull],
    unique: [...rules.unique],
    patterns: rules.patterns.map((rule) => ({ ...rule })),
    allowedValues: rules.allowedValues.map((rule) => ({ column: rule.column, values: [...rule.values] })),
    ranges: rules.ranges.map((rule) => ({ column: rule.column, min: bound(rule.min), max: bound(rule.max) })),
    ...(rules.freshnessColumn ? { freshnessColumn: rules.freshnessColumn } : {}),
  };
}

const NUMERIC = new Set<FieldSpec['dataType']>(['integer', 'decimal']);

/** Fields a range can apply to: numbers and dates. */
export function isRangeField(field: FieldSpec): boolean {
  return NUMERIC.has(field.dataType) || field.dataType === 'date' || field.dataType === 'datetime';
}

/** A bound as the API takes it: a number for numeric fields, the text (a date) otherwise. */
function boundOf(text: string | undefined, field: FieldSpec | undefined): number | string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return field && NUMERIC.has(field.dataType) && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** The PUT body; references, which this form does not edit, are kept as they were. */
export function bodyOf(values: QualityFormValues, fields: readonly FieldSpec[], kept: Pick<Rules, 'references'>): QualityInput {
  const fieldOf = (code: string | undefined) => fields.find((field) => field.code === code);
  const ranges = (values.ranges ?? []).flatMap((rule) => {
    if (!rule.column) return [];
    const min = boundOf(rule.min, fieldOf(rule.column));
    const max = boundOf(rule.max, fieldOf(rule.column));
    return [{ column: rule.column, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }];
  });
  return {
    ownerUserId: values.ownerUserId ?? null,
    policy: values.policy,
    threshold: Math.round(values.thresholdPercent * 10) / 1000,
    rules: {
      notNull: values.notNull ?? [],
      unique: values.unique ?? [],
      patterns: (values.patterns ?? []).flatMap((rule) =>
        rule.column && rule.pattern
          ? [{ column: rule.column, pattern: rule.pattern, ...(rule.description?.trim() ? { description: rule.description.trim() } : {}) }]
          : [],
      ),
      allowedValues: (values.allowedValues ?? []).flatMap((rule) =>
        rule.column ? [{ column: rule.column, values: (rule.values ?? []).map((value) => value.trim()).filter(Boolean) }] : [],
      ),
      ranges,
      references: [...kept.references],
      freshnessColumn: values.freshnessColumn ?? null,
    },
  };
}

/** Whether a text is a regular expression the server accepts (JavaScript, Unicode mode). */
export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
