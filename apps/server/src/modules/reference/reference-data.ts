/**
 * Reference data the platform ships and needs in every installation, demo or production: the
 * official holiday calendar (from the State Council notices) and the rule set of the regulation.
 * Added when missing, never overwriting the bureau's edits.
 */
import { readFileSync } from 'node:fs';
import { buildCalendar, DomainError, parseRuleSet, type HolidayCalendar } from '@gongshu/domain';
import type { Clock, RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { AuditService } from '../audit/audit.service.js';
import { listCalendarYears, upsertCalendarYear } from '../calendar/calendar.repository.js';
import { insertRuleSet } from '../rules/rules.service.js';

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../reference-data/${name}`, import.meta.url), 'utf8'));
}

export function shippedCalendar(): HolidayCalendar {
  return (readJson('holidays-cn.json') as { years: HolidayCalendar }).years;
}

export const SHIPPED_RULE_SETS = ['tengzhou-2025.rules.json'];

export async function ensureReferenceData(
  trx: Executor,
  deps: { audit: AuditService; clock: Clock },
  ctx: RequestContext,
): Promise<{ years: number[]; ruleSets: string[] }> {
  const shipped = shippedCalendar();
  const built = buildCalendar(shipped);
  if (!built.ok) throw new DomainError(built.refusal);
  const present = new Set((await listCalendarYears(trx)).map((r) => r.year));
  const years: number[] = [];
  for (const [year, data] of Object.entries(shipped)) {
    if (present.has(Number(year))) continue;
    await upsertCalendarYear(trx, {
      year: Number(year),
      source: data.source,
      holidays: [...data.holidaysOnWeekdays],
      makeups: [...data.makeupWorkdays],
      at: deps.clock(),
      by: null,
    });
    years.push(Number(year));
  }
  const loadedCodes = new Set((await trx.selectFrom('rule_sets').select('code').execute()).map((r) => r.code));
  const ruleSets: string[] = [];
  for (const file of SHIPPED_RULE_SETS) {
    const parsed = parseRuleSet(readJson(file));
    if (!parsed.ok) throw new DomainError(parsed.refusal);
    if (loadedCodes.has(parsed.value.code)) continue;
    await insertRuleSet(trx, parsed.value, deps.clock(), null);
    ruleSets.push(parsed.value.code);
  }
  if (years.length > 0 || ruleSets.length > 0) {
    await deps.audit.record(trx, ctx, { action: 'reference_data.load', subjectType: 'platform', details: { years, ruleSets } });
  }
  return { years, ruleSets };
}
