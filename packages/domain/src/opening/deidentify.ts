/**
 * Opening `none` data after de-identification (R18.4): a derivative of a resource keeps, drops,
 * generalizes or masks each field, and may be published only when every combination of the chosen
 * quasi-identifiers is shared by at least k rows (k-anonymity; k = 5 unless configured), or with the
 * recorded consent of the right holder. Pure: the server counts the equivalence classes (GROUP BY
 * over the transformed values) and this module decides.
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import { applyMask, type MaskKind } from '../masking/masking.js';

export const DEFAULT_K = 5;

/** What happens to one field in the derivative. */
export type FieldTreatment =
  | { readonly kind: 'keep' }
  | { readonly kind: 'drop' }
  /** Dates and date-times to their year, or year and month. */
  | { readonly kind: 'generalize_date'; readonly to: 'year' | 'month' }
  /** Numbers to bands of the given width: 2350 with width 1000 → "2000-2999". */
  | { readonly kind: 'band'; readonly width: number }
  /** Codes and text to their first n characters (e.g. a division code to its county: 6). */
  | { readonly kind: 'prefix'; readonly length: number }
  | { readonly kind: 'mask'; readonly mask: MaskKind };

export interface DeidentificationPlan {
  readonly treatments: Readonly<Record<string, FieldTreatment>>;
  /** Fields an attacker could link with other data (after treatment); at least one. */
  readonly quasiIdentifiers: readonly string[];
  readonly k: number;
}

/** The value of a field in the derivative; undefined when the field is dropped. */
export function treatValue(value: string | null, treatment: FieldTreatment, hash?: (v: string) => string): string | null | undefined {
  if (treatment.kind === 'drop') return undefined;
  if (value === null || treatment.kind === 'keep') return value;
  switch (treatment.kind) {
    case 'generalize_date':
      return treatment.to === 'year' ? value.slice(0, 4) : value.slice(0, 7);
    case 'band': {
      const n = Number(value);
      if (!Number.isFinite(n)) return null;
      const low = Math.floor(n / treatment.width) * treatment.width;
      return `${low}-${low + treatment.width - 1}`;
    }
    case 'prefix':
      return [...value].slice(0, treatment.length).join('');
    case 'mask':
      return applyMask(value, treatment.mask, hash);
  }
}

/** The fields a plan is checked against: the source resource's fields (catalog FieldSpec). */
export interface PlanField {
  readonly code: string;
  readonly identifierRole: string;
  readonly name?: string;
  readonly sensitivity?: string;
  readonly dataType?: string;
}

/**
 * A direct identifier (R18.4): an identifier code (citizen ID, credit code, other code) or a
 * sensitive field that names or reaches a person (name, contact person, phone) — the same names the
 * exit's default masks recognize.
 */
export function isDirectIdentifier(field: PlanField): boolean {
  if (field.identifierRole !== 'none') return true;
  const sensitive = field.sensitivity === 'sensitive' || field.sensitivity === 'highly_sensitive';
  return sensitive && /姓名|联系人|负责人|法定代表人|电话|手机/.test(field.name ?? '');
}

/** Longest cut (prefix) of a direct identifier: a division code's county (6 characters). */
export const MAX_IDENTIFIER_PREFIX = 6;
/** Most characters a 'keep ends' mask may leave of a direct identifier. */
export const MAX_IDENTIFIER_KEPT = 4;

const NUMERIC = ['integer', 'decimal'];
const DATES = ['date', 'datetime'];

