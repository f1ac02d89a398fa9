/**
 * Enumerations of the API. Contracts may only import domain *types*, so the values are listed
 * here and checked against the domain's types both ways at compile time.
 */
import type {
  AgencyKind as DomainAgencyKind,
  DataGrade as DomainDataGrade,
  DataType as DomainDataType,
  FormatCategory as DomainFormatCategory,
  IdentifierRole as DomainIdentifierRole,
  OpenNoneGround as DomainOpenNoneGround,
  OpenType as DomainOpenType,
  Role,
  SecurityDuty as DomainSecurityDuty,
  Sector as DomainSector,
  Sensitivity as DomainSensitivity,
  ShareMethod as DomainShareMethod,
  ShareType as DomainShareType,
  ShareRoute as DomainShareRoute,
  ShareState as DomainShareState,
  GrantState as DomainGrantState,
  UpdateFrequency as DomainUpdateFrequency,
} from '@gongshu/domain';
import { Type } from 'typebox';

type Exactly<T, U extends readonly T[]> = [T] extends [U[number]] ? U : never;

const ROLE_VALUES = [
  'bureau_admin',
  'bureau_reviewer',
  'steward',
  'agency_staff',
  'sector_supervisor',
  'security_supervisor',
  'operator',
  'public_user',
] as const satisfies readonly Role[];
const SECTOR_VALUES = [
  'education',
  'civil_affairs',
  'housing',
  'transport',
  'water',
  'health',
  'medical_security',
  'urban_management',
  'market_regulation',
  'administrative_approval',
] as const satisfies readonly DomainSector[];
const AGENCY_KIND_VALUES = [
  'bureau',
  'department',
  'town',
  'institution',
  'enterprise',
  'operator',
] as const satisfies readonly DomainAgencyKind[];
const SECURITY_DUTY_VALUES = ['cyberspace', 'public_security', 'secrecy'] as const satisfies readonly DomainSecurityDuty[];

export const RoleName = Type.Enum([...(ROLE_VALUES satisfies Exactly<Role, typeof ROLE_VALUES>)], { description: 'A role (R6.1)' });
export const Sector = Type.Enum([...(SECTOR_VALUES satisfies Exactly<DomainSector, typeof SECTOR_VALUES>)], {
  description: 'One of the ten sectors of R6.1',
});
export const AgencyKind = Type.Enum([...(AGENCY_KIND_VALUES satisfies Exactly<DomainAgencyKind, typeof AGENCY_KIND_VALUES>)]);
export const SecurityDuty = Type.Enum([...(SECURITY_DUTY_VALUES satisfies Exactly<DomainSecurityDuty, typeof SECURITY_DUTY_VALUES>)], {
  description: '网信 / 公安 / 保密 (R6.1)',
});
export const AgencyLevel = Type.Enum(['city', 'town']);
export const AuditOutcome = Type.Enum(['ok', 'denied', 'failed']);
export const PublicKind = Type.Enum(['citizen', 'organization']);

/** An enum schema whose values must be exactly the domain type's (checked both ways). */
function exactEnum<T extends string>() {
  return <const U extends readonly T[]>(values: U & ([T] extends [U[number]] ? unknown : never), options?: { description?: string }) =>
    Type.Enum([...values], options);
}

export const FormatCategory = exactEnum<DomainFormatCategory>()([
  'electronic_file',
  'spreadsheet',
  'database',
  'image',
  'streaming_media',
  'self_describing',
  'service_interface',
]);
export const DataType = exactEnum<DomainDataType>()(['string', 'integer', 'decimal', 'date', 'datetime', 'boolean']);
export const IdentifierRole = exactEnum<DomainIdentifierRole>()(['citizen_id', 'credit_code', 'other_code', 'none']);
export const Sensitivity = exactEnum<DomainSensitivity>()(['public', 'internal', 'sensitive', 'highly_sensitive']);
export const ShareType = exactEnum<DomainShareType>()(['unconditional', 'conditional', 'none']);
export const OpenType = exactEnum<DomainOpenType>()(['unconditional', 'conditional', 'none']);
export const ShareMethod = exactEnum<DomainShareMethod>()(['interface', 'bulk_file', 'query']);
export const OpenNoneGround = exactEnum<DomainOpenNoneGround>()(
  ['state_secret', 'security_stability', 'trade_secret_privacy', 'agreement_ip', 'law_excluded'],
  {
    description: 'The five grounds of R18.1',
  },
);
export const UpdateFrequency = exactEnum<DomainUpdateFrequency>()([
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
  'irregular',
]);
export const DataGrade = exactEnum<DomainDataGrade>()(['general', 'important', 'core']);
export const ShareRoute = exactEnum<DomainShareRoute>()(['unconditional', 'conditional', 'demand', 'upper_level'], {
  description: 'R14.1 unconditional, R14.2 conditional, R14.3 demand for data not yet shared, R15.1 upper-level node',
});
export const ShareState = exactEnum<DomainShareState>()([
  'formal_review',
  'provider_review',
  'provider_answer',
  'escalated',
  'granted',
  'answered',
  'rejected',
  'consultation',
  'closed',
  'withdrawn',
]);
export const GrantStoredState = exactEnum<DomainGrantState>()(['active', 'suspended', 'revoked']);
