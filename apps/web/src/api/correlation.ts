/**
 * Correlation assessment (R31.1): a share request's correlation check with its assessments, recording
 * an assessment (security supervisors and bureau administrators), and their queue. Keys live under
 * ['share'], so every move of a request refreshes its check too.
 */
import { routes, type RouteInput, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type CorrelationStatus = RouteOutput<typeof routes.getShareCorrelation>;
export type CorrelationAssessment = NonNullable<CorrelationStatus['latest']>;
export type CorrelationQueueItem = RouteOutput<typeof routes.listCorrelationQueue>[number];
export type AssessmentInput = RouteInput<typeof routes.recordCorrelationAssessment>['body'];

const statusKey = (id: string) => ['share', 'correlation', id] as const;
const queueKey = ['share', 'correlation-queue'] as const;

export function useShareCorrelation(id: string | null | undefined) {
  return useQuery({
    queryKey: statusKey(id ?? ''),
    queryFn: () => api(routes.getShareCorrelation, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useCorrelationQueue() {
  return useQuery({ queryKey: queueKey, queryFn: () => api(routes.listCorrelationQueue) });
}

/** Records an assessment; a refusal rejects the request, so the request and every list refresh. */
export function useRecordAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: AssessmentInput }) =>
      api(routes.recordCorrelationAssessment, { params: { id: input.id }, body: input.body }),
    onSuccess: (status) => {
      queryClient.setQueryData(statusKey(status.requestId), status);
      void queryClient.invalidateQueries({ queryKey: queryKeys.share });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
}