/** Why a treatment does not fit the field's type or identifier role, or null. */
function treatmentProblem(field: PlanField, t: FieldTreatment): { zh: string; en: string } | null {
  const type = field.dataType;
  switch (t.kind) {
    case 'generalize_date':
      if (type !== undefined && !DATES.includes(type))
        return { zh: '只有日期、日期时间信息项可以概括到年或年月', en: 'Only date and date-time fields generalize to year or month' };
      break;
    case 'band':
      if (type !== undefined && !NUMERIC.includes(type))
        return { zh: '只有数值信息项可以分段', en: 'Only numeric fields can be put in bands' };
      if (!Number.isInteger(t.width) || t.width < 1) return { zh: '分段宽度须为正整数', en: 'A band width is a positive whole number' };
      break;
    case 'prefix':
      if (type !== undefined && type !== 'string' && type !== 'integer')
        return { zh: '只有文本或代码信息项可以截取前几位', en: 'Only text and code fields can be cut to their first characters' };
      if (!Number.isInteger(t.length) || t.length < 1)
        return { zh: '截取位数须为正整数', en: 'The number of characters kept is a positive whole number' };
      break;
    case 'mask':
      if (t.mask.kind === 'none') return { zh: '“不脱敏”不是脱敏方式，请选择保留', en: 'No mask is not a mask: choose keep' };
      if (t.mask.kind === 'hash')
        return {
          zh: '开放数据不使用哈希脱敏：同一值的哈希可在不同数据间关联，请删除或部分遮盖',
          en: 'Open data does not use hashing: a hash links the same value across datasets; drop or partly mask instead',
        };
      if (
        t.mask.kind === 'keep' &&
        (!Number.isInteger(t.mask.first) || !Number.isInteger(t.mask.last) || t.mask.first < 0 || t.mask.last < 0)
      )
        return { zh: '保留的首尾位数须为非负整数', en: 'The characters kept at each end are whole numbers, zero or more' };
      break;
    case 'keep':
    case 'drop':
      break;
  }
  if (!isDirectIdentifier(field)) return null;
  if (t.kind === 'keep' || t.kind === 'generalize_date' || t.kind === 'band')
    return {
      zh: '直接标识信息项（身份号码、信用代码、姓名、电话等）不得原样保留：请删除、截取或脱敏',
      en: 'Direct identifiers (ID numbers, credit codes, names, phones) cannot be kept in clear: drop, cut or mask them',
    };
  if (t.kind === 'prefix' && t.length > MAX_IDENTIFIER_PREFIX)
    return {
      zh: `直接标识信息项最多截取前 ${MAX_IDENTIFIER_PREFIX} 位`,
      en: `A direct identifier can be cut to at most its first ${MAX_IDENTIFIER_PREFIX} characters`,
    };
  if (t.kind === 'mask' && t.mask.kind === 'keep' && t.mask.first + t.mask.last > MAX_IDENTIFIER_KEPT)
    return {
      zh: `直接标识信息项最多保留 ${MAX_IDENTIFIER_KEPT} 位`,
      en: `At most ${MAX_IDENTIFIER_KEPT} characters of a direct identifier may stay`,
    };
  return null;
}

/**
 * What a plan must satisfy before any counting: direct identifiers never stay in clear, each
 * treatment fits its field, quasi-identifiers are kept fields, k is at least 2. All problems at
 * once, each with its field path (treatments.<code>, quasiIdentifiers.<code>, k).
 */
export function validatePlan(plan: DeidentificationPlan, fields: readonly PlanField[]): Refusal[] {
  const out: Refusal[] = [];
  const codes = new Set(fields.map((f) => f.code));
  for (const code of Object.keys(plan.treatments))
    if (!codes.has(code))
      out.push(
        refuse('DEIDENTIFY_PLAN_INVALID', {
          field: `treatments.${code}`,
          message: { zh: `来源资源没有信息项 ${code}`, en: `The source resource has no field ${code}` },
        }),
      );
  for (const f of fields) {
    const t = plan.treatments[f.code] ?? { kind: 'keep' };
    const problem = treatmentProblem(f, t);
    if (problem) out.push(refuse('DEIDENTIFY_PLAN_INVALID', { field: `treatments.${f.code}`, message: problem }));
  }
  if (plan.quasiIdentifiers.length === 0)
    out.push(
      refuse('DEIDENTIFY_PLAN_INVALID', {
        field: 'quasiIdentifiers',
        message: { zh: '请至少选择一个准标识符', en: 'Choose at least one quasi-identifier' },
      }),
    );
  for (const q of plan.quasiIdentifiers) {
    if (!codes.has(q) || plan.treatments[q]?.kind === 'drop')
      out.push(
        refuse('DEIDENTIFY_PLAN_INVALID', {
          field: `quasiIdentifiers.${q}`,
          message: { zh: '准标识符须是衍生数据中保留的信息项', en: 'A quasi-identifier must be a field the derivative keeps' },
        }),
      );
  }
  if (new Set(plan.quasiIdentifiers).size !== plan.quasiIdentifiers.length)
    out.push(
      refuse('DEIDENTIFY_PLAN_INVALID', {
        field: 'quasiIdentifiers',
        message: { zh: '准标识符重复', en: 'A quasi-identifier is listed twice' },
      }),
    );
  if (!Number.isInteger(plan.k) || plan.k < 2)
    out.push(
      refuse('DEIDENTIFY_PLAN_INVALID', { field: 'k', message: { zh: 'k 须为不小于 2 的整数', en: 'k is a whole number of at least 2' } }),
    );
  return out;
}

