/**
 * The one API client of the web app. The session lives in an HttpOnly cookie; the CSRF token that
 * every write must carry is kept in memory only (from login and /api/auth/me), never in storage.
 */
import { createClient } from '@gongshu/contracts';

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header of the session, for writes made outside the typed client (file uploads). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export const api = createClient({ headers: csrfHeaders });
