/** Rules of the account forms, shared by create, edit and password reset. */
import type { Agency } from '@gongshu/contracts';
import { checkRoles, ROLES, type Role } from '@gongshu/domain';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,50}$/;

/** Roles a bureau administrator can give; public users register on the portal (R6.1). */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'public_user');

/**
 * Checks the roles against the agency with the domain's own rule (bureau roles in the bureau,
 * sector supervisors in a sector authority…), so the form refuses before the server does.
 */
export function roleRefusal(roles: readonly Role[], agency: Agency | undefined): { zh: string; en: string } | null {
  if (!agency) return null;
  const refusal = checkRoles(roles, { kind: agency.kind, sectorAuthorityOf: agency.sectorAuthorityOf, securityDuty: agency.securityDuty });
  return refusal ? refusal.message : null;
}

export const USER_FORM_FIELDS: readonly (readonly string[])[] = [['username'], ['displayName'], ['agencyId'], ['roles'], ['password']];
