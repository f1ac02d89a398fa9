import type { Permission } from '@gongshu/domain';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage';
import { loginPathFor } from './homePath';
import { useAuth } from './useAuth';

/**
 * Guards a page: a signed-out visitor goes to /login and comes back afterwards; a signed-in user
 * without the permission sees the 403 page. The server checks again on every call.
 */
export function RequirePermission({ permission, children }: { readonly permission?: Permission; readonly children: ReactNode }) {
  const { me, loading, can, signedOut } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={signedOut ? '/login' : loginPathFor(location)} replace />;
  if (permission && !can(permission)) return <ForbiddenPage />;
  return children;
}
