/**
 * Rules of the agency register (R5.1, R6.1, R27.1), as pure checks over the proposed agency.
 */
import { refuse, type Refusal } from '../errors.js';
import { validateCreditCode } from '../identifiers/credit-code.js';
import { ROLE_LABELS, type AgencyKind, type Role, type SecurityDuty, type Sector } from './roles.js';

export interface AgencyShape {
  readonly id?: string;
  readonly kind: AgencyKind;
  readonly parentId: string | null;
  readonly divisionCode: string;
  readonly creditCode: string | null;
  readonly sector: Sector | null;
  readonly sectorAuthorityOf: Sector | null;
  readonly securityDuty: SecurityDuty | null;
  readonly responsiblePersonName: string;
  readonly responsiblePersonTitle: string;
}

/**
 * Checks an agency before it is saved. `parentOf` maps every existing agency id to its parent id
 * and `kindOf` to its kind, so the check can refuse cycles and misplaced children.
 */
export function checkAgency(
  agency: AgencyShape,
  parentOf: ReadonlyMap<string, string | null>,
  kindOf: ReadonlyMap<string, AgencyKind>,
): Refusal | null {
  if (!agency.responsiblePersonName.trim() || !agency.responsiblePersonTitle.trim()) {
    return refuse('RESPONSIBLE_PERSON_REQUIRED', { field: 'responsiblePerson' });
  }
  if (agency.creditCode) {
    const check = validateCreditCode(agency.creditCode);
    if (!check.ok) return refuse('CREDIT_CODE_INVALID', { field: 'creditCode', message: check.message });
  }
  const hierarchy = (zh: string, en: string, field = 'parentId') =>
    refuse('AGENCY_HIERARCHY_INVALID', {
      field,
      message: { zh: `单位层级关系无效：${zh}`, en: `The agency hierarchy is not valid: ${en}` },
    });
  if (agency.sectorAuthorityOf && agency.kind !== 'department') {
    return hierarchy('只有市直部门可以作为行业主管部门', 'only a city department can be a sector authority', 'sectorAuthorityOf');
  }
  if (agency.securityDuty && agency.kind !== 'department') {
    return hierarchy('只有市直部门可以承担安全监管职责', 'only a city department can hold a security duty', 'securityDuty');
  }
  if (agency.kind === 'town' && !/^\d{9}$/.test(agency.divisionCode)) {
    return hierarchy('镇、街道须使用 9 位乡级区划代码', 'a town or street needs a 9-digit township division code', 'divisionCode');
  }
  if (agency.parentId === null) return null;
  if (agency.kind === 'bureau') return hierarchy('大数据主管部门不隶属于其他单位', 'the bureau has no parent agency');
  const parentKind = kindOf.get(agency.parentId);
  if (!parentKind) return hierarchy('上级单位不存在', 'the parent agency does not exist');
  if (agency.kind === 'department' && parentKind !== 'department') {
    return hierarchy('市直部门只能隶属于市直部门', 'a city department can only sit under a city department');
  }
  // Walk up from the proposed parent: reaching the agency itself means a cycle.
  const seen = new Set<string>();
  for (let at: string | null | undefined = agency.parentId; at; at = parentOf.get(at)) {
    if (at === agency.id || seen.has(at)) return hierarchy('不能形成循环隶属', 'the hierarchy cannot loop');
    seen.add(at);
  }
  return null;
}

/** What role assignment needs to know of the user's agency. */
export interface RoleAgency {
  readonly kind: AgencyKind;
  readonly sectorAuthorityOf: Sector | null;
  readonly securityDuty: SecurityDuty | null;
}

/**
 * Checks that roles fit the agency they are held in (R6.1, R8.1): bureau roles in the bureau,
 * sector supervisors in a sector authority, security supervisors in a 网信/公安/保密 department,
 * operators in an authorized operator, stewards and staff in any agency; public users are
 * registered on the portal, not created here.
 */
export function checkRoles(roles: readonly Role[], agency: RoleAgency | null): Refusal | null {
  const wrong = (role: Role, zh: string, en: string) =>
    refuse('FORBIDDEN', {
      field: 'roles',
      message: { zh: `角色“${ROLE_LABELS[role].zh}”${zh}`, en: `Role ${role} ${en}` },
      details: { role },
    });
  for (const role of roles) {
    if (role === 'public_user') return wrong(role, '只能由公众在开放平台注册', 'is only obtained by registering on the open portal');
    if (!agency)
      return role === 'steward' ? refuse('STEWARD_ROLE_AGENCY', { field: 'agencyId' }) : wrong(role, '须属于一个单位', 'needs an agency');
    if ((role === 'bureau_admin' || role === 'bureau_reviewer') && agency.kind !== 'bureau') {
      return wrong(role, '只能授予大数据主管部门的人员', 'is only for people of the bureau');
    }
    if (role === 'sector_supervisor' && !agency.sectorAuthorityOf) {
      return wrong(role, '只能授予行业主管部门的人员', 'is only for people of a sector authority');
    }
    if (role === 'security_supervisor' && !agency.securityDuty) {
      return wrong(
        role,
        '只能授予网信、公安、保密部门的人员',
        'is only for people of the cyberspace, public security or secrecy departments',
      );
    }
    if (role === 'operator' && agency.kind !== 'operator') {
      return wrong(role, '只能授予授权运营单位的人员', 'is only for people of an authorized operator');
    }
  }
  return null;
}
