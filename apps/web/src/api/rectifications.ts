/**
 * Rectification orders (R35.1): the bureau issues and reviews, the agency's data steward reports.
 * Every change moves a step on the clock, so pending lists, rates and notifications refresh too.
 */
import { routes, type Rectification, type RouteInput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type RectificationState = Rectification['state'];
export type IssueRectificationInput = RouteInput<typeof routes.issueRectification>['body'];

export function useRectifications(state: RectificationState | null) {
  return useQuery({
    queryKey: queryKeys.rectificationList(state),
    queryFn: () => api(routes.listRectifications, { query: state ? { state } : {} }),
    placeholderData: (previous) => previous,
  });
}

export function useRectification(id: string) {
  return useQuery({
    queryKey: queryKeys.rectification(id),
    queryFn: () => api(routes.getRectification, { params: { id } }),
  });
}

function useAfterChange() {
  const queryClient = useQueryClient();
  return (order: Rectification) => {
    queryClient.setQueryData(queryKeys.rectification(order.id), order);
    void queryClient.invalidateQueries({ queryKey: queryKeys.rectifications });
    void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  };
}

export function useIssueRectification() {
  const onSuccess = useAfterChange();
  return useMutation({ mutationFn: (body: IssueRectificationInput) => api(routes.issueRectification, { body }), onSuccess });
}

export function useReportRectification() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; report: string }) =>
      api(routes.reportRectification, { params: { id: input.id }, body: { report: input.report } }),
    onSuccess,
  });
}

export function useReviewRectification() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; accepted: boolean; comment: string }) =>
      api(routes.reviewRectification, { params: { id: input.id }, body: { accepted: input.accepted, comment: input.comment } }),
    onSuccess,
  });
}
