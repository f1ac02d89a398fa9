/** The working days within which a change request is filed (R10.3), as the rule set in force says. */
import type { RuleSetSummary } from '@gongshu/contracts';

export const FILING_STEP = 'catalog.change_request.filing';

export function filingLimitOf(ruleSets: readonly RuleSetSummary[]): number | null {
  const limit = ruleSets.find((ruleSet) => ruleSet.inForce)?.document.limits[FILING_STEP];
  return limit?.workingDays ?? limit?.defaultWorkingDays ?? null;
}
