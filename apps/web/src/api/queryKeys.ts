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
};
