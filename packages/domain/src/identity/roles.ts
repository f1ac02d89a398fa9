/**
 * Who is who on the node (R5.1, R6.1, R8.1): agency kinds and levels, the ten sector authorities,
 * the security supervisors, and the roles a user can hold.
 */

/** Roles a signed-in user can hold. An anonymous visitor holds none. */
export const ROLES = [
  'bureau_admin',
  'bureau_reviewer',
  'steward',
  'agency_staff',
  'sector_supervisor',
  'security_supervisor',
  'operator',
  'public_user',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  bureau_admin: { zh: '大数据局管理员', en: 'Bureau administrator' },
  bureau_reviewer: { zh: '大数据局审核员', en: 'Bureau reviewer' },
  steward: { zh: '数据专员', en: 'Data steward' },
  agency_staff: { zh: '单位工作人员', en: 'Agency staff' },
  sector_supervisor: { zh: '行业主管部门监管员', en: 'Sector supervisor' },
  security_supervisor: { zh: '安全监管员（网信、公安、保密）', en: 'Security supervisor' },
  operator: { zh: '授权运营单位', en: 'Authorized operator' },
  public_user: { zh: '公众用户', en: 'Public user' },
};

/** Roles held by people working in an agency (they need an agency); public users need none. */
export const AGENCY_ROLES: readonly Role[] = [
  'bureau_admin',
  'bureau_reviewer',
  'steward',
  'agency_staff',
  'sector_supervisor',
  'security_supervisor',
  'operator',
];

/** Kinds of agency (R5.1). */
export const AGENCY_KINDS = ['bureau', 'department', 'town', 'institution', 'enterprise', 'operator'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, { zh: string; en: string }> = {
  bureau: { zh: '市大数据工作主管部门', en: 'Big-data bureau' },
  department: { zh: '市直部门', en: 'City department' },
  town: { zh: '镇、街道', en: 'Town or street' },
  institution: { zh: '事业单位', en: 'Public institution' },
  enterprise: { zh: '公共服务企业', en: 'Public-service enterprise' },
  operator: { zh: '授权运营单位', en: 'Authorized operator' },
};

/** Towns and streets are agencies with level 'town'; everything else is city level (R5.1, R15.2). */
export type AgencyLevel = 'city' | 'town';

export function levelOfKind(kind: AgencyKind): AgencyLevel {
  return kind === 'town' ? 'town' : 'city';
}

/** The ten sectors whose authorities oversee the agencies of their sector (R6.1). */
export const SECTORS = [
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
] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, { zh: string; en: string }> = {
  education: { zh: '教育', en: 'Education' },
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
  housing: { zh: '住房和城乡建设', en: 'Housing and construction' },
  transport: { zh: '交通运输', en: 'Transport' },
  water: { zh: '城乡水务', en: 'Water' },
  health: { zh: '卫生健康', en: 'Health' },
  medical_security: { zh: '医疗保障', en: 'Medical security' },
  urban_management: { zh: '城市管理', en: 'Urban management' },
  market_regulation: { zh: '市场监管', en: 'Market regulation' },
  administrative_approval: { zh: '行政审批服务', en: 'Administrative approval' },
};

/** The security supervisors of R6.1: cyberspace (网信), public security (公安), secrecy (保密). */
export const SECURITY_DUTIES = ['cyberspace', 'public_security', 'secrecy'] as const;
export type SecurityDuty = (typeof SECURITY_DUTIES)[number];
