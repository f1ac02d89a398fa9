/**
 * The quality settings as the API stores them (rules is an open record there) read into the typed
 * shape the form edits, with defaults for what a resource has not set (R12.1).
 */
import type { QualityView } from '@gongshu/contracts';
import type { QualityRulesInput } from '../../../api/data';

export type Rules = Required<QualityRulesInput>;

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function rulesOf(settings: QualityView['settings']): Rules {
  const raw = settings.rules;
  return {
    notNull: asArray<string>(raw.notNull),
    unique: asArray<string>(raw.unique),
    patterns: asArray<Rules['patterns'][number]>(raw.patterns),
    allowedValues: asArray<Rules['allowedValues'][number]>(raw.allowedValues),
    ranges: asArray<Rules['ranges'][number]>(raw.ranges),
    references: asArray<Rules['references'][number]>(raw.references),
    freshnessColumn: typeof raw.freshnessColumn === 'string' ? raw.freshnessColumn : null,
  };
}

/** How many rules a resource has beyond the checks every load runs. */
export function ruleCount(rules: Rules): number {
  return (
    rules.notNull.length +
    rules.unique.length +
    rules.patterns.length +
    rules.allowedValues.length +
    rules.ranges.length +
    rules.references.length +
    (rules.freshnessColumn ? 1 : 0)
  );
}
