/** Account queries and mutations; naming a data steward is a role change (R8.1). */
import { routes, type RouteInput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type UserFilter = RouteInput<typeof routes.listUsers>['query'];
export type NewUser = RouteInput<typeof routes.createUser>['body'];
export type UserPatch = RouteInput<typeof routes.updateUser>['body'];

export function useUsers(filter: UserFilter = {}, enabled = true) {
  return useQuery({
    queryKey: queryKeys.usersFiltered(filter),
    queryFn: () => api(routes.listUsers, { query: filter }),
    enabled,
    placeholderData: (previous) => previous,
  });
}

function useInvalidateAfterUserChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    // Steward counts of agencies change with roles (R8.1).
    void queryClient.invalidateQueries({ queryKey: queryKeys.agencies });
    void queryClient.invalidateQueries({ queryKey: queryKeys.sectorAgencies });
  };
}

export function useCreateUser() {
  const invalidate = useInvalidateAfterUserChange();
  return useMutation({ mutationFn: (body: NewUser) => api(routes.createUser, { body }), onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAfterUserChange();
  return useMutation({
    mutationFn: (input: { id: string; body: UserPatch }) => api(routes.updateUser, { params: { id: input.id }, body: input.body }),
    onSuccess: invalidate,
  });
}
