/** The default term of a rectification order: the rule set in force says it (R35.1, R37.1). */
import type { RuleSetSummary } from '@gongshu/contracts';

export const RECTIFICATION_STEP = 'rectification.response';

export function defaultTermOf(ruleSets: readonly RuleSetSummary[]): { readonly days: number; readonly ruleSet: string } | null {
  const inForce = ruleSets.find((ruleSet) => ruleSet.inForce);
  const limit = inForce?.document.limits[RECTIFICATION_STEP];
  const days = limit?.workingDays ?? limit?.defaultWorkingDays;
  return inForce && days !== undefined ? { days, ruleSet: inForce.code } : null;
}
