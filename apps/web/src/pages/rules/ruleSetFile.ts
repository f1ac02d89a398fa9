/** Reading an uploaded rule set file before it is sent (the server validates it fully, R37.1). */
import type { RuleSetDocument } from '../../api/ruleSets';

export type RuleSetFile =
  { readonly ok: true; readonly document: RuleSetDocument } | { readonly ok: false; readonly problem: 'json' | 'shape' };

/** Parses the JSON and checks that it looks like a rule set: code, title, source, validity and limits. */
export function readRuleSetFile(text: string): RuleSetFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'json' };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, problem: 'shape' };
  const record = data as Record<string, unknown>;
  const strings = ['code', 'title', 'source', 'validFrom', 'validTo'].every((key) => typeof record[key] === 'string');
  const limits = typeof record.limits === 'object' && record.limits !== null && !Array.isArray(record.limits);
  return strings && limits ? { ok: true, document: data as RuleSetDocument } : { ok: false, problem: 'shape' };
}

/** In force, not yet in force or expired on a China date. */
export function validityOf(
  ruleSet: { validFrom: string; validTo: string; inForce: boolean },
  today: string,
): 'inForce' | 'notYet' | 'expired' {
  if (ruleSet.inForce) return 'inForce';
  return ruleSet.validFrom > today ? 'notYet' : 'expired';
}