export interface KAnonymityResult {
  readonly k: number;
  /** The size of the smallest equivalence class (0 for no rows). */
  readonly smallestClass: number;
  readonly classes: number;
  /** Classes smaller than k, and the rows in them. */
  readonly violatingClasses: number;
  readonly violatingRows: number;
  readonly rows: number;
  readonly passed: boolean;
}

/** Decides k-anonymity from the sizes of the equivalence classes over the quasi-identifiers. */
export function kAnonymity(classSizes: readonly number[], k: number): KAnonymityResult {
  let smallest = Number.POSITIVE_INFINITY;
  let violatingClasses = 0;
  let violatingRows = 0;
  let rows = 0;
  for (const size of classSizes) {
    rows += size;
    if (size < smallest) smallest = size;
    if (size < k) {
      violatingClasses++;
      violatingRows += size;
    }
  }
  const classes = classSizes.length;
  return {
    k,
    smallestClass: classes === 0 ? 0 : smallest,
    classes,
    violatingClasses,
    violatingRows,
    rows,
    passed: classes > 0 && violatingClasses === 0,
  };
}

/** How many equivalence classes have each size: what the server's GROUP BY of GROUP BYs returns. */
export interface ClassSizeCount {
  readonly size: number;
  readonly classes: number;
}

/** kAnonymity over a histogram of class sizes (the same answer, without one number per class). */
export function kAnonymityOfHistogram(histogram: readonly ClassSizeCount[], k: number): KAnonymityResult {
  let smallest = Number.POSITIVE_INFINITY;
  let classes = 0;
  let violatingClasses = 0;
  let violatingRows = 0;
  let rows = 0;
  for (const { size, classes: n } of histogram) {
    if (n <= 0) continue;
    classes += n;
    rows += size * n;
    if (size < smallest) smallest = size;
    if (size < k) {
      violatingClasses += n;
      violatingRows += size * n;
    }
  }
  return {
    k,
    smallestClass: classes === 0 ? 0 : smallest,
    classes,
    violatingClasses,
    violatingRows,
    rows,
    passed: classes > 0 && violatingClasses === 0,
  };
}

/** A derivative may be published when the check passed, or with the right holder's recorded consent (R18.4). */
export function mayPublishDerivative(
  check: KAnonymityResult | null,
  consent: { readonly recordedBy: string; readonly document: string } | null,
): Result {
  if (consent && consent.document.trim() !== '') return { ok: true, value: true };
  if (check?.passed) return { ok: true, value: true };
  return { ok: false, refusal: refuse('DEIDENTIFY_K_ANONYMITY_FAILED', { details: check ? { ...check } : {} }) };
}

export type DerivativeState = 'draft' | 'published' | 'withdrawn';
export type DerivativeAction = 'edit' | 'check' | 'consent' | 'publish' | 'withdraw';

/**
 * What each state allows: a draft (or a withdrawn derivative, to be corrected and published again)
 * is edited, checked, given consent and published; a published one can only be withdrawn (its
 * check result is what the portal shows, so it is not re-run under it).
 */
export function nextDerivativeState(state: DerivativeState, action: DerivativeAction): Result<DerivativeState> {
  const editable = state === 'draft' || state === 'withdrawn';
  if (action === 'withdraw' && state === 'published') return { ok: true, value: 'withdrawn' };
  if (action === 'publish' && editable) return { ok: true, value: 'published' };
  if ((action === 'edit' || action === 'check' || action === 'consent') && editable) return { ok: true, value: state };
  return { ok: false, refusal: refuse('DEIDENTIFY_STATE_INVALID', { details: { state, action } }) };
}

/** The right holder's consent (R18.4): who consents, the document, who recorded it and when. */
export interface DerivativeConsent {
  readonly holder: string;
  readonly document: string;
  readonly date: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** What a consent must state: the holder, the document reference, its date (not in the future). */
export function validateConsent(input: { holder: string; document: string; date: string }, today: string): Refusal[] {
  const out: Refusal[] = [];
  if (input.holder.trim() === '')
    out.push(refuse('DEIDENTIFY_PLAN_INVALID', { field: 'holder', message: { zh: '请填写权利人', en: 'Name the right holder' } }));
  if (input.document.trim() === '')
    out.push(
      refuse('DEIDENTIFY_PLAN_INVALID', {
        field: 'document',
        message: { zh: '请填写同意书的文号或存档编号', en: 'Give the reference of the consent document' },
      }),
    );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || input.date > today)
    out.push(
      refuse('DEIDENTIFY_PLAN_INVALID', {
        field: 'date',
        message: { zh: '同意日期须为不晚于今天的日期', en: 'The consent date is a date no later than today' },
      }),
    );
  return out;
}
