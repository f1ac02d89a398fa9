/** Steps on the clock: pending items with time left, and on-time rates (R33.1). */
import { routes } from '@gongshu/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

/** Pending items sorted by due time: one's own agency's, or (bureau) every agency's or one agency's. */
export function usePending(agencyId: string | null = null) {
  return useQuery({
    queryKey: queryKeys.pending(agencyId),
    queryFn: () => api(routes.listPending, { query: agencyId ? { agencyId } : {} }),
    placeholderData: (previous) => previous,
  });
}

export function useDeadlineStats(range: { from: string; to: string }) {
  return useQuery({
    queryKey: queryKeys.deadlineStats(range),
    queryFn: () => api(routes.deadlineStats, { query: range }),
    placeholderData: (previous) => previous,
  });
}
