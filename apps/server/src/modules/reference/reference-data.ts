/**
 * Reference data the platform ships and needs in every installation, demo or production: the
 * official holiday calendar (from the State Council notices) and the rule set of the regulation.
 * Added when missing, never overwriting the bureau's edits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { buildCalendar, DomainError, parseRuleSet, type HolidayCalendar } from '@gongshu/domain';
import type { Clock, RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import { SERVER_ROOT } from '../../server-root.js';
import type { AuditService } from '../audit/audit.service.js';
import { listCalendarYears, upsertCalendarYear } from '../calendar/calendar.repository.js';
import { insertRuleSet } from '../rules/rules.service.js';
import { CATALOG_CLASSES } from './catalog-classes.js';

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(SERVER_ROOT, 'reference-data', name), 'utf8'));
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
  const loaded = new Map(
    (await trx.selectFrom('rule_sets').select(['id', 'code', 'document', 'loaded_by']).execute()).map((r) => [r.code, r]),
  );
  const ruleSets: string[] = [];
  for (const file of SHIPPED_RULE_SETS) {
    const parsed = parseRuleSet(readJson(file));
    if (!parsed.ok) throw new DomainError(parsed.refusal);
    const existing = loaded.get(parsed.value.code);
    if (!existing) {
      await insertRuleSet(trx, parsed.value, deps.clock(), null);
      ruleSets.push(parsed.value.code);
    } else if (existing.loaded_by === null && canonicalize(existing.document) !== canonicalize(parsed.value)) {
      // A shipped rule set gained steps (new workflows): update it in place. Deadlines keep their
      // own limit, article and requirement, so their history is unchanged. Bureau-loaded sets are never touched.
      await trx
        .updateTable('rule_sets')
        .set({ document: JSON.stringify(parsed.value), loaded_at: deps.clock() })
        .where('id', '=', existing.id)
        .execute();
      ruleSets.push(`${parsed.value.code} (updated)`);
    }
  }
  // Parents come before children in the list, so each insert finds its parent.
  const classes = await trx
    .insertInto('catalog_classes')
    .values(CATALOG_CLASSES.map((c) => ({ code: c.code, name: c.name, level: c.level, parent_code: c.parentCode })))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute();
  if (years.length > 0 || ruleSets.length > 0 || classes.length > 0) {
    await deps.audit.record(trx, ctx, {
      action: 'reference_data.load',
      subjectType: 'platform',
      details: { years, ruleSets, classes: classes.length },
    });
  }
  return { years, ruleSets };
}
