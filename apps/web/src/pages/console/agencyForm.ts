/**
 * The agency form's values and their conversion to the API's AgencyInput (R5.1, R27.1), plus the
 * form fields a server refusal can point at.
 */
import type { AgencyDetail, AgencyInput } from '@gongshu/contracts';
import type { AgencyKind, SecurityDuty, Sector } from '@gongshu/domain';

export interface AgencyFormValues {
  code: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
  parentId?: string;
  divisionCode: string;
  creditCode?: string;
  sector?: Sector;
  sectorAuthorityOf?: Sector;
  securityDuty?: SecurityDuty;
  responsiblePerson: { name: string; title: string; phone?: string };
  active?: boolean;
}

export const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const DIVISION_PATTERN = /^[0-9]{6}([0-9]{3})?$/;

/** Form fields, as paths, that a refusal's `field` can name. */
export const AGENCY_FORM_FIELDS: readonly (readonly string[])[] = [
  ['code'],
  ['name'],
  ['shortName'],
  ['kind'],
  ['parentId'],
  ['divisionCode'],
  ['creditCode'],
  ['sector'],
  ['sectorAuthorityOf'],
  ['securityDuty'],
  ['responsiblePerson', 'name'],
  ['responsiblePerson', 'title'],
  ['responsiblePerson', 'phone'],
  ['active'],
];

const blankToNull = (value: string | undefined | null): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function toAgencyInput(values: AgencyFormValues): AgencyInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    shortName: blankToNull(values.shortName),
    kind: values.kind,
    parentId: values.parentId ?? null,
    divisionCode: values.divisionCode.trim(),
    creditCode: blankToNull(values.creditCode)?.toUpperCase() ?? null,
    sector: values.sector ?? null,
    sectorAuthorityOf: values.sectorAuthorityOf ?? null,
    securityDuty: values.securityDuty ?? null,
    responsiblePerson: {
      name: values.responsiblePerson.name.trim(),
      title: values.responsiblePerson.title.trim(),
      phone: blankToNull(values.responsiblePerson.phone),
    },
  };
}

export function toFormValues(detail: AgencyDetail): AgencyFormValues {
  const { agency, responsiblePerson } = detail;
  return {
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName ?? '',
    kind: agency.kind,
    parentId: agency.parentId ?? undefined,
    divisionCode: agency.divisionCode,
    creditCode: agency.creditCode ?? '',
    sector: agency.sector ?? undefined,
    sectorAuthorityOf: agency.sectorAuthorityOf ?? undefined,
    securityDuty: agency.securityDuty ?? undefined,
    responsiblePerson: { name: responsiblePerson.name, title: responsiblePerson.title, phone: responsiblePerson.phone ?? '' },
    active: agency.active,
  };
}
