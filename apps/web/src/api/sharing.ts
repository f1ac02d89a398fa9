/**
 * Sharing between agencies (R13–R17): requests in their scopes with the step on the clock, one
 * request with its timeline and what the caller may do, the moves of the workflow (formal review,
 * provider review, demand answer, upper-level result, withdrawal, consultation, R14–R16), the
 * agency's systems (API keys), grants with their keys, state and delivery log, the lineage of a
 * resource, and the one exit as a consumer's person tries it (lookup and extract, R7.1, R29.1).
 * Every move changes steps on the clock, so pending lists and notifications refresh with it.
 */
import { ApiError, fillPath, routes, type RouteInput, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type ShareRequestDetail = RouteOutput<typeof routes.getShareRequest>;
export type ShareRequest = RouteOutput<typeof routes.listShareRequests>[number];
export type ShareScope = RouteInput<typeof routes.listShareRequests>['query']['scope'];
export type ShareState = ShareRequest['state'];
export type ShareRoute = ShareRequest['route'];
export type ShareField = ShareRequest['fields'][number];
export type ShareEvent = ShareRequestDetail['events'][number];
export type Consultation = NonNullable<ShareRequestDetail['consultation']>;
export type RejectionReason = NonNullable<ShareRequest['rejection']>['reasons'][number];
export type UpperLevel = NonNullable<ShareRequest['upperLevel']>;
export type FileShareInput = RouteInput<typeof routes.fileShareRequest>['body'];
export type Commitments = FileShareInput['commitments'];
export type AgencyKey = RouteOutput<typeof routes.listAgencyKeys>[number];
export type Grant = RouteOutput<typeof routes.getGrant>;
export type GrantScope = RouteInput<typeof routes.listGrants>['query']['scope'];
export type GrantStatus = Grant['status'];
export type GrantAction = RouteInput<typeof routes.changeGrantState>['body']['action'];
export type DeliveryPage = RouteOutput<typeof routes.listGrantDeliveries>;
export type Delivery = DeliveryPage['deliveries'][number];
export type Lineage = RouteOutput<typeof routes.getLineage>;
export type LineageNode = Lineage['nodes'][number];
export type LookupResult = RouteOutput<typeof routes.exitLookup>;
export type Provenance = LookupResult['provenance'];
export type ExtractFormat = RouteInput<typeof routes.exitExtract>['query']['format'];

/** How many deliveries one page of a grant's log shows. */
export const DELIVERY_PAGE = 50;

export function useShareRequests(scope: ShareScope, filter: { state?: ShareState; resourceId?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: queryKeys.shareRequests(scope, filter),
    queryFn: () => api(routes.listShareRequests, { query: { scope, ...filter } }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useShareRequest(id: string) {
  return useQuery({
    queryKey: queryKeys.shareRequest(id),
    queryFn: () => api(routes.getShareRequest, { params: { id } }),
    enabled: Boolean(id),
  });
}

/** The valid API keys of my agency's systems, to name on a request or a grant. */
export function useAgencyKeys(enabled = true) {
  return useQuery({ queryKey: queryKeys.agencyKeys, queryFn: () => api(routes.listAgencyKeys), enabled });
}

/** After a move: the request as answered, every list, the grants it may have made, pending steps and notifications. */
function useAfterShareChange() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: ShareRequestDetail) => {
      queryClient.setQueryData(queryKeys.shareRequest(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.share });
      void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    [queryClient],
  );
}

/** Files a request (R17.1); the bureau files for towns (R15.2). */
export function useFileShareRequest() {
  const onSuccess = useAfterShareChange();
  return useMutation({ mutationFn: (body: FileShareInput) => api(routes.fileShareRequest, { body }), onSuccess });
}

/** One move of a request's workflow; each move answers the request as it now stands. */
function useShareMove<B>(call: (id: string, body: B) => Promise<ShareRequestDetail>) {
  const onSuccess = useAfterShareChange();
  return useMutation({ mutationFn: (input: { id: string; body: B }) => call(input.id, input.body), onSuccess });
}

export type FormalReviewInput = RouteInput<typeof routes.formalReviewShareRequest>['body'];
export type ProviderReviewInput = RouteInput<typeof routes.providerReviewShareRequest>['body'];
export type UpperResultInput = RouteInput<typeof routes.recordUpperResult>['body'];
export type OutcomeInput = RouteInput<typeof routes.decideConsultation>['body'];

/** The bureau's formal review: approve, or reject with every reason and its legal basis (R16.1). */
export const useFormalReview = () =>
  useShareMove((id, body: FormalReviewInput) => api(routes.formalReviewShareRequest, { params: { id }, body }));
/** The provider's review: approve fields and period, or reject with reasons (R14.2, R16.1). */
export const useProviderReview = () =>
  useShareMove((id, body: ProviderReviewInput) => api(routes.providerReviewShareRequest, { params: { id }, body }));
/** The provider's answer to a demand (R14.3). */
export const useAnswerDemand = () =>
  useShareMove((id, body: { willShare: boolean; text: string }) => api(routes.answerShareDemand, { params: { id }, body }));
/** The upper-level node's result of an escalated request (R15.1). */
export const useUpperResult = () => useShareMove((id, body: UpperResultInput) => api(routes.recordUpperResult, { params: { id }, body }));
export const useWithdrawShareRequest = () =>
  useShareMove((id, body: { comment?: string }) => api(routes.withdrawShareRequest, { params: { id }, body }));
/** The bureau opens a consultation on a rejection it finds insufficient (R16.2). */
export const useOpenConsultation = () =>
  useShareMove((id, body: { reason: string; participantAgencyIds: string[] }) => api(routes.openConsultation, { params: { id }, body }));
export const useAddConsultationEntry = () =>
  useShareMove((id, body: { text: string }) => api(routes.addConsultationEntry, { params: { id }, body }));
/** The outcome that decides the request (R16.2). */
export const useDecideConsultation = () =>
  useShareMove((id, body: OutcomeInput) => api(routes.decideConsultation, { params: { id }, body }));

export function useGrants(scope: GrantScope, resourceId?: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.grants(scope, resourceId ?? null),
    queryFn: () => api(routes.listGrants, { query: { scope, ...(resourceId ? { resourceId } : {}) } }),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useGrant(id: string) {
  return useQuery({ queryKey: queryKeys.grant(id), queryFn: () => api(routes.getGrant, { params: { id } }), enabled: Boolean(id) });
}

function useAfterGrantChange() {
  const queryClient = useQueryClient();
  return useCallback(
    (grant: Grant) => {
      queryClient.setQueryData(queryKeys.grant(grant.id), grant);
      void queryClient.invalidateQueries({ queryKey: queryKeys.share });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    [queryClient],
  );
}

/** The consumer's steward names the systems (API keys) that may call under the grant. */
export function useSetGrantKeys() {
  const onSuccess = useAfterGrantChange();
  return useMutation({
    mutationFn: (input: { id: string; apiKeyIds: readonly string[] }) =>
      api(routes.setGrantKeys, { params: { id: input.id }, body: { apiKeyIds: [...input.apiKeyIds] } }),
    onSuccess,
  });
}

/** Suspend on misuse, reinstate, or revoke, with the reason. */
export function useChangeGrantState() {
  const onSuccess = useAfterGrantChange();
  return useMutation({
    mutationFn: (input: { id: string; action: GrantAction; reason: string }) =>
      api(routes.changeGrantState, { params: { id: input.id }, body: { action: input.action, reason: input.reason } }),
    onSuccess,
  });
}

/** One page of a grant's delivery log (newest first) with the daily counts; `before` pages back. */
export function useGrantDeliveries(id: string, before: number | null) {
  return useQuery({
    queryKey: queryKeys.grantDeliveries(id, before),
    queryFn: () =>
      api(routes.listGrantDeliveries, { params: { id }, query: { limit: DELIVERY_PAGE, ...(before === null ? {} : { before }) } }),
    enabled: Boolean(id),
    placeholderData: (previous) => previous,
  });
}

export function useLineage(resourceId: string) {
  return useQuery({
    queryKey: queryKeys.lineage(resourceId),
    queryFn: () => api(routes.getLineage, { params: { id: resourceId } }),
    enabled: Boolean(resourceId),
  });
}

/** One problem of a refused request: the server reports every one at once (details.problems, R17.1). */
export interface ShareProblem {
  readonly field: string | null;
  readonly message: { readonly zh: string; readonly en: string };
  readonly requirement: string | null;
}

/** The problems of a refusal: those listed in details.problems, or the refusal itself. */
export function shareProblemsOf(error: unknown): readonly ShareProblem[] {
  if (!(error instanceof ApiError)) return [];
  const listed = error.body.details?.problems;
  if (Array.isArray(listed)) {
    const problems = listed.filter(
      (entry): entry is ShareProblem =>
        typeof entry === 'object' && entry !== null && typeof (entry as ShareProblem).message?.zh === 'string',
    );
    if (problems.length > 0) return problems;
  }
  return [{ field: error.body.field ?? null, message: error.body.message, requirement: error.body.requirement ?? null }];
}

/** A lookup through the one exit as the signed-in person of the consumer agency; each one is a delivery. */
export function useExitLookup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { grantId: string; key: string }) =>
      api(routes.exitLookup, { params: { grantId: input.grantId, key: input.key }, query: {} }),
    onSettled: (_result, _error, input) => void queryClient.invalidateQueries({ queryKey: queryKeys.grantLog(input.grantId) }),
  });
}

/** The address of a bulk extract (a plain download: the session cookie goes along, R7.1). */
export function extractUrl(grantId: string, format: ExtractFormat): string {
  return `${fillPath(routes.exitExtract.url, { grantId })}?format=${format}`;
}
