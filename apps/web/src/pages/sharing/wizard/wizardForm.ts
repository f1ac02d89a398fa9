/**
 * The request wizard's form (R14–R17): its values, which fields each step holds, the API body
 * they make, the period rule (at most three years, R17.2) and where a server refusal belongs.
 */
import { COMMITMENTS, type Commitment } from '@gongshu/domain';
import type { FileShareInput, UpperLevel } from '../../../api/sharing';

/** What is asked for: a published resource, data not yet shared (R14.3), or upper-level data (R15.1). */
export type RequestKind = 'resource' | 'demand' | 'upper';

export interface WizardValues {
  kind: RequestKind;
  resourceId?: string;
  upperLevel?: UpperLevel;
  dataDescription?: string;
  providerAgencyId?: string;
  /** The bureau files for a town agency (R15.2). */
  onBehalfOf?: string;
  fieldMode: 'all' | 'chosen';
  fields?: string[];
  scenario?: string;
  legalDuty?: string;
  periodFrom?: string;
  periodTo?: string;
  apiKeyIds?: string[];
  commitments?: Partial<Record<Commitment, boolean>>;
}

export type FieldPath = readonly (string | number)[];

/** The form fields of each step, validated before moving on. */
export const STEP_FIELDS: readonly (readonly FieldPath[])[] = [
  [['kind'], ['resourceId'], ['upperLevel'], ['dataDescription'], ['providerAgencyId'], ['onBehalfOf']],
  [['fieldMode'], ['fields']],
  [['scenario'], ['legalDuty'], ['periodFrom'], ['periodTo'], ['apiKeyIds'], ...COMMITMENTS.map((c) => ['commitments', c])],
  [],
];

export const KNOWN_PATHS: readonly (readonly string[])[] = STEP_FIELDS.flat().map((path) => path.map(String));

/** The step holding a form field (the first step for anything else). */
export function stepOf(path: readonly string[]): number {
  const index = STEP_FIELDS.findIndex((fields) => fields.some((field) => field.join('.') === path.join('.')));
  return index < 0 ? 0 : index;
}

/** The longest period a request may ask for (R17.2): three years, counted as the server does. */
const MAX_PERIOD_MS = 3 * 366 * 86_400_000;

export type PeriodProblem = 'order' | 'tooLong' | null;

export function periodProblem(from: string | undefined, to: string | undefined): PeriodProblem {
  if (!from || !to) return null;
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  if (end < start) return 'order';
  return end - start > MAX_PERIOD_MS ? 'tooLong' : null;
}

/** The same calendar day `years` later: 2026-03-01 → 2027-03-01 (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The wizard's start: today for a year, all fields; a resource or a demand's provider from the address. */
export function initialValues(today: string, params: URLSearchParams): WizardValues {
  const resourceId = params.get('resourceId');
  const providerAgencyId = params.get('providerAgencyId');
  const demand = params.get('kind') === 'demand';
  return {
    kind: demand ? 'demand' : 'resource',
    ...(resourceId && !demand ? { resourceId } : {}),
    ...(providerAgencyId && demand ? { providerAgencyId } : {}),
    fieldMode: 'all',
    fields: [],
    periodFrom: today,
    periodTo: addYears(today, 1),
    apiKeyIds: [],
    commitments: {},
  };
}

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** The API body of the form's values (fields the chosen kind does not use are left out). */
export function toBody(values: WizardValues): FileShareInput {
  const commitments = Object.fromEntries(COMMITMENTS.map((c) => [c, values.commitments?.[c] === true])) as FileShareInput['commitments'];
  return {
    ...(values.kind === 'resource' && values.resourceId ? { resourceId: values.resourceId } : {}),
    ...(values.kind === 'resource' && values.fieldMode === 'chosen' ? { fields: [...(values.fields ?? [])] } : {}),
    ...(values.kind === 'demand' && values.providerAgencyId ? { providerAgencyId: values.providerAgencyId } : {}),
    ...(values.kind === 'upper' && values.upperLevel ? { upperLevel: values.upperLevel } : {}),
    ...(values.kind !== 'resource' ? { dataDescription: trimmed(values.dataDescription) } : {}),
    ...(values.onBehalfOf ? { onBehalfOf: values.onBehalfOf } : {}),
    scenario: trimmed(values.scenario),
    legalDuty: trimmed(values.legalDuty),
    periodFrom: values.periodFrom ?? '',
    periodTo: values.periodTo ?? '',
    commitments,
    apiKeyIds: [...(values.apiKeyIds ?? [])],
  };
}
