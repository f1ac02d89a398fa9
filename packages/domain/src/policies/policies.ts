/**
 * Who may do what: deny by default, one pure rule per permission. Services ask `authorize` before
 * anything else; routes never check roles themselves. R6.1 (roles), R8.1 (stewards), R29.1
 * (access control).
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import type { Actor, AgencyFacts, UserActor } from '../identity/actor.js';
import type { Role } from '../identity/roles.js';

export const PERMISSIONS = [
  /** Read one's own profile and sessions. */
  'profile.read',
  /** Create, list and revoke one's own API keys. */
  'api_key.manage_own',
  /** The agency workbench (数据工作台). */
  'workbench.view',
  /** The bureau console (管理控制台). */
  'console.view',
  /** The directory of agencies (names, kinds, levels, division codes). */
  'agency.list',
  /** One agency's details: responsible person, stewards, users. Scoped (see rule). */
  'agency.read',
  /** Create and edit agencies, their hierarchy and responsible persons. */
  'agency.manage',
  /** List users and accounts. */
  'user.read',
  /** Create users, assign roles (including data stewards), disable accounts. */
  'user.manage',
  /** The agencies of one's own sector (sector supervisors, R6.1). */
  'sector.oversee',
  /** Search and read the audit trail and security views (R6.1, R29.1). */
  'audit.read',
  /** Submit a catalog, a request or data on behalf of an agency (R8.1). */
  'agency.submit',
  /** Import or correct the holiday calendar (R37.1). */
  'calendar.manage',
  /** Load a revised regulation as a rule set (R37.1). */
  'rules.manage',
  /** Pending steps with time left: one's agency's, or every agency's for the bureau. */
  'deadline.pending',
  /** On-time rates per agency and step (R33.1). */
  'deadline.stats',
  /** Issue and review rectification orders (R35.1). */
  'rectification.supervise',
  /** Read rectification orders: the bureau all, sector supervisors their sector's, agencies their own. */
  'rectification.read',
  /** Browse and search the published catalog (public users: open entries only). */
  'catalog.read',
  /** Draft and change one's agency's catalog entries (submitting needs agency.submit). */
  'catalog.edit',
  /** The bureau's formal review of catalog submissions (R10.2, R10.3). */
  'catalog.review',
  /** Approve lowering an open or share attribute (R18.3). */
  'catalog.downgrade',
  /** Share requests and grants of one's agency (as requester or provider); every one for the bureau. */
  'share.read',
  /** File a share request for one's agency (the steward, R8.1, R17.1); the bureau files for towns (R15.2). */
  'share.request',
  /** Review a request as its provider, set a grant's systems, suspend a grant (the agency's steward). */
  'share.provide',
  /** The bureau's formal review, upper-level results, consultations and grant revocation (R14–R16). */
  'share.review',
  /** Record the security assessment of a share request whose grant would correlate level 3+ data on a person identifier (R31.1). */
  'security.assess',
  /** A citizen's or organization's own open-data life: apply, demand, report use, object, submit to the showcase (R19–R22). */
  'open.participate',
  /** Open-data applications, demands, objections and derivatives of one's agency; every one for the bureau. */
  'open.read',
  /** Review applications as provider, answer demands and objections, de-identify data (the agency's steward, R18.4–R20.2). */
  'open.provide',
  /** The bureau's formal review of applications and demands, showcase moderation, open-grant revocation (R19.2–R22.1). */
  'open.review',
  /** The register of third-party service providers (R30.1): the bureau and security supervisors all, a steward its agency's. */
  'provider.read',
  /** Register, change and end third-party service providers and link their accounts (R30.1): the bureau any, a steward its agency's. */
  'provider.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a permission may be checked against. */
export interface PolicyContext {
  /** The agency the action concerns, if any. */
  readonly agency?: AgencyFacts;
}

type Rule = (actor: UserActor, ctx: PolicyContext) => Result;

const OK: Result = { ok: true, value: true };
const forbidden = (extra?: Parameters<typeof refuse>[1]): Result => ({ ok: false, refusal: refuse('FORBIDDEN', extra) });
const anyOf =
  (...roles: Role[]): Rule =>
  (actor) =>
    actor.roles.some((r) => roles.includes(r)) ? OK : forbidden();

const AGENCY_PEOPLE: Role[] = [
  'bureau_admin',
  'bureau_reviewer',
  'steward',
  'agency_staff',
  'sector_supervisor',
  'security_supervisor',
  'operator',
];

