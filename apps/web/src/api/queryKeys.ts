/** Query keys in one place, so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  portalSummary: ['portal', 'summary'] as const,
  agencies: ['agencies'] as const,
  agency: (id: string) => ['agencies', id] as const,
  sectorAgencies: ['sector', 'agencies'] as const,
  users: ['users'] as const,
  usersFiltered: (filter: { agencyId?: string; role?: string; q?: string }) => ['users', filter] as const,
  apiKeys: ['api-keys'] as const,
  audit: (filter: object) => ['audit', filter] as const,
  auditVerify: ['audit', 'verify'] as const,
  notifications: ['notifications'] as const,
  /** Everything computed from deadlines: pending lists and on-time rates. */
  deadlines: ['deadlines'] as const,
  pending: (agencyId: string | null) => ['deadlines', 'pending', agencyId ?? 'mine'] as const,
  deadlineStats: (range: { from: string; to: string }) => ['deadlines', 'stats', range] as const,
  calendar: ['calendar'] as const,
  workingDays: (input: { from: string; days: number; provisional: boolean }) => ['calendar', 'add-working-days', input] as const,
  ruleSets: ['rule-sets'] as const,
  rectifications: ['rectifications'] as const,
  rectificationList: (state: string | null) => ['rectifications', 'list', state ?? 'all'] as const,
  rectification: (id: string) => ['rectifications', 'one', id] as const,
};
