/**
 * Validation of loaded rows (R11.2, R12.1): every value against its field's type, length and
 * requiredness, identifiers with the GB 11643 / GB 32100 validators, and the resource's quality
 * rules (not null, unique, pattern, allowed values, range). Compiled once per load into one
 * closure per column, because it runs on millions of rows.
 */
import { validateCitizenId } from '../identifiers/citizen-id.js';
import { validateCreditCode } from '../identifiers/credit-code.js';
import type { FieldSpec } from '../catalog/resource-metadata.js';

export interface QualityRules {
  readonly notNull: readonly string[];
  readonly unique: readonly string[];
  readonly patterns: readonly { readonly column: string; readonly pattern: string; readonly description?: string }[];
  readonly allowedValues: readonly { readonly column: string; readonly values: readonly string[] }[];
  readonly ranges: readonly { readonly column: string; readonly min?: number | string; readonly max?: number | string }[];
  /** Values of this column must exist as identifiers of another published resource. */
  readonly references: readonly { readonly column: string; readonly resourceCode: string; readonly targetColumn: string }[];
  /** The data is stale when the newest value of this date column is older than the update frequency allows. */
  readonly freshnessColumn: string | null;
}

export const NO_RULES: QualityRules = {
  notNull: [],
  unique: [],
  patterns: [],
  allowedValues: [],
  ranges: [],
  references: [],
  freshnessColumn: null,
};

export type RowRule =
  | 'type'
  | 'length'
  | 'required'
  | 'citizen_id'
  | 'credit_code'
  | 'not_null'
  | 'unique'
  | 'pattern'
  | 'allowed'
  | 'range'
  | 'reference'
  | 'columns';

export interface RowProblem {
  /** Field code, or '' for a problem of the whole row. */
  readonly column: string;
  readonly rule: RowRule;
  readonly message: { readonly zh: string; readonly en: string };
  /** R11.2 for identifiers, R12.1 for other quality rules. */
  readonly requirement: string;
}

export type RowResult =
  { readonly ok: true; readonly values: readonly (string | null)[] } | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** A checked value (normalised text, or null) or the problem with it; problems are objects. */
type Check = (raw: string) => string | RowProblem;

const isProblem = (v: string | RowProblem): v is RowProblem => typeof v !== 'string';

const problem = (column: string, rule: RowRule, zh: string, en: string, requirement = 'R12.1'): RowProblem => ({
  column,
  rule,
  message: { zh, en },
  requirement,
});

const BOOLEAN_TRUE = new Set(['true', '1', 'y', 'yes', '是', '真', 't']);
const BOOLEAN_FALSE = new Set(['false', '0', 'n', 'no', '否', '假', 'f']);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const isDigitAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Whether characters from..from+n of s are digits (no allocation: this runs millions of times). */
function digitsAt(s: string, from: number, n: number): boolean {
  for (let i = from; i < from + n; i++) if (!isDigitAt(s, i)) return false;
  return true;
}

