/**
 * Open-data applications (R19.2, R19.4), demands for data not yet open (R19.3), open grants and
 * usage reports (R20.1): lists in their scopes, one application with its timeline and what the
 * caller may do, the moves of the workflow, the public list of demands, and what a resource asks of
 * an applicant. Every move changes steps on the clock, so pending lists and notifications refresh.
 */
import { routes, type RouteInput, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type OpenApplication = RouteOutput<typeof routes.listOpenApplications>[number];
export type OpenApplicationDetail = RouteOutput<typeof routes.getOpenApplication>;
export type OpenApplicationScope = RouteInput<typeof routes.listOpenApplications>['query']['scope'];
export type OpenApplicationState = OpenApplication['state'];
export type OpenApplicationEvent = OpenApplicationDetail['events'][number];
export type OpenApplyInput = RouteInput<typeof routes.fileOpenApplication>['body'];
export type OpenDemandInput = RouteInput<typeof routes.fileOpenDemand>['body'];
export type OpenPublicDemand = RouteOutput<typeof routes.listPublicDemands>[number];
export type OpenGrant = RouteOutput<typeof routes.listOpenGrants>[number];
export type OpenGrantScope = RouteInput<typeof routes.listOpenGrants>['query']['scope'];
export type OpenUsageReport = OpenGrant['reports'][number];
export type OpenUsageReportInput = RouteInput<typeof routes.submitUsageReport>['body'];
export type OpenGrantAction = RouteInput<typeof routes.changeOpenGrantState>['body']['action'];
export type OpenApplyState = RouteOutput<typeof routes.getApplyState>;
export type OpenFormalReviewInput = RouteInput<typeof routes.formalReviewOpenApplication>['body'];
export type OpenProviderReviewInput = RouteInput<typeof routes.providerReviewOpenApplication>['body'];
export type OpenAnswerInput = RouteInput<typeof routes.answerOpenDemand>['body'];

/** The query keys of this part, under one root so a move refreshes them all. */
export const openApplicationKeys = {
  all: ['openApplications'] as const,
  list: (scope: OpenApplicationScope) => ['openApplications', 'list', scope] as const,
  one: (id: string) => ['openApplications', 'one', id] as const,
  demands: (state: string | null) => ['openApplications', 'demands', state] as const,
  grants: (scope: OpenGrantScope) => ['openApplications', 'grants', scope] as const,
  applyState: (resourceId: string, signedIn: boolean) => ['openApplications', 'apply', resourceId, signedIn] as const,
  providers: ['openApplications', 'providers'] as const,
};

export function useOpenApplications(scope: OpenApplicationScope, enabled = true) {
  return useQuery({
    queryKey: openApplicationKeys.list(scope),
    queryFn: () => api(routes.listOpenApplications, { query: { scope } }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useOpenApplication(id: string) {
  return useQuery({
    queryKey: openApplicationKeys.one(id),
    queryFn: () => api(routes.getOpenApplication, { params: { id } }),
    enabled: Boolean(id),
  });
}

/** The public list of demands (R19.3), anonymous. */
export function usePublicDemands(state?: OpenApplicationState) {
  return useQuery({
    queryKey: openApplicationKeys.demands(state ?? null),
    queryFn: () => api(routes.listPublicDemands, { query: state ? { state } : {} }),
    placeholderData: (previous) => previous,
  });
}

/** What a resource asks of an applicant; signed in, also my latest application and grant for it. */
export function useApplyState(resourceId: string, signedIn: boolean) {
  return useQuery({
    queryKey: openApplicationKeys.applyState(resourceId, signedIn),
    queryFn: () => api(routes.getApplyState, { params: { id: resourceId } }),
    enabled: Boolean(resourceId),
  });
}

export function useOpenProviders() {
  return useQuery({ queryKey: openApplicationKeys.providers, queryFn: () => api(routes.listOpenProviders), staleTime: 5 * 60_000 });
}

export function useOpenGrants(scope: OpenGrantScope, enabled = true) {
  return useQuery({
    queryKey: openApplicationKeys.grants(scope),
    queryFn: () => api(routes.listOpenGrants, { query: { scope } }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

function useAfterChange() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail?: OpenApplicationDetail) => {
      if (detail) queryClient.setQueryData(openApplicationKeys.one(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: openApplicationKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    [queryClient],
  );
}

/** Applies for a conditional resource (R19.2). */
export function useApplyForOpenData() {
  const onSuccess = useAfterChange();
  return useMutation({ mutationFn: (body: OpenApplyInput) => api(routes.fileOpenApplication, { body }), onSuccess });
}

/** Asks for data not yet open (R19.3). */
export function useFileOpenDemand() {
  const onSuccess = useAfterChange();
  return useMutation({ mutationFn: (body: OpenDemandInput) => api(routes.fileOpenDemand, { body }), onSuccess });
}

function useMove<B>(call: (id: string, body: B) => Promise<OpenApplicationDetail>) {
  const onSuccess = useAfterChange();
  return useMutation({ mutationFn: (input: { id: string; body: B }) => call(input.id, input.body), onSuccess });
}

export const useOpenFormalReview = () =>
  useMove((id, body: OpenFormalReviewInput) => api(routes.formalReviewOpenApplication, { params: { id }, body }));
export const useOpenProviderReview = () =>
  useMove((id, body: OpenProviderReviewInput) => api(routes.providerReviewOpenApplication, { params: { id }, body }));
export const useOpenAnswer = () => useMove((id, body: OpenAnswerInput) => api(routes.answerOpenDemand, { params: { id }, body }));
export const useOpenWithdraw = () =>
  useMove((id, body: { comment?: string }) => api(routes.withdrawOpenApplication, { params: { id }, body }));

/** The holder reports their use (R20.1). */
export function useSubmitUsageReport() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (input: { grantId: string; reportId: string; body: OpenUsageReportInput }) =>
      api(routes.submitUsageReport, { params: { id: input.grantId, reportId: input.reportId }, body: input.body }),
    onSuccess: () => onSuccess(),
  });
}

/** The bureau suspends, restores or revokes an open grant. */
export function useChangeOpenGrantState() {
  const onSuccess = useAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; action: OpenGrantAction; reason: string }) =>
      api(routes.changeOpenGrantState, { params: { id: input.id }, body: { action: input.action, reason: input.reason } }),
    onSuccess: () => onSuccess(),
  });
}
