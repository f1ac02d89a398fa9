/** The addresses of the sharing pages (notifications link to requestPath and grantPath). */

export const REQUESTS_PATH = '/share/requests';
export const PROVIDER_QUEUE_PATH = '/share/provider';
export const REVIEW_QUEUE_PATH = '/share/reviews';
export const GRANTS_PATH = '/share/grants';

export const requestPath = (id: string): string => `/share/requests/${id}`;
export const grantPath = (id: string): string => `/share/grants/${id}`;
export const lineagePath = (resourceId: string): string => `/share/lineage/${resourceId}`;

/** The request wizard, optionally for one catalog resource, or as a demand to one provider (R14.3). */
export function newRequestPath(resourceId?: string | null, demand?: { kind: 'demand'; providerAgencyId: string }): string {
  const query = new URLSearchParams();
  if (resourceId) query.set('resourceId', resourceId);
  if (demand) {
    query.set('kind', demand.kind);
    query.set('providerAgencyId', demand.providerAgencyId);
  }
  const qs = query.toString();
  return `/share/requests/new${qs ? `?${qs}` : ''}`;
}