/** The canonical YYYY-MM-DD checked without regular expressions or Date objects. */
function isCanonicalDate(raw: string): boolean {
  if (raw.length !== 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return false;
  if (!digitsAt(raw, 0, 4) || !digitsAt(raw, 5, 2) || !digitsAt(raw, 8, 2)) return false;
  const year = digit(raw, 0) * 1000 + digit(raw, 1) * 100 + digit(raw, 2) * 10 + digit(raw, 3);
  const month = digit(raw, 5) * 10 + digit(raw, 6);
  const day = digit(raw, 8) * 10 + digit(raw, 9);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/** YYYY-MM-DD, YYYY/M/D or YYYYMMDD to YYYY-MM-DD, or null when not a real date. */
export function normaliseDate(raw: string): string | null {
  if (isCanonicalDate(raw)) return raw;
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(raw);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The common form "YYYY-MM-DD HH:MM[:SS]" with an optional zone (Z, +08, +08:00), checked
 * without regular expressions; returns what PostgreSQL reads as that instant (China time when
 * no zone is given), or undefined when the text is not in that form.
 */
function fastDateTime(raw: string): string | null | undefined {
  if (raw.length < 16 || !isCanonicalDate(raw.slice(0, 10))) return undefined;
  const sep = raw.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || !digitsAt(raw, 11, 2) || raw.charCodeAt(13) !== 58 || !digitsAt(raw, 14, 2)) return undefined;
  let at = 16;
  if (raw.charCodeAt(16) === 58) {
    if (!digitsAt(raw, 17, 2)) return undefined;
    at = 19;
  }
  const hours = digit(raw, 11) * 10 + digit(raw, 12);
  const minutes = digit(raw, 14) * 10 + digit(raw, 15);
  const seconds = at === 19 ? digit(raw, 17) * 10 + digit(raw, 18) : 0;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const zone = raw.slice(at);
  if (zone === '') return `${raw}+08:00`;
  if (zone === 'Z' || /^[+-]\d{2}(:?\d{2})?$/.test(zone)) return raw;
  return undefined;
}

/** A date-time with an optional zone; without a zone it is China time. Returns ISO text or null. */
export function normaliseDateTime(raw: string): string | null {
  const fast = fastDateTime(raw);
  if (fast !== undefined) return fast;
  const m = /^(\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
    raw,
  );
  if (!m) {
    const dateOnly = normaliseDate(raw);
    return dateOnly ? `${dateOnly}T00:00:00+08:00` : null;
  }
  const date = normaliseDate((m[1] ?? '').replaceAll('/', '-'));
  const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
  if (!date || h > 23 || mi > 59 || s > 59) return null;
  let zone = m[6] ?? '+08:00';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${String(h).padStart(2, '0')}:${m[3]}:${String(s).padStart(2, '0')}${m[5] ?? ''}${zone}`;
}

function typeCheck(field: FieldSpec): Check {
  const { code, length } = field;
  const bad = (raw: string, zh: string, en: string) => problem(code, 'type', `“${raw.slice(0, 40)}”${zh}`, `"${raw.slice(0, 40)}" ${en}`);
  switch (field.dataType) {
    case 'string':
      if (length === null) return (raw) => raw;
      // UTF-16 length ≥ code points: count code points only when the cheap length is over.
      return (raw) => {
        if (raw.length <= length) return raw;
        const chars = [...raw].length;
        return chars > length
          ? problem(code, 'length', `超过长度 ${length}（实为 ${chars}）`, `longer than ${length} characters (${chars})`)
          : raw;
      };
    case 'integer':
      return (raw) => (/^[+-]?\d{1,18}$/.test(raw) ? raw : bad(raw, '不是整数', 'is not an integer'));
    case 'decimal':
      return (raw) => {
        const v = raw.includes(',') ? raw.replaceAll(',', '') : raw;
        return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) ? v : bad(raw, '不是数值', 'is not a number');
      };
    case 'date':
      return (raw) => normaliseDate(raw) ?? bad(raw, '不是有效日期', 'is not a valid date');
    case 'datetime':
      return (raw) => normaliseDateTime(raw) ?? bad(raw, '不是有效的日期时间', 'is not a valid date and time');
    case 'boolean':
      return (raw) => {
        const v = raw.toLowerCase();
        return BOOLEAN_TRUE.has(v) ? 'true' : BOOLEAN_FALSE.has(v) ? 'false' : bad(raw, '不是是/否', 'is not yes/no');
      };
  }
}

/** Trims only when there is something to trim (most values have no surrounding space). */
function trimmed(v: string): string {
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  return first <= 32 || last <= 32 || first === 0x3000 || last === 0x3000 ? v.trim() : v;
}

function identifierCheck(field: FieldSpec): ((value: string) => RowProblem | null) | null {
  if (field.identifierRole === 'citizen_id') {
    return (value) => {
      const r = validateCitizenId(value);
      return r.ok ? null : { column: field.code, rule: 'citizen_id', message: r.message, requirement: 'R11.2' };
    };
  }
  if (field.identifierRole === 'credit_code') {
    return (value) => {
      const r = validateCreditCode(value);
      return r.ok ? null : { column: field.code, rule: 'credit_code', message: r.message, requirement: 'R11.2' };
    };
  }
  return null;
}

export interface RowChecker {
  /** Checks one row of raw values (in field order; empty strings count as missing). */
  check(raw: readonly (string | null | undefined)[]): RowResult;
}

/**
 * Compiles the checks of a resource's fields and rules. Stateful for `unique`: a value seen in an
 * earlier row of the same load is a duplicate.
 */
export function createRowChecker(fields: readonly FieldSpec[], rules: QualityRules = NO_RULES): RowChecker {
  const notNull = new Set(rules.notNull);
  const columns = fields.map((field) => {
    const required = field.required || notNull.has(field.code);
    const type = typeCheck(field);
    const identifier = identifierCheck(field);
    const patterns = rules.patterns
      .filter((p) => p.column === field.code)
      .map((p) => ({ re: new RegExp(p.pattern, 'u'), text: p.description ?? p.pattern }));
    const allowed = rules.allowedValues.find((a) => a.column === field.code);
    const allowedSet = allowed ? new Set(allowed.values) : null;
    const range = rules.ranges.find((r) => r.column === field.code);
    const seen = rules.unique.includes(field.code) ? new Set<string>() : null;
    const numeric = field.dataType === 'integer' || field.dataType === 'decimal';
    return { field, required, type, identifier, patterns, allowedSet, range, seen, numeric };
  });

  return {
    check(raw) {
      const values: (string | null)[] = new Array<string | null>(columns.length);
      let problems: RowProblem[] | null = null;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        if (!c) continue;
        const input = raw[i];
        const text = input === undefined || input === null || input === '' ? null : trimmed(input);
        if (text === null || text === '') {
          if (c.required)
            (problems ??= []).push(
              problem(c.field.code, c.field.required ? 'required' : 'not_null', '必填项为空', 'is required but empty'),
            );
          values[i] = null;
          continue;
        }
        const typed = c.type(text);
        if (isProblem(typed)) {
          (problems ??= []).push(typed);
          continue;
        }
        const value = typed;
        values[i] = value;
        const idProblem = c.identifier?.(value);
        if (idProblem) (problems ??= []).push(idProblem);
        for (const p of c.patterns)
          if (!p.re.test(value))
            (problems ??= []).push(
              problem(c.field.code, 'pattern', `不符合格式要求（${p.text}）`, `does not match the required pattern (${p.text})`),
            );
        if (c.allowedSet && !c.allowedSet.has(value))
          (problems ??= []).push(
            problem(c.field.code, 'allowed', `“${value.slice(0, 40)}”不在允许的取值内`, `"${value.slice(0, 40)}" is not an allowed value`),
          );
        if (c.range) {
          const v = c.numeric ? Number(value) : value;
          const min = c.range.min;
          const max = c.range.max;
          if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
            (problems ??= []).push(
              problem(c.field.code, 'range', `超出范围 [${min ?? '-∞'}, ${max ?? '+∞'}]`, `is outside [${min ?? '-∞'}, ${max ?? '+∞'}]`),
            );
          }
        }
        if (c.seen) {
          if (c.seen.has(value))
            (problems ??= []).push(
              problem(c.field.code, 'unique', `“${value.slice(0, 40)}”与前面的行重复`, `"${value.slice(0, 40)}" repeats an earlier row`),
            );
          else c.seen.add(value);
        }
      }
      return problems ? { ok: false, problems } : { ok: true, values };
    },
  };
}
