/** Third-party service providers (R30.1): the register, one provider, and its changes. */
import { routes, type RouteInput, type ServiceProviderDetail, type ServiceProviderInput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type ProviderFilter = RouteInput<typeof routes.listServiceProviders>['query'];

/** Keys of this register (every change invalidates the lot). */
const KEY = ['service-providers'] as const;
const keys = {
  list: (filter: ProviderFilter) => [...KEY, 'list', filter] as const,
  one: (id: string) => [...KEY, 'one', id] as const,
  options: (id: string) => [...KEY, 'options', id] as const,
};

export function useServiceProviders(filter: ProviderFilter) {
  return useQuery({ queryKey: keys.list(filter), queryFn: () => api(routes.listServiceProviders, { query: filter }) });
}

export function useServiceProvider(id: string | null) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: () => api(routes.getServiceProvider, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useProviderAccountOptions(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: keys.options(id ?? ''),
    queryFn: () => api(routes.providerAccountOptions, { params: { id: id ?? '' } }),
    enabled: Boolean(id) && enabled,
  });
}

function useProviderMutation<T>(run: (input: T) => Promise<ServiceProviderDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      queryClient.setQueryData(keys.one(detail.provider.id), detail);
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
}

export type ProviderPatch = Partial<Omit<ServiceProviderInput, 'agencyId'>>;

export function useSaveProvider() {
  return useProviderMutation((input: { id: null; body: ServiceProviderInput } | { id: string; body: ProviderPatch }) =>
    input.id === null
      ? api(routes.createServiceProvider, { body: input.body })
      : api(routes.updateServiceProvider, { params: { id: input.id }, body: input.body }),
  );
}

export function useEndProvider() {
  return useProviderMutation((input: { id: string; kind: 'ended' | 'terminated'; reason: string }) =>
    api(routes.endServiceProvider, { params: { id: input.id }, body: { kind: input.kind, reason: input.reason } }),
  );
}

export function useLinkProviderAccount() {
  return useProviderMutation((input: { id: string; userId: string; link: boolean }) =>
    input.link
      ? api(routes.linkProviderAccount, { params: { id: input.id }, body: { userId: input.userId } })
      : api(routes.unlinkProviderAccount, { params: { id: input.id, userId: input.userId } }),
  );
}
