/**
 * The treatments of a de-identification plan as the editor offers them (one choice per field,
 * with its parameter) and as the portal describes them (R18.4).
 */
import type { MaskRule, Treatment } from '../../../api/derivatives';
import type { Translate } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/zh';

export type TreatmentChoice =
  | 'keep'
  | 'drop'
  | 'date_year'
  | 'date_month'
  | 'band'
  | 'prefix'
  | 'mask_citizen_id'
  | 'mask_phone'
  | 'mask_name'
  | 'mask_address'
  | 'mask_keep'
  | 'mask_year'
  | 'mask_null';

const MASKS = ['citizen_id', 'phone', 'name', 'address', 'keep', 'year', 'null'] as const;

/** The choices that fit a field's type (the server refuses the others). */
export function choicesFor(dataType: string): TreatmentChoice[] {
  const out: TreatmentChoice[] = ['keep', 'drop'];
  if (dataType === 'date' || dataType === 'datetime') out.push('date_year', 'date_month');
  if (dataType === 'integer' || dataType === 'decimal') out.push('band');
  if (dataType === 'string' || dataType === 'integer') out.push('prefix');
  if (dataType !== 'boolean') out.push(...MASKS.map((m) => `mask_${m}` as TreatmentChoice));
  else out.push('mask_null');
  return out;
}

export function choiceOf(t: Treatment): TreatmentChoice {
  switch (t.kind) {
    case 'keep':
    case 'drop':
    case 'band':
    case 'prefix':
      return t.kind;
    case 'generalize_date':
      return t.to === 'year' ? 'date_year' : 'date_month';
    case 'mask':
      return (MASKS as readonly string[]).includes(t.mask.kind) ? (`mask_${t.mask.kind}` as TreatmentChoice) : 'mask_null';
  }
}

/** The treatment of a choice, keeping the parameter of the previous one when it has the same kind. */
export function treatmentOf(choice: TreatmentChoice, previous?: Treatment): Treatment {
  switch (choice) {
    case 'keep':
      return { kind: 'keep' };
    case 'drop':
      return { kind: 'drop' };
    case 'date_year':
      return { kind: 'generalize_date', to: 'year' };
    case 'date_month':
      return { kind: 'generalize_date', to: 'month' };
    case 'band':
      return previous?.kind === 'band' ? previous : { kind: 'band', width: 10 };
    case 'prefix':
      return previous?.kind === 'prefix' ? previous : { kind: 'prefix', length: 6 };
    case 'mask_keep':
      return previous?.kind === 'mask' && previous.mask.kind === 'keep'
        ? previous
        : { kind: 'mask', mask: { kind: 'keep', first: 1, last: 1 } };
    case 'mask_citizen_id':
    case 'mask_phone':
    case 'mask_name':
    case 'mask_address':
    case 'mask_year':
    case 'mask_null': {
      const kind = choice.slice('mask_'.length) as Exclude<MaskRule['kind'], 'keep'>;
      return { kind: 'mask', mask: { kind } };
    }
  }
}

export function choiceLabel(t: Translate, choice: TreatmentChoice): string {
  return t(`open.derivatives.treatment.${choice}` as MessageKey);
}

/** One line saying what was done to a field: "Number bands: bands of 10 (e.g. 30-39)". */
export function describeTreatment(t: Translate, treatment: Treatment): string {
  const label = choiceLabel(t, choiceOf(treatment));
  if (treatment.kind === 'band') {
    const w = treatment.width;
    return `${label}：${t('open.derivatives.describe.band', { width: w, example: `${3 * w}-${4 * w - 1}` })}`;
  }
  if (treatment.kind === 'prefix') return `${label}：${t('open.derivatives.describe.prefix', { length: treatment.length })}`;
  if (treatment.kind === 'mask' && treatment.mask.kind === 'keep')
    return `${label}：${t('open.derivatives.describe.keepEnds', { first: treatment.mask.first, last: treatment.mask.last })}`;
  return label;
}
