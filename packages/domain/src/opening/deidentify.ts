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

/**
 * What a plan must satisfy before any counting: identifiers never stay in clear, quasi-identifiers
 * are kept fields, k is at least 2. All problems at once.
 */
export function validatePlan(
  plan: DeidentificationPlan,
  fields: readonly { readonly code: string; readonly identifierRole: string }[],
): Refusal[] {
  const out: Refusal[] = [];
  const codes = new Set(fields.map((f) => f.code));
  for (const code of Object.keys(plan.treatments))
    if (!codes.has(code)) out.push(refuse('DEIDENTIFY_PLAN_INVALID', { field: `treatments.${code}` }));
  for (const f of fields) {
    const t = plan.treatments[f.code] ?? { kind: 'keep' };
    if (f.identifierRole !== 'none' && t.kind === 'keep')
      out.push(
        refuse('DEIDENTIFY_PLAN_INVALID', {
          field: `treatments.${f.code}`,
          message: {
            zh: '标识信息项不得原样保留：请删除、截取或脱敏',
            en: 'Identifier fields cannot be kept as they are: drop, cut or mask them',
          },
        }),
      );
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
      out.push(refuse('DEIDENTIFY_PLAN_INVALID', { field: `quasiIdentifiers.${q}` }));
  }
  if (!Number.isInteger(plan.k) || plan.k < 2) out.push(refuse('DEIDENTIFY_PLAN_INVALID', { field: 'k' }));
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

/** A derivative may be published when the check passed, or with the right holder's recorded consent (R18.4). */
export function mayPublishDerivative(
  check: KAnonymityResult | null,
  consent: { readonly recordedBy: string; readonly document: string } | null,
): Result {
  if (consent && consent.document.trim() !== '') return { ok: true, value: true };
  if (check?.passed) return { ok: true, value: true };
  return { ok: false, refusal: refuse('DEIDENTIFY_K_ANONYMITY_FAILED', { details: check ? { ...check } : {} }) };
}
