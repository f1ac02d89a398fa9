/**
 * Participation on the open portal (issue 7 items 3, 7, 8): registration (signs the new account
 * in, like sign-in does), objections with their public answers (R20.2) and the reuse showcase
 * (R22.1). Query keys live here, under 'open-participation', so this part invalidates only its own.
 */
import { routes, type Me, type RouteInput, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import { queryKeys } from './queryKeys';

export type RegisterInput = RouteInput<typeof routes.openRegister>['body'];
export type PublicObjection = RouteOutput<typeof routes.listOpenObjections>['items'][number];
export type Objection = RouteOutput<typeof routes.listMyOpenObjections>[number];
export type ObjectionKind = PublicObjection['kind'];
export type ObjectionAction = NonNullable<PublicObjection['answer']>['action'];
export type RaiseObjectionInput = RouteInput<typeof routes.raiseOpenObjection>['body'];
export type ShowcaseItem = RouteOutput<typeof routes.listMyShowcase>[number];
export type ShowcaseKind = ShowcaseItem['kind'];
export type ShowcaseState = ShowcaseItem['state'];
export type ShowcaseGallery = RouteOutput<typeof routes.listShowcase>;
export type SubmitShowcaseInput = RouteInput<typeof routes.submitShowcaseItem>['body'];
export type ResourceOption = RouteOutput<typeof routes.listShowcaseResourceOptions>[number];

export const OBJECTION_KINDS: readonly ObjectionKind[] = ['error', 'omission', 'infringement', 'suggestion'];
export const OBJECTION_ACTIONS: readonly ObjectionAction[] = ['corrected', 'will_correct', 'no_change', 'removed'];
export const SHOWCASE_KINDS: readonly ShowcaseKind[] = ['application', 'research', 'article', 'scenario'];

const ROOT = 'open-participation';
export const participationKeys = {
  all: [ROOT] as const,
  objections: (filter: object) => [ROOT, 'objections', filter] as const,
  myObjections: [ROOT, 'objections', 'mine'] as const,
  objectionQueue: (state: string) => [ROOT, 'objections', 'queue', state] as const,
  gallery: (filter: object) => [ROOT, 'showcase', filter] as const,
  myShowcase: [ROOT, 'showcase', 'mine'] as const,
  showcaseQueue: (state: string) => [ROOT, 'showcase', 'queue', state] as const,
  resourceOptions: (q: string, ids: string) => [ROOT, 'resource-options', q, ids] as const,
};

/** Registers and signs in: the answer is the new session (as /api/auth/login answers). */
export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterInput) => api(routes.openRegister, { body }),
    onSuccess: (me: Me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

export function usePublicObjections(filter: { resourceId?: string; state?: 'open' | 'answered'; kind?: ObjectionKind; page?: number }) {
  return useQuery({
    queryKey: participationKeys.objections(filter),
    queryFn: () => api(routes.listOpenObjections, { query: filter }),
    placeholderData: (previous) => previous,
  });
}

export function useMyObjections() {
  return useQuery({ queryKey: participationKeys.myObjections, queryFn: () => api(routes.listMyOpenObjections) });
}

export function useObjectionQueue(state: 'open' | 'answered' | 'all') {
  return useQuery({
    queryKey: participationKeys.objectionQueue(state),
    queryFn: () => api(routes.listOpenObjectionQueue, { query: state === 'all' ? {} : { state } }),
  });
}

/** After a write: this part's lists, pending steps and notifications change with it. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: participationKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  };
}

export function useRaiseObjection() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: RaiseObjectionInput) => api(routes.raiseOpenObjection, { body }), onSuccess: after });
}

export function useAnswerObjection() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; answer: string; action: ObjectionAction }) =>
      api(routes.answerOpenObjection, { params: { id: input.id }, body: { answer: input.answer, action: input.action } }),
    onSuccess: after,
  });
}

export function useShowcaseGallery(filter: { kind?: ShowcaseKind; resourceId?: string; q?: string; page?: number }) {
  return useQuery({
    queryKey: participationKeys.gallery(filter),
    queryFn: () => api(routes.listShowcase, { query: filter }),
    placeholderData: (previous) => previous,
  });
}

export function useMyShowcase(enabled = true) {
  return useQuery({ queryKey: participationKeys.myShowcase, queryFn: () => api(routes.listMyShowcase), enabled });
}

export function useShowcaseQueue(state: ShowcaseState) {
  return useQuery({ queryKey: participationKeys.showcaseQueue(state), queryFn: () => api(routes.listShowcaseQueue, { query: { state } }) });
}

/** Open resources to link a work to: by words, or the chosen ids (to show their names). */
export function useResourceOptions(q: string, ids: readonly string[] = []) {
  const idList = ids.join(',');
  return useQuery({
    queryKey: participationKeys.resourceOptions(q, idList),
    queryFn: () => api(routes.listShowcaseResourceOptions, { query: idList ? { ids: idList } : { q } }),
    placeholderData: (previous) => previous,
  });
}

export function useSubmitShowcase() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (body: SubmitShowcaseInput) => api(routes.submitShowcaseItem, { body }), onSuccess: after });
}

export function useModerateShowcase() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (input: { id: string; approve: boolean; reason?: string }) =>
      api(routes.moderateShowcaseItem, {
        params: { id: input.id },
        body: { approve: input.approve, ...(input.reason ? { reason: input.reason } : {}) },
      }),
    onSuccess: after,
  });
}

export function useWithdrawShowcase() {
  const after = useAfterChange();
  return useMutation({ mutationFn: (id: string) => api(routes.withdrawShowcaseItem, { params: { id } }), onSuccess: after });
}
