/** The audit trail (R29.1): paged search, its export (a plain download) and hash-chain verification. */
import { routes, type RouteInput } from '@gongshu/contracts';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type AuditFilter = Omit<RouteInput<typeof routes.searchAudit>['query'], 'beforeSeq' | 'limit'>;

const PAGE_SIZE = 50;

export function useAuditSearch(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: ({ pageParam }) =>
      api(routes.searchAudit, { query: { ...filter, limit: PAGE_SIZE, ...(pageParam ? { beforeSeq: pageParam } : {}) } }),
    initialPageParam: null as number | null,
    // A short page is the last one; otherwise the server's nextBeforeSeq continues backwards.
    getNextPageParam: (last) => (last.entries.length < PAGE_SIZE ? null : last.nextBeforeSeq),
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationKey: queryKeys.auditVerify, mutationFn: () => api(routes.verifyAudit) });
}

/** The export of a search: a plain download (the session cookie goes along), the same filters. */
export function auditExportUrl(filter: AuditFilter, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(key, String(value));
  return `${routes.exportAudit.url}?${query.toString()}`;
}
