/** The public portal's counts (no sign-in needed). */
import { routes } from '@gongshu/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export function usePortalSummary() {
  return useQuery({ queryKey: queryKeys.portalSummary, queryFn: () => api(routes.portalSummary) });
}
