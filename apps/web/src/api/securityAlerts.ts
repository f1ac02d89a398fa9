/** Unusual-access alerts for the security supervisors (R29.1, issue 8 item 4). */
import { routes, type RouteInput } from '@gongshu/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type AlertFilter = Omit<RouteInput<typeof routes.listSecurityAlerts>['query'], 'limit' | 'offset'>;
export type AlertAction = RouteInput<typeof routes.changeSecurityAlertState>['body'];

export const ALERT_PAGE_SIZE = 20;

export function useSecurityAlerts(filter: AlertFilter, page: number) {
  return useQuery({
    queryKey: queryKeys.securityAlertList({ ...filter, page }),
    queryFn: () => api(routes.listSecurityAlerts, { query: { ...filter, limit: ALERT_PAGE_SIZE, offset: (page - 1) * ALERT_PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
}

export function useSecurityAlert(id: string | null) {
  return useQuery({
    queryKey: queryKeys.securityAlert(id ?? ''),
    queryFn: () => api(routes.getSecurityAlert, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useChangeAlertState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string } & AlertAction) =>
      api(routes.changeSecurityAlertState, { params: { id: input.id }, body: { action: input.action, note: input.note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.securityAlerts }),
  });
}
