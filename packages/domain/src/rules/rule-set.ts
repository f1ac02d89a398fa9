/**
 * Rule sets (R37.1): the time limits and categories of the regulation as versioned data with a
 * validity period, so a revised regulation is loaded as a new rule set instead of a code change.
 * Every deadline records the rule set and article that produced it.
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import { parseIsoDate, type IsoDate } from '../calendar/iso-date.js';

/** Who must act within a limit: the bureau, the providing agency, or another named agency. */
export type Responsible = 'bureau' | 'provider' | 'consumer' | 'agency';

export interface TimeLimit {
  /** Working days; null when the limit is set per case (e.g. a rectification order's term, R35.1). */
  readonly workingDays: number | null;
  /** The default when `workingDays` is null. */
  readonly defaultWorkingDays?: number;
  /** The article of the regulation, e.g. 第十四条; null for a platform default the regulation leaves open. */
  readonly article: string | null;
  readonly requirement: string;
  readonly responsible: Responsible;
  readonly label: { readonly zh: string; readonly en: string };
}

export interface RuleSet {
  readonly code: string;
  readonly title: string;
  readonly source: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
  /** Limits keyed by step, e.g. `share.conditional.provider_review`. */
  readonly limits: Readonly<Record<string, TimeLimit>>;
  /** Categories of the regulation, e.g. share types, open types, the five grounds of R18.1. */
  readonly categories: Readonly<Record<string, readonly { readonly code: string; readonly zh: string; readonly en: string }[]>>;
}

const RESPONSIBLE: readonly Responsible[] = ['bureau', 'provider', 'consumer', 'agency'];

function invalid(path: string, zh: string, en: string): { ok: false; refusal: Refusal } {
  return {
    ok: false,
    refusal: refuse('RULE_SET_INVALID', {
      field: path,
      message: { zh: `规则集无效：${path} ${zh}`, en: `The rule set is not valid: ${path} ${en}` },
    }),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isBilingual = (v: unknown): v is { zh: string; en: string } => isRecord(v) && isText(v.zh) && isText(v.en);
const isLimit = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 365;

/** Validates a rule set read from JSON; refusals name the offending path. */
export function parseRuleSet(input: unknown): Result<RuleSet> {
  if (!isRecord(input)) return invalid('(root)', '须为对象', 'must be an object');
  for (const key of ['code', 'title', 'source', 'validFrom', 'validTo'] as const) {
    if (!isText(input[key])) return invalid(key, '必填', 'is required');
  }
  const from = parseIsoDate(input.validFrom as string, 'validFrom');
  const to = parseIsoDate(input.validTo as string, 'validTo');
  if (!from.ok) return { ok: false, refusal: from.refusal };
  if (!to.ok) return { ok: false, refusal: to.refusal };
  if (to.value < from.value) return invalid('validTo', '早于生效日期', 'is before validFrom');
  if (!isRecord(input.limits) || Object.keys(input.limits).length === 0)
    return invalid('limits', '须列出时限', 'must list the time limits');
  const limits: Record<string, TimeLimit> = {};
  for (const [step, raw] of Object.entries(input.limits)) {
    const path = `limits.${step}`;
    if (!/^[a-z_]+(\.[a-z_]+)+$/.test(step))
      return invalid(path, '步骤名称格式错误', 'is not a step name like share.conditional.provider_review');
    if (!isRecord(raw)) return invalid(path, '须为对象', 'must be an object');
    const days = raw.workingDays;
    if (days !== null && !isLimit(days))
      return invalid(`${path}.workingDays`, '须为 0–365 的整数或 null', 'must be an integer 0–365 or null');
    if (days === null && !isLimit(raw.defaultWorkingDays)) {
      return invalid(`${path}.defaultWorkingDays`, '按案件设定的时限须有默认值', 'is required when the limit is set per case');
    }
    if (raw.article !== null && !isText(raw.article)) return invalid(`${path}.article`, '须为条款或 null', 'must be an article or null');
    if (!isText(raw.requirement) || !/^R\d+\.\d+$/.test(raw.requirement))
      return invalid(`${path}.requirement`, '须为需求编号如 R14.2', 'must be a requirement id like R14.2');
    if (!RESPONSIBLE.includes(raw.responsible as Responsible))
      return invalid(`${path}.responsible`, '取值无效', `must be one of ${RESPONSIBLE.join(', ')}`);
    if (!isBilingual(raw.label)) return invalid(`${path}.label`, '须有中英文名称', 'needs zh and en');
    limits[step] = {
      workingDays: days,
      ...(days === null ? { defaultWorkingDays: raw.defaultWorkingDays as number } : {}),
      article: raw.article,
      requirement: raw.requirement,
      responsible: raw.responsible as Responsible,
      label: { zh: raw.label.zh, en: raw.label.en },
    };
  }
  const categories: Record<string, { code: string; zh: string; en: string }[]> = {};
  if (input.categories !== undefined) {
    if (!isRecord(input.categories)) return invalid('categories', '须为对象', 'must be an object');
    for (const [name, list] of Object.entries(input.categories)) {
      if (!Array.isArray(list)) return invalid(`categories.${name}`, '须为列表', 'must be a list');
      const items: { code: string; zh: string; en: string }[] = [];
      for (const [i, item] of list.entries()) {
        if (!isRecord(item) || !isText(item.code) || !isText(item.zh) || !isText(item.en)) {
          return invalid(`categories.${name}[${i}]`, '须有 code、zh、en', 'needs code, zh and en');
        }
        items.push({ code: item.code, zh: item.zh, en: item.en });
      }
      categories[name] = items;
    }
  }
  return {
    ok: true,
    value: {
      code: input.code as string,
      title: input.title as string,
      source: input.source as string,
      validFrom: from.value,
      validTo: to.value,
      limits,
      categories,
    },
  };
}

/**
 * The rule set in force on a date: among those whose validity covers it, the one that took effect
 * last (a revision supersedes the earlier text from its own start date).
 */
export function ruleSetInForce<R extends Pick<RuleSet, 'validFrom' | 'validTo'>>(ruleSets: readonly R[], on: IsoDate): Result<R> {
  const candidates = ruleSets.filter((r) => r.validFrom <= on && on <= r.validTo).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  const chosen = candidates[0];
  if (!chosen) return { ok: false, refusal: refuse('RULE_SET_NONE_VALID', { details: { date: on } }) };
  return { ok: true, value: chosen };
}

/** The limit of a step in a rule set, with a per-case term where the rule allows one. */
export function limitFor(
  ruleSet: RuleSet,
  step: string,
  perCase?: number,
): Result<{ readonly workingDays: number; readonly limit: TimeLimit }> {
  const limit = ruleSet.limits[step];
  if (!limit) {
    return {
      ok: false,
      refusal: refuse('RULE_SET_INVALID', {
        field: step,
        message: { zh: `规则集 ${ruleSet.code} 没有步骤 ${step} 的时限`, en: `Rule set ${ruleSet.code} has no limit for step ${step}` },
      }),
    };
  }
  if (limit.workingDays !== null) return { ok: true, value: { workingDays: limit.workingDays, limit } };
  const days = perCase ?? limit.defaultWorkingDays ?? 0;
  if (!isLimit(days) || days < 1) return { ok: false, refusal: refuse('VALIDATION_FAILED', { field: 'workingDays' }) };
  return { ok: true, value: { workingDays: days, limit } };
}
