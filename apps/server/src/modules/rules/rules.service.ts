/**
 * Rule sets (R37.1): loaded as data, chosen by the date a step starts, recorded on every deadline.
 */
import type { RuleSetSummary } from '@gongshu/contracts';
import { DomainError, fail, parseRuleSet, ruleSetInForce, shanghaiDateOf, type RuleSet } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';

export interface StoredRuleSet {
  readonly id: string;
  readonly ruleSet: RuleSet;
  readonly validFrom: string;
  readonly validTo: string;
  readonly loadedAt: Date;
}

export async function loadRuleSets(db: Executor): Promise<StoredRuleSet[]> {
  const rows = await db.selectFrom('rule_sets').selectAll().orderBy('valid_from').execute();
  return rows.map((row) => {
    const parsed = parseRuleSet(row.document);
    if (!parsed.ok) throw new DomainError(parsed.refusal);
    return { id: row.id, ruleSet: parsed.value, validFrom: row.valid_from, validTo: row.valid_to, loadedAt: row.loaded_at };
  });
}

/** The rule set in force on a China date. */
export async function ruleSetOn(db: Executor, date: string): Promise<StoredRuleSet> {
  const chosen = ruleSetInForce(await loadRuleSets(db), date);
  if (!chosen.ok) throw new DomainError(chosen.refusal);
  return chosen.value;
}

/** Inserts a validated rule set; refuses a code that exists. */
export async function insertRuleSet(db: Executor, ruleSet: RuleSet, at: Date, by: string | null): Promise<string> {
  try {
    const row = await db
      .insertInto('rule_sets')
      .values({
        code: ruleSet.code,
        title: ruleSet.title,
        source: ruleSet.source,
        valid_from: ruleSet.validFrom,
        valid_to: ruleSet.validTo,
        document: JSON.stringify(ruleSet),
        loaded_at: at,
        loaded_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (uniqueViolation(error)) {
      fail('CONFLICT', {
        field: 'code',
        message: {
          zh: `规则集代码“${ruleSet.code}”已存在：修订请使用新的代码`,
          en: `Rule set code "${ruleSet.code}" exists: load a revision under a new code`,
        },
      });
    }
    throw error;
  }
}

export function createRulesService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;

  function present(stored: StoredRuleSet, today: string): RuleSetSummary {
    return {
      id: stored.id,
      code: stored.ruleSet.code,
      title: stored.ruleSet.title,
      source: stored.ruleSet.source,
      validFrom: stored.validFrom,
      validTo: stored.validTo,
      inForce: stored.validFrom <= today && today <= stored.validTo,
      loadedAt: stored.loadedAt.toISOString(),
      document: {
        ...stored.ruleSet,
        categories: Object.fromEntries(Object.entries(stored.ruleSet.categories).map(([k, v]) => [k, [...v]])),
      },
    };
  }

  return {
    async list(): Promise<RuleSetSummary[]> {
      const today = shanghaiDateOf(clock());
      return (await loadRuleSets(db)).map((s) => present(s, today));
    },

    async load(ctx: RequestContext, document: unknown): Promise<RuleSetSummary> {
      const parsed = parseRuleSet(document);
      if (!parsed.ok) throw new DomainError(parsed.refusal);
      const stored = await db.transaction().execute(async (trx) => {
        const id = await insertRuleSet(trx, parsed.value, clock(), ctx.actor.kind === 'user' ? ctx.actor.userId : null);
        await audit.record(trx, ctx, {
          action: 'rule_set.load',
          subjectType: 'rule_set',
          subjectId: id,
          details: { code: parsed.value.code, validFrom: parsed.value.validFrom, validTo: parsed.value.validTo },
        });
        return (await loadRuleSets(trx)).find((s) => s.id === id);
      });
      if (!stored) fail('NOT_FOUND');
      return present(stored, shanghaiDateOf(clock()));
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
