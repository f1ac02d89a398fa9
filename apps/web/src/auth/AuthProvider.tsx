/**
 * The session: who is signed in, as /api/auth/me says. The CSRF token of the session is handed to
 * the API client (memory only); signing in or out drops every cached query of the previous user.
 */
import { routes, type Me } from '@gongshu/contracts';
import type { Permission } from '@gongshu/domain';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken } from '../api/client';
import { isUnauthenticated } from '../api/errors';
import { queryKeys } from '../api/queryKeys';
import { AuthContext, type AuthValue } from './context';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api(routes.me);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isUnauthenticated(error)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Forgets the data of the previous user; the portal's public counts may stay. */
function dropUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== queryKeys.me[0] && query.queryKey[0] !== queryKeys.portalSummary[0],
  });
}

export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: Infinity });
  const me = meQuery.data ?? null;
  const [signedOut, setSignedOut] = useState(false);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const signedIn = await api(routes.login, { body: { username, password } });
      setCsrfToken(signedIn.csrfToken);
      setSignedOut(false);
      dropUserData(queryClient);
      queryClient.setQueryData(queryKeys.me, signedIn);
      return signedIn;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api(routes.logout);
    } catch (error) {
      // An expired session is already signed out; anything else still ends the session locally.
      if (!isUnauthenticated(error)) console.warn('sign-out request failed', error);
    }
    setCsrfToken(null);
    setSignedOut(true);
    queryClient.setQueryData(queryKeys.me, null);
    dropUserData(queryClient);
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading: meQuery.isPending,
      signIn,
      signOut,
      signedOut,
      can: (permission: Permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, meQuery.isPending, signIn, signOut, signedOut],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