const RULES: Record<Permission, Rule> = {
  'profile.read': () => OK,
  'api_key.manage_own': () => OK,
  'workbench.view': anyOf('steward', 'agency_staff'),
  'console.view': anyOf('bureau_admin', 'bureau_reviewer'),
  'agency.list': anyOf(...AGENCY_PEOPLE),
  'agency.read': (actor, { agency }) => {
    if (actor.roles.some((r) => r === 'bureau_admin' || r === 'bureau_reviewer' || r === 'security_supervisor')) return OK;
    if (!agency) return forbidden();
    // Stewards and staff see their own agency; sector supervisors the agencies of their sector (R6.1).
    if (actor.roles.some((r) => r === 'steward' || r === 'agency_staff') && actor.agency?.id === agency.id) return OK;
    if (
      actor.roles.includes('sector_supervisor') &&
      actor.agency?.sectorAuthorityOf != null &&
      (agency.sector === actor.agency.sectorAuthorityOf || agency.id === actor.agency.id)
    ) {
      return OK;
    }
    return forbidden();
  },
  'agency.manage': anyOf('bureau_admin'),
  'user.read': anyOf('bureau_admin', 'bureau_reviewer'),
  'user.manage': anyOf('bureau_admin'),
  'sector.oversee': (actor) => (actor.roles.includes('sector_supervisor') && actor.agency?.sectorAuthorityOf != null ? OK : forbidden()),
  'audit.read': anyOf('security_supervisor', 'bureau_admin'),
  'calendar.manage': anyOf('bureau_admin'),
  'rules.manage': anyOf('bureau_admin'),
  'deadline.pending': anyOf('bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff'),
  'deadline.stats': anyOf('bureau_admin', 'bureau_reviewer'),
  'rectification.supervise': anyOf('bureau_admin', 'bureau_reviewer'),
  'rectification.read': anyOf('bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff', 'sector_supervisor'),
  'catalog.read': () => OK,
  'catalog.edit': anyOf('steward', 'agency_staff'),
  'catalog.review': anyOf('bureau_admin', 'bureau_reviewer'),
  'catalog.downgrade': anyOf('bureau_admin'),
  'share.read': anyOf('bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff', 'security_supervisor'),
  'share.request': (actor, ctx) => {
    if (actor.roles.some((r) => r === 'bureau_admin' || r === 'bureau_reviewer')) return OK;
    return RULES['agency.submit'](actor, ctx);
  },
  'share.provide': (actor, { agency }) => {
    const target = agency ?? actor.agency;
    if (!target) return forbidden();
    if (!target.hasSteward) return { ok: false, refusal: refuse('STEWARD_REQUIRED') };
    return actor.roles.includes('steward') && actor.agency?.id === target.id ? OK : forbidden();
  },
  'share.review': anyOf('bureau_admin', 'bureau_reviewer'),
  'security.assess': anyOf('security_supervisor', 'bureau_admin'),
  'open.participate': anyOf('public_user'),
  'open.read': anyOf('bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff'),
  'open.provide': (actor, ctx) => RULES['share.provide'](actor, ctx),
  'open.review': anyOf('bureau_admin', 'bureau_reviewer'),
  'provider.read': (actor, ctx) => {
    if (actor.roles.some((r) => r === 'bureau_admin' || r === 'security_supervisor')) return OK;
    return RULES['provider.manage'](actor, ctx);
  },
  'provider.manage': (actor, { agency }) => {
    if (actor.roles.includes('bureau_admin')) return OK;
    // R30.1: the contracting agency's steward registers its own providers, no other agency's.
    const target = agency ?? actor.agency;
    return actor.roles.includes('steward') && target != null && actor.agency?.id === target.id ? OK : forbidden();
  },
  'agency.submit': (actor, { agency }) => {
    const target = agency ?? actor.agency;
    if (!target) return forbidden();
    // R8.1: an agency without a named data steward cannot submit anything.
    if (!target.hasSteward) return { ok: false, refusal: refuse('STEWARD_REQUIRED') };
    return actor.roles.includes('steward') && actor.agency?.id === target.id ? OK : forbidden();
  },
};

/**
 * Decides whether the actor may use the permission in the context. Anonymous visitors are refused
 * with AUTH_REQUIRED (401), signed-in users without the right with FORBIDDEN (403) or a more
 * specific refusal such as STEWARD_REQUIRED.
 */
export function authorize(actor: Actor, permission: Permission, ctx: PolicyContext = {}): Result {
  if (actor.kind !== 'user') return { ok: false, refusal: refuse('AUTH_REQUIRED') };
  return RULES[permission](actor, ctx);
}

/** Convenience for UIs: the permissions an actor holds without a context. */
export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => authorize(actor, p).ok);
}

export type { Refusal };
