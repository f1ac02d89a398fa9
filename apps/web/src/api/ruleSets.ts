/** Rule sets (R37.1): the time limits and categories of the regulation, with their validity. */
import { routes, type RouteInput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type RuleSetDocument = RouteInput<typeof routes.loadRuleSet>['body'];

export function useRuleSets() {
  return useQuery({ queryKey: queryKeys.ruleSets, queryFn: () => api(routes.listRuleSets), staleTime: 5 * 60_000 });
}

export function useLoadRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: RuleSetDocument) => api(routes.loadRuleSet, { body: document }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.ruleSets }),
  });
}
