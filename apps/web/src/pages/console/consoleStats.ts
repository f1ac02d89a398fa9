/** Counts of the console overview, computed from the agency and user lists. */
import type { Agency, User } from '@gongshu/contracts';
import { AGENCY_KINDS, ROLES, type AgencyKind, type Role } from '@gongshu/domain';

export interface ConsoleStats {
  readonly agencies: number;
  readonly activeAgencies: number;
  readonly byKind: readonly { kind: AgencyKind; count: number }[];
  /** Active agencies that named no data steward: they cannot submit (R8.1). */
  readonly withoutSteward: readonly Agency[];
  readonly agencyAccounts: number;
  readonly stewards: number;
  readonly lockedOrDisabled: number;
  readonly byRole: readonly { role: Role; count: number }[];
}

export function consoleStats(agencies: readonly Agency[], users: readonly User[]): ConsoleStats {
  const active = agencies.filter((agency) => agency.active);
  const agencyUsers = users.filter((user) => user.agencyId !== null);
  return {
    agencies: agencies.length,
    activeAgencies: active.length,
    byKind: AGENCY_KINDS.map((kind) => ({ kind, count: active.filter((agency) => agency.kind === kind).length })),
    withoutSteward: active.filter((agency) => agency.stewardCount === 0),
    agencyAccounts: agencyUsers.length,
    stewards: agencyUsers.filter((user) => !user.disabled && user.roles.includes('steward')).length,
    lockedOrDisabled: users.filter((user) => user.locked || user.disabled).length,
    byRole: ROLES.map((role) => ({ role, count: users.filter((user) => user.roles.includes(role)).length })),
  };
}
