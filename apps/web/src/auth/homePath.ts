/**
 * Where a user lands after signing in: the bureau's console, an agency's workbench, a sector
 * supervisor's sector page, a security supervisor's audit page, a public user's hub (/me),
 * otherwise the profile.
 */
import type { Me } from '@gongshu/contracts';

export function homePath(me: Me): string {
  const has = (permission: string) => me.permissions.includes(permission);
  if (has('console.view')) return '/console';
  if (has('workbench.view')) return '/workbench';
  if (has('sector.oversee')) return '/sector';
  if (has('audit.read')) return '/audit';
  // Citizens and companies land on their hub of the open portal (issue 7).
  if (has('open.participate')) return '/me';
  return '/profile';
}

/** A ?next= value is followed only when it is a path of this site (no open redirect). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?')) return null;
  return next;
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}
