/** Agency queries and mutations (R5.1, R8.1, R27.1). */
import { routes, type AgencyDetail, type AgencyInput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export function useAgencies(enabled = true) {
  return useQuery({ queryKey: queryKeys.agencies, queryFn: () => api(routes.listAgencies), enabled });
}

export function useAgency(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.agency(id ?? ''),
    queryFn: () => api(routes.getAgency, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useSectorAgencies() {
  return useQuery({ queryKey: queryKeys.sectorAgencies, queryFn: () => api(routes.sectorAgencies) });
}

export type AgencyPatch = Partial<AgencyInput> & { active?: boolean };

export function useSaveAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: AgencyInput | AgencyPatch }): Promise<AgencyDetail> =>
      input.id
        ? api(routes.updateAgency, { params: { id: input.id }, body: input.body })
        : api(routes.createAgency, { body: input.body as AgencyInput }),
    onSuccess: (detail) => {
      queryClient.setQueryData(queryKeys.agency(detail.agency.id), detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.agencies });
      void queryClient.invalidateQueries({ queryKey: queryKeys.sectorAgencies });
    },
  });
}
