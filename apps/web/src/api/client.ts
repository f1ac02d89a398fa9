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

export const api = createClient({
  headers: (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
});
