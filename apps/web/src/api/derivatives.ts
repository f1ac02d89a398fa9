/**
 * De-identified derivatives (R18.4): the agency's list and sources, one derivative with its plan
 * and stored check, the moves (save the plan, run the check, record consent, publish, withdraw),
 * and the public list and detail. Each move answers the derivative as it now stands.
 */
import { routes, type RouteInput, type RouteOutput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type DerivativeDetail = RouteOutput<typeof routes.getManagedDerivative>;
export type DerivativeSummary = RouteOutput<typeof routes.listManagedDerivatives>[number];
export type DerivativeSource = RouteOutput<typeof routes.listDerivativeSources>[number];
export type DerivativeCheck = NonNullable<DerivativeDetail['check']>;
export type DerivativeState = DerivativeSummary['state'];
export type DerivativeField = DerivativeDetail['fields'][number];
export type SourceField = DerivativeDetail['sourceFields'][number];
export type Treatment = DerivativeField['treatment'];
export type MaskRule = Extract<Treatment, { kind: 'mask' }>['mask'];
export type PlanInput = RouteInput<typeof routes.updateDerivative>['body'];
export type CreateInput = RouteInput<typeof routes.createDerivative>['body'];
export type ConsentInput = RouteInput<typeof routes.recordDerivativeConsent>['body'];
export type PublicDerivative = RouteOutput<typeof routes.getPublicDerivative>;
export type PublicDerivativeSummary = RouteOutput<typeof routes.listPublicDerivatives>[number];
export type DerivativeSample = RouteOutput<typeof routes.getDerivativeSample>;

const keys = {
  all: ['derivatives'] as const,
  managed: (state?: DerivativeState) => ['derivatives', 'managed', state ?? 'all'] as const,
  sources: ['derivatives', 'sources'] as const,
  one: (id: string) => ['derivatives', 'one', id] as const,
  sample: (id: string) => ['derivatives', 'sample', id] as const,
  publicList: ['derivatives', 'public'] as const,
  publicOne: (id: string) => ['derivatives', 'public', id] as const,
};

export function useManagedDerivatives(state?: DerivativeState) {
  return useQuery({
    queryKey: keys.managed(state),
    queryFn: () => api(routes.listManagedDerivatives, { query: state ? { state } : {} }),
  });
}

export function useDerivativeSources(enabled: boolean) {
  return useQuery({ queryKey: keys.sources, queryFn: () => api(routes.listDerivativeSources, {}), enabled });
}

export function useManagedDerivative(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => api(routes.getManagedDerivative, { params: { id } }), enabled: Boolean(id) });
}

/** The first rows as the saved plan would publish them. */
export function useDerivativeSample(id: string) {
  return useQuery({ queryKey: keys.sample(id), queryFn: () => api(routes.getDerivativeSample, { params: { id } }), enabled: Boolean(id) });
}

export function usePublicDerivatives() {
  return useQuery({ queryKey: keys.publicList, queryFn: () => api(routes.listPublicDerivatives, {}) });
}

export function usePublicDerivative(id: string) {
  return useQuery({
    queryKey: keys.publicOne(id),
    queryFn: () => api(routes.getPublicDerivative, { params: { id } }),
    enabled: Boolean(id),
  });
}

/** After a move: the derivative as answered, and every list (the portal's too) fetched again. */
function useAfterMove() {
  const client = useQueryClient();
  return (detail: DerivativeDetail) => {
    client.setQueryData(keys.one(detail.id), detail);
    void client.invalidateQueries({ queryKey: keys.all, predicate: (q) => q.queryKey[1] !== 'one' });
  };
}

export function useCreateDerivative() {
  const onSuccess = useAfterMove();
  return useMutation({ mutationFn: (body: CreateInput) => api(routes.createDerivative, { body }), onSuccess });
}

export function useUpdateDerivative(id: string) {
  const onSuccess = useAfterMove();
  return useMutation({ mutationFn: (body: PlanInput) => api(routes.updateDerivative, { params: { id }, body }), onSuccess });
}

export function useCheckDerivative(id: string) {
  const onSuccess = useAfterMove();
  return useMutation({ mutationFn: () => api(routes.checkDerivative, { params: { id } }), onSuccess });
}

export function useDerivativeConsent(id: string) {
  const onSuccess = useAfterMove();
  return useMutation({ mutationFn: (body: ConsentInput) => api(routes.recordDerivativeConsent, { params: { id }, body }), onSuccess });
}

export function usePublishDerivative(id: string) {
  const onSuccess = useAfterMove();
  return useMutation({ mutationFn: () => api(routes.publishDerivative, { params: { id } }), onSuccess });
}

export function useWithdrawDerivative(id: string) {
  const onSuccess = useAfterMove();
  return useMutation({ mutationFn: (reason: string) => api(routes.withdrawDerivative, { params: { id }, body: { reason } }), onSuccess });
}
